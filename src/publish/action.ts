// Sinks of the GitHub Action: the job summary and the step's outputs (names kept in step with action.yml
// by config/inputs.ts).
import { Outputs } from '../config/inputs.js'
import type { Report } from '../model/report.js'
import { renderMarkdown } from '../report/markdown.js'
import type { Sink } from './sinks.js'

// GitHub refuses job summaries over 1 MiB; leave room for other steps' summaries.
const SUMMARY_LIMIT = 1_000_000

export function jobSummary(summary: (markdown: string) => Promise<void>): Sink {
  return { name: 'the job summary', write: (report) => summary(renderMarkdown(report, { maxLength: SUMMARY_LIMIT })) }
}

export function reportOutputs(report: Report, files: { json: string; markdown: string }): Record<string, string | number> {
  const k = report.counts.byKind
  return {
    [Outputs.Verdict]: report.incomplete ? 'incomplete' : report.verdict,
    [Outputs.ReportJson]: files.json,
    [Outputs.ReportMarkdown]: files.markdown,
    [Outputs.Failures]: report.counts.fail,
    [Outputs.Warnings]: report.counts.warn,
    [Outputs.Regressions]: k.regression ?? 0,
    [Outputs.HeapLeaks]: k['heap-leak'] ?? 0,
    [Outputs.GcPauses]: k['gc-pause'] ?? 0,
    [Outputs.BenchFailures]: k['bench-failure'] ?? 0,
    [Outputs.Races]: k.race ?? 0,
    [Outputs.GoroutineLeaks]: k['goroutine-leak'] ?? 0,
    [Outputs.FdLeaks]: k['fd-leak'] ?? 0,
    [Outputs.Hangs]: k.hang ?? 0,
    [Outputs.Panics]: k.panic ?? 0,
    [Outputs.BuildFailures]: k['build-failure'] ?? 0,
    // The sticky PR comment comes with the publishing of comments; until then there is no comment to point at.
    [Outputs.CommentUrl]: ''
  }
}

export function actionOutputs(setOutput: (name: string, value: string | number) => void, files: { json: string; markdown: string }): Sink {
  return {
    name: 'the step outputs',
    write: async (report) => {
      for (const [name, value] of Object.entries(reportOutputs(report, files))) setOutput(name, value)
    }
  }
}
