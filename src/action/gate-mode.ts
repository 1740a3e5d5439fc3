// mode gate: the pull request's head against its baseline (choose.ts), published to every sink. With
// `shard: i/n` (n > 1) the job measures its part of the packages on both sides and uploads them; the
// aggregate job judges all parts together.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fetchStoredBaseline } from '../baseline/artifact.js'
import { chooseBaseline, type BaselinePlan } from '../baseline/choose.js'
import type { ActionSettings } from '../config/inputs.js'
import { Outputs } from '../config/inputs.js'
import { EXIT, exitCodeForResult, type ExitCode } from '../exit.js'
import { workflowFileFromRef } from '../github/baseline.js'
import type { GitHubClient } from '../github/client.js'
import { gate, measureBoth } from '../pipeline/gate.js'
import { baselineArtifactName, filesUnder, resultsArtifactName, shardArtifactName, uploadFiles } from '../publish/artifacts.js'
import { resultSummary } from '../publish/terminal.js'
import type { WorkflowContext } from './context.js'
import { githubClient, jobDeps, NAME_CLASH_HINT, nameParts } from './common.js'
import type { ActionIO } from './io.js'
import { checkReportFiles, publishReport, thisRunsReport } from './publishing.js'
import { SHARD_MANIFEST, type ShardManifest } from './shard-manifest.js'

function planBaseline(io: ActionIO, s: ActionSettings, ctx: WorkflowContext, octokit: GitHubClient | undefined): Promise<BaselinePlan> {
  const workflow = workflowFileFromRef(ctx.workflowRef)
  const branch = ctx.pullRequest?.baseRef ?? ctx.defaultBranch
  const canLook = octokit !== undefined && workflow !== undefined && branch !== undefined && ctx.owner !== ''
  return chooseBaseline({
    choice: s.github.baseline,
    moduleDir: s.config.run.dir,
    baseRef: s.baseRef || ctx.pullRequest?.baseSha || undefined,
    workspace: io.workspace,
    testsEnabled: s.config.tests.enabled,
    info: io.info,
    warning: io.warning,
    fetchStored: canLook
      ? () =>
          fetchStoredBaseline(
            octokit,
            {
              owner: ctx.owner,
              repo: ctx.repo,
              workflow,
              branch,
              baseSha: ctx.pullRequest?.baseSha,
              artifactName: baselineArtifactName(s.github.baselineArtifact, s.config.run.shard)
            },
            io.tempDir,
            io.now()
          )
      : undefined
  })
}

export async function gateMode(io: ActionIO, s: ActionSettings, ctx: WorkflowContext): Promise<ExitCode> {
  const checked = await checkReportFiles(io, s)
  const octokit = githubClient(io, s, ctx)
  const plan = await planBaseline(io, s, ctx, octokit)
  const deps = await jobDeps(io)
  io.info(`go-leak-gate: ${deps.toolchain.goVersion}, baseline ${plan.kind}: ${plan.source.describe}; head is the working tree in ${s.config.run.dir}`)
  if (s.config.run.shard.count > 1) return shardJob(io, s, ctx, plan, deps)

  const { report, base, head, dirs } = await gate(deps, s.config, plan.source, s.outDir)
  const results = {
    name: resultsArtifactName(nameParts(s, ctx)),
    rootDir: s.outDir,
    files: async () => [...(await filesUnder(join(s.outDir, 'base')).catch(() => [])), ...(await filesUnder(join(s.outDir, 'head')))],
    retentionDays: s.github.retentionDays,
    hint: NAME_CLASH_HINT
  }
  const html = { path: join(s.outDir, 'report.html'), results: async () => ({ base, head, baseDir: dirs.base, headDir: dirs.head }) }
  return publishReport({ ...thisRunsReport({ io, settings: s, ctx, octokit }, checked, [results]), html }, report, checked.problems)
}

/** One shard: both sides measured and uploaded with a manifest; no verdict here, the aggregate job gives it. */
async function shardJob(io: ActionIO, s: ActionSettings, ctx: WorkflowContext, plan: BaselinePlan, deps: Awaited<ReturnType<typeof jobDeps>>): Promise<ExitCode> {
  const shard = s.config.run.shard
  const sides = await measureBoth(deps, s.config, plan.source, s.outDir)
  const manifest: ShardManifest = {
    schemaVersion: 1,
    key: s.github.commentKey,
    index: shard.index,
    count: shard.count,
    timingsComparable: sides.timingsComparable,
    ...(sides.info === undefined ? {} : { baseline: sides.info })
  }
  const manifestPath = join(s.outDir, SHARD_MANIFEST)
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2) + '\n')
  const name = shardArtifactName(s.github.commentKey, shard, ctx.runAttempt)
  const files = [manifestPath, ...(await filesUnder(join(s.outDir, 'base'))), ...(await filesUnder(join(s.outDir, 'head')))]
  const up = await uploadFiles(io.artifacts, name, s.outDir, { retentionDays: s.github.retentionDays, files })
  const lines = [
    `### go-leak-gate shard ${shard.index}/${shard.count}`,
    '',
    `Measured this shard's packages on both sides (baseline ${plan.kind}); the verdict comes from the job with \`mode: aggregate\`.`,
    '',
    '```',
    resultSummary(sides.head.result, join(s.outDir, 'head', 'result.json')).trimEnd(),
    '```'
  ]
  await io.summary(lines.join('\n') + '\n').catch((err: unknown) => io.warning(`go-leak-gate: the job summary was not written: ${String(err)}`))
  io.setOutput(Outputs.Verdict, 'measured')
  io.setOutput(Outputs.Baseline, plan.kind)
  if (up.status === 'failed') {
    // The aggregate job cannot judge without this part: that is a run that did not complete.
    io.setFailed(`go-leak-gate: ${up.message}. ${NAME_CLASH_HINT}`)
    return EXIT.incomplete
  }
  io.info(`go-leak-gate: uploaded shard ${shard.index}/${shard.count} as ${name}`)
  const code = exitCodeForResult(sides.head.result)
  if (code === EXIT.incomplete) io.setFailed(`go-leak-gate: shard ${shard.index}/${shard.count} did not complete (${sides.head.result.errors.length} errors); see the job summary`)
  return code === EXIT.incomplete ? code : EXIT.pass
}
