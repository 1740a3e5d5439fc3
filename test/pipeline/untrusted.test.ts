// The gate on fixtures/untrusted: benchmark output is untrusted input. Metrics Go prints as +Inf and NaN are
// kept and judged, lines a benchmark prints that look like results are output and nothing else, and a result
// line no reader can read fails its benchmark instead of dropping it. What the gate writes, compare reads.
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_COMPARE, DEFAULT_LOAD, DEFAULT_RUN, DEFAULT_TESTS } from '../../src/config/defaults.js'
import type { Config } from '../../src/config/types.js'
import { readResult, resultDirBaseline } from '../../src/baseline/result-dir.js'
import { compareStored } from '../../src/pipeline/compare.js'
import { exitCodeForReport } from '../../src/exit.js'
import { worktreeBaseline } from '../../src/baseline/worktree.js'
import { gate, type GateOutcome } from '../../src/pipeline/gate.js'
import { runProcess } from '../../src/go/process.js'
import { probeToolchain } from '../../src/go/toolchain.js'
import type { Finding } from '../../src/model/report.js'
import { loadExpectations, type FixtureExpectations } from '../helpers/expectations.js'
import { makeFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js'

let repo: FixtureRepo
let exp: FixtureExpectations
let outcome: GateOutcome
let outDir: string

const COUNT = 4
const pkg = (dir: string): string => `${exp.module}/${dir}`
const findingsOf = (dir: string, name: string): Finding[] => outcome.report.findings.filter((f) => f.pkg === pkg(dir) && f.subject === name)

beforeAll(async () => {
  exp = await loadExpectations('untrusted')
  repo = await makeFixtureRepo('untrusted')
  outDir = `${repo.dir}-out`
  const toolchain = await probeToolchain(runProcess)
  const config: Config = {
    // Exactly COUNT rounds (adaptive: 0): the messages name how many runs printed what. Alternated rounds: a
    // shared round drops ns/op (wall time), and ns/op from Go's own result line, not from the line a benchmark
    // printed, is what these tests check; auto would share the CPU-bound ones, or not, by the machine's load.
    run: { ...DEFAULT_RUN, dir: repo.dir, count: COUNT, benchtime: '2000x', timeoutMs: 120_000, adaptive: 0, pairing: 'alternate' },
    compare: DEFAULT_COMPARE,
    tests: { ...DEFAULT_TESTS, enabled: false },
      load: DEFAULT_LOAD
  }
  outcome = await gate({ run: runProcess, toolchain, log: () => {} }, config, worktreeBaseline(repo.dir, repo.baseSha), outDir)
}, 300_000)

afterAll(async () => {
  await repo?.cleanup()
  if (outDir) await rm(outDir, { recursive: true, force: true })
})

describe('gate on fixtures/untrusted', () => {
  it('fails with exactly the expected findings, is complete, and exits 1', () => {
    expect(outcome.report.verdict).toBe(exp.verdict)
    expect(outcome.report.incomplete).toBe(exp.incomplete)
    expect(exitCodeForReport(outcome.report)).toBe(1)
    const want = exp.benchmarks.flatMap((b) => b.findings.map((f) => `${pkg(b.pkg)} ${b.name} ${f.kind} ${f.metric} ${f.severity}`)).sort()
    const got = outcome.report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.pkg} ${f.subject} ${f.kind} ${f.metric} ${f.severity}`).sort()
    expect(got).toEqual(want)
  })

  it('judges a metric that became +Inf as a regression and shows the value Go printed', () => {
    const [f] = findingsOf('ratio', 'BenchmarkLookup')
    expect(f).toMatchObject({ kind: 'regression', metric: 'hits/lookup', base: 1, head: '+Inf' })
    expect(f.message).toContain(`head +Inf in ${COUNT} of ${COUNT} runs`)
  })

  it('judges a metric that became NaN as a regression', () => {
    const [f] = findingsOf('ratio', 'BenchmarkMissRatio')
    expect(f).toMatchObject({ kind: 'regression', metric: 'misses/lookup', base: 1, head: 'NaN' })
  })

  it('compares a metric that is +Inf on both sides without failing it', () => {
    const c = outcome.report.comparisons.find((x) => x.benchmark === 'BenchmarkAlwaysInf')
    expect(c?.metrics.find((m) => m.metric === 'ops/idle')).toMatchObject({ status: 'not-judged', baseMedian: '+Inf', headMedian: '+Inf' })
  })

  it('fails a benchmark whose result line cannot be read, saying where and why, instead of listing it as removed', () => {
    const [f] = findingsOf('garbled', 'BenchmarkOddUnit')
    expect(f?.kind).toBe('bench-failure')
    expect(f?.message).toMatch(/the benchmark's output could not be read: line \d+: unit "1000" after value "3\.000" is a number/)
    expect(outcome.report.onlyInBase).toEqual([])
    expect(outcome.report.onlyInHead).toEqual([])
  })

  it('takes no line a benchmark printed itself for a result: no phantom benchmark, the real numbers measured', () => {
    for (const r of [outcome.base, outcome.head]) {
      const names = r.packages.flatMap((p) => p.benchmarks.map((b) => b.name))
      expect(names).not.toContain('BenchmarkHuge')
      const prints = r.packages.find((p) => p.importPath === pkg('forge'))?.benchmarks.find((b) => b.name === 'BenchmarkPrints')
      expect(prints?.failure).toBeUndefined()
      expect(prints?.runs).toHaveLength(COUNT)
      expect(prints?.runs.every((run) => run.iterations === 2000 && typeof run.metrics['ns/op'] === 'number' && run.metrics['ns/op'] < 1e6)).toBe(true)
    }
    expect(findingsOf('forge', 'BenchmarkPrints').filter((f) => f.severity !== 'info')).toEqual([])
  })

  it('writes result.json that compare reads back to the same verdict, with +Inf and NaN as Go printed them', async () => {
    const text = await readFile(join(outDir, 'head', 'result.json'), 'utf8')
    expect(text).toContain('"hits/lookup": "+Inf"')
    expect(text).toContain('"misses/lookup": "NaN"')
    expect(text).not.toContain('null')
    const head = await readResult(join(outDir, 'head'))
    expect(head.packages.length).toBe(3)
    const again = await compareStored(runProcess, DEFAULT_COMPARE, resultDirBaseline(join(outDir, 'base')), resultDirBaseline(join(outDir, 'head')), repo.dir)
    const key = (f: Finding): string => `${f.pkg} ${f.subject} ${f.kind} ${f.metric} ${f.severity}`
    expect(again.verdict).toBe(outcome.report.verdict)
    expect(again.findings.map(key).sort()).toEqual(outcome.report.findings.map(key).sort())
  })
})
