// Load jobs, head against base: new leaks (goroutines, retained heap, descriptors that keep growing
// with the traffic), new races, a service that crashed, and regressions past thresholds. Pure: it
// reads two lists of LoadJobResult and returns findings and, per job, what was compared.
import type { CompareConfig, GrowthFloor } from '../config/types.js'
import type { Finding, LoadJobReport, Location, MetricComparison, Severity } from '../model/report.js'
import type { Frame, LoadJobResult } from '../model/result.js'
import { isStandardLibrary } from '../parse/gofunc.js'
import { attributeGrowth } from './attribute.js'
import type { Growth } from './load-growth.js'
import { compareLoadMetrics, GC_PAUSE_P99 } from './load-metrics.js'
import { groupGrowths, growthOf, grownTargets, measuredSnapshots, requestsBetween, type GroupGrowth } from './load-series.js'
import { summarizeLoadSide } from './load-summary.js'
import { regressionFinding, relativeChange } from './metrics.js'

export interface LoadComparison {
  findings: Finding[]
  jobs: LoadJobReport[]
}

// Leaking on both sides is pre-existing unless head leaks this much faster.
const FASTER = 1.5
const TOP_SITES = 5
const HOLDS_DESCRIPTORS = /^(net|net\/http|crypto\/tls|os|os\/exec|internal\/poll)\./

function at(f: Frame | undefined, role: Location['role']): Location[] {
  return f ? [{ file: f.file, line: f.line, function: f.function, role }] : []
}

function where(f: Frame | undefined): string {
  return f ? `${f.function} (${f.file}:${f.line})` : 'an unknown site'
}

function pkgOf(r: LoadJobResult): string {
  return r.service.package ?? r.service.command[0] ?? r.name
}

function rate(g: Growth, unit: string): string {
  const v = Math.abs(g.slope) >= 100 ? Math.round(g.slope).toString() : g.slope.toPrecision(3)
  return `${v} ${unit} per ${g.per}`
}

/** fail when new or faster than on base, info when base leaks as much, warn when base is unknown. */
function judgeAgainstBase(head: Growth, base: Growth | undefined, floor: GrowthFloor): { severity: Severity; why: string } {
  if (base === undefined) return { severity: 'warn', why: 'the base was not measured, so it cannot be told whether the leak is new' }
  if (!base.leaking) return { severity: 'fail', why: 'the base does not leak here' }
  const floorPer = head.per === 'request' ? floor.perRequest : floor.perRound
  if (head.slope > base.slope * FASTER + floorPer) return { severity: 'fail', why: `the base leaks too, but head leaks ${(head.slope / base.slope).toFixed(1)}x as fast` }
  return { severity: 'info', why: 'pre-existing: the base leaks as fast' }
}

function leakFinding(kind: Finding['kind'], head: LoadJobResult, metric: string, unit: string, h: Growth, b: Growth | undefined, verdict: { severity: Severity; why: string }, message: string, locations: Location[]): Finding {
  const base = b ? b.slope : null
  return {
    kind,
    severity: verdict.severity,
    pkg: pkgOf(head),
    subject: head.name,
    metric,
    unit: `${unit}/${h.per}`,
    base,
    head: h.slope,
    change: relativeChange(base, h.slope),
    pValue: null,
    message: `${message}; ${verdict.why}`,
    locations
  }
}

function groupLocations(g: GroupGrowth['group']): Location[] {
  const callers = g.stack
    .filter((f) => !isStandardLibrary(f.function) && !(f.function === g.blocking?.function && f.line === g.blocking?.line))
    .slice(0, 4)
    .flatMap((f) => at(f, 'caller'))
  return [...at(g.blocking, 'blocking'), ...callers, ...at(g.creation, 'creation')]
}

/** Allocation sites whose live bytes grew over the second half of the rounds (a warm-up is over by then). */
function grownSites(r: LoadJobResult, modulePath: string | undefined): Location[] {
  const snaps = measuredSnapshots(r)
  const from = Math.floor((snaps.length - 1) / 2)
  const requests = requestsBetween(r, from) ?? snaps.length - 1 - from
  if (requests <= 0) return []
  const run = (i: number) => [{ iterations: requests, sites: snaps[i].heapSites }]
  return attributeGrowth(run(from), run(snaps.length - 1), 'inuseBytes', { top: TOP_SITES, ...(modulePath !== undefined ? { modulePath } : {}) })
}

