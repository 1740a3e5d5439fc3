// Measurement 8: a fixed count against adaptive rounds within a time budget, on a simulated suite of 26
// benchmarks whose per-round spreads are this machine's (the median cpu-ns/op spreads of bench:power's A/A
// runs, 2.8% to 30%), with +20%, +5% and +10% injected on three of them as fixtures/power does.
//   npm run bench:adaptive        (npx tsx bench/adaptive.ts)
// Through the real runner (runAdaptiveRounds), the real judge (openDecisions, compareResults) and seeded
// noise: a drift common to a round (10%), each benchmark's own spread, and 5% of runs hit by a neighbour
// (+30%). Time is counted in benchmark rounds (one benchmark, both sides): a budget of FACTOR x what the
// fixed count costs. Per condition: A/A runs that failed anything, how often each change was caught, how
// often it was passed (a wrong call for +10% and +20%), and the rounds spent.
// BENCH_ADAPTIVE_TRIALS (100), BENCH_ADAPTIVE_COUNT (20), BENCH_ADAPTIVE_FACTORS (1,2,4),
// BENCH_ADAPTIVE_SCALES (1,0.5: the spreads as measured, and halved for a quieter runner).
import { DEFAULT_COMPARE, DEFAULT_RUN } from '../src/config/defaults.js'
import { compareResults } from '../src/compare/compare.js'
import { openDecisions } from '../src/compare/open.js'
import { runAdaptiveRounds, type Adaptive } from '../src/jobs/bench/adaptive.js'
import type { MeasurementPlan } from '../src/jobs/bench/plan.js'
import type { JobDeps } from '../src/jobs/deps.js'
import type { RunResult } from '../src/model/result.js'
import { bench, result } from '../test/compare/build-result.js'
import { seededRng, type Rng } from '../test/helpers/rng.js'
import { preparedPackage, preparedSide, TOOLCHAIN } from '../test/jobs/bench/sides.js'
import { intEnv } from './env.js'

// bench:power, 2026-12-01, A/A at defaults beside a second bench (roundsFor95On10's spreads), sorted.
const MEASURED = [0.028, 0.03, 0.033, 0.042, 0.062, 0.062, 0.067, 0.089, 0.094, 0.099, 0.099, 0.1, 0.105, 0.11, 0.115, 0.117, 0.12, 0.126, 0.128, 0.129, 0.13, 0.133, 0.159, 0.17, 0.207, 0.3]
const list = (name: string, d: string) => (process.env[name] ?? d).split(',').map(Number)
const K = MEASURED.length
let SPREADS = MEASURED
// Injected: index -> change. +20% on a 6.7% one, +5% on 8.9%, +10% on 9.9% (WordsRepeated-like).
const CHANGE: Record<number, number> = { 6: 0.2, 7: 0.05, 9: 0.1 }
const PKG = 'example.com/m/p'
const COUNT = intEnv('BENCH_ADAPTIVE_COUNT', 20)
const TRIALS = intEnv('BENCH_ADAPTIVE_TRIALS', 100)
let FACTOR = 1
const normal = (rng: Rng) => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng())
const cfg = { ...DEFAULT_RUN, dir: '/src-head', count: COUNT, benchtime: '100x' }
const leaves = MEASURED.map((_, k) => ({ name: `B${k}`, procs: 2, iterations: 100 }))
const sides = ['base', 'head'].map((label) => preparedSide(label, [preparedPackage('p', leaves)]))
const deps: JobDeps = { run: () => Promise.reject(new Error('none')), toolchain: TOOLCHAIN, log: () => {} }

