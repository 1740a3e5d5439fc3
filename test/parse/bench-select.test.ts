// Which lines of a benchmark process count as its results, on what the real test binary of
// fixtures/untrusted/base/forge prints: lines it forges itself in its b.N = 1 run (a benchmark that does not
// exist, with an iteration count beyond int64, and one under its own name with a value beyond float64),
// then testing's real result line.
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseBenchOutput } from '../../src/parse/benchfmt.js'
import { leavesUnder, resultOf } from '../../src/parse/bench-select.js'
import { fixturesRoot } from '../helpers/fixture-repo.js'

const FORGE = join(fixturesRoot, 'untrusted', 'base', 'forge')
const PROCS = 2
let binary = ''

function run(benchtime: string): ReturnType<typeof parseBenchOutput> {
  const r = spawnSync(binary, ['-test.run=^$', '-test.bench=^BenchmarkPrints$', `-test.benchtime=${benchtime}`, '-test.count=1'], {
    cwd: FORGE,
    encoding: 'utf8',
    env: { ...process.env, GOMAXPROCS: String(PROCS) }
  })
  expect(r.status).toBe(0)
  return parseBenchOutput(r.stdout, { procs: PROCS })
}

beforeAll(() => {
  binary = join(mkdtempSync(join(tmpdir(), 'glg-select-')), 'forge.test')
  const built = spawnSync('go', ['test', '-c', '-o', binary, '.'], { cwd: FORGE, encoding: 'utf8' })
  expect(built.status, built.stderr).toBe(0)
}, 120_000)

describe('the lines a benchmark prints itself', () => {
  it('look like results to the parser: the forged lines come first, testing\'s own line last', () => {
    const out = run('100x')
    expect(out.problems.map((p) => p.benchmark)).toEqual(['BenchmarkHuge', 'BenchmarkPrints'])
    expect(out.results.map((r) => [r.name, r.iterations])).toEqual([['BenchmarkPrints', 100]])
  })

  it('never count in a measured run: its result is the one line with the b.N it was started with', () => {
    const outcome = resultOf(run('100x'), 'BenchmarkPrints', 100)
    expect(outcome.kind).toBe('result')
    if (outcome.kind === 'result') {
      expect(outcome.line.iterations).toBe(100)
      expect(typeof outcome.line.metrics['ns/op']).toBe('number')
    }
  })

  it('never become leaves in discovery: only names under the top-level benchmark the process ran', () => {
    const found = leavesUnder(run('10ms'), 'BenchmarkPrints')
    expect(found.results.map((r) => r.name)).toEqual(['BenchmarkPrints'])
    expect(found.results[0].iterations).toBeGreaterThan(1)
    expect(found.unreadable).toEqual([])
  })
})

describe('resultOf', () => {
  const line = (name: string, iterations: number): string => `${name}-2 \t ${iterations} \t 5 ns/op`

  it('says why there is no result: an unreadable line of the benchmark, with its line number', () => {
    const out = parseBenchOutput(['goos: linux', 'BenchmarkOdd-2 \t 100 \t 5 ns/op \t 3 1000'].join('\n'), { procs: PROCS })
    expect(resultOf(out, 'BenchmarkOdd', 100)).toEqual({
      kind: 'unreadable',
      message: 'the benchmark\'s output could not be read: line 2: unit "1000" after value "3" is a number: fields are out of step'
    })
  })

  it('refuses two lines with the right b.N: which one testing printed cannot be told', () => {
    const out = parseBenchOutput([line('BenchmarkX', 100), line('BenchmarkX', 100)].join('\n'), { procs: PROCS })
    const outcome = resultOf(out, 'BenchmarkX', 100)
    expect(outcome).toEqual({ kind: 'unreadable', message: expect.stringContaining('2 result lines for BenchmarkX (lines 1, 2)') })
  })

  it('refuses a line of the benchmark with another b.N than the run was started with', () => {
    const out = parseBenchOutput(line('BenchmarkX', 1), { procs: PROCS })
    expect(resultOf(out, 'BenchmarkX', 100)).toEqual({ kind: 'unreadable', message: expect.stringContaining('line 1: 1 iterations where the run was started with -test.benchtime=100x') })
  })

  it('ignores lines of other benchmarks entirely', () => {
    const out = parseBenchOutput([line('BenchmarkOther', 100), 'BenchmarkOther2 1 1e999 ns/op'].join('\n'), { procs: PROCS })
    expect(resultOf(out, 'BenchmarkX', 100)).toEqual({ kind: 'missing' })
  })
})

describe('leavesUnder', () => {
  it('lists a sub-benchmark whose line cannot be read as unreadable, and keeps the readable ones', () => {
    const out = parseBenchOutput(['BenchmarkT/a-2 10 5 ns/op', 'BenchmarkT/b-2 10 5 ns/op 3 7', 'BenchmarkTop-2 10 5 ns/op', 'BenchmarkU 10 5 ns/op'].join('\n'), { procs: PROCS })
    const found = leavesUnder(out, 'BenchmarkT')
    expect(found.results.map((r) => r.name)).toEqual(['BenchmarkT/a'])
    expect(found.unreadable).toEqual([{ name: 'BenchmarkT/b', message: expect.stringMatching(/^the benchmark's output could not be read: line 2: unit "7"/) }])
  })
})
