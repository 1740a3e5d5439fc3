// The stress stage: after the normal test pass, the test binaries it built for the selected packages run
// again and again with varied scheduling (-test.count, -test.cpu, -test.shuffle, with and without -race),
// until each package's share of the budget is spent or it showed a leak or a hang the normal pass had not.
// Most concurrency bugs show in a fraction of runs only: one run of each test misses them.
import type { TestConfig } from '../config/types.js'
import { buildTestBinaries, type BuiltPackage } from '../go/build.js'
import type { GoroutineRule } from '../parse/goroutine-rules.js'
import type { ProcessResult } from '../go/process.js'
import type { RaceFinding, StressLeak, StressResult, StressRun, TestPackageResult, TestRun } from '../model/result.js'
import { panicKey } from '../compare/tests.js'
import { listImportGraph } from '../go/packages.js'
import { raceSides, sameRace } from '../parse/race.js'
import { isIgnorable, leakSignature, parseGoroutineDump } from '../parse/goroutines.js'
import { parseTestVerbose } from '../parse/testv.js'
import { hangFrom, leakGroups, panicsFrom, racesIn } from './observations.js'
import type { JobDeps } from './deps.js'
import { budgetShare, dependentsOf, hangTimeoutMs, nextCount, selectStressPackages, stressKnobs, stressShares, touchedDirs, type StressMode, type StressReason } from './stress-plan.js'

/** The package's test binaries: the normal pass's, and the other build mode's where it could be built. */
export interface StressTarget {
  binaries: Partial<Record<StressMode, BuiltPackage>>
  /** The normal pass's result: its leaks are known already, and its run says what a repetition costs. */
  result: TestPackageResult
}

/** What a run of a test binary gave (test.ts runBinary's result; declared here so test.ts can import this file). */
export interface StressProcess {
  process: ProcessResult
  record: TestRun
  probe?: { goroutines: string; leakProfile: string | null }
}

/** Runs a binary with the probe; `timeoutMs` is its -test.timeout, `ignore` the probe's goroutine rules. */
export type StressBinaryRun = (built: BuiltPackage, args: string[], opts: { timeoutMs: number; env: Record<string, string>; ignore: GoroutineRule[] }) => Promise<StressProcess>

// The creators' stacks in the dump ("[originating from goroutine N]:"), so a leak names the test that
// started it, although a test's goroutines are created in the code it calls. Read by parseGoroutineDump.
const STRESS_ENV = { GODEBUG: [process.env.GODEBUG, 'tracebackancestors=8'].filter(Boolean).join(',') }

const TEST_FUNCTION = /^(?:\S+\.)?(Test[A-Za-z0-9_]*)\((?:\.\.\.|[^)]*)\)$/

/** The tests in the creators' stacks of one goroutine's block of the dump, innermost creator first. */
function testsInAncestors(block: string): string[] {
  const lines = block.split('\n')
  const from = lines.findIndex((l) => l.startsWith('[originating from goroutine '))
  const out: string[] = []
  for (const line of from >= 0 ? lines.slice(from) : []) {
    const m = TEST_FUNCTION.exec(line.trim())
    // TestMain (the probe's, or the user's) runs every test: it names none of them.
    if (m && m[1] !== 'TestMain' && !out.includes(m[1])) out.push(m[1])
  }
  return out
}

function blocksById(dump: string): Map<number, string> {
  const m = new Map<number, string>()
  for (const block of dump.split(/\n\s*\n/)) {
    const id = /^goroutine (\d+)/.exec(block.trim())
    if (id) m.set(Number(id[1]), block)
  }
  return m
}

/**
 * Leaks in one process's dump, with the repetitions that left them: each repetition of a test runs in a
 * goroutine of its own, so goroutines of one kind created in N distinct goroutines came from N
 * repetitions (a lower bound: one creator may serve several repetitions). One leak per repetition over 40
 * repetitions is then "1 per repetition in 40 of 40", not 40 leaks.
 */
