// What the CLI and the demo print: the report as text (or just its verdict line), or as markdown.
import type { Report } from '../model/report.js'
import type { RunResult } from '../model/result.js'
import { renderMarkdown } from '../report/markdown.js'
import { renderText } from '../report/text.js'
import type { Sink } from './sinks.js'

function line(text: string): string {
  return text.endsWith('\n') ? text : text + '\n'
}

/** `quiet`: the verdict line only; `ruleAbove`: a `---` line first, below a markdown report. */
export function terminalText(write: (text: string) => void, opts: { quiet?: boolean; ruleAbove?: boolean } = {}): Sink {
  return {
    name: 'the terminal',
    write: async (report) => {
      const text = renderText(report)
      write((opts.ruleAbove ? '\n---\n' : '') + (opts.quiet ? text.split('\n')[0] + '\n' : line(text)))
    }
  }
}

export function terminalMarkdown(write: (text: string) => void): Sink {
  return { name: 'the terminal', write: async (report: Report) => write(line(renderMarkdown(report))) }
}

/** `run`'s summary of one side: what was measured, where it went, what failed. */
export function resultSummary(result: RunResult, resultPath: string): string {
  const measured = result.packages.reduce((n, p) => n + p.benchmarks.filter((b) => b.runs.length > 0).length, 0)
  const lines = [`measured ${measured} benchmarks in ${result.packages.length} packages; wrote ${resultPath}`]
  for (const p of result.packages) for (const b of p.benchmarks) if (b.failure) lines.push(`failed: ${p.importPath}.${b.name}: ${b.failure.message}`)
  for (const e of result.errors) lines.push(`${e.kind === 'probe' ? 'note' : 'error'}: ${e.subject}: ${e.message}`)
  return lines.join('\n') + '\n'
}
