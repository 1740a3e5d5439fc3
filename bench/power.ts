// Measurement 5: the gate's false alarms and power on fixtures/power (26 benchmarks: text, numbers, hashing,
// sorting, maps, channels, mutexes, RunParallel, allocation and GC; the head makes three of them 5%, 10% and
// 20% slower and adds one allocation per op at 2, 50 and 2000 allocs/op).
//   npm run bench:power            (npx tsx bench/power.ts)
// - A/A: the gate with the head commit as its own base, BENCH_POWER_AA times: failing runs out of N.
// - A/B: the gate on base vs head, BENCH_POWER_AB times: how often each injected change is caught.
// - Every report judged four ways: the gate, the gate without pairing (unpaired Mann-Whitney interval),
//   a plain 200% ratio threshold, and raw benchstat (Mann-Whitney p < 0.05, no correction, no threshold).
// - Wall time of fixed count 10 against a time budget (BENCH_POWER_BUDGET), on A/B.
// Progress on stderr, one JSON object on stdout and in bench/out/power.json (BENCH_POWER_OUT names another file
// there, for benches run side by side; BENCH_POWER_REJUDGE=1 sums up every kept report).
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_COMPARE, DEFAULT_LOAD, DEFAULT_RUN, DEFAULT_TESTS } from '../src/config/defaults.js'
import type { Config } from '../src/config/types.js'
import { durationMs } from '../src/config/values.js'
import { makeFixtureRepo } from '../src/fixture-repo.js'
import { worktreeBaseline } from '../src/baseline/worktree.js'
import { runProcess } from '../src/go/process.js'
import { probeToolchain, type Toolchain } from '../src/go/toolchain.js'
import { gate } from '../src/pipeline/gate.js'
import type { Report } from '../src/model/report.js'
import { failuresByJudge, falseAlarms, INJECTED, JUDGES, type Judge } from './power-judge.js'
import { cpuSnapshot, othersShare } from '../src/jobs/bench/machine.js'
import { normalUpperQuantile } from '../src/compare/interval.js'
import { median } from '../src/compare/stats.js'
import { startHog, stopHogs } from './hog.js'

const here = dirname(fileURLToPath(import.meta.url))
const env = (k: string, d: string): string => process.env[k] ?? d
const AA = Number(env('BENCH_POWER_AA', '50'))
const AB = Number(env('BENCH_POWER_AB', '10'))
// The gate's own defaults unless told otherwise: the issue's figures are "at default settings".
const COUNT = Number(env('BENCH_POWER_COUNT', String(DEFAULT_RUN.count)))
const BENCHTIME = env('BENCH_POWER_BENCHTIME', DEFAULT_RUN.benchtime)
/** A/B runs at the old fixed count 10 (of 1s, or BENCH_POWER_REF_BENCHTIME), for wall time and power against the defaults. */
const REF_RUNS = Number(env('BENCH_POWER_REF_RUNS', '0'))
const REF_BENCHTIME = env('BENCH_POWER_REF_BENCHTIME', '1s')
const BUDGET_MS = durationMs(env('BENCH_POWER_BUDGET', '0ms')) ?? 0
/** run.adaptive for the 'aa-adaptive' and 'ab-adaptive' runs (0: none): a budget of N x what count rounds take. */
const ADAPTIVE = Number(env('BENCH_POWER_ADAPTIVE', '0'))
/** Only these kinds of run (comma-separated), when set: e.g. aa-adaptive,ab-adaptive. */
const KINDS = env('BENCH_POWER_KINDS', '').split(',').filter(Boolean)
/** run.pairing of every gate run but the fixed count 10 ones (which keep the default): alternate, duet or shared. */
const PAIRING = env('BENCH_POWER_PAIRING', DEFAULT_RUN.pairing) as Config['run']['pairing']
if (!['alternate', 'duet', 'shared', 'auto'].includes(PAIRING)) throw new Error(`BENCH_POWER_PAIRING must be alternate, duet, shared or auto, not ${JSON.stringify(PAIRING)}`)
/** Busy cores of someone else's work (`yes`) for the whole bench: the issue's runner had one of two taken. */
const HOGS = Number(env('BENCH_POWER_HOG', '0'))
/** Where each gate run's report is kept (and what BENCH_POWER_REJUDGE reads), under bench/out: one per set of settings. */
const REPORTS = join(here, 'out', env('BENCH_POWER_REPORTS', 'power-reports'))
const log = (line: string): void => void process.stderr.write(`${line}\n`)
let saved = 0