export function stressLeaksIn(dump: string, leakProfile: string | null, modulePath: string, rules: readonly GoroutineRule[]): StressLeak[] {
  const byKey = new Map<string, { creators: Set<string>; ids: number[] }>()
  for (const g of parseGoroutineDump(dump).goroutines) {
    if (isIgnorable(g, rules)) continue
    const key = leakSignature(g, { modulePath }).key
    const seen = byKey.get(key) ?? { creators: new Set<string>(), ids: [] }
    seen.creators.add(g.createdBy?.goroutine !== undefined ? String(g.createdBy.goroutine) : `self ${g.id}`)
    seen.ids.push(g.id)
    byKey.set(key, seen)
  }
  const blocks = blocksById(dump)
  return leakGroups(dump, leakProfile, modulePath, rules).map((g) => {
    const seen = byKey.get(g.key)
    const tests = [...new Set((seen?.ids ?? []).flatMap((id) => testsInAncestors(blocks.get(id) ?? '')))]
    return { ...g, tests, leakingRepetitions: Math.max(1, Math.min(g.count, seen?.creators.size ?? 1)) }
  })
}

const TOP_LEVEL_RUN = /^=== RUN\s+([^/\s]+)$/gm

/**
 * How many of a process's `count` repetitions had started when a hang or crash ended it, from its -test.v
 * output: each repetition runs every selected top-level test once, so the starts of top-level tests over
 * the number of distinct ones, rounded up. At least 1 (the process ran), at most `count`.
 */
export function repetitionsStarted(text: string, count: number): number {
  const starts = [...text.matchAll(TOP_LEVEL_RUN)].map((m) => m[1])
  const distinct = new Set(starts).size
  return distinct === 0 ? 1 : Math.min(count, Math.ceil(starts.length / distinct))
}

export interface StressOptions {
  shareMs: number
  modulePath: string
  /** A clock in ms; performance.now by default. */
  now?: () => number
}

/**
 * Stresses one package within its share of the budget. A process is only started when what it should take
 * (the cost per repetition seen so far, in its build mode, times its count) fits the time left.
 */
