// Where a slowdown comes from: the functions whose CPU time per op grew from base to head, from the CPU
// profiles of the runs made for them (BenchmarkResult.profileRuns), or why none can be named. Pure: the
// caller decodes the profiles, all with one ProfileTables.
import type { Finding, Location, Report } from '../model/report.js'
import { isTimeUnit } from '../model/result.js'
import { benchmarkOfFunction, inModule } from '../parse/gofunc.js'
import { isGateFrame, isRuntimePackage, packageOf } from '../parse/stackframes.js'
import { frameTotals, mergeProfiles, ModuleFrames, perOpMean, sampleTypeIndex, totalOf, type CompactProfile, type ProfileTables, type StackProfile } from '../profile/index.js'
import { moduleRelative, type BaseLineMapper } from './attribute.js'

export interface CpuRun {
  profile: CompactProfile
  /** b.N of the run that wrote the profile. */
  iterations: number
}

export interface CpuSideSummary {
  /** CPU nanoseconds per op, mean over the side's runs. */
  cpuPerOp: number
  samples: number
}

export interface CpuAttribution {
  locations: Location[]
  /** Why no line is named, when none is: said in the finding instead of a guess. */
  unattributed?: string
  base: CpuSideSummary
  head: CpuSideSummary
}

export interface CpuOptions {
  modulePath: string
  /** Where a base file:line stands in head (see attributeGrowth); lines are compared as they are without it. */
  mapBaseLine?: BaseLineMapper
  /** How many standard errors of sampling noise a growth must exceed to be named (3 unless given). */
  z?: number
  /** Functions named by own CPU (5) and by cumulative CPU (3) at most. */
  top?: number
  topCum?: number
  /** A function is named only when it explains at least this share of the total growth (0.05). */
  minShare?: number
}

/** Go's CPU profiler samples at 100 Hz: 10 ms of CPU per sample, unless the profile says otherwise. */
const DEFAULT_PERIOD_NS = 10_000_000
const CPU = 'cpu'

function periodOf(p: CompactProfile): number {
  return p.period > 0 ? p.period : DEFAULT_PERIOD_NS
}

function used(runs: CpuRun[]): CpuRun[] {
  return runs.filter((r) => r.iterations > 0)
}

/**
 * The variance of a side's CPU per op, stack by stack. A stack's sample count k is a Poisson count, so a run
 * of N ops estimates k·period/N per op with variance k·period²/N²; the mean of R runs divides that by R².
 * As a profile's cpu value is k·period, that is the value scaled by period/(N·R)².
 */
function varianceTerms(runs: CpuRun[]): { profile: CompactProfile; scale: number }[] {
  const u = used(runs)
  return u.map((r) => ({ profile: r.profile, scale: periodOf(r.profile) / (r.iterations * u.length) ** 2 }))
}

function sampleCount(runs: CpuRun[]): number {
  let n = 0
  for (const { profile } of runs) {
    const i = profile.sampleTypes.findIndex((t) => t.type === 'samples')
    const values = profile.values[i >= 0 ? i : sampleTypeIndex(profile, CPU)]
    const per = i >= 0 ? 1 : periodOf(profile)
    for (const v of values) n += v / per
  }
  return Math.round(n)
}

/** A CPU time with three significant digits: `35.2µs`. */
function cpuTime(ns: number): string {
  const a = Math.abs(ns)
  const [div, unit] = a >= 1e9 ? [1e9, 's'] : a >= 1e6 ? [1e6, 'ms'] : a >= 1e3 ? [1e3, 'µs'] : [1, 'ns']
  return `${Number((ns / div).toPrecision(3))}${unit}`
}

/** Values per head line: head's at its own lines, base's (subtracted) at the lines they moved to. */
class LineDeltas {
  private readonly byLine = new Map<number, number>()
  add(line: number, value: number): void {
    if (value !== 0 && line >= 0) this.byLine.set(line, (this.byLine.get(line) ?? 0) + value)
  }
  /** The line that grew most (the lowest of equals), or -1. */
  top(): number {
    let best = -1
    let bestValue = -Infinity
    for (const [line, v] of this.byLine) if (v > bestValue || (v === bestValue && line < best)) [best, bestValue] = [line, v]
    return best
  }
  /**
   * The lines that carry the function's growth `total`: each with at least LINE_SHARE of it, most first,
   * at most MAX_LINES; the top line when none does (the growth is spread thin). With their own growths.
   */
  carrying(total: number): { line: number; delta: number }[] {
    const lines = [...this.byLine]
      .filter(([, v]) => v > 0 && v >= LINE_SHARE * total)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MAX_LINES)
      .map(([line, delta]) => ({ line, delta }))
    return lines.length > 0 ? lines : [{ line: this.top(), delta: total }]
  }
}

