// mode record: a push to the default branch measures its commit (tests and benchmarks, as a base side would
// be) and uploads the result directory as the stored baseline. It compares nothing.
import { join } from 'node:path'
import type { ActionSettings } from '../config/inputs.js'
import { Outputs } from '../config/inputs.js'
import { EXIT, exitCodeForResult, type ExitCode } from '../exit.js'
import { measureWorkingTree } from '../pipeline/gate.js'
import { baselineArtifactName, uploadFiles } from '../publish/artifacts.js'
import { checkOutputs } from '../publish/outputs.js'
import { resultSummary } from '../publish/terminal.js'
import type { WorkflowContext } from './context.js'
import { jobDeps } from './common.js'
import type { ActionIO } from './io.js'

export async function recordMode(io: ActionIO, s: ActionSettings, ctx: WorkflowContext): Promise<ExitCode> {
  const dir = join(s.outDir, 'record')
  await checkOutputs(dir, [])
  if (ctx.eventName !== 'push') {
    io.warning(`go-leak-gate: mode record runs on '${ctx.eventName || 'no event'}', not on a push: pull requests look up baselines of push runs only, so this one will not be used`)
  }
  const deps = await jobDeps(io)
  io.info(`go-leak-gate: ${deps.toolchain.goVersion}, recording the baseline of ${s.config.run.dir}`)
  const result = await measureWorkingTree(deps, s.config, dir)
  const name = baselineArtifactName(s.github.baselineArtifact, s.config.run.shard)
  const up = await uploadFiles(io.artifacts, name, dir, { retentionDays: s.github.retentionDays })
  const summary = resultSummary(result, join(dir, 'result.json')).trimEnd()
  const uploaded = up.status === 'uploaded' ? `Uploaded as the artifact \`${name}\`${s.github.retentionDays === undefined ? '' : `, kept ${s.github.retentionDays} days`}.` : `**Not uploaded:** ${up.message}`
  await io.summary(`### go-leak-gate: baseline recorded\n\n${uploaded}\n\n\`\`\`\n${summary}\n\`\`\`\n`).catch((err: unknown) => io.warning(`go-leak-gate: the job summary was not written: ${String(err)}`))
  const code = exitCodeForResult(result)
  io.setOutput(Outputs.Verdict, code === EXIT.incomplete ? 'incomplete' : 'recorded')
  io.setOutput(Outputs.Baseline, 'none')
  io.setOutput(Outputs.CommentUrl, '')
  if (up.status === 'failed') {
    // Recording is the whole point of this mode: without the upload there is no baseline.
    io.setFailed(`go-leak-gate: ${up.message}`)
    return EXIT.incomplete
  }
  io.info(`go-leak-gate: recorded the baseline as the artifact ${name}${up.id === undefined ? '' : ` (id ${up.id})`}`)
  if (code === EXIT.incomplete) io.setFailed(`go-leak-gate: the recording did not complete (${result.errors.length} errors); see the job summary`)
  return code
}
