// A markdown section per load job: what ran, the traffic's figures for base and head, and per-round
// curves of goroutines, live heap and descriptors, so a reviewer sees growth that continues next to
// growth that stops. Job names, packages and messages come from the config and the code under test:
// every one is escaped (escape.ts). renderMarkdown adds these sections to its own, from Report.loads.
import type { LoadJobReport, LoadSideSummary, MetricComparison } from '../model/report.js'
import { escapeMarkdown, inlineCode } from './escape.js'
import type { Section } from './fit.js'
import { DEFAULT_ALPHA, formatChangeOrNoise, formatPValue, formatValue, MISSING } from './format.js'
import { CUT_RANK, NAME_MAX, TEXT_MAX, table } from './markdown-blocks.js'
import { describeLoadSide, GROWTH_NAMES, requestCount as count, sameSnapshot, snapshotLabel as label } from './load-text.js'
import { clip } from './summary.js'

/** Cut after the per-package benchmark tables, before the info findings. */
export const LOAD_CUT_RANK = CUT_RANK.loadJobs

const SNAPSHOT_ROWS_MAX = 40

function cell(m: MetricComparison<number>, value: number | null): string {
  return formatValue(value, m.unit === 'ms' ? 'ms' : m.unit === 'B/request' ? 'B' : '')
}

function metricTable(metrics: MetricComparison<number>[]): string {
  const rows = metrics.map((m) => [
    escapeMarkdown(m.metric),
    cell(m, m.baseMedian),
    cell(m, m.headMedian),
    formatChangeOrNoise(m.change, m.pValue, DEFAULT_ALPHA),
    m.pValue === null ? '' : formatPValue(m.pValue),
    m.status === 'regression' ? '❌ regression' : m.status === 'improvement' ? 'improvement' : m.status === 'unchanged' ? 'unchanged' : 'not judged'
  ])
  return table(['per round (median)', 'base', 'head', 'change', 'p', 'status'], rows, 'lrrrrl')
}

/** One side's figures when there is nothing to compare with. */
function sideTable(r: LoadSideSummary): string {
  const rows = r.rounds.map((p) => [
    String(p.round),
    p.requests === null ? MISSING : count(p.requests),
    p.errors === null ? MISSING : count(p.errors),
    p.throughput === null ? MISSING : `${formatValue(p.throughput, '')}/s`,
    p.latencyMs ? formatValue(p.latencyMs.p50, 'ms') : MISSING,
    p.latencyMs ? formatValue(p.latencyMs.p99, 'ms') : MISSING
  ])
  return table(['round', 'requests', 'errors', 'throughput', 'p50', 'p99'], rows, 'rrrrrr')
}

function pair(b: number | null | undefined, h: number | null | undefined, unit: string): string {
  const f = (v: number | null | undefined): string => (v === null || v === undefined ? MISSING : formatValue(v, unit))
  if (b === undefined) return f(h)
  if (h === undefined) return f(b)
  return b === h ? f(h) : `${f(b)} → ${f(h)}`
}

/** After readiness, the warm-up and each round: base → head where both sides have the snapshot. */
function curveTable(view: LoadJobReport): string {
  const main = view.head ?? view.base
  const snaps = (main?.snapshots ?? []).slice(0, SNAPSHOT_ROWS_MAX)
  const rows = snaps.map((s) => {
    const b = view.head ? sameSnapshot(view.base, s) : undefined
    return [
      label(s),
      s.requestsBefore === null ? MISSING : count(s.requestsBefore),
      pair(b?.goroutines, s.goroutines, ''),
      pair(b?.heapAllocBytes, s.heapAllocBytes, 'B'),
      pair(b?.fds, s.fds, ''),
      pair(b?.rssBytes, s.rssBytes, 'B')
    ]
  })
  const sides = view.head && view.base ? ' (base → head)' : ''
  return table([`after${sides}`, 'requests so far', 'goroutines', 'live heap', 'descriptors', 'RSS'], rows, 'lrrrrr')
}

function growthLines(c: LoadJobReport): string[] {
  return c.growth
    .filter((g) => g.head !== undefined || g.base !== undefined)
    .map((g) => {
      const parts = [g.base ? `base ${escapeMarkdown(clip(g.base.reason, TEXT_MAX))}` : '', g.head ? `head ${escapeMarkdown(clip(g.head.reason, TEXT_MAX))}` : '']
      const mark = g.head?.leaking ? '❌ ' : ''
      return `- ${mark}**${GROWTH_NAMES[g.metric]}:** ${parts.filter(Boolean).join('; ')}`
    })
}

function problems(view: LoadJobReport): string[] {
  const out: string[] = []
  for (const [side, r] of [['base', view.base], ['head', view.head]] as const) {
    if (!r) continue
    if (r.error) out.push(`- ⚠️ **${side} did not complete** (${r.error.kind === 'config' ? 'configuration' : 'run'}, ${escapeMarkdown(r.error.phase)}): ${escapeMarkdown(clip(r.error.message, TEXT_MAX))}`)
    if (r.crash) out.push(`- ❌ **${side} crashed:** ${escapeMarkdown(clip(r.crash, TEXT_MAX))}`)
    for (const n of r.notes) out.push(`- ${side}: ${escapeMarkdown(clip(n, TEXT_MAX))}`)
  }
  for (const n of view.notes) out.push(`- ${escapeMarkdown(clip(n, TEXT_MAX))}`)
  return out
}

function jobSection(view: LoadJobReport): Section {
  const main = view.head ?? view.base
  const parts = [`#### Load job ${inlineCode(clip(view.name, NAME_MAX), { inTable: false })}`]
  if (main) parts.push(describeLoadSide(main, (p) => inlineCode(clip(p, NAME_MAX), { inTable: false })))
  const issues = problems(view)
  if (issues.length > 0) parts.push(issues.join('\n'))
  if (view.metrics.length > 0) parts.push(metricTable(view.metrics))
  else if (main && main.rounds.length > 0) parts.push(sideTable(main))
  if (main && main.snapshots.length > 0) {
    const growth = growthLines(view)
    // The job's name is in the heading: the summary (raw HTML) carries none of the untrusted text.
    parts.push(`<details>\n<summary>Per round: goroutines, live heap, descriptors</summary>\n\n${curveTable(view)}${growth.length ? `\n\n${growth.join('\n')}` : ''}\n\n</details>`)
  }
  return { text: parts.join('\n\n'), cutRank: LOAD_CUT_RANK, group: 'load jobs' }
}

/** A section per load job, for renderMarkdown's list (or joined on their own). */
export function loadSections(jobs: readonly LoadJobReport[] = []): Section[] {
  return jobs.map(jobSection)
}