interface RunOutcome {
  kind: 'aa' | 'ab' | 'ab-budget' | 'ab-count10' | 'aa-adaptive' | 'ab-adaptive'
  wallMs: number
  otherCpu: number | null
  failures: Record<Judge, string[]>
  gateInconclusive: number
  medianSpread: number | null
  /** The gate's decision on each injected change: status, interval and spread. */
  injected: Record<string, { status: string; reason: string }>
  adaptive?: string
  /** Per benchmark, the per-round spread of cpu-ns/op's log ratio, and the failing bound's level. */
  cpuSpreads: Record<string, number>
  failTail: number | null
}

/** The run settings of each kind: the gate's defaults, a time budget, a relative budget, or the old fixed count 10. */
function sizesOf(kind: RunOutcome['kind']): Pick<Config['run'], 'count' | 'benchtime' | 'timeBudgetMs' | 'adaptive'> {
  if (kind === 'ab-count10') return { count: 10, benchtime: REF_BENCHTIME, timeBudgetMs: 0, adaptive: 0 }
  if (kind === 'ab-budget') return { count: COUNT, benchtime: BENCHTIME, timeBudgetMs: BUDGET_MS, adaptive: 0 }
  if (kind === 'aa-adaptive' || kind === 'ab-adaptive') return { count: COUNT, benchtime: BENCHTIME, timeBudgetMs: 0, adaptive: ADAPTIVE }
  return { count: COUNT, benchtime: BENCHTIME, timeBudgetMs: DEFAULT_RUN.timeBudgetMs, adaptive: DEFAULT_RUN.adaptive }
}

async function oneGate(tc: Toolchain, repoDir: string, baseRef: string, kind: RunOutcome['kind']): Promise<RunOutcome> {
  const out = await mkdtemp(join(tmpdir(), 'glg-power-out-'))
  const config: Config = {
    run: { ...DEFAULT_RUN, dir: repoDir, ...sizesOf(kind), ...(kind === 'ab-count10' ? {} : { pairing: PAIRING }) },
    compare: DEFAULT_COMPARE,
    tests: { ...DEFAULT_TESTS, enabled: false },
    load: DEFAULT_LOAD
  }
  const before = cpuSnapshot()
  const t = performance.now()
  let kept: Kept
  try {
    const report = (await gate({ run: runProcess, toolchain: tc, log: () => {} }, config, worktreeBaseline(repoDir, baseRef), out)).report
    kept = { kind, wallMs: performance.now() - t, otherCpu: othersShare(before, cpuSnapshot()) ?? null, report }
    // Every report is kept with its wall time, so the judges can be run again on the same data, and the
    // reports of benches run side by side (each the other's load) summed up together.
    await mkdir(REPORTS, { recursive: true })
    await writeFile(join(REPORTS, `p${process.pid}-${String(++saved).padStart(3, '0')}-${kind}.json`), JSON.stringify(kept))
  } finally {
    await rm(out, { recursive: true, force: true })
  }
  return outcomeOf(kept.report, kind, kept.wallMs, kept.otherCpu)
}

/** One gate run as bench/out/power-reports keeps it. */
interface Kept {
  kind: RunOutcome['kind']
  wallMs: number
  otherCpu: number | null
  report: Report
}

function outcomeOf(report: Report, kind: RunOutcome['kind'], wallMs: number, share: number | null): RunOutcome {
  const judged = failuresByJudge(report)
  const adaptive = report.notes.find((n) => n.startsWith('Adaptive sampling'))
  const failures = Object.fromEntries(JUDGES.map((j) => [j, [...judged[j]].sort()])) as Record<Judge, string[]>
  return {
    kind,
    wallMs,
    otherCpu: share,
    failures,
    gateInconclusive: report.noise?.inconclusive ?? 0,
    medianSpread: report.noise?.medianSpread ?? null,
    injected: Object.fromEntries(
      Object.entries(INJECTED).flatMap(([name, i]) => {
        const metrics = report.comparisons.find((c) => c.benchmark === name)?.metrics ?? []
        const m = metrics.find((x) => x.unit === i.unit)
        const cpu = i.unit === 'ns/op' ? metrics.find((x) => x.unit === 'cpu-ns/op') : undefined
        return [...(m ? [[i.change, { status: m.status, reason: m.reason }]] : []), ...(cpu ? [[`${i.change} (CPU time)`, { status: cpu.status, reason: cpu.reason }]] : [])]
      })
    ),
    ...(adaptive !== undefined ? { adaptive } : {}),
    cpuSpreads: Object.fromEntries(
      report.comparisons.flatMap((c) => c.metrics.filter((m) => m.unit === 'cpu-ns/op' && m.interval).map((m) => [c.benchmark, m.interval?.spread ?? NaN]))
    ),
    failTail: report.comparisons.flatMap((c) => c.metrics).find((m) => m.interval && m.interval.tail < m.interval.passTail)?.interval?.tail ?? null
  }
}

