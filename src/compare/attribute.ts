import type { Location } from '../model/report.js'
import type { LoadHeapSite } from '../model/result.js'
import { inModule, isStandardLibrary } from '../parse/gofunc.js'
import { isRuntimePackage, packageOf } from '../parse/stackframes.js'

/**
 * One allocation site of one run, as the memory profile aggregates it (see parse/pprof heapSites): the
 * shape result.json stores for a load job's heap sites, so both read one definition.
 */
export type SiteValues = LoadHeapSite

export interface ProfiledRun {
  iterations: number
  sites: SiteValues[]
}

export type SiteMeasure = 'inuseBytes' | 'allocBytes' | 'allocObjects'

/**
 * Test binaries are built with -trimpath, so a file in the module is named `module/path/file.go` on both
 * sides (the base lives in a temporary worktree); shown relative to the module root it matches the diff.
 */
export function moduleRelative(file: string, modulePath: string): string {
  return file.startsWith(modulePath + '/') ? file.slice(modulePath.length + 1) : file
}

/** The same sites with module files named relative to the module root. */
export function relativeSites(sites: SiteValues[], modulePath: string): SiteValues[] {
  return sites.map((s) => ({
    ...s,
    file: moduleRelative(s.file, modulePath),
    ...(s.caller ? { caller: { ...s.caller, file: moduleRelative(s.caller.file, modulePath) } } : {})
  }))
}

/** Where a base file:line stands in head (see parse/unidiff); undefined when the change rewrote it. */
export type BaseLineMapper = (file: string, line: number) => number | undefined

function siteKey(s: SiteValues, withLines: boolean): string {
  const c = s.caller
  const own = withLines ? `${s.function}\u0000${s.file}\u0000${s.line}` : `${s.function}\u0000${s.file}`
  if (!c) return own
  return own + (withLines ? `\u0000${c.function}\u0000${c.file}\u0000${c.line}` : `\u0000${c.function}`)
}

/** Base sites at the lines they have in head; a rewritten line gets -1 so it can never match a head line. */
function inHeadLines(runs: ProfiledRun[], map: BaseLineMapper): ProfiledRun[] {
  const at = (file: string, line: number): number => map(file, line) ?? -1
  return runs.map((r) => ({
    iterations: r.iterations,
    sites: r.sites.map((s) => ({
      ...s,
      line: at(s.file, s.line),
      ...(s.caller ? { caller: { ...s.caller, line: at(s.caller.file, s.caller.line) } } : {})
    }))
  }))
}

interface Aggregate {
  /** The biggest single site under the key: its lines are the ones shown. */
  site: SiteValues
  siteValue: number
  perOp: number
}

/** Mean per-op value of every site over the runs (a site absent from a run counts as 0 there). */
function perOpBySite(runs: ProfiledRun[], measure: SiteMeasure, withLines: boolean): Map<string, Aggregate> {
  const out = new Map<string, Aggregate>()
  const used = runs.filter((r) => r.iterations > 0)
  for (const run of used) {
    for (const s of run.sites) {
      const key = siteKey(s, withLines)
      const value = s[measure] / run.iterations / used.length
      const entry = out.get(key) ?? { site: s, siteValue: 0, perOp: 0 }
      entry.perOp += value
      if (value > entry.siteValue) {
        entry.site = s
        entry.siteValue = value
      }
      out.set(key, entry)
    }
  }
  return out
}

/**
 * The allocation sites that grew most from base to head, per op: a diff of the two sides' memory
 * profiles (as `go tool pprof -diff_base` does, with the base negated), normalised by the iterations
 * each run did so that runs with different b.N compare. Returns the allocating frame and, when that
 * frame is in the standard library or a dependency, the first caller in the module too.
 *
 * Sites are matched by line when `mapBaseLine` says where base lines moved; without it they are matched
 * by function, because edits above a site shift its line and would make it look new. `modulePath` says
 * which sites are the user's (see siteLocations); without it, those outside the standard library.
 */
export function attributeGrowth(
  base: ProfiledRun[],
  head: ProfiledRun[],
  measure: SiteMeasure,
  opts: { top?: number; minShare?: number; mapBaseLine?: BaseLineMapper; modulePath?: string } = {}
): Location[] {
  const top = opts.top ?? 5
  const withLines = opts.mapBaseLine !== undefined
  const b = perOpBySite(opts.mapBaseLine ? inHeadLines(base, opts.mapBaseLine) : base, measure, withLines)
  const h = perOpBySite(head, measure, withLines)
  const deltas: { site: SiteValues; delta: number }[] = []
  for (const [key, { site, perOp }] of h) {
    const delta = perOp - (b.get(key)?.perOp ?? 0)
    if (delta > 0) deltas.push({ site, delta })
  }
  const total = deltas.reduce((n, d) => n + d.delta, 0)
  // Sampling puts small positive deltas on unrelated sites; keep those that explain a real share.
  const minShare = opts.minShare ?? 0.05
  const picked = deltas
    .filter((d) => total > 0 && d.delta / total >= minShare)
    .sort((x, y) => y.delta - x.delta)
    .slice(0, top)
  const locations: Location[] = []
  const deltaUnit = measure === 'allocObjects' ? 'objects' : 'B'
  const isOwn = (fn: string): boolean => (opts.modulePath ? inModule(fn, opts.modulePath) : !isStandardLibrary(fn))
  for (const { site, delta } of picked) {
    for (const l of siteLocations(site, delta, deltaUnit, isOwn)) {
      // Two sites can lead to one line (a runtime allocation shown at its caller's): one location.
      const same = locations.find((x) => x.role === l.role && x.file === l.file && x.line === l.line && x.function === l.function)
      if (same) same.deltaPerOp = (same.deltaPerOp ?? 0) + delta
      else locations.push(l)
    }
  }
  return locations
}

/**
 * Where a site points the user: always at a line of the module. A site in the standard library shows
 * its line and then the module's call that led there (time.Time.Format, called from the user's
 * encoder); one in the runtime (mallocgc, growslice) only the module's call, since the runtime's line
 * says nothing; one with no module frame above it at all (the runtime's or a library's own allocation)
 * is nobody's line to fix and is not named.
 */
function siteLocations(site: SiteValues, delta: number, deltaUnit: Location['deltaUnit'], isOwn: (fn: string) => boolean): Location[] {
  const own = { file: site.file, line: site.line, function: site.function }
  if (!site.caller) return isOwn(site.function) ? [{ ...own, role: 'allocation', deltaPerOp: delta, deltaUnit }] : []
  const caller = { ...site.caller, deltaPerOp: delta, deltaUnit }
  if (isRuntimePackage(packageOf(site.function))) return [{ ...caller, role: 'allocation' }]
  return [
    { ...own, role: 'allocation', deltaPerOp: delta, deltaUnit },
    { ...caller, role: 'caller' }
  ]
}
