// Sinks of the GitHub Action: the job summary and the step's outputs (names kept in step with action.yml
// by config/inputs.ts).
import { Outputs } from '../config/inputs.js'
import type { Report } from '../model/report.js'
import { renderMarkdown } from '../report/markdown.js'
import type { Sink } from './sinks.js'

// GitHub refuses a step's job summary over 1 MiB of UTF-8 (the upload fails, the step does not); leave room
// for what other steps of the job write.
export const SUMMARY_MAX_BYTES = 1024 * 1024 - 32 * 1024

/**
 * The report within SUMMARY_MAX_BYTES of UTF-8. The renderer cuts by JavaScript length, and a character can
 * take up to 3 bytes (names in CJK, emoji in pairs of 2 code units and 4 bytes): shrink the length budget by
 * the measured ratio until the bytes fit.
 */
export function summaryMarkdown(report: Report, maxBytes = SUMMARY_MAX_BYTES): string {
  let maxLength = maxBytes
  for (;;) {
    const markdown = renderMarkdown(report, { maxLength })
    const bytes = Buffer.byteLength(markdown, 'utf8')
    if (bytes <= maxBytes || maxLength < 1000) return markdown
    maxLength = Math.floor((maxLength * maxBytes) / bytes) - 100
  }
}

export function jobSummary(summary: (markdown: string) => Promise<void>): Sink {
  return { name: 'the job summary', write: (report) => summary(summaryMarkdown(report)) }
}

/** Outputs that come from other sinks and stages: the comment written, the baseline used, the HTML report. */
export interface MoreOutputs {
  commentUrl: string
  /** 'same-runner', 'stored', 'auto', 'path' or 'none'. */
  baseline: string
  htmlReport: string
}

const NO_MORE: MoreOutputs = { commentUrl: '', baseline: 'same-runner', htmlReport: '' }

export function reportOutputs(report: Report, files: { json: string; markdown: string }, more: MoreOutputs = NO_MORE): Record<string, string | number> {
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
    [Outputs.CommentUrl]: more.commentUrl,
    [Outputs.Baseline]: more.baseline,
    [Outputs.HtmlReport]: more.htmlReport
  }
}

/** `more` is read when the outputs are written: after the comment sink, so its URL is known. */
export function actionOutputs(
  setOutput: (name: string, value: string | number) => void,
  files: { json: string; markdown: string },
  more: () => MoreOutputs = () => NO_MORE
): Sink {
  return {
    name: 'the step outputs',
    write: async (report) => {
      for (const [name, value] of Object.entries(reportOutputs(report, files, more()))) setOutput(name, value)
    }
  }
}
