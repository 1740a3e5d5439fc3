// mode aggregate: the final job of a sharded matrix. It downloads every shard's measurements of this run,
// merges base with base and head with head, and compares once, so that statistics and the control over many
// comparisons see all shards together. A shard that uploaded nothing is said, and the verdict is incomplete.
import { mkdtemp, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readResult } from '../baseline/result-dir.js'
import { mergeShards, missingShards, type ShardPart } from '../compare/shards.js'
import type { ActionSettings } from '../config/inputs.js'
import { errorMessage, IncompleteRunError, UsageError } from '../errors.js'
import { restArtifactDownloader } from '../github/artifact-download.js'
import { listRunArtifacts, type RunArtifact } from '../github/run-artifacts.js'
import { readSourceDiff } from '../git/source-diff.js'
import { compareWithSites } from '../pipeline/compare.js'
import { shardArtifactPrefix } from '../publish/artifacts.js'
import type { Report } from '../model/report.js'
import { requireRepository, withTrustedRunLink, type WorkflowContext } from './context.js'
import { requireClient } from './common.js'
import type { ActionIO } from './io.js'
import { checkReportFiles, publishReport, thisRunsReport } from './publishing.js'
import { parseShardManifest, SHARD_MANIFEST, type ShardManifest } from './shard-manifest.js'

interface Downloaded {
  manifest: ShardManifest
  base: ShardPart
  head: ShardPart
}

/** Per shard index the latest upload (a rerun of a shard job uploads again, under a higher id). */
function latestPerShard(artifacts: RunArtifact[], prefix: string): Map<number, RunArtifact> {
  const out = new Map<number, RunArtifact>()
  for (const a of artifacts) {
    const m = /^(\d{1,3})-of-(\d{1,3})-attempt-\d+$/.exec(a.name.slice(prefix.length))
    if (m === null) continue
    const index = Number(m[1])
    const known = out.get(index)
    if (known === undefined || a.id > known.id) out.set(index, a)
  }
  return out
}

async function downloadShard(octokit: ReturnType<typeof requireClient>, repo: { owner: string; repo: string }, a: RunArtifact, root: string): Promise<Downloaded> {
  const dir = join(root, `shard-${a.id}`)
  const got = await restArtifactDownloader(octokit, repo).download(a, dir)
  if (got.status !== 'downloaded') throw new IncompleteRunError(`the shard artifact ${a.name} could not be used: ${got.message}`)
  const parsed = parseShardManifest(await readFile(join(dir, SHARD_MANIFEST), 'utf8').catch(() => ''))
  if (!parsed.ok) throw new UsageError(`the shard artifact ${a.name} is refused: ${parsed.why}`)
  const rel = `shard-${a.id}`
  try {
    return {
      manifest: parsed.manifest,
      base: { index: parsed.manifest.index, result: await readResult(join(dir, 'base')), dir: `${rel}/base` },
      head: { index: parsed.manifest.index, result: await readResult(join(dir, 'head')), dir: `${rel}/head` }
    }
  } catch (err) {
    throw new UsageError(`the shard artifact ${a.name} is refused: ${errorMessage(err)}`)
  }
}

export async function aggregateMode(io: ActionIO, s: ActionSettings, ctx: WorkflowContext): Promise<ReturnType<typeof publishReport>> {
  const repo = requireRepository(ctx, 'aggregate')
  const octokit = requireClient(io, s, ctx)
  const checked = await checkReportFiles(io, s)

  const prefix = shardArtifactPrefix(s.github.commentKey)
  const shards = latestPerShard(await listRunArtifacts(octokit, repo, ctx.runId, prefix), prefix)
  if (shards.size === 0) {
    throw new IncompleteRunError(`no shard of this run uploaded its measurements (artifacts ${prefix}*): did the matrix jobs run with shard: i/n and the same comment-key?`)
  }
  const root = await mkdtemp(join(io.tempDir, 'glg-aggregate-'))
  const parts: Downloaded[] = []
  for (const a of [...shards.values()].sort((x, y) => x.name.localeCompare(y.name))) parts.push(await downloadShard(octokit, repo, a, root))
  const counts = new Set(parts.map((p) => p.manifest.count))
  if (counts.size > 1) throw new UsageError(`the shards disagree on how many there are (${[...counts].join(', ')}): give every matrix job the same n in shard: i/n`)
  const count = parts[0].manifest.count
  const missing = missingShards(parts.map((p) => p.manifest.index), count)

  let base, head
  try {
    base = mergeShards(parts.map((p) => p.base))
    head = mergeShards(parts.map((p) => p.head))
  } catch (err) {
    throw new UsageError(`the shards cannot be merged: ${errorMessage(err)}`)
  }
  const report: Report = await compareWithSites(
    { base, head, baseDir: root, headDir: root, config: s.config.compare, timingsComparable: parts.every((p) => p.manifest.timingsComparable) },
    () => readSourceDiff(io.run, s.config.run.dir, base.env.commit, head.env.commit).catch(() => undefined)
  )
  const baseline = parts[0].manifest.baseline
  if (baseline !== undefined) report.baseline = withTrustedRunLink(baseline, ctx)
  for (const i of missing) {
    report.errors.push({ side: 'head', kind: 'shard', subject: `shard ${i}/${count}`, message: `shard ${i} of ${count} uploaded no measurements: its packages are not in this verdict` })
  }
  if (missing.length > 0) {
    report.incomplete = true
    report.notes.push(`Shards ${missing.join(', ')} of ${count} are missing: their job failed or was cancelled before uploading, so their packages are not judged.`)
  }
  report.notes.push(`Merged from ${parts.length} of ${count} shards, compared once over all of them.`)
  io.info(`go-leak-gate: merged ${parts.length} of ${count} shards${missing.length > 0 ? `; missing: ${missing.join(', ')}` : ''}`)

  // The shards' profile paths are relative to root (shard-ID/base/...): the page reads them from there.
  const html = { path: join(s.outDir, 'report.html'), results: async () => ({ base, head, baseDir: root, headDir: root }) }
  return publishReport({ ...thisRunsReport({ io, settings: s, ctx, octokit }, checked), html }, report, checked.problems)
}