/**
 * Rounds a true +10% needs to be caught 95% of the time at each benchmark's median A/A spread (normal
 * approximation, as compare/timing.ts derives it): ((z_fail + z_0.95) x 1.023 x spread / (ln 1.10 - ln
 * 1.05))^2, at the failing level of the A/A reports. What the machine's noise asks, not what the gate chose.
 */
function roundsFor10(aa: RunOutcome[]): Record<string, { spread: number; rounds: number }> {
  const tails = aa.map((r) => r.failTail).filter((t): t is number => t !== null)
  if (tails.length === 0) return {}
  const zFail = normalUpperQuantile(Math.min(...tails))
  const gap = Math.log(1.1) - Math.log(1.05)
  const byBench = new Map<string, number[]>()
  for (const r of aa) for (const [b, sp] of Object.entries(r.cpuSpreads)) if (Number.isFinite(sp)) byBench.set(b, [...(byBench.get(b) ?? []), sp])
  const rows = [...byBench].map(([b, xs]) => {
    const spread = median(xs)
    return [b, { spread: Math.round(spread * 1000) / 1000, rounds: Math.ceil((((zFail + normalUpperQuantile(0.05)) * 1.023 * spread) / gap) ** 2) }] as const
  })
  return Object.fromEntries(rows.sort((a, b) => a[1].spread - b[1].spread))
}

function summarise(runs: RunOutcome[]) {
  const aa = runs.filter((r) => r.kind === 'aa')
  const ab = runs.filter((r) => r.kind === 'ab')
  const aaAdaptive = runs.filter((r) => r.kind === 'aa-adaptive')
  const abAdaptive = runs.filter((r) => r.kind === 'ab-adaptive')
  const budget = runs.filter((r) => r.kind === 'ab-budget')
  const count10 = runs.filter((r) => r.kind === 'ab-count10')
  const per = (list: RunOutcome[], aaList = aa) =>
    Object.fromEntries(
      JUDGES.map((j) => [
        j,
        {
          aaFailingRuns: `${aaList.filter((r) => r.failures[j].length > 0).length}/${aaList.length}`,
          caught: Object.fromEntries(Object.entries(INJECTED).map(([name, i]) => [i.change, `${list.filter((r) => r.failures[j].includes(`${name} ${i.unit}`)).length}/${list.length}`])),
          falseAlarmsInAB: list.reduce((n, r) => n + falseAlarms(new Set(r.failures[j])).length, 0)
        }
      ])
    )
  const med = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : null)
  // What the gate said of each injected change: a miss is either a pass (wrong) or undecided (honest).
  const statuses = (list: RunOutcome[]) => {
    const out: Record<string, Record<string, number>> = {}
    for (const r of list) for (const [change, { status }] of Object.entries(r.injected)) (out[change] ??= {})[status] = (out[change][status] ?? 0) + 1
    return out
  }
  return {
    injectedStatus: {
      defaults: statuses(ab),
      ...(budget.length ? { timeBudget: statuses(budget) } : {}),
      ...(abAdaptive.length ? { adaptive: statuses(abAdaptive) } : {}),
      ...(count10.length ? { count10: statuses(count10) } : {})
    },
    defaults: per(ab),
    ...(abAdaptive.length || aaAdaptive.length ? { adaptive: per(abAdaptive, aaAdaptive) } : {}),
    ...(budget.length ? { timeBudget: per(budget) } : {}),
    ...(count10.length ? { count10: per(count10) } : {}),
    wallMs: {
      aa: med(aa.map((r) => r.wallMs)),
      abDefaults: med(ab.map((r) => r.wallMs)),
      abBudget: med(budget.map((r) => r.wallMs)),
      aaAdaptive: med(aaAdaptive.map((r) => r.wallMs)),
      abAdaptive: med(abAdaptive.map((r) => r.wallMs)),
      abCount10: med(count10.map((r) => r.wallMs))
    },
    otherCpu: { median: med(runs.map((r) => r.otherCpu ?? 0)), max: Math.max(0, ...runs.map((r) => r.otherCpu ?? 0)) },
    roundsFor95On10: roundsFor10(aa)
  }
}

