// From what a test binary printed (and what the probe wrote) to the result model: goroutine groups, leaks,
// races. Pure; files are module-relative because binaries are built with -trimpath.
import { moduleRelative } from '../compare/attribute.js'
import { PROBE_FILE } from '../go/overlay.js'
import type { Frame, HangReport, LeakGroup, RaceAccess, RaceFinding } from '../model/result.js'
import { splitProcs } from '../parse/benchfmt.js'
import type { SourceFrame } from '../parse/gofunc.js'
import { groupBySignature, isIgnorable, parseGoroutineDump, type GoroutineGroup, type GoroutineRule } from '../parse/goroutines.js'
import { parseRaceReports, raceKey, type RaceAccess as ParsedAccess } from '../parse/race.js'
import { isUserFunction } from '../parse/stackframes.js'

const MAX_STACK = 32
const MAX_REPORT = 8 * 1024

export function relativeFrame(f: SourceFrame, modulePath: string): Frame {
  return { function: f.function, file: moduleRelative(f.file, modulePath), line: f.line }
}

function relative(f: SourceFrame | undefined, modulePath: string): Frame | undefined {
  return f ? relativeFrame(f, modulePath) : undefined
}

function groups(text: string, modulePath: string, rules: readonly GoroutineRule[]): GoroutineGroup[] {
  const dump = parseGoroutineDump(text)
  return groupBySignature(
    dump.goroutines.filter((g) => !isIgnorable(g, rules)),
    { modulePath }
  )
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
    stack: g.stack.slice(0, MAX_STACK).map((f) => relativeFrame(f, modulePath)),
    tests: [],
    detectors: confirmed.has(g.looseKey) ? ['probe', 'goroutineleak'] : ['probe']
  }))
}

/**
 * Who waits on what when a package hung: the dump's goroutines grouped by wait state and blocking site
 * (goroutines started at different places but stuck at the same line are one group; the first one's
 * creation site and stack stand for it).
 */
export function hangGroups(text: string, modulePath: string): HangReport['groups'] {
  const bySite = new Map<string, HangReport['groups'][number]>()
  for (const g of groups(text, modulePath, [])) {
    const b = g.blocking
    const key = `${g.state}\u0000${b ? `${b.function}\u0000${b.file}:${b.line}` : g.key}`
    const seen = bySite.get(key)
    if (seen) {
      seen.count += g.count
      continue
    }
    bySite.set(key, {
      state: g.state,
      count: g.count,
      blocking: relative(g.blocking, modulePath),
      creation: relative(g.creation, modulePath),
      stack: g.stack.slice(0, MAX_STACK).map((f) => relativeFrame(f, modulePath))
    })
  }
  return [...bySite.values()].sort((a, b) => b.count - a.count)
}

function access(a: ParsedAccess, modulePath: string): RaceAccess {
  return { kind: a.kind, goroutine: String(a.goroutine), frames: a.frames.slice(0, MAX_STACK).map((f) => relativeFrame(f, modulePath)) }
}

/** Race reports in a run's output, identical ones collapsed; keys leave lines out so base and head match. */
export function racesIn(text: string, via: RaceFinding['via'], modulePath: string): RaceFinding[] {
  const byKey = new Map<string, RaceFinding>()
  for (const r of parseRaceReports(text).races) {
    const key = raceKey(r, { modulePath })
    const seen = byKey.get(key)
    if (seen) {
      seen.count++
      continue
    }
    const test = r.test ? (via === 'benchmark' ? splitProcs(r.test).name : r.test) : ''
    byKey.set(key, {
      key,
      in: test,
      via,
      count: 1,
      access: access(r.access, modulePath),
      previous: access(r.previous, modulePath),
      goroutines: r.goroutines.map((g) => {
        // A goroutine started by the probe's TestMain is the main test goroutine: no creation site to show.
        const site = g.createdAt.find((f) => isUserFunction(f.function, f.file, modulePath) && !f.file.endsWith(PROBE_FILE))
        return { id: String(g.id), state: g.state, ...(site ? { createdAt: relativeFrame(site, modulePath) } : {}) }
      }),
      report: r.raw.length > MAX_REPORT ? r.raw.slice(0, MAX_REPORT) + '\n…' : r.raw
    })
  }
  return [...byKey.values()]
}