function goroutineFindings(head: LoadJobResult, base: LoadJobResult | undefined, cfg: CompareConfig, total: Growth | undefined): Finding[] {
  const floor = cfg.thresholds.load.goroutines
  const baseGroups = new Map((base ? groupGrowths(base, floor) : []).map((g) => [g.group.looseKey, g.growth]))
  const leaking = groupGrowths(head, floor).filter((g) => g.growth.leaking)
  const out = leaking.map(({ group: g, growth }) => {
    const confirmed = g.detectors.includes('goroutineleak') ? '; the runtime confirms they can never be woken (goroutineleak profile)' : ''
    const message =
      `${g.count} goroutines blocked in [${g.state}] at ${where(g.blocking)}, started at ${where(g.creation)}, ` +
      `${rate(growth, 'goroutines')}: ${growth.reason}${confirmed}`
    // A group the base never had grew by nothing there.
    const before = base ? (baseGroups.get(g.looseKey) ?? { ...growth, values: [], deltas: [], slope: 0, leaking: false }) : undefined
    return leakFinding('goroutine-leak', head, `goroutines [${g.state}]`, 'goroutines', growth, before, judgeAgainstBase(growth, before, floor), message, groupLocations(g))
  })
  // Growth spread over many groups, none leaking alone: the total still says so.
  if (out.length === 0 && total?.leaking) {
    const b = base ? growthOf(base, 'goroutines', floor) : undefined
    out.push(leakFinding('goroutine-leak', head, 'goroutines', 'goroutines', total, b, judgeAgainstBase(total, b, floor), `goroutines ${rate(total, 'goroutines')}: ${total.reason}`, []))
  }
  return out
}

function heapFinding(head: LoadJobResult, h: Growth, b: Growth | undefined, cfg: CompareConfig, modulePath: string | undefined): Finding {
  const message = `live heap after GC ${rate(h, 'B')}: ${h.reason}`
  return leakFinding('heap-leak', head, 'retained heap', 'B', h, b, judgeAgainstBase(h, b, cfg.thresholds.load.heap), message, grownSites(head, modulePath))
}

function fdFinding(head: LoadJobResult, h: Growth, b: Growth | undefined, cfg: CompareConfig, modulePath: string | undefined): Finding {
  const snaps = measuredSnapshots(head)
  const targets = grownTargets(snaps[0], snaps[snaps.length - 1]).slice(0, 3)
  const closeWait = targets.some((t) => t.target.endsWith(' CLOSE_WAIT'))
  const what = targets.map((t) => `+${t.added} ${t.target}`).join(', ')
  const hint = closeWait ? ' (CLOSE_WAIT: the peer closed and the service never closed its end, as when a response body is never closed)' : ''
  const message = `open descriptors ${rate(h, 'descriptors')}: ${h.reason}${what ? `; new: ${what}${hint}` : ''}`
  // Goroutines that grew alongside and hold a connection or a file (an HTTP client connection's read and
  // write loops) say where the descriptors are kept open.
  const creators = groupGrowths(head, cfg.thresholds.load.fds)
    .filter((g) => g.growth.leaking && g.group.stack.some((f) => HOLDS_DESCRIPTORS.test(f.function)))
    .flatMap((g) => at(g.group.creation, 'creation'))
    .filter((l, i, all) => all.findIndex((x) => x.function === l.function && x.line === l.line) === i)
  return leakFinding('fd-leak', head, 'open descriptors', 'descriptors', h, b, judgeAgainstBase(h, b, cfg.thresholds.load.fds), message, [...creators, ...grownSites(head, modulePath)])
}

/** A finding without values (a race, a build failure, a crash): what happened to the job, and where. */
function event(head: LoadJobResult, kind: Finding['kind'], severity: Severity, metric: string, message: string, locations: Location[]): Finding {
  return { kind, severity, pkg: pkgOf(head), subject: head.name, metric, unit: '', base: null, head: null, change: null, pValue: null, message, locations }
}

/** `base` undefined: no completed base run to compare with, so a race cannot be called new. */
function raceFindings(head: LoadJobResult, base: LoadJobResult | undefined): Finding[] {
  const known = new Set((base?.races ?? []).map((r) => r.key))
  return head.races.map((r) => {
    const pre = known.has(r.key)
    const a = r.access.frames.find((f) => !isStandardLibrary(f.function)) ?? r.access.frames[0]
    const p = r.previous.frames.find((f) => !isStandardLibrary(f.function)) ?? r.previous.frames[0]
    const what = `${r.access.kind} at ${where(a)} races with an earlier ${r.previous.kind} at ${where(p)}`
    const locations = [...at(a, 'access'), ...at(p, 'previous-access'), ...r.goroutines.flatMap((g) => at(g.createdAt, 'creation'))]
    return event(head, 'race', pre ? 'info' : base ? 'fail' : 'warn', 'data race', `${pre ? 'pre-existing' : 'new'} data race under load: ${what}`, locations)
  })
}

