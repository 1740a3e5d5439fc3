// Measurement 3: throughput of the Mann-Whitney U test the gate runs for every statistical metric.
// Run through tsx because the bundle does not export it: npx tsx bench/stats.ts [ITERATIONS]
// Prints one JSON object.
import { mannWhitneyU } from '../src/compare/stats.js'
import { seededRng } from '../test/helpers/rng.js'

interface Case {
  name: string
  a: number[]
  b: number[]
}

/** ns/op-like values rounded to a coarse grid, so that both samples share tied values (as benchmarks do). */
function sample(rand: () => number, n: number, centre: number, grid: number): number[] {
  return Array.from({ length: n }, () => Math.round((centre + (rand() - 0.5) * 8 * grid) / grid) * grid)
}

function cases(iterations: number, n: number, seed: number): Case[] {
  const rand = seededRng(seed)
  return Array.from({ length: iterations }, (_, i) => ({
    name: `${n}v${n}#${i}`,
    a: sample(rand, n, 1000, 5),
    b: sample(rand, n, 1000 + (i % 3) * 5, 5)
  }))
}

function hasTies(c: Case): boolean {
  const all = [...c.a, ...c.b]
  return new Set(all).size < all.length
}

function measure(list: Case[]) {
  // One untimed pass lets the JIT settle, as a benchmark's warm-up does.
  for (const c of list) mannWhitneyU(c.a, c.b)
  const passes: number[] = []
  let sink = 0
  for (let p = 0; p < 5; p++) {
    const t = process.hrtime.bigint()
    for (const c of list) sink += mannWhitneyU(c.a, c.b).pValue
    passes.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  passes.sort((x, y) => x - y)
  const ms = passes[2]
  const exact = list.filter((c) => mannWhitneyU(c.a, c.b).exact).length
  return { comparisons: list.length, withTies: list.filter(hasTies).length, exact, medianMsPerPass: ms, usPerComparison: (ms * 1000) / list.length, passes, sink }
}

const iterations = Number(process.argv[2] ?? 1000)
const result = {
  iterations,
  '10v10': measure(cases(iterations, 10, 1)),
  '25v25': measure(cases(iterations, 25, 2))
}
process.stdout.write(JSON.stringify(result) + '\n')
