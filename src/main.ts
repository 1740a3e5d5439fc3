import * as core from '@actions/core'
import * as github from '@actions/github'
import { join } from 'node:path'
import { worktreeBaseline } from './baseline/worktree.js'
import { getSettings, Outputs, type ActionSettings, type GetInput } from './config/inputs.js'
import { debugRequested, describeError, UsageError } from './errors.js'
import { EXIT, exitCodeForError, exitCodeForReport, withOutputFailures, type ExitCode } from './exit.js'
import { runProcess, type Runner } from './go/process.js'
import { probeToolchain } from './go/toolchain.js'
import type { JobDeps } from './jobs/deps.js'
import type { Report } from './model/report.js'
import { gate } from './pipeline/gate.js'
import { actionOutputs, jobSummary } from './publish/action.js'
import { jsonFile, markdownFile } from './publish/files.js'
import { checkOutputs } from './publish/outputs.js'
import { describeProblem, publish, type SinkProblem } from './publish/sinks.js'

/** The action: settings -> outputs checked -> baseline (a worktree of the base) -> gate -> publish. */
export async function run(io: ActionIO = defaultIO()): Promise<number> {
  try {
    const settings = await getSettings(io.getInput, io.workspace, io.tempDir)
    const baseRef = baseRefOf(settings, io)
    const outputs = await checkOutputs(settings.outDir, actionSinks(io, settings.outDir))
    for (const p of outputs.problems) io.setFailed(`go-leak-gate: ${describeProblem(p)}`)
    const deps = await jobDeps(io)
    io.info(`go-leak-gate: ${deps.toolchain.goVersion}, comparing ${baseRef} with the working tree in ${settings.config.run.dir}`)
    const { report } = await gate(deps, settings.config, worktreeBaseline(settings.config.run.dir, baseRef, io.info), settings.outDir)
    const failed = await publish(report, outputs.ready)
    return finish(io, report, failed, outputs.problems.length)
  } catch (err) {
    io.setOutput(Outputs.Verdict, 'error')
    io.setFailed(`go-leak-gate: ${describeError(err, io.debug)}`)
    return exitCodeForError(err)
  }
}

/** Everything the action does to the outside world, handed in so tests can use a real runner and record the rest. */
export interface ActionIO {
  getInput: GetInput
  setOutput: (name: string, value: string | number) => void
  summary: (markdown: string) => Promise<void>
  setFailed: (message: string) => void
  info: (message: string) => void
  run: Runner
  /** The pull request's base commit, when the workflow runs for a pull request. */
  pullRequestBase: () => string | undefined
  workspace: string
  tempDir: string
  /** Stack traces with errors: the runner's debug logging, or GO_LEAK_GATE_DEBUG=1. */
  debug: boolean
}

export function defaultIO(): ActionIO {
  return {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    summary: async (markdown) => {
      await core.summary.addRaw(markdown, true).write()
    },
    setFailed: (message) => core.setFailed(message),
    info: (message) => core.info(message),
    run: runProcess,
    pullRequestBase: () => {
      const pr = github.context.payload.pull_request as { base?: { sha?: string } } | undefined
      return pr?.base?.sha
    },
    workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
    tempDir: process.env.RUNNER_TEMP ?? process.env.TMPDIR ?? '/tmp',
    debug: core.isDebug() || debugRequested()
  }
}

function baseRefOf(settings: ActionSettings, io: ActionIO): string {
  const baseRef = settings.baseRef || io.pullRequestBase()
  if (!baseRef) throw new UsageError(`no base to compare with: set the 'base-ref' input, or run the action on a pull_request event`)
  return baseRef
}

function actionSinks(io: ActionIO, outDir: string) {
  const files = { json: join(outDir, 'report.json'), markdown: join(outDir, 'report.md') }
  return [jsonFile(files.json), markdownFile(files.markdown), jobSummary(io.summary), actionOutputs(io.setOutput, files)]
}

async function jobDeps(io: ActionIO): Promise<JobDeps> {
  return { run: io.run, toolchain: await probeToolchain(io.run), log: io.info }
}

/** The step fails with the reason; outputs that could not be written (some said already) make it a 2. */
function finish(io: ActionIO, report: Report, failed: SinkProblem[], saidBefore: number): ExitCode {
  for (const p of failed) io.setFailed(`go-leak-gate: ${describeProblem(p)}`)
  const code = exitCodeForReport(report)
  if (code === EXIT.incomplete) io.setFailed(`go-leak-gate: the run did not complete (${report.errors.length} errors); see the job summary`)
  else if (code === EXIT.fail) io.setFailed(`go-leak-gate: ${report.counts.fail} failing findings; see the job summary`)
  return withOutputFailures(code, failed.length + saidBefore)
}
