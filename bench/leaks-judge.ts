// What one run of a fixtures/leaks test binary showed the gate, judged against fixtures/leaks/expectations.json.
// Pure: no processes. The observations come from the gate's own parsers (src/jobs/observations.ts,
// src/parse/testv.ts); this file only says which of them were expected and which were not.
import type { Frame, HangReport, LeakGroup, PanicReport, RaceFinding } from '../src/model/result.js'

export type Side = 'base' | 'head'

interface Site {
  file: string
  line: number
  function?: string
}

export interface ExpectedFinding {
  kind: 'goroutine-leak' | 'race' | 'hang' | 'panic'
  severity: string
  sides: Side[]
  state?: string
  count?: number
  blocking?: Site
  leakProfile?: boolean
  subject?: string
  flags?: string[]
  access?: { op: string; stack: Site[] }
  previous?: { op: string; stack: Site[] }
  test?: string
  value?: string
  blocked?: { state: string; stack: Site[] }[]
  stack?: Site[]
}

export interface ExpectedPackage {
  dir: string
  importPath: string
  tests: string[]
  benchmarks: string[]
  ownTestMain: boolean
  outcome: Record<Side, string>
  benchOutcome?: Record<Side, string>
  findings: ExpectedFinding[]
}

/** What the gate's test pass derives from one run of a package's test binary. */
export interface Observed {
  outcome: 'pass' | 'fail' | 'timeout' | 'crash'
  exitCode: number | null
  /** The probe wrote its dump (only expected when the binary neither crashed nor timed out). */
  probeDump: boolean
  leaks: LeakGroup[]
  races: RaceFinding[]
  panics: PanicReport[]
  hang?: HangReport
  failedTests: string[]
}

export interface Judgement {
  /** Every expected finding of this side was seen exactly (state, blocking file:line, count; or race/hang/panic sites). */
  detected: boolean
  /** Per expected goroutine leak seen: whether the goroutineleak profile confirmed it. */
  confirmed: boolean[]
  /** Findings the expectations do not list for this side: the false positives. */
  unexpected: string[]
  /** Expected findings not seen exactly, with what was seen instead when something close was. */
  missed: string[]
  /** Other surprises: a failing test no finding explains, a missing probe dump. */
  anomalies: string[]
}

const at = (f: Site | Frame | undefined): string => (f ? `${f.file}:${f.line}` : '?')

export function describeLeak(g: LeakGroup): string {
  const conf = g.detectors.includes('goroutineleak') ? ' +goroutineleak' : ''
  return `leak ${g.count}x [${g.state}] at ${at(g.blocking)} (${g.blocking?.function ?? '?'})${conf}`
}

export function describeRace(r: RaceFinding): string {
  return `race in ${r.in || '?'} (${r.via}): ${r.access.kind} ${at(r.access.frames[0])} vs ${r.previous.kind} ${at(r.previous.frames[0])}${r.count > 1 ? ` x${r.count}` : ''}`
}

function leakMatches(g: LeakGroup, f: ExpectedFinding): boolean {
  return g.state === f.state && at(g.blocking) === at(f.blocking) && g.count === f.count
}

// `either`: the access kind varies between runs (c.n++ reads and writes).
function opMatches(kind: string, op: string): boolean {
  return op === 'either' || kind === op
}

function raceMatches(r: RaceFinding, f: ExpectedFinding): boolean {
  const a = f.access
  const p = f.previous
  if (!a || !p) return false
  return (
    r.in === f.subject &&
    opMatches(r.access.kind, a.op) &&
    at(r.access.frames[0]) === at(a.stack[0]) &&
    opMatches(r.previous.kind, p.op) &&
    at(r.previous.frames[0]) === at(p.stack[0])
  )
}

function hangMatches(h: HangReport | undefined, f: ExpectedFinding): boolean {
  if (!h || h.test !== f.test) return false
  return (f.blocked ?? []).every((b) => h.groups.some((g) => g.state === b.state && at(g.blocking) === at(b.stack[0])))
}

function panicMatches(p: PanicReport, f: ExpectedFinding): boolean {
  return p.test === f.test && p.value.includes(f.value ?? '\0') && p.frames.some((fr) => at(fr) === at(f.stack?.[0]))
}

/**
 * Whether a finding shows in the -race pass over benchmarks rather than in the tests run: the findings
 * whose expectation gives the benchmark flags that make them happen (races, a benchmark's hang).
 */
export function viaBenchmarks(f: ExpectedFinding): boolean {
  return (f.kind === 'race' || f.kind === 'hang') && (f.flags?.length ?? 0) > 0
}

