// Uploading what a run wrote (results, profiles, reports) as workflow artifacts. Behind an interface: the
// action uses @actions/artifact, which needs the Actions runtime (ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL:
// given to JavaScript actions only, so the CLI in a `run:` step cannot upload); tests hand in a fake.
//
// Names must be unique within a run and may not hold `" : < > | * ? \ /`. A rerun and each job or shard of a
// matrix upload under their own name: the key, the job, the shard and the attempt are in it. Readers pick the
// highest id among names with the same prefix (a rerun's upload is the latest).
import { createHash } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { Shard } from '../config/types.js'
import { errorMessage } from '../errors.js'

export interface UploadedArtifact {
  id?: number
  size?: number
}

export interface ArtifactUploader {
  /** `files` are absolute paths under `rootDir`; they keep their place relative to it in the archive. */
  upload(name: string, files: string[], rootDir: string, options: { retentionDays?: number }): Promise<UploadedArtifact>
}

export type UploadOutcome = { status: 'uploaded'; name: string; id?: number; files: number } | { status: 'failed'; name: string; message: string }

/**
 * The real client, loaded when first used. Imported by name inside the call: @github/local-action replaces
 * the module with a stub that has no default export, and the bundle inlines it (rollup inlineDynamicImports).
 */
export function actionsArtifactUploader(): ArtifactUploader {
  return {
    async upload(name, files, rootDir, options) {
      const { DefaultArtifactClient } = await import('@actions/artifact')
      const client = new DefaultArtifactClient()
      const r = await client.uploadArtifact(name, files, rootDir, options.retentionDays === undefined ? {} : { retentionDays: options.retentionDays })
      return { id: r.id, size: r.size }
    }
  }
}

// Characters the artifact service refuses, and whitespace and control characters, which make names unreadable.
const UNSAFE = /["\\:<>|*?/\s\u0000-\u001f\u007f]/g

/** A user-given part of a name made safe; a short digest keeps `a/b` and `a_b` apart. */
export function namePart(text: string): string {
  const safe = text.replace(UNSAFE, '_')
  return safe === text ? text : `${safe}-${createHash('sha256').update(text).digest('hex').slice(0, 8)}`
}

export function shardSuffix(shard: Shard): string {
  return shard.count > 1 ? `-shard-${shard.index}-of-${shard.count}` : ''
}

export const REPORT_ARTIFACT_PREFIX = 'go-leak-gate-report-'
export const RESULTS_ARTIFACT_PREFIX = 'go-leak-gate-results-'
export const SHARD_ARTIFACT_PREFIX = 'go-leak-gate-shard-'

export interface NameParts {
  key: string
  job: string
  runAttempt: number
  shard: Shard
}

/** report.json and report.md alone: small, so the fork-safe poster can download it under tight bounds. */
export function reportArtifactName(p: NameParts): string {
  return `${reportArtifactPrefix(p.key)}${namePart(p.job)}${shardSuffix(p.shard)}-attempt-${p.runAttempt}`
}

export function reportArtifactPrefix(key: string): string {
  return `${REPORT_ARTIFACT_PREFIX}${namePart(key)}--`
}

/** The result directories and their profiles, for people (and `go tool pprof`). */
export function resultsArtifactName(p: NameParts): string {
  return `${RESULTS_ARTIFACT_PREFIX}${namePart(p.key)}--${namePart(p.job)}${shardSuffix(p.shard)}-attempt-${p.runAttempt}`
}

/** One shard's measurements, for the aggregate job of the same run. */
export function shardArtifactName(key: string, shard: Shard, runAttempt: number): string {
  return `${shardArtifactPrefix(key)}${shard.index}-of-${shard.count}-attempt-${runAttempt}`
}

export function shardArtifactPrefix(key: string): string {
  return `${SHARD_ARTIFACT_PREFIX}${namePart(key)}--`
}

/** The stored baseline: a fixed name that the lookup asks for (baseline.ts); per shard when sharded. */
export function baselineArtifactName(name: string, shard: Shard): string {
  return `${name}${shardSuffix(shard)}`
}

/** Every regular file below dir, as absolute paths, in a stable order. */
export async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(join(e.parentPath, e.name))
  }
  return out.sort()
}

/** Uploads files (or every file below rootDir); a failure is an outcome to warn about, never an exception. */
export async function uploadFiles(
  uploader: ArtifactUploader,
  name: string,
  rootDir: string,
  options: { retentionDays?: number; files?: string[] }
): Promise<UploadOutcome> {
  try {
    const files = options.files ?? (await filesUnder(rootDir))
    if (files.length === 0) return { status: 'failed', name, message: `nothing to upload in ${rootDir}` }
    const r = await uploader.upload(name, files, rootDir, { retentionDays: options.retentionDays })
    return { status: 'uploaded', name, id: r.id, files: files.length }
  } catch (err) {
    return { status: 'failed', name, message: `uploading the artifact ${name} failed: ${errorMessage(err)}` }
  }
}

/** Paths inside an artifact, for messages and tests: `base/result.json`. */
export function archivePaths(files: string[], rootDir: string): string[] {
  return files.map((f) => relative(rootDir, f).split('\\').join('/'))
}