/** BENCH_POWER_REJUDGE=1: the judges again on every report kept in bench/out/power-reports, without measuring. */
async function rejudge(): Promise<void> {
  const dir = REPORTS
  const runs: RunOutcome[] = []
  for (const file of (await readdir(dir)).sort()) {
    if (!file.endsWith('.json')) continue
    const k = JSON.parse(await readFile(join(dir, file), 'utf8')) as Kept
    runs.push(outcomeOf(k.report, k.kind, k.wallMs, k.otherCpu))
  }
  process.stdout.write(JSON.stringify(summarise(runs), null, 2) + '\n')
}

async function main(): Promise<void> {
  const tc = await probeToolchain(runProcess)
  const root = await mkdtemp(join(tmpdir(), 'glg-power-'))
  const startLoad = loadavg()[0]
  const runs: RunOutcome[] = []
  try {
    const repo = await makeFixtureRepo(runProcess, 'power', join(root, 'repo'))
    log(`fixtures/power: ${tc.goVersion}, ${availableParallelism()} CPUs, load ${startLoad.toFixed(2)}, ${HOGS} hog(s); count ${COUNT}, benchtime ${BENCHTIME}, A/A x${AA}, A/B x${AB}, pairing ${PAIRING}${BUDGET_MS ? `, budget ${BUDGET_MS} ms` : ''}`)
    // Alternate the kinds so that the machine's mood over the hour hits all of them alike.
    const order: { kind: RunOutcome['kind']; ref: string }[] = []
    for (let i = 0; i < Math.max(AA, AB, REF_RUNS); i++) {
      if (i < AA) order.push({ kind: 'aa', ref: repo.headSha })
      if (i < AB) order.push({ kind: 'ab', ref: repo.baseSha })
      if (i < AB && BUDGET_MS > 0) order.push({ kind: 'ab-budget', ref: repo.baseSha })
      if (i < AA && ADAPTIVE > 0) order.push({ kind: 'aa-adaptive', ref: repo.headSha })
      if (i < AB && ADAPTIVE > 0) order.push({ kind: 'ab-adaptive', ref: repo.baseSha })
      if (i < REF_RUNS) order.push({ kind: 'ab-count10', ref: repo.baseSha })
    }
    if (KINDS.length > 0) order.splice(0, order.length, ...order.filter((o) => KINDS.includes(o.kind)))
    for (let h = 0; h < HOGS; h++) startHog()
    for (const [i, o] of order.entries()) {
      const r = await oneGate(tc, repo.dir, o.ref, o.kind)
      runs.push(r)
      log(`${i + 1}/${order.length} ${o.kind}: ${(r.wallMs / 1000).toFixed(0)} s, other CPU ${r.otherCpu === null ? '?' : `${(r.otherCpu * 100).toFixed(0)}%`}, gate fails [${r.failures.gate.join(', ')}], inconclusive ${r.gateInconclusive}`)
    }
  } finally {
    stopHogs()
    await rm(root, { recursive: true, force: true })
  }
  const result = {
    settings: { pairing: PAIRING, count: COUNT, benchtime: BENCHTIME, defaultBudgetMs: DEFAULT_RUN.timeBudgetMs, adaptive: ADAPTIVE, kinds: KINDS, aa: AA, ab: AB, budgetMs: BUDGET_MS, count10Runs: REF_RUNS, count10Benchtime: REF_BENCHTIME, hogs: HOGS, go: tc.goVersion, cpus: availableParallelism(), loadAtStart: startLoad },
    summary: summarise(runs),
    runs
  }
  await mkdir(join(here, 'out'), { recursive: true })
  await writeFile(join(here, 'out', env('BENCH_POWER_OUT', 'power.json')), JSON.stringify(result, null, 2))
  process.stdout.write(JSON.stringify(result.summary, null, 2) + '\n')
}

await (process.env.BENCH_POWER_REJUDGE === '1' ? rejudge() : main())
