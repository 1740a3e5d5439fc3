// The findings tables of the HTML report: the comment's tables (failing, then warnings, then informational)
// with the same columns, rows and order, each row linking to the graph or chart that shows it, and the
// responsible lines under the row.

import type { Finding, Location, Report } from '../../model/report.js'
import { decisionText, ignoredByPolicy } from '../decision.js'
import { formatChange, formatPValue, formatSiteDelta, formatValue } from '../format.js'
import { MAX_FINDING_ROWS, MAX_LOCATIONS, NAME_MAX } from '../markdown-blocks.js'
import { clip, findingsOf, rankLocations } from '../summary.js'
import { text } from './embed.js'
import type { BenchmarkView, FlameKind } from './model.js'

const COLUMNS = ['kind', 'package', 'benchmark or test', 'metric', 'base', 'head', 'change', 'p-value', 'see']

function flameOf(b: BenchmarkView, kind: FlameKind): string | undefined {
  return b.flames.find((f) => f.kind === kind && !('missing' in f))?.id
}

/** The id of the graph or chart that shows a finding, when the page has one. */
export function findingTarget(f: Finding, benchmarks: BenchmarkView[], loadJobs: readonly string[] = []): { id: string; label: string } | undefined {
  const b = benchmarks.find((x) => x.pkg === f.pkg && x.benchmark === f.subject)
  if (!b) {
    // A load job's findings name the job as their subject; its section's id is its place in report.loads.
    const job = loadJobs.indexOf(f.subject)
    if (job >= 0) return { id: `load-${job}`, label: 'load job' }
    return f.kind === 'goroutine-leak' ? { id: 'goroutines', label: 'goroutines' } : undefined
  }
  if (f.kind === 'goroutine-leak') return { id: flameOf(b, 'goroutines') ?? 'goroutines', label: 'goroutines' }
  if (f.kind === 'heap-leak') return { id: flameOf(b, 'heap-inuse') ?? b.id, label: 'heap in use' }
  if (f.kind === 'gc-pause') return { id: `${b.id}-gc`, label: 'GC pauses' }
  if (f.kind === 'regression' && (f.unit === 'allocs/op' || f.unit === 'B/op')) return { id: flameOf(b, 'heap-alloc') ?? `${b.id}-charts`, label: 'allocations' }
  if (f.kind === 'regression') return { id: flameOf(b, 'cpu') ?? `${b.id}-charts`, label: flameOf(b, 'cpu') ? 'CPU' : 'samples' }
  return { id: b.id, label: 'benchmark' }
}

function locationList(locations: Location[]): string {
  const shown = rankLocations(locations).slice(0, MAX_LOCATIONS)
  const items = shown.map((l) => {
    const delta = l.deltaPerOp === undefined ? '' : ` <span class="delta">${text(formatSiteDelta(l.deltaPerOp, l.deltaUnit))} per op</span>`
    const changed = l.inDiff === true ? ' <span class="badge">changed in this PR</span>' : ''
    return `<li><code>${text(clip(l.function, NAME_MAX))}</code> <code>${text(`${clip(l.file, NAME_MAX)}:${l.line}`)}</code> ${text(l.role)}${delta}${changed}</li>`
  })
  const more = locations.length - shown.length
  return `<ul class="locations">${items.join('')}${more > 0 ? `<li>… and ${more} more, in report.json</li>` : ''}</ul>`
}

function row(f: Finding, benchmarks: BenchmarkView[], loadJobs: readonly string[]): string {
  const target = findingTarget(f, benchmarks, loadJobs)
  const cells = [
    text(f.kind),
    `<code>${text(clip(f.pkg, NAME_MAX))}</code>`,
    `<code>${text(clip(f.subject, NAME_MAX))}</code>`,
    text(clip(f.metric, NAME_MAX)),
    text(formatValue(f.base, f.unit)),
    text(formatValue(f.head, f.unit)),
    text(formatChange(f.change)),
    text(formatPValue(f.pValue)),
    target ? `<a href="#${target.id}">${text(target.label)}</a>` : ''
  ]
  const main = `<tr class="finding ${f.severity}">${cells.map((c, i) => `<td${i >= 4 && i <= 7 ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`
  const decided = f.decision ? decisionText(f.decision) : ''
  const message = (f.message === '' ? '' : `<p>${text(clip(f.message, 1000))}</p>`) + (decided === '' ? '' : `<p class="decision">${text(decided)}</p>`)
  const detail = message !== '' || f.locations.length > 0 ? `<tr class="detail"><td colspan="${COLUMNS.length}">${message}${f.locations.length > 0 ? locationList(f.locations) : ''}</td></tr>` : ''
  return main + detail
}

function table(findings: Finding[], benchmarks: BenchmarkView[], loadJobs: readonly string[]): string {
  const rows = findings.slice(0, MAX_FINDING_ROWS).map((f) => row(f, benchmarks, loadJobs))
  const more = findings.length - rows.length
  return (
    `<table class="findings"><thead><tr>${COLUMNS.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>` +
    (more > 0 ? `<p>… and ${more} more ${more === 1 ? 'finding' : 'findings'}, in report.json.</p>` : '')
  )
}

export function findingsSection(report: Report, benchmarks: BenchmarkView[]): string {
  const failing = findingsOf(report, 'fail')
  const warnings = findingsOf(report, 'warn')
  const ignored = report.findings.filter(ignoredByPolicy)
  const info = findingsOf(report, 'info').filter((f) => !ignoredByPolicy(f))
  const loadJobs = (report.loads ?? []).map((j) => j.name)
  const parts = ['<section id="findings"><h2>Findings</h2>']
  if (failing.length + warnings.length + info.length + ignored.length === 0) parts.push('<p>Nothing to report: no finding.</p>')
  if (failing.length > 0) parts.push(`<h3 class="fail">Failing (${failing.length})</h3>`, table(failing, benchmarks, loadJobs))
  if (warnings.length > 0) parts.push(`<h3 class="warn">Warnings (${warnings.length})</h3>`, table(warnings, benchmarks, loadJobs))
  if (ignored.length > 0) parts.push(`<details><summary>Ignored by policy (${ignored.length})</summary>${table(ignored, benchmarks, loadJobs)}</details>`)
  if (info.length > 0) parts.push(`<details><summary>Informational findings (${info.length})</summary>${table(info, benchmarks, loadJobs)}</details>`)
  parts.push('</section>')
  return parts.join('\n')
}
