// The load jobs on the HTML page: per job what ran, head against base per round, and the curves of
// goroutines, live heap and descriptors after readiness, the warm-up and each round. Drawn here as
// inline SVG rather than by the page script: a handful of points needs no interaction, and the curves
// then read without script. Job names, packages and messages come from the config and the code under
// test: every one goes through text(). Pure.
import type { LoadCurvePoint, LoadGrowthMetric, LoadJobReport, LoadSideSummary, MetricComparison } from '../../model/report.js'
import { DEFAULT_ALPHA, formatChangeOrNoise, formatPValue, formatValue, MISSING } from '../format.js'
import { describeLoadSide, GROWTH_NAMES, requestCount, sameSnapshot, snapshotLabel } from '../load-text.js'
import { text } from './embed.js'

const WIDTH = 300
const HEIGHT = 130
const PAD = { left: 56, right: 8, top: 8, bottom: 22 }
// A result's snapshot list is bounded by the rounds' limit; past this many the points would touch.
const MAX_POINTS = 60

interface Curve {
  metric: LoadGrowthMetric
  unit: string
  value: (s: LoadCurvePoint) => number | null
}

const CURVES: Curve[] = [
  { metric: 'goroutines', unit: '', value: (s) => s.goroutines },
  { metric: 'heap', unit: 'B', value: (s) => s.heapAllocBytes },
  { metric: 'fds', unit: '', value: (s) => s.fds }
]

function statusText(m: MetricComparison<number>): string {
  return m.status === 'regression' ? 'regression' : m.status === 'improvement' ? 'improvement' : m.status === 'unchanged' ? 'unchanged' : 'not judged'
}

function metricUnit(m: MetricComparison<number>): string {
  return m.unit === 'ms' ? 'ms' : m.unit === 'B/request' ? 'B' : ''
}

function metricTable(metrics: MetricComparison<number>[]): string {
  const rows = metrics.map((m) => {
    const cls = m.status === 'regression' ? ' class="finding fail"' : ''
    const u = metricUnit(m)
    return (
      `<tr${cls}><td>${text(m.metric)}</td><td class="num">${text(formatValue(m.baseMedian, u))}</td><td class="num">${text(formatValue(m.headMedian, u))}</td>` +
      `<td class="num">${text(formatChangeOrNoise(m.change, m.pValue, DEFAULT_ALPHA))}</td><td class="num">${m.pValue === null ? '' : text(formatPValue(m.pValue))}</td><td>${statusText(m)}</td></tr>`
    )
  })
  return `<table class="findings"><thead><tr><th>per round (median)</th><th>base</th><th>head</th><th>change</th><th>p</th><th>status</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
}

function roundsTable(r: LoadSideSummary): string {
  const num = (v: number | null | undefined, f: (n: number) => string): string => `<td class="num">${v === null || v === undefined ? MISSING : text(f(v))}</td>`
  const rows = r.rounds.map(
    (p) =>
      `<tr><td>${p.round}</td>${num(p.requests, requestCount)}${num(p.errors, requestCount)}${num(p.throughput, (t) => `${formatValue(t, '')}/s`)}` +
      `${num(p.latencyMs?.p50, (v) => formatValue(v, 'ms'))}${num(p.latencyMs?.p99, (v) => formatValue(v, 'ms'))}</tr>`
  )
  return `<table class="findings"><thead><tr><th>round</th><th>requests</th><th>errors</th><th>throughput</th><th>p50</th><th>p99</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
}

interface Series {
  side: 'base' | 'head'
  /** Position on the x axis (the head's snapshot order) and the value there. */
  points: { x: number; y: number }[]
}

function seriesOf(view: LoadJobReport, snaps: LoadCurvePoint[], curve: Curve): Series[] {
  const pick = (side: 'base' | 'head', at: (s: LoadCurvePoint) => LoadCurvePoint | undefined): Series => ({
    side,
    points: snaps.flatMap((s, x) => {
      const p = at(s)
      const y = p ? curve.value(p) : null
      return y === null || !Number.isFinite(y) ? [] : [{ x, y }]
    })
  })
  const out: Series[] = []
  if (view.head && view.base) out.push(pick('base', (s) => sameSnapshot(view.base, s)))
  out.push(pick(view.head ? 'head' : 'base', (s) => s))
  return out.filter((s) => s.points.length > 0)
}

/** Coordinates with one decimal: enough for a 300-pixel chart, and the same text on every machine. */
const px = (v: number): string => (Math.round(v * 10) / 10).toString()