/**
 * Judges one run. `via` says which of the gate's runs this was: the package's tests, or the -race pass over
 * benchmarks (which looks for races only). Expected findings of a run are those listed for the side whose
 * kind that run can show: those with benchmark flags (viaBenchmarks) only in the benchmark run, everything
 * else only in the tests run.
 */
export function judge(pkg: ExpectedPackage, side: Side, via: 'tests' | 'benchmarks', o: Observed): Judgement {
  const wanted = pkg.findings.filter((f) => f.sides.includes(side) && viaBenchmarks(f) === (via === 'benchmarks'))
  const usedLeaks = new Set<LeakGroup>()
  const usedRaces = new Set<RaceFinding>()
  const usedPanics = new Set<PanicReport>()
  let hangUsed = false
  const confirmed: boolean[] = []
  const missed: string[] = []
  for (const f of wanted) {
    if (f.kind === 'goroutine-leak') {
      const g = o.leaks.find((x) => !usedLeaks.has(x) && leakMatches(x, f))
      if (g) {
        usedLeaks.add(g)
        confirmed.push(g.detectors.includes('goroutineleak'))
      } else {
        const near = o.leaks.find((x) => x.state === f.state && at(x.blocking) === at(f.blocking))
        missed.push(`leak ${f.count}x [${f.state}] at ${at(f.blocking)}${near ? ` (seen ${near.count}x)` : ''}`)
      }
    } else if (f.kind === 'race') {
      const r = o.races.find((x) => !usedRaces.has(x) && raceMatches(x, f))
      if (r) usedRaces.add(r)
      else missed.push(`race in ${f.subject} at ${at(f.access?.stack[0])}`)
    } else if (f.kind === 'hang') {
      if (hangMatches(o.hang, f)) hangUsed = true
      else missed.push(`hang in ${f.test}`)
    } else if (f.kind === 'panic') {
      const p = o.panics.find((x) => !usedPanics.has(x) && panicMatches(x, f))
      if (p) usedPanics.add(p)
      else missed.push(`panic in ${f.test} (${f.value})`)
    }
  }
  const unexpected = [
    ...o.leaks.filter((g) => !usedLeaks.has(g)).map(describeLeak),
    ...o.races.filter((r) => !usedRaces.has(r)).map(describeRace),
    ...o.panics.filter((p) => !usedPanics.has(p)).map((p) => `panic in ${p.test ?? '?'}: ${p.value.split('\n')[0]} at ${at(p.frames[0])}`),
    ...(o.hang && !hangUsed ? [`hang in ${o.hang.test ?? '?'}: ${o.hang.message}`] : [])
  ]
  const anomalies: string[] = []
  // A test fails legitimately when an expected race or panic is reported in it.
  const explained = new Set([...usedRaces].map((r) => r.in).concat([...usedPanics].map((p) => p.test ?? '')))
  const unexplained = o.failedTests.filter((t) => !explained.has(t) && ![...explained].some((e) => t.startsWith(e + '/')))
  if (unexplained.length > 0) anomalies.push(`failing test(s) no finding explains: ${unexplained.join(', ')}`)
  if (via === 'tests' && !o.probeDump && o.outcome !== 'crash' && o.outcome !== 'timeout') anomalies.push('no probe dump')
  if (o.outcome === 'fail' && unexplained.length === 0 && usedRaces.size === 0) anomalies.push(`exit ${o.exitCode} without a failing test`)
  return { detected: missed.length === 0, confirmed, unexpected, missed, anomalies }
}

/** A stable summary of everything one run showed, to spot runs that disagree with each other (flips). */
export function signature(o: Observed): string {
  const parts = [
    `outcome=${o.outcome}/${o.exitCode}`,
    `dump=${o.probeDump}`,
    ...o.leaks.map((g) => `${g.key}#${g.count}${g.detectors.includes('goroutineleak') ? '+gl' : ''}`).sort(),
    // Not the number of reports: the detector reports one race once or twice, as it happens (counter, visits).
    ...o.races.map((r) => `race:${r.key}`).sort(),
    ...o.panics.map((p) => `panic:${p.test}:${at(p.frames[0])}`).sort(),
    ...(o.hang ? [`hang:${o.hang.test}:${o.hang.groups.map((g) => `${g.state}@${at(g.blocking)}x${g.count}`).sort().join(',')}`] : []),
    ...o.failedTests.map((t) => `FAIL:${t}`).sort()
  ]
  return parts.join(' | ')
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