export async function stressPackage(run: StressBinaryRun, cfg: TestConfig, target: StressTarget, opts: StressOptions): Promise<StressResult> {
  const now = opts.now ?? (() => performance.now())
  const started = now()
  const modes = (['race', 'plain'] as const).filter((m) => target.binaries[m] !== undefined)
  const known = new Set(target.result.leaks.map((g) => g.looseKey))
  const sidesOf = (r: RaceFinding): [string, string] => raceSides(r.access.frames, r.previous.frames, { modulePath: opts.modulePath })
  const knownRaces = target.result.races.map(sidesOf)
  const knownPanics = new Set(target.result.panics.map(panicKey))
  // The leaks the normal pass reported already: the probe must not wait its settle time for them in every
  // process (that wait would be most of a cheap package's share).
  const ignore = [...cfg.ignore, ...target.result.leaks.flatMap((g): GoroutineRule[] => (g.creation ? [{ createdBy: g.creation.function }] : []))]
  const firstRun = target.result.runs.find((r) => r.purpose === 'tests')
  // Until a mode has run, a repetition costs what the normal pass's whole run did.
  const perRepetition: Partial<Record<StressMode, number>> = {}
  const lastCount: Record<StressMode, number> = { race: 1, plain: 1 }
  const result: StressResult = { budgetMs: opts.shareMs, wallMs: 0, processes: 0, repetitions: 0, leaks: [], races: [], panics: [] }
  for (let i = 0; modes.length > 0; i++) {
    const knobs = stressKnobs(i, modes)
    const mode: StressMode = knobs.race ? 'race' : 'plain'
    const binary = target.binaries[mode]
    if (!binary) break
    const cost = perRepetition[mode] ?? Math.max(1, firstRun?.wallMs ?? 1_000)
    const left = opts.shareMs - (now() - started)
    const count = Math.min(nextCount(cost, lastCount[mode], opts.shareMs), Math.floor(left / cost))
    if (count < 1) break
    const args = ['-test.v', `-test.run=${cfg.run}`, `-test.count=${count}`, `-test.cpu=${knobs.cpu}`, `-test.shuffle=${knobs.shuffle}`]
    const r = await run(binary, args, { timeoutMs: hangTimeoutMs(cost * count, cfg.timeoutMs), env: STRESS_ENV, ignore })
    const found: StressRun = { process: i, count, cpu: knobs.cpu, shuffle: knobs.shuffle, race: knobs.race, repetitionsBefore: result.repetitions }
    result.processes++
    const text = r.process.stdout
    result.repetitions += r.record.outcome === 'pass' || r.record.outcome === 'fail' ? count : repetitionsStarted(text, count)
    // What the normal pass had not seen, with the same identities as the test pass's (compare/tests.ts), so
    // a finding of both merges. A race does not stop the package: the process went on, and a leak or hang
    // may still show (wgafter's late Add is a race on the WaitGroup and a leak); a race printed before a
    // hang is read before the hang ends the loop. A panic ended the process.
    for (const x of racesIn(text, 'test', opts.modulePath)) {
      const sides = sidesOf(x)
      if (knownRaces.some((k) => sameRace(k, sides))) continue
      knownRaces.push(sides)
      result.races?.push({ ...x, found })
    }
    if (r.record.outcome === 'timeout') {
      const verbose = parseTestVerbose(text)
      const message = `${verbose.timeout?.message ?? 'the tests did not finish'} under stress`
      result.hang = { ...hangFrom(text, opts.modulePath, verbose.timeout?.running ?? [], message), found }
      result.stoppedBy = 'hang'
      break
    }
    const panics = panicsFrom(parseTestVerbose(text).crashes, opts.modulePath).filter((x) => !knownPanics.has(panicKey(x)))
    const leaks = r.probe ? stressLeaksIn(r.probe.goroutines, r.probe.leakProfile, opts.modulePath, ignore).filter((g) => !known.has(g.looseKey)) : []
    if (panics.length > 0 || leaks.length > 0) {
      result.panics = panics.map((x) => ({ ...x, found }))
      result.leaks = leaks.map((g) => ({ ...g, found }))
      result.stoppedBy = panics.length > 0 ? 'panic' : 'leak'
      break
    }
    // The cheapest a repetition has been: larger counts spread the process's start and the probe over more.
    perRepetition[mode] = Math.max(0.01, Math.min(perRepetition[mode] ?? Infinity, r.record.wallMs / count))
    lastCount[mode] = count
  }
  result.wallMs = Math.round(now() - started)
  return result
}

/** What the pipeline tells a side's stress stage. */
export interface StressSelection {
  /** Module-relative files the pull request changed; undefined when no diff is known: every package. */
  changed?: string[]
  /** The share per package (import path) the other side used, so that both sides stress each package alike. */
  shares?: Record<string, number>
}

export interface StressStageInput {
  label: string
  moduleDir: string
  modulePath: string
  /** The normal pass's binaries and results, in the same order. */
  built: BuiltPackage[]
  results: TestPackageResult[]
  selection: StressSelection
  /** Where to build the other mode's binaries. */
  binDir: string
  /** Build environment of the normal pass (GOEXPERIMENT for the goroutineleak profile). */
  buildEnv?: Record<string, string>
}

interface PlannedPackage extends StressReason {
  importPath: string
  shareMs: number
}

/**
 * Which of the stressable packages to stress, why, and with what share: the changed ones first, then those
 * whose code or tests import a changed one (their tests run its code too), from the module's import graph.
 * A package the other side stressed gets the other side's share.
 */
