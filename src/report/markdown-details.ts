// The collapsible part of the comment: everything that was measured, for the reviewer who wants to check the
// verdict. Each <details> block is one Section, so a cut to fit the length limit never leaves one open.

import type { BenchRef, BenchmarkComparison, MetricComparison, Report, ReportError } from '../model/report.js'
import { codeBlock, escapeHtmlInMarkdown, escapeMarkdown, inlineCode } from './escape.js'
import type { Section } from './fit.js'
import { DEFAULT_ALPHA, formatChangeOf, formatPValue, formatValue } from './format.js'
import { ignoredByPolicy } from './decision.js'
import { CUT_RANK, NAME_MAX, TEXT_MAX, findingTable, table } from './markdown-blocks.js'
import { clip, findingsOf, groupByPackage } from './summary.js'

// Compiler output can run to thousands of lines; the first errors are the ones that matter, and the rest is
// in report.json.
const MAX_ERROR_LINES = 60
const MAX_ERROR_CHARS = 6000

export function detailSections(report: Report, alpha = DEFAULT_ALPHA): Section[] {
  return [
    ...packageSections(report, alpha),
    ...infoSection(report),
    ...oneSidedSection(report),
    ...notesSection(report),
    ...errorsSection(report)
  ]
}

/**
 * A collapsed block. The summary is raw HTML (cmark-gfm does not parse markdown there), so it is escaped as
 * HTML; the blank lines around the body let the body be markdown and keep the closing tag on a line of its own.
 */
function details(summaryHtml: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}>\n<summary>${summaryHtml}</summary>\n\n${body}\n\n</details>`
}

function packageSections(report: Report, alpha: number): Section[] {
  return [...groupByPackage(report.comparisons)].map(([pkg, comparisons]) => {
    const regressed = comparisons.filter((c) => c.metrics.some((m) => m.status === 'regression')).length
    const summary =
      `<code>${escapeHtmlInMarkdown(clip(pkg, NAME_MAX))}</code> — ${comparisons.length} ` +
      `${comparisons.length === 1 ? 'benchmark' : 'benchmarks'}${regressed > 0 ? `, ${regressed} regressed` : ''}`
    return {
      text: details(summary, comparisonTable(comparisons, alpha)),
      cutRank: CUT_RANK.packageComparisons,
      group: 'package comparisons'
    }
  })
}

function comparisonTable(comparisons: BenchmarkComparison[], alpha: number): string {
  const rows = comparisons.flatMap((c) =>
    c.metrics.map((m) => [
      inlineCode(clip(c.benchmark, NAME_MAX)),
      escapeMarkdown(clip(m.metric, NAME_MAX)),
      formatValue(m.baseMedian, m.unit),
      formatValue(m.headMedian, m.unit),
      formatChangeOf(m, alpha),
      m.pValue === null ? '' : formatPValue(m.pValue),
      statusCell(m)
    ])
  )
  return table(['benchmark', 'metric', 'base', 'head', 'change', 'p', 'status'], rows, 'llrrrrl')
}

function statusCell(m: MetricComparison): string {
  const status = m.status === 'regression' ? '**regression**' : escapeMarkdown(m.status.replace('-', ' '))
  const reason = escapeMarkdown(clip(m.reason, NAME_MAX))
  return reason === '' ? status : `${status}: ${reason}`
}

function infoSection(report: Report): Section[] {
  // What the policy ignored has its own section (markdown.ts).
  const info = findingsOf(report, 'info').filter((f) => !ignoredByPolicy(f))
  if (info.length === 0) return []
  return [
    {
      text: details(`ℹ️ Informational findings (${info.length})`, findingTable(info)),
      cutRank: CUT_RANK.infoFindings,
      group: 'informational findings'
    }
  ]
}

function oneSidedSection(report: Report): Section[] {
  const row = (side: string, b: BenchRef): string[] => [
    side,
    inlineCode(clip(b.pkg, NAME_MAX)),
    inlineCode(clip(b.benchmark, NAME_MAX))
  ]
  const rows = [
    ...report.onlyInBase.map((b) => row('only in base', b)),
    ...report.onlyInHead.map((b) => row('only in head', b))
  ]
  if (rows.length === 0) return []
  const why = 'Listed, never failed: a renamed or new benchmark has nothing to compare with.'
  return [
    {
      text: details(
        `Benchmarks measured on one side only (${rows.length})`,
        `${why}\n\n${table(['side', 'package', 'benchmark'], rows, 'lll')}`
      ),
      cutRank: CUT_RANK.oneSided,
      group: 'one-sided benchmarks'
    }
  ]
}

function notesSection(report: Report): Section[] {
  if (report.notes.length === 0) return []
  const items = report.notes.map((note) => `- ${escapeMarkdown(clip(note, TEXT_MAX))}`)
  return [{ text: details(`Notes (${items.length})`, items.join('\n')), cutRank: CUT_RANK.notes, group: 'notes' }]
}

function errorsSection(report: Report): Section[] {
  if (report.errors.length === 0) return []
  const blocks = report.errors.map(errorBlock)
  // Open when the run is incomplete: the banner at the top sends the reader here.
  return [
    {
      text: details(`Errors (${blocks.length})`, blocks.join('\n\n'), report.incomplete),
      cutRank: CUT_RANK.errors,
      group: 'errors'
    }
  ]
}

function errorBlock(error: ReportError): string {
  const title =
    `**${escapeMarkdown(error.side)}** · ${escapeMarkdown(clip(error.kind, NAME_MAX))} · ` +
    inlineCode(clip(error.subject, NAME_MAX), { inTable: false })
  const { text, cut } = firstLines(error.message)
  const block = codeBlock(text, 'text')
  return cut > 0 ? `${title}\n\n${block}\n\n… ${cut} more lines, in report.json.` : `${title}\n\n${block}`
}

/** The head of a long message, cut at a line end; `cut` is how many lines were left out. */
function firstLines(message: string): { text: string; cut: number } {
  const lines = message.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n')
  const kept: string[] = []
  let length = 0
  for (const line of lines) {
    if (kept.length === MAX_ERROR_LINES || length + line.length > MAX_ERROR_CHARS) break
    kept.push(line)
    length += line.length + 1
  }
  // A single line longer than the budget is clipped rather than dropped.
  if (kept.length === 0 && lines.length > 0) kept.push(clip(lines[0], MAX_ERROR_CHARS))
  return { text: kept.join('\n'), cut: lines.length - kept.length }
}