// A loop's time falls on the lines of its body and of its header in proportions the CPU decides (where the
// profiling interrupt lands): `for _, k := range keys { if k == x {` split 50/50 between its two lines on an
// Intel Xeon; on an AMD EPYC the `if` took 29% to 43% of the samples in three runs, and under a quarter in
// another. Naming only the top line then names either, run by run. So every line with a quarter of the
// function's growth is named, with its own share.
const LINE_SHARE = 0.25
const MAX_LINES = 3

interface Growth {
  fn: number
  delta: number
  variance: number
  lines: LineDeltas
  /** For a function outside the module: the module's function that called it, and that call's lines. */
  caller?: { fn: number; lines: LineDeltas }
}

const at = (values: Float64Array, node: number): number => (node < values.length ? values[node] : 0)

/**
 * Own CPU growth per function, as `pprof -top`'s flat column of the diff. Time in the runtime (memmove,
 * mallocgc, a preemption) counts at the module frame that called into it, as allocation sites do; time in
 * the standard library or a dependency stays with its function, remembered with the module caller that
 * led there. Time under no module frame at all (GC workers, the scheduler) is nobody's line: `outside`.
 */
function flatGrowth(head: StackProfile, base: StackProfile, variance: StackProfile, module: ModuleFrames, mapLine: (fn: number, line: number) => number): { sites: Growth[]; outside: number } {
  const { tables } = head
  const [h, b, v] = [head.values[0], base.values[0], variance.values[0]]
  const sites = new Map<string, Growth>()
  let outside = 0
  for (let n = 1; n < tables.nodeCount; n++) {
    const hv = at(h, n)
    const bv = at(b, n)
    if (hv === 0 && bv === 0) continue
    let site = n
    let caller = -1
    if (!module.inModule(n)) {
      const above = module.atOrAbove(tables.nodeParent[n])
      if (above < 0) {
        outside += hv - bv
        continue
      }
      if (isRuntimePackage(packageOf(tables.functions[tables.nodeFunction(n)].name))) site = above
      else caller = above
    }
    const fn = tables.nodeFunction(site)
    const callerFn = caller < 0 ? -1 : tables.nodeFunction(caller)
    const key = `${fn}:${callerFn}`
    let g = sites.get(key)
    if (!g) {
      g = { fn, delta: 0, variance: 0, lines: new LineDeltas(), ...(caller >= 0 ? { caller: { fn: callerFn, lines: new LineDeltas() } } : {}) }
      sites.set(key, g)
    }
    g.delta += hv - bv
    g.variance += at(v, n)
    const lineOf = (node: number): number => tables.frameLine[tables.nodeFrame[node]]
    g.lines.add(lineOf(site), hv)
    g.lines.add(mapLine(fn, lineOf(site)), -bv)
    if (g.caller) {
      g.caller.lines.add(lineOf(caller), hv)
      g.caller.lines.add(mapLine(callerFn, lineOf(caller)), -bv)
    }
  }
  return { sites: [...sites.values()], outside }
}

/**
 * Cumulative CPU growth of the module's functions (their own time and their callees'), without the
 * benchmark functions, whose cumulative time is everything the benchmark does, and the gate's own frames.
 * The line is the one inside the function whose cumulative time grew most: the call that got dearer.
 */
function cumGrowth(head: StackProfile, base: StackProfile, variance: StackProfile, modulePath: string, mapLine: (fn: number, line: number) => number): Growth[] {
  const { tables } = head
  const [hf, bf, vf] = [head, base, variance].map((p) => frameTotals(p, CPU, 'function').cum)
  const [hl, bl] = [head, base].map((p) => frameTotals(p, CPU, 'line').cum)
  const lines = new Map<number, LineDeltas>()
  for (let k = 0; k < tables.frameCount; k++) {
    const fn = tables.frameFunction[k]
    const l = lines.get(fn) ?? new LineDeltas()
    l.add(tables.frameLine[k], hl[k])
    l.add(mapLine(fn, tables.frameLine[k]), -bl[k])
    lines.set(fn, l)
  }
  const out: Growth[] = []
  tables.functions.forEach((f, fn) => {
    if (f.unsymbolised || !inModule(f.name, modulePath) || benchmarkOfFunction(f.name) !== undefined || isGateFrame(f.name, f.file)) return
    const delta = hf[fn] - bf[fn]
    if (delta > 0) out.push({ fn, delta, variance: vf[fn], lines: lines.get(fn) ?? new LineDeltas() })
  })
  return out
}

function byGrowth(tables: ProfileTables): (a: Growth, b: Growth) => number {
  return (a, b) => b.delta - a.delta || tables.functions[a.fn].name.localeCompare(tables.functions[b.fn].name)
}

/**
 * The functions (with file and line) whose CPU time per op grew most from base to head, by own time
 * ('cpu') and by time with their callees ('cpu-cum'), as `go tool pprof -top -diff_base` shows them but per
 * op, so runs of different b.N compare.
 *
 * A CPU profile is a sample: at 100 Hz a short run has few samples, and a function with k of them is known
 * to about ±√k. A function is named only when its growth exceeds `z` (3) standard errors of both sides'
 * estimates, so it takes about 9 samples more on head than base; when no function does, `unattributed`
 * says so with the figures, instead of naming the line that happened to catch a sample or two.
 */