async function planStress(deps: JobDeps, cfg: TestConfig, input: StressStageInput, stressable: BuiltPackage[]): Promise<PlannedPackage[]> {
  const paths = stressable.map((b) => b.pkg.importPath)
  const other = input.selection.shares ?? {}
  const withShares = (shares: Map<string, number>, reasons: Map<string, StressReason>): PlannedPackage[] =>
    [...shares].map(([importPath, ms]) => ({ importPath, shareMs: other[importPath] ?? ms, ...(reasons.get(importPath) ?? { reason: 'changed', via: [], depth: 0 }) }))
  const changedFiles = input.selection.changed
  const selected = selectStressPackages(stressable.map((b) => b.pkg.relDir), changedFiles, cfg.stress.all)
  if (cfg.stress.all || changedFiles === undefined) {
    const share = budgetShare(cfg.stress.budgetMs, paths.length)
    return paths.map((importPath) => ({ importPath, shareMs: other[importPath] ?? share, reason: 'all', via: [], depth: 0 }))
  }
  const touched = touchedDirs(changedFiles)
  let graph: Awaited<ReturnType<typeof listImportGraph>> = []
  try {
    graph = await listImportGraph(deps.run, deps.toolchain, input.moduleDir)
  } catch (err) {
    deps.log(`[${input.label}] stress: the import graph is unknown (${err instanceof Error ? err.message : String(err)}); only changed packages are stressed`)
  }
  // Changed packages without tests count too: their importers' tests are what exercises them.
  const changedPaths = new Set([...graph.filter((n) => touched.has(n.relDir)).map((n) => n.importPath), ...stressable.filter((b) => selected.has(b.pkg.relDir)).map((b) => b.pkg.importPath)])
  const dependents = new Map([...dependentsOf(graph, changedPaths)].filter(([p]) => paths.includes(p)))
  const changed = paths.filter((p) => changedPaths.has(p))
  const { shares, leftOut } = stressShares(cfg.stress.budgetMs, changed, dependents)
  if (leftOut.length > 0) deps.log(`[${input.label}] stress: no room in the budget for ${leftOut.length} more dependent package${leftOut.length === 1 ? '' : 's'}: ${leftOut.join(', ')}`)
  return withShares(shares, dependents)
}

/**
 * Stresses the selected packages, one after another, each within its share of the budget; returns the
 * shares (none when nothing was selected) so the other side can use them. The normal pass's binaries are
 * reused; the other build mode's (plain when the pass ran under -race) are built once here, for the
 * selected packages only.
 */
export async function stressStage(deps: JobDeps, cfg: TestConfig, input: StressStageInput, run: StressBinaryRun): Promise<Record<string, number> | undefined> {
  const pairs = input.built.map((b, i) => ({ built: b, result: input.results[i] }))
  // A package that hung or ended its own process in the normal run would do so again: nothing to see.
  const stressable = pairs.filter((t) => t.built.binary && t.built.probe && !t.result.hang && !t.result.probeMissing)
  const plan = await planStress(deps, cfg, input, stressable.map((t) => t.built))
  if (plan.length === 0) return input.selection.shares
  const targets = plan.flatMap((p) => stressable.filter((t) => t.built.pkg.importPath === p.importPath).map((t) => ({ ...t, plan: p })))
  const other = cfg.race
    ? await buildTestBinaries(deps.run, deps.toolchain, input.moduleDir, targets.map((t) => t.built.pkg), input.binDir, { race: false, probe: true, env: input.buildEnv })
    : []
  const dependents = plan.filter((p) => p.reason === 'dependent').length
  deps.log(`[${input.label}] stress: ${plan.length - dependents} changed and ${dependents} dependent package${plan.length === 1 ? '' : 's'}`)
  for (const t of targets) {
    const plain = other.find((b) => b.pkg.importPath === t.built.pkg.importPath && b.binary && b.probe)
    const binaries: StressTarget['binaries'] = cfg.race ? { race: t.built, ...(plain ? { plain } : {}) } : { plain: t.built }
    const s = await stressPackage(run, cfg, { binaries, result: t.result }, { shareMs: t.plan.shareMs, modulePath: input.modulePath })
    t.result.stress = { ...s, reason: t.plan.reason, ...(t.plan.reason === 'dependent' ? { via: t.plan.via } : {}) }
    const why = t.plan.reason === 'dependent' ? ` (imports changed ${t.plan.via.join(', ')})` : ` (${t.plan.reason})`
    deps.log(`[${input.label}] stress ${t.built.pkg.importPath}${why}: ${s.repetitions} repetitions in ${s.processes} processes of ${Math.round(t.plan.shareMs / 100) / 10}s${s.stoppedBy ? `, stopped by a ${s.stoppedBy}` : ''}`)
  }
  return Object.fromEntries(plan.map((p) => [p.importPath, p.shareMs]))
}