function machine(seed: number, aa: boolean) {
  const rng = seededRng(seed)
  const base: number[][] = SPREADS.map(() => [])
  const head: number[][] = SPREADS.map(() => [])
  const round = (k: number) => {
    const drift = Math.exp(0.1 * normal(rng))
    const s = SPREADS[k] / Math.SQRT2
    // A run hit by a neighbour now and then: heavy tails as this machine has.
    const hit = () => (rng() < 0.05 ? 1.3 : 1)
    base[k].push(1000 * drift * Math.exp(s * normal(rng)) * hit())
    head[k].push(1000 * (1 + (aa ? 0 : (CHANGE[k] ?? 0))) * drift * Math.exp(s * normal(rng)) * hit())
  }
  const results = (): RunResult[] => [base, head].map((side) => result({ [PKG]: side.map((ns, k) => bench(`B${k}`, ns.map((v) => ({ ns: v })))) }))
  return { round, results, used: () => base.reduce((n, r) => n + r.length, 0) }
}

const judge = (r: RunResult[], looks: number) => {
  const rep = compareResults({ base: r[0], head: r[1], baseDir: '', headDir: '', config: DEFAULT_COMPARE, looks })
  const st = (k: number) => rep.comparisons.find((c) => c.benchmark === `B${k}`)?.metrics.find((m) => m.unit === 'ns/op')?.status
  return { failed: rep.findings.filter((f) => f.unit === 'ns/op' && f.severity === 'fail').map((f) => f.subject), st }
}

async function adaptive(seed: number, aa: boolean) {
  const m = machine(seed, aa)
  const runPhases = async (plan: MeasurementPlan) => {
    for (const p of plan.phases) for (const r of p.runs) if (r.side === 0) m.round(r.leaf)
  }
  // One unit of time per benchmark round; the budget is what fixed COUNT costs, times FACTOR.
  const a: Adaptive = { budgetMs: K * COUNT * FACTOR, clock: () => m.used(), open: (res, looks) => openDecisions(res, DEFAULT_COMPARE, looks) }
  const rec = await runAdaptiveRounds(deps, cfg, sides, [], a, runPhases, () => m.results(), [])
  return { ...judge(m.results(), rec.looks?.length ?? 1), used: m.used() }
}

function fixed(seed: number, aa: boolean) {
  const m = machine(seed, aa)
  for (let i = 0; i < COUNT * FACTOR; i++) for (let k = 0; k < K; k++) m.round(k)
  return { ...judge(m.results(), 1), used: m.used() }
}

const rows: string[] = ['| spreads | budget | decision | A/A failing | +20% caught | +10% caught | +5% caught | passed (+20/+10/+5) | benchmark rounds |', '|---|---|---|---|---|---|---|---|---|']
for (const scale of list('BENCH_ADAPTIVE_SCALES', '1,0.5')) {
  SPREADS = MEASURED.map((s) => s * scale)
  for (const factor of list('BENCH_ADAPTIVE_FACTORS', '1,2,4')) {
    FACTOR = factor
    for (const [name, f] of [['fixed count', fixed], ['adaptive', adaptive]] as const) {
      let aaFails = 0
      const caught: Record<number, number> = { 6: 0, 7: 0, 9: 0 }
      const passed: Record<number, number> = { 6: 0, 7: 0, 9: 0 }
      let used = 0
      for (let t = 0; t < TRIALS; t++) {
        const a = await f(5000 + t, true)
        if (a.failed.length) aaFails++
        const b = await f(8000 + t, false)
        used += b.used
        for (const k of [6, 7, 9]) {
          if (b.failed.includes(`B${k}`)) caught[k]++
          if (b.st(k) === 'unchanged') passed[k]++
        }
      }
      const of = (n: number) => `${n}/${TRIALS}`
      const size = name === 'adaptive' ? `${factor} x count ${COUNT}` : `count ${COUNT * factor}`
      rows.push(`| x${scale} | ${size} | ${name} | ${of(aaFails)} | ${of(caught[6])} | ${of(caught[9])} | ${of(caught[7])} | ${passed[6]}/${passed[9]}/${passed[7]} | ${(used / TRIALS).toFixed(0)} |`)
      process.stderr.write(`${rows[rows.length - 1]}\n`)
    }
  }
}
process.stdout.write(rows.join('\n') + '\n')