/** A service that does not build on head: nothing of the job was measured there. */
function buildFinding(head: LoadJobResult, base: LoadJobResult | undefined): Finding[] {
  if (head.error?.kind !== 'run' || head.error.phase !== 'build') return []
  const pre = base?.error?.kind === 'run' && base.error.phase === 'build'
  const message = pre ? `does not build on base either: ${head.error.message}` : `${head.error.message} on head; the load job was not run`
  return [event(head, 'build-failure', pre ? 'warn' : 'fail', 'build', message, [])]
}

function crashFinding(head: LoadJobResult, base: LoadJobResult | undefined): Finding[] {
  if (!head.crash) return []
  const pre = base?.crash?.value === head.crash.value
  const f = head.crash.frames.find((x) => !isStandardLibrary(x.function) && !x.function.startsWith('runtime.')) ?? head.crash.frames[0]
  const message = `${pre ? 'crashes on base too: ' : 'the service crashed under load: '}${head.crash.value.split('\n')[0]} at ${where(f)}`
  return [event(head, 'panic', pre ? 'info' : 'fail', 'crash', message, at(f, 'panic'))]
}

function metricFindings(head: LoadJobResult, metrics: MetricComparison<number>[], cfg: CompareConfig): Finding[] {
  return metrics
    .filter((m) => m.status === 'regression')
    .map((m) =>
      regressionFinding(
        { kind: m.metric === GC_PAUSE_P99 ? 'gc-pause' : 'regression', severity: m.metric === GC_PAUSE_P99 ? cfg.gcPauseSeverity : 'fail', pkg: pkgOf(head), subject: head.name },
        m,
        `${m.metric} got worse under load: ${m.reason}${m.pValue !== null ? `; Mann-Whitney U over ${m.baseSamples.length} vs ${m.headSamples.length} rounds` : ''}`
      )
    )
}

/**
 * Compares every head job with the base job of the same name (`base` undefined: head alone, nothing
 * is new). Jobs only base ran are listed with base's figures. `modulePath` (head's go.mod) says which
 * allocation sites are the user's; without it, those outside the standard library.
 */
export function compareLoadJobs(base: LoadJobResult[] | undefined, head: LoadJobResult[], cfg: CompareConfig, modulePath?: string): LoadComparison {
  const byName = new Map((base ?? []).map((b) => [b.name, b]))
  const findings: Finding[] = []
  const jobs: LoadJobReport[] = []
  const limits = cfg.thresholds.load
  for (const h of head) {
    const found = byName.get(h.name)
    const notes: string[] = []
    if (base === undefined) notes.push('the base ran no load jobs (switched off, or measured before they were configured): nothing is compared, so a leak or race is a warning')
    if (base !== undefined && found === undefined) notes.push('the base has no load job of this name: nothing to compare with')
    if (found?.error) notes.push(`the base side did not complete (${found.error.message}): its leaks and numbers are not compared`)
    if (h.error) notes.push(`the head side did not complete: ${h.error.message}`)
    const b = found && !found.error ? found : undefined
    findings.push(...buildFinding(h, found), ...crashFinding(h, found), ...raceFindings(h, b))
    const job: LoadJobReport = { name: h.name, ...(found ? { base: summarizeLoadSide(found) } : {}), head: summarizeLoadSide(h), metrics: [], growth: [], notes }
    jobs.push(job)
    if (h.error) continue
    for (const metric of ['goroutines', 'heap', 'fds'] as const) {
      const hg = growthOf(h, metric, limits[metric])
      const bg = b ? growthOf(b, metric, limits[metric]) : undefined
      job.growth.push({ metric, ...(bg ? { base: bg } : {}), ...(hg ? { head: hg } : {}) })
      if (metric === 'goroutines') findings.push(...goroutineFindings(h, b, cfg, hg))
      else if (hg?.leaking) findings.push(metric === 'heap' ? heapFinding(h, hg, bg, cfg, modulePath) : fdFinding(h, hg, bg, cfg, modulePath))
    }
    if (b) {
      job.metrics = compareLoadMetrics(b, h, limits, cfg.statistics)
      findings.push(...metricFindings(h, job.metrics, cfg))
    }
  }
  const ran = new Set(head.map((h) => h.name))
  for (const b of base ?? []) {
    if (!ran.has(b.name)) jobs.push({ name: b.name, base: summarizeLoadSide(b), metrics: [], growth: [], notes: ['head has no load job of this name'] })
  }
  return { findings, jobs }
}
