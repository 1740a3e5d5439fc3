// The stored baseline: the result directory a push run of this workflow on the base branch uploaded with
// `mode: record`, found through the workflow runs API (github/baseline.ts), downloaded over REST with bounds
// (github/artifact-download.ts) and read back as any result directory is: validated against the result schema.
// The recording run ran on another machine, so its timings may not fail the gate (see choose.ts).
import { mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import { errorMessage } from '../errors.js'
import { restArtifactDownloader } from '../github/artifact-download.js'
import { findStoredBaseline, type BaselineLookup, type BaselineQuery } from '../github/baseline.js'
import type { GitHubClient } from '../github/client.js'
import type { BaselineInfo } from '../model/report.js'
import type { RunResult } from '../model/result.js'
import { readResult } from './result-dir.js'

export type StoredFetch =
  | { status: 'found'; result: RunResult; dir: string; info: Omit<BaselineInfo, 'source' | 'description'>; runUrl: string }
  | { status: 'none'; reason: string }

/** Go version, platform, CPU and GOMAXPROCS: what decides whether timings from there mean anything here. */
export function machineOf(r: RunResult): string {
  return `${r.env.goVersion} ${r.env.goos}/${r.env.goarch}, ${r.env.cpu === '' ? 'CPU unknown' : r.env.cpu}, GOMAXPROCS ${r.env.gomaxprocs}`
}

/** Finds, downloads and validates the stored baseline; every way of not having one is a reason, not a throw. */
export async function fetchStoredBaseline(octokit: GitHubClient, q: BaselineQuery, tempDir: string, now: Date): Promise<StoredFetch> {
  const lookup: BaselineLookup = await findStoredBaseline(octokit, q)
  if (lookup.status !== 'found') return { status: 'none', reason: lookup.message }
  const dir = await mkdtemp(join(tempDir, 'glg-stored-'))
  const got = await restArtifactDownloader(octokit, { owner: q.owner, repo: q.repo }).download(lookup.artifact, dir)
  if (got.status !== 'downloaded') return { status: 'none', reason: `no stored baseline: ${got.message}` }
  let result: RunResult
  try {
    result = await readResult(dir)
  } catch (err) {
    return { status: 'none', reason: `the stored baseline of run ${lookup.run.id} is refused: ${errorMessage(err)}` }
  }
  const recordedAt = lookup.artifact.createdAt ?? lookup.run.createdAt
  const age = Math.max(0, Math.round((now.getTime() - Date.parse(recordedAt)) / 1000))
  return {
    status: 'found',
    result,
    dir,
    runUrl: lookup.run.url,
    info: {
      commit: /^[0-9a-f]{7,64}$/.test(lookup.run.headSha) ? lookup.run.headSha : undefined,
      runId: lookup.run.id,
      runUrl: lookup.run.url,
      recordedAt,
      ...(Number.isFinite(age) ? { ageSeconds: age } : {}),
      machine: machineOf(result),
      matchesBase: lookup.matchesBase
    }
  }
}
