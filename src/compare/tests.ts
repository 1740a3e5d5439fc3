// Findings from the test pass: data races, goroutine leaks, hangs and panics on head, each failing only when
// the base does not have it already (pre-existing problems are reported as info).
import type { RelAbs } from '../config/types.js'
import type { Finding, Location, Severity } from '../model/report.js'
import type { Frame, HangReport, LeakGroup, PanicReport, RaceFinding, RunResult, TestPackageResult } from '../model/result.js'
import { isStandardLibrary } from '../parse/gofunc.js'
import { firstUserFrame } from '../parse/panic.js'
import { raceSides, sameRace } from '../parse/race.js'
import { isGateFrame } from '../parse/stackframes.js'

export function finding(kind: Finding['kind'], severity: Severity, pkg: string, subject: string, metric: string, message: string, locations: Location[], counts?: { base: number; head: number }): Finding {
  return {
    kind,
    severity,
    pkg,
    subject,
    metric,
    unit: counts ? 'goroutines' : '',
    base: counts ? counts.base : null,
    head: counts ? counts.head : null,
    change: counts && counts.base > 0 ? (counts.head - counts.base) / counts.base : null,
    pValue: null,
    message,
    locations
  }
}

export function at(frame: Frame | undefined, role: Location['role']): Location[] {
  return frame ? [{ file: frame.file, line: frame.line, function: frame.function, role }] : []
}

export function where(frame: Frame | undefined): string {
  return frame ? `${frame.function} (${frame.file}:${frame.line})` : 'an unknown site'
}

/**
 * The frame to point at: the innermost in the module, else outside the standard library, else the first;
 * never one of the gate's probe.
 */
function userFrame(frames: Frame[], modulePath: string): Frame | undefined {
  const shown = frames.filter((f) => !isGateFrame(f.function, f.file))
  return firstUserFrame(shown, modulePath) ?? shown[0]
}