function chart(view: LoadJobReport, snaps: LoadCurvePoint[], curve: Curve): string {
  const title = GROWTH_NAMES[curve.metric]
  const series = seriesOf(view, snaps, curve)
  if (series.length === 0) return `<figure class="chart load-curve"><figcaption class="chart-caption">${title}: not measured</figcaption></figure>`
  const ys = series.flatMap((s) => s.points.map((p) => p.y))
  let lo = Math.min(...ys)
  let hi = Math.max(...ys)
  if (hi === lo) [lo, hi] = [lo - 1, hi + 1]
  const plotW = WIDTH - PAD.left - PAD.right
  const plotH = HEIGHT - PAD.top - PAD.bottom
  const x = (i: number): number => PAD.left + (snaps.length === 1 ? plotW / 2 : (i * plotW) / (snaps.length - 1))
  const y = (v: number): number => PAD.top + plotH - ((v - lo) * plotH) / (hi - lo)
  const lines = series.map((s) => {
    const pts = s.points.map((p) => `${px(x(p.x))},${px(y(p.y))}`)
    const dots = s.points.map((p) => `<circle class="dot ${s.side}" cx="${px(x(p.x))}" cy="${px(y(p.y))}" r="2.5"><title>${s.side} after ${text(snapshotLabel(snaps[p.x]))}: ${text(formatValue(p.y, curve.unit))}</title></circle>`)
    return `<polyline class="ecdf ${s.side}" points="${pts.join(' ')}"/>${dots.join('')}`
  })
  const axis =
    `<line class="axis" x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${PAD.top + plotH}"/>` +
    `<line class="axis" x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${WIDTH - PAD.right}" y2="${PAD.top + plotH}"/>` +
    `<text x="${PAD.left - 4}" y="${PAD.top + 8}" text-anchor="end">${text(formatValue(hi, curve.unit))}</text>` +
    `<text x="${PAD.left - 4}" y="${PAD.top + plotH}" text-anchor="end">${text(formatValue(lo, curve.unit))}</text>` +
    `<text x="${PAD.left}" y="${HEIGHT - 6}">${text(snapshotLabel(snaps[0]))}</text>` +
    `<text x="${WIDTH - PAD.right}" y="${HEIGHT - 6}" text-anchor="end">${text(snapshotLabel(snaps[snaps.length - 1]))}</text>`
  const sides = series.map((s) => s.side).join(' and ')
  return (
    `<figure class="chart load-curve"><svg width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${title} after each snapshot, ${sides}">` +
    `${axis}${lines.join('')}</svg><figcaption class="chart-caption">${title}: ${series.map((s) => `<span class="key ${s.side}">${s.side}</span>`).join(', ')}</figcaption></figure>`
  )
}

function growthItems(view: LoadJobReport): string[] {
  return view.growth.flatMap((g) => {
    const parts = [g.base ? `base ${g.base.reason}` : '', g.head ? `head ${g.head.reason}` : ''].filter(Boolean)
    if (parts.length === 0) return []
    const leak = g.head?.leaking === true
    return [`<li${leak ? ' class="delta"' : ''}><strong>${GROWTH_NAMES[g.metric]}${leak ? ' (leak)' : ''}:</strong> ${text(parts.join('; '))}</li>`]
  })
}

function problems(view: LoadJobReport): string[] {
  const out: string[] = []
  for (const [side, r] of [['base', view.base], ['head', view.head]] as const) {
    if (!r) continue
    if (r.error) out.push(`<strong>${side} did not complete</strong> (${r.error.kind === 'config' ? 'configuration' : 'run'}, ${text(r.error.phase)}): ${text(r.error.message)}`)
    if (r.crash) out.push(`<strong>${side} crashed:</strong> ${text(r.crash)}`)
    for (const n of r.notes) out.push(`${side}: ${text(n)}`)
  }
  for (const n of view.notes) out.push(text(n))
  return out
}

function jobSection(view: LoadJobReport, index: number, failing: ReadonlySet<string>): string {
  const main = view.head ?? view.base
  const failed = failing.has(view.name)
  const parts = [
    `<details class="benchmark load-job" id="load-${index}"${failed ? ' open' : ''}>`,
    `<summary>Load job <code>${text(view.name)}</code>${failed ? ' <span class="badge">finding</span>' : ''}</summary>`
  ]
  if (main) parts.push(`<p>${describeLoadSide(main, (p) => `<code>${text(p)}</code>`)}</p>`)
  const issues = problems(view)
  if (issues.length > 0) parts.push(`<ul class="warning">${issues.map((i) => `<li>${i}</li>`).join('')}</ul>`)
  if (view.metrics.length > 0) parts.push(metricTable(view.metrics))
  else if (main && main.rounds.length > 0) parts.push(roundsTable(main))
  const snaps = (view.head ?? view.base)?.snapshots.slice(0, MAX_POINTS) ?? []
  if (snaps.length > 0) {
    parts.push(`<h4>After readiness, the warm-up and each round</h4><div class="load-curves">${CURVES.map((c) => chart(view, snaps, c)).join('')}</div>`)
    const growth = growthItems(view)
    if (growth.length > 0) parts.push(`<ul>${growth.join('')}</ul>`)
  }
  parts.push('</details>')
  return parts.join('\n')
}

/**
 * The page's section of load jobs; empty when none ran. `failing`: names of the jobs that have a
 * failing finding, opened on the page as benchmarks with findings are.
 */
export function loadJobsSection(jobs: readonly LoadJobReport[] | undefined, failing: ReadonlySet<string>): string {
  if (!jobs || jobs.length === 0) return ''
  return `<section id="load"><h2>Load jobs</h2>\n${jobs.map((j, i) => jobSection(j, i, failing)).join('\n')}</section>`
}
