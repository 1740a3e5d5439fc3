import * as core from '@actions/core'
import * as github from '@actions/github'
import { join } from 'node:path'
import { getSettings, Outputs, type GetInput } from './config/inputs.js'
import { exitCodeForReport, reportJson, writeOutput } from './engine/outputs.js'
import { gate } from './engine/pipeline.js'
import { errorMessage, UsageError, EXIT } from './errors.js'
import { runProcess, type Runner } from './go/process.js'
import { probeToolchain } from './go/toolchain.js'
import type { Report } from './model/report.js'
import { renderMarkdown } from './report/markdown.js'

// GitHub refuses job summaries over 1 MiB; leave room for other steps' summaries.
const SUMMARY_LIMIT = 1_000_000

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
    tempDir: process.env.RUNNER_TEMP ?? process.env.TMPDIR ?? '/tmp'
  }
}

function setReportOutputs(io: ActionIO, report: Report, jsonPath: string, markdownPath: string): void {
  const k = report.counts.byKind
  io.setOutput(Outputs.Verdict, report.incomplete ? 'incomplete' : report.verdict)
  io.setOutput(Outputs.ReportJson, jsonPath)
  io.setOutput(Outputs.ReportMarkdown, markdownPath)
  io.setOutput(Outputs.Failures, report.counts.fail)
  io.setOutput(Outputs.Warnings, report.counts.warn)
  io.setOutput(Outputs.Regressions, k.regression ?? 0)
  io.setOutput(Outputs.HeapLeaks, k['heap-leak'] ?? 0)
  io.setOutput(Outputs.GcPauses, k['gc-pause'] ?? 0)
  io.setOutput(Outputs.BenchFailures, k['bench-failure'] ?? 0)
  io.setOutput(Outputs.Races, k.race ?? 0)
  io.setOutput(Outputs.GoroutineLeaks, k['goroutine-leak'] ?? 0)
  io.setOutput(Outputs.Hangs, k.hang ?? 0)
  io.setOutput(Outputs.Panics, k.panic ?? 0)
  io.setOutput(Outputs.BuildFailures, k['build-failure'] ?? 0)
  // The sticky PR comment comes with the publishing stage; until then there is no comment to point at.
  io.setOutput(Outputs.CommentUrl, '')
}

/** The action: settings -> gate (base worktree + head, interleaved) -> report files -> summary and outputs. */
export async function run(io: ActionIO = defaultIO()): Promise<number> {
  try {
    const settings = await getSettings(io.getInput, io.workspace, io.tempDir)
    const baseRef = settings.baseRef || io.pullRequestBase()
    if (!baseRef) {
      throw new UsageError(`no base to compare with: set the 'base-ref' input, or run the action on a pull_request event`)
    }
    const toolchain = await probeToolchain(io.run)
    io.info(`go-leak-gate: ${toolchain.goVersion}, comparing ${baseRef} with the working tree in ${settings.config.run.dir}`)
    const { report } = await gate({ run: io.run, toolchain, log: io.info }, settings.config, baseRef, settings.outDir)
    const jsonPath = join(settings.outDir, 'report.json')
    const markdownPath = join(settings.outDir, 'report.md')
    const markdown = renderMarkdown(report)
    await writeOutput(jsonPath, reportJson(report))
    await writeOutput(markdownPath, markdown)
    await io.summary(renderMarkdown(report, { maxLength: SUMMARY_LIMIT }))
    setReportOutputs(io, report, jsonPath, markdownPath)
    const code = exitCodeForReport(report)
    if (code === EXIT.incomplete) io.setFailed(`go-leak-gate: the run did not complete (${report.errors.length} errors); see the job summary`)
    else if (code === EXIT.fail) io.setFailed(`go-leak-gate: ${report.counts.fail} failing findings; see the job summary`)
    return code
  } catch (err) {
    io.setOutput(Outputs.Verdict, 'error')
    io.setFailed(`go-leak-gate: ${errorMessage(err)}`)
    return err instanceof UsageError ? EXIT.usage : EXIT.incomplete
  }
}