export function attributeCpu(base: CpuRun[], head: CpuRun[], opts: CpuOptions): CpuAttribution {
  const first = head[0] ?? base[0]
  const summary = (runs: CpuRun[], p: StackProfile): CpuSideSummary => ({ cpuPerOp: totalOf(p, CPU), samples: sampleCount(runs) })
  const tables = first.profile.tables
  const sampleTypes = { sampleTypes: [CPU] }
  const hp = perOpMean(tables, head, sampleTypes)
  const bp = perOpMean(tables, base, sampleTypes)
  const variance = mergeProfiles(tables, [...varianceTerms(base), ...varianceTerms(head)], sampleTypes)
  const result: CpuAttribution = { locations: [], base: summary(base, bp), head: summary(head, hp) }
  const z = opts.z ?? 3
  const growth = result.head.cpuPerOp - result.base.cpuPerOp
  const noise = z * Math.sqrt(totalOf(variance, CPU))
  const figures = `base ${cpuTime(result.base.cpuPerOp)} (${result.base.samples} samples), head ${cpuTime(result.head.cpuPerOp)} (${result.head.samples} samples)`
  if (!(growth > 0)) {
    // A slowdown spent waiting (a lock, I/O, a sleep) is not in a CPU profile, whose samples are CPU time.
    result.unattributed = `not attributed to a line: the CPU profiles show ${figures} of CPU per op, no more on head than on base`
    return result
  }
  if (!(growth > noise)) {
    result.unattributed = `too small to attribute to a line: the CPU profiles show ${figures} of CPU per op, a difference within their sampling noise (±${cpuTime(noise)})`
    return result
  }
  const fileOf = (fn: number): string => moduleRelative(tables.functions[fn].file, opts.modulePath)
  const map = opts.mapBaseLine
  const mapLine = (fn: number, line: number): number => (map ? (map(fileOf(fn), line) ?? -1) : line)
  const minShare = opts.minShare ?? 0.05
  const named = (g: Growth): boolean => g.delta > z * Math.sqrt(g.variance) && g.delta >= minShare * growth
  const flat = flatGrowth(hp, bp, variance, new ModuleFrames(tables, opts.modulePath), mapLine)
  const own = flat.sites.filter(named).sort(byGrowth(tables)).slice(0, opts.top ?? 5)
  const ownFns = new Set(own.map((g) => g.fn))
  const cum = cumGrowth(hp, bp, variance, opts.modulePath, mapLine)
    .filter((g) => named(g) && !ownFns.has(g.fn))
    .sort(byGrowth(tables))
    .slice(0, opts.topCum ?? 3)
  const locations = (fn: number, lines: LineDeltas, role: Location['role'], delta: number): Location[] =>
    lines.carrying(delta).map((l) => ({ file: fileOf(fn), line: l.line, function: tables.functions[fn].name, role, deltaPerOp: l.delta, deltaUnit: 'ns' }))
  const push = (ls: Location[]): void => {
    for (const l of ls) {
      // Two library functions called from one module line: one caller location, with both growths.
      const same = result.locations.find((x) => x.role === l.role && x.file === l.file && x.line === l.line && x.function === l.function)
      if (same) same.deltaPerOp = (same.deltaPerOp ?? 0) + (l.deltaPerOp ?? 0)
      else result.locations.push(l)
    }
  }
  for (const g of own) {
    push(locations(g.fn, g.lines, 'cpu', g.delta))
    if (g.caller) push(locations(g.caller.fn, g.caller.lines, 'caller', g.delta))
  }
  for (const g of cum) push(locations(g.fn, g.lines, 'cpu-cum', g.delta))
  if (result.locations.length === 0) {
    const where = flat.outside > growth / 2 ? ', most of it under no function of the module (the runtime’s own work: GC, scheduling)' : ''
    result.unattributed = `too small to attribute to a line: CPU per op grew (${figures}), but spread over functions none of which grew beyond its sampling noise${where}`
  }
  return result
}

/**
 * The findings a CPU profile can explain: ns/op and cpu-ns/op regressions, and regressions of other metrics
 * but allocations (MB/s, b.ReportMetric units) in a benchmark whose time regressed too, since then the same
 * extra CPU time is behind both.
 */
export function slowdownFindings(report: Pick<Report, 'findings' | 'comparisons'>): Finding[] {
  const slower = new Set(
    report.comparisons.filter((c) => c.metrics.some((m) => isTimeUnit(m.unit) && m.status === 'regression')).map((c) => `${c.pkg}\u0000${c.benchmark}`)
  )
  return report.findings.filter(
    (f) => f.kind === 'regression' && f.unit !== 'B/op' && f.unit !== 'allocs/op' && (isTimeUnit(f.unit) || slower.has(`${f.pkg}\u0000${f.subject}`))
  )
}
