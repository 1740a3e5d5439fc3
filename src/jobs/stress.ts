// The stress stage: after the normal test pass, the test binaries it built for the selected packages run
// again and again with varied scheduling (-test.count, -test.cpu, -test.shuffle, with and without -race),
// until each package's share of the budget is spent or it showed a leak or a hang the normal pass had not.
// Most concurrency bugs show in a fraction of runs only: one run of each test misses them.
import type { TestConfig } from '../config/types.js'
import { buildTestBinaries, type BuiltPackage } from '../go/build.js'
import type { GoroutineRule } from '../parse/goroutine-rules.js'
import type { ProcessResult } from '../go/process.js'
import type { StressLeak, StressResult, StressRun, TestPackageResult, TestRun } from '../model/result.js'
import { isIgnorable, leakSignature, parseGoroutineDump } from '../parse/goroutines.js'
import { parseTestVerbose } from '../parse/testv.js'
import { hangFrom, leakGroups } from './observations.js'
import type { JobDeps } from './deps.js'
import { budgetShare, hangTimeoutMs, nextCount, selectStressPackages, stressKnobs, type StressMode } from './stress-plan.js'

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
  // The leaks the normal pass reported already: the probe must not wait its settle time for them in every
  // process (that wait would be most of a cheap package's share).
  const ignore = [...cfg.ignore, ...target.result.leaks.flatMap((g): GoroutineRule[] => (g.creation ? [{ createdBy: g.creation.function }] : []))]
  const firstRun = target.result.runs.find((r) => r.purpose === 'tests')
  // Until a mode has run, a repetition costs what the normal pass's whole run did.
  const perRepetition: Partial<Record<StressMode, number>> = {}
  const lastCount: Record<StressMode, number> = { race: 1, plain: 1 }
  const result: StressResult = { budgetMs: opts.shareMs, wallMs: 0, processes: 0, repetitions: 0, leaks: [] }
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
    result.repetitions += count
    const text = r.process.stdout
    if (r.record.outcome === 'timeout') {
      const verbose = parseTestVerbose(text)
      const message = `${verbose.timeout?.message ?? 'the tests did not finish'} under stress`
      result.hang = { ...hangFrom(text, opts.modulePath, verbose.timeout?.running ?? [], message), found }
      result.stoppedBy = 'hang'
      break
    }
    if (r.probe) {
      const fresh = stressLeaksIn(r.probe.goroutines, r.probe.leakProfile, opts.modulePath, ignore).filter((g) => !known.has(g.looseKey))
      if (fresh.length > 0) {
        result.leaks = fresh.map((g) => ({ ...g, found }))
        result.stoppedBy = 'leak'
        break
      }
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
  /** The share per package the other side used, so that both sides stress each package alike. */
  shareMs?: number
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

/**
 * Stresses the selected packages, one after another, each within the same share of the budget; returns
 * the share (none when nothing was selected) so the other side can use it. The normal pass's binaries are reused; the other build mode's
 * (plain when the pass ran under -race) are built once here, for the selected packages only.
 */
export async function stressStage(deps: JobDeps, cfg: TestConfig, input: StressStageInput, run: StressBinaryRun): Promise<number | undefined> {
  const relDirs = input.built.filter((b) => b.binary).map((b) => b.pkg.relDir)
  const selected = selectStressPackages(relDirs, input.selection.changed, cfg.stress.all)
  const targets = input.built
    .map((b, i) => ({ built: b, result: input.results[i] }))
    // A package that hung or ended its own process in the normal run would do so again: nothing to see.
    .filter((t) => t.built.binary && t.built.probe && selected.has(t.built.pkg.relDir) && !t.result.hang && !t.result.probeMissing)
  if (targets.length === 0) return input.selection.shareMs
  const shareMs = input.selection.shareMs ?? budgetShare(cfg.stress.budgetMs, targets.length)
  const other = cfg.race
    ? await buildTestBinaries(deps.run, deps.toolchain, input.moduleDir, targets.map((t) => t.built.pkg), input.binDir, { race: false, probe: true, env: input.buildEnv })
    : []
  deps.log(`[${input.label}] stress: ${targets.length} package${targets.length === 1 ? '' : 's'}, ${Math.round(shareMs / 100) / 10}s each`)
  for (const t of targets) {
    const plain = other.find((b) => b.pkg.importPath === t.built.pkg.importPath && b.binary && b.probe)
    const binaries: StressTarget['binaries'] = cfg.race ? { race: t.built, ...(plain ? { plain } : {}) } : { plain: t.built }
    t.result.stress = await stressPackage(run, cfg, { binaries, result: t.result }, { shareMs, modulePath: input.modulePath })
    const s = t.result.stress
    deps.log(`[${input.label}] stress ${t.built.pkg.importPath}: ${s.repetitions} repetitions in ${s.processes} processes${s.stoppedBy ? `, stopped by a ${s.stoppedBy}` : ''}`)
  }
  return shareMs
}