/** Each location once: goroutines started by the same go statement share their creation site. */
function distinct(locations: Location[]): Location[] {
  const seen = new Set<string>()
  return locations.filter((l) => {
    const key = `${l.role}\u0000${l.function}\u0000${l.file}:${l.line}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function byPackage(r: RunResult): Map<string, TestPackageResult> {
  return new Map((r.tests ?? []).map((t) => [t.importPath, t]))
}

/**
 * Races on head against the base's, matched by their two code sites (parse/race sameRace), whatever
 * the kinds of the accesses and whichever came first in either report: a race the base has is
 * pre-existing even when the detector saw it as write/write there and as read/write here.
 */
export function raceFindings(pkg: string, head: RaceFinding[], base: RaceFinding[] | undefined, modulePath: string): Finding[] {
  const sidesOf = (r: RaceFinding): [string, string] => raceSides(r.access.frames, r.previous.frames, { modulePath })
  const known = (base ?? []).map(sidesOf)
  return head.map((r) => {
    const sides = sidesOf(r)
    const pre = known.some((b) => sameRace(b, sides))
    const a = userFrame(r.access.frames, modulePath)
    const p = userFrame(r.previous.frames, modulePath)
    const locations = distinct([...at(a, 'access'), ...at(p, 'previous-access'), ...r.goroutines.flatMap((g) => at(g.createdAt, 'creation'))])
    const what = `${r.access.kind} at ${where(a)} races with an earlier ${r.previous.kind} at ${where(p)}`
    const seen = r.in ? ` in ${r.in}` : ''
    return finding('race', pre ? 'info' : 'fail', pkg, r.in || pkg, 'data race', pre ? `pre-existing data race${seen}: ${what}` : `new data race${seen}: ${what}`, locations)
  })
}

// thresholds.goroutines by default: one goroutine more of a kind than the base leaves is a leak.
const ONE_MORE: RelAbs = { relative: 0, absolute: 1 }

/** Whether head leaves more goroutines of a kind than the thresholds allow over the base's. */
function beyond(before: number, count: number, limits: RelAbs): boolean {
  const added = count - before
  return added > 0 && added >= limits.absolute && (before === 0 || added / before > limits.relative)
}

/**
 * Leaks on head against the base's: a new signature, or more goroutines of one, fail past the goroutines
 * thresholds; more under them warn. `subject` names a benchmark when the goroutines outlived one; for the
 * test pass it is the tests that leak them.
 */
export function leakFindings(
  pkg: string,
  head: LeakGroup[],
  base: LeakGroup[] | undefined,
  baseProbed: boolean,
  narrowing: TestPackageResult['narrowing'],
  subject?: string,
  limits: RelAbs = ONE_MORE
): Finding[] {
  const baseCount = new Map<string, number>()
  for (const g of base ?? []) baseCount.set(g.looseKey, (baseCount.get(g.looseKey) ?? 0) + g.count)
  return head.map((g) => {
    const before = baseCount.get(g.looseKey) ?? 0
    const grew = g.count > before
    // Without the probe on base, nothing is known of its goroutines: do not call a leak new.
    const severity: Severity = !baseProbed ? 'warn' : beyond(before, g.count, limits) ? 'fail' : grew ? 'warn' : 'info'
    const under = baseProbed && grew && severity === 'warn' ? ` (under the goroutines threshold of ${limits.absolute} and ${Math.round(limits.relative * 100)}% more)` : ''
    const who = subject ?? (g.tests.length > 0 ? g.tests.join(', ') : pkg)
    const wait = g.waitMinutes ? `, waiting ${g.waitMinutes} min` : ''
    const confirmed = g.detectors.includes('goroutineleak') ? ', and the runtime confirms it can never be woken (goroutineleak profile)' : ''
    const n = narrowing
    const narrowed = n?.cut ? ` (the search for the leaking test stopped at its time bound after ${n.ran} of ${n.of} tests)` : ''
    const message =
      `${g.count} goroutine${g.count === 1 ? '' : 's'} left blocked in [${g.state}${wait}] at ${where(g.blocking)}, started at ${where(g.creation)}` +
      (before > 0 ? ` (base leaves ${before})` : '') +
      (g.tests.length > 0 ? `; leaked by ${g.tests.join(', ')}` : '') +
      narrowed +
      under +
      `; found by the probe after the ${subject ? 'benchmark' : 'tests'}${confirmed}`
    // The stack between the blocking frame and the goroutine's start: how it got there.
    const callers = g.stack
      .filter((f) => !isStandardLibrary(f.function) && !(f.function === g.blocking?.function && f.line === g.blocking?.line))
      .slice(0, 4)
      .flatMap((f) => at(f, 'caller'))
    return finding('goroutine-leak', severity, pkg, who, `goroutines [${g.state}]`, message, [...at(g.blocking, 'blocking'), ...callers, ...at(g.creation, 'creation')], { base: before, head: g.count })
  })
}

/** A test or benchmark that did not finish: who waits on what, the largest groups first. */
export function hangFinding(pkg: string, subject: string, hang: HangReport, preexisting: boolean): Finding {
  const top = hang.groups.slice(0, 5)
  const locations = top.flatMap((g) => [...at(g.blocking, 'blocking'), ...at(g.creation, 'creation')])
  const waits = top.map((g) => `${g.count}× [${g.state}] at ${where(g.blocking)}`).join('; ')
  const message = `${preexisting ? 'hangs on base too: ' : ''}${hang.message}${hang.test ? ` in ${hang.test}` : ''}. Waiting: ${waits || 'no goroutine dump'}`
  return finding('hang', preexisting ? 'info' : 'fail', pkg, subject, 'hang', message, locations)
}

/**
 * The base's leaks: its test pass's, and those its stress stage found, counted per leaking repetition. A
 * rare leak that head's single run happened to catch is pre-existing when the stressed base shows it.
 */
function baseLeaks(bp: TestPackageResult | undefined): LeakGroup[] | undefined {
  if (!bp) return undefined
  const stressed = (bp.stress?.leaks ?? []).map((g) => ({ ...g, count: Math.max(1, Math.round(g.count / g.leakingRepetitions)) }))
  return [...bp.leaks, ...stressed.filter((g) => !bp.leaks.some((l) => l.looseKey === g.looseKey))]
}

/** `goroutines` gives a package's goroutine thresholds (overrides may set them per package). */
export function testFindings(base: RunResult, head: RunResult, goroutines: (pkg: string) => RelAbs = () => ONE_MORE): Finding[] {
  const b = byPackage(base)
  const out: Finding[] = []
  for (const h of head.tests ?? []) {
    const bp = b.get(h.importPath)
    // A race the base showed only under stress is pre-existing too.
    out.push(...raceFindings(h.importPath, h.races, bp && [...bp.races, ...(bp.stress?.races ?? [])], head.env.module))
    out.push(...leakFindings(h.importPath, h.leaks, baseLeaks(bp), bp?.probe ?? false, h.narrowing, undefined, goroutines(h.importPath)))
    if (h.hang) out.push(hangFinding(h.importPath, h.hang.test ?? h.importPath, h.hang, bp?.hang !== undefined))
    // A base's panic counts whether its normal run or its stress stage showed it.
    const basePanics = new Set([...(bp?.panics ?? []), ...(bp?.stress?.panics ?? [])].map(panicKey))
    for (const p of h.panics) out.push(panicFinding(h.importPath, p, basePanics.has(panicKey(p)), head.env.module))
  }
  return out
}

/** A panic's identity: its test and its value; the same on the normal pass and under stress. */
export function panicKey(p: PanicReport): string {
  return `${p.test ?? ''}\u0000${p.value}`
}

export function panicFinding(pkg: string, p: PanicReport, pre: boolean, modulePath: string): Finding {
  const f = userFrame(p.frames, modulePath)
  // os.Exit leaves no stack: its last output line (a log.Fatal message) says more than "an unknown site".
  const place = f || p.output === undefined ? ` at ${where(f)}` : `; its last output: ${p.output}`
  return finding('panic', pre ? 'info' : 'fail', pkg, p.test ?? pkg, 'panic', `${pre ? 'panics on base too: ' : ''}${p.value.split('\n')[0]}${place}`, at(f, 'panic'))
}
