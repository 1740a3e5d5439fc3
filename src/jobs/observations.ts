// From what a test binary printed (and what the probe wrote) to the result model: goroutine groups, leaks,
// races. Pure; files are module-relative because binaries are built with -trimpath.
import { moduleRelative } from '../compare/attribute.js'
import type { Frame, HangReport, LeakGroup, PanicReport, RaceAccess, RaceFinding } from '../model/result.js'
import type { TestVerbose } from '../parse/testv.js'
import { splitProcs } from '../parse/benchfmt.js'
import type { SourceFrame } from '../parse/gofunc.js'
import {
  blockingFrame,
  groupBySignature,
  isIgnorable,
  parseGoroutineDump,
  type Goroutine,
  type GoroutineGroup,
  type GoroutineRule
} from '../parse/goroutines.js'
import { parseRaceReports, raceKey, raceSides, sameRace, type RaceAccess as ParsedAccess } from '../parse/race.js'
import { isGateFrame, isUserFunction, userFacingName } from '../parse/stackframes.js'

const MAX_STACK = 32
const MAX_REPORT = 8 * 1024

/** A frame as the result shows it: module-relative file, and the user's TestMain under its own name. */
export function relativeFrame(f: SourceFrame, modulePath: string): Frame {
  return { function: userFacingName(f.function), file: moduleRelative(f.file, modulePath), line: f.line }
}

function relative(f: SourceFrame | undefined, modulePath: string): Frame | undefined {
  return f ? relativeFrame(f, modulePath) : undefined
}

/** A stack as the result shows it: the gate's probe frames are not the user's, so they are left out. */
function shownStack(frames: SourceFrame[], modulePath: string): Frame[] {
  return frames
    .filter((f) => !isGateFrame(f.function, f.file))
    .slice(0, MAX_STACK)
    .map((f) => relativeFrame(f, modulePath))
}

function goroutines(text: string, rules: readonly GoroutineRule[]): Goroutine[] {
  return parseGoroutineDump(text).goroutines.filter((g) => !isIgnorable(g, rules))
}

function groups(text: string, modulePath: string, rules: readonly GoroutineRule[]): GoroutineGroup[] {
  return groupBySignature(goroutines(text, rules), { modulePath })
}

/**
 * Goroutines still alive after the settle time, grouped by signature. Those the goroutineleak profile
 * also reports (Go 1.26 with GOEXPERIMENT=goroutineleakprofile, Go 1.27 on) are marked as confirmed.
 */
export function leakGroups(dump: string, leakProfile: string | null, modulePath: string, rules: readonly GoroutineRule[]): LeakGroup[] {
  const confirmed = new Set(leakProfile ? groups(leakProfile, modulePath, rules).filter((g) => g.leaked > 0).map((g) => g.looseKey) : [])
  return groups(dump, modulePath, rules).map((g) => ({
    key: g.key,
    looseKey: g.looseKey,
    state: g.state,
    ...(g.waitMinutes !== undefined ? { waitMinutes: g.waitMinutes } : {}),
    count: g.count,
    blocking: relative(g.blocking, modulePath),
    creation: relative(g.creation, modulePath),
    stack: shownStack(g.stack, modulePath),
    tests: [],
    detectors: confirmed.has(g.looseKey) ? ['probe', 'goroutineleak'] : ['probe']
  }))
}

/**
 * Who waits on what when a package hung: the dump's goroutines grouped by wait state and blocking site
 * (goroutines started at different places but stuck at the same line are one group; the first one's
 * creation site and stack stand for it). Groups waiting in the user's code come first, largest first:
 * the testing package's own goroutines (the main one waiting for a benchmark) come after them.
 */
export function hangGroups(text: string, modulePath: string): HangReport['groups'] {
  const bySite = new Map<string, HangReport['groups'][number] & { own: boolean }>()
  for (const g of goroutines(text, [])) {
    const b = blockingFrame(g, { modulePath })
    const key = `${g.state}\u0000${b ? `${b.function}\u0000${b.file}:${b.line}` : '?'}`
    const seen = bySite.get(key)
    if (seen) {
      seen.count++
      continue
    }
    const creation = g.createdBy && !isGateFrame(g.createdBy.function, g.createdBy.file) ? g.createdBy : undefined
    bySite.set(key, {
      own: b !== undefined && isUserFunction(b.function, b.file, modulePath),
      state: g.state,
      count: 1,
      blocking: relative(b, modulePath),
      creation: creation ? relativeFrame(creation, modulePath) : undefined,
      stack: shownStack(g.frames, modulePath)
    })
  }
  return [...bySite.values()]
    .sort((a, b) => Number(b.own) - Number(a.own) || b.count - a.count)
    .map(({ own: _own, ...group }) => group)
}

/** The hang in a test binary's output: the dump after testing's timeout panic (or a SIGQUIT), grouped. */
export function hangFrom(text: string, modulePath: string, running: string[], message: string): HangReport {
  const at = text.search(/^panic: test timed out after|^SIGQUIT: quit/m)
  return { test: running[0], message, groups: hangGroups(at >= 0 ? text.slice(at) : text, modulePath) }
}

function access(a: ParsedAccess, modulePath: string): RaceAccess {
  return { kind: a.kind, goroutine: String(a.goroutine), frames: shownStack(a.frames, modulePath) }
}

/**
 * Race reports in a run's output, one per race (see raceKey: the pair of code sites, not the kinds of
 * the accesses), with the number of reports that showed it. A report whose earlier access lost its
 * stack joins the race it matches on the other side. Keys leave lines out so base and head match.
 */
export function racesIn(text: string, via: RaceFinding['via'], modulePath: string): RaceFinding[] {
  const races: { sides: [string, string]; finding: RaceFinding }[] = []
  const reports = parseRaceReports(text).races
  // Whole reports first, so that one with a lost stack finds the race it belongs to whatever the order.
  const lost = (r: (typeof reports)[number]): boolean => r.access.frames.length === 0 || r.previous.frames.length === 0
  for (const r of [...reports.filter((x) => !lost(x)), ...reports.filter(lost)]) {
    const a = access(r.access, modulePath)
    const p = access(r.previous, modulePath)
    const sides = raceSides(a.frames, p.frames, { modulePath })
    const seen = races.find((x) => sameRace(x.sides, sides))
    if (seen) {
      seen.finding.count++
      continue
    }
    const test = r.test ? (via === 'benchmark' ? splitProcs(r.test).name : r.test) : ''
    races.push({
      sides,
      finding: {
        key: raceKey({ access: { ...r.access, frames: a.frames }, previous: { ...r.previous, frames: p.frames } }, { modulePath }),
        in: test,
        via,
        count: 1,
        access: a,
        previous: p,
        goroutines: r.goroutines.map((g) => {
          // A goroutine started by the probe's TestMain is the main test goroutine: no creation site to show.
          const site = g.createdAt.find((f) => isUserFunction(f.function, f.file, modulePath))
          return { id: String(g.id), state: g.state, ...(site ? { createdAt: relativeFrame(site, modulePath) } : {}) }
        }),
        report: r.raw.length > MAX_REPORT ? r.raw.slice(0, MAX_REPORT) + '\n…' : r.raw
      }
    })
  }
  return races.map((x) => x.finding)
}

/** The panics of a test run, with the gate's own frames (the probe's) left out. */
export function panicsFrom(crashes: TestVerbose['crashes'], modulePath: string): PanicReport[] {
  return crashes.map((c) => ({
    test: c.test,
    value: c.crash.value,
    frames: c.crash.frames.filter((f) => !isGateFrame(f.function, f.file)).map((f) => relativeFrame(f, modulePath))
  }))
}
