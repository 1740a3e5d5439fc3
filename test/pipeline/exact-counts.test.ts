// One more allocation per op at 2, 50 and 2000 allocs/op (fixtures/power's alloc package), through the
// whole gate with real Go: the change repeats in every run, so it is reported at every base count; the
// 5% threshold decides that only the first fails, and the others warn, naming the benchmark and the line
// (from the exact-allocation run, -test.memprofilerate=1, so one 16-byte node per op is seen).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { rm } from 'node:fs/promises'
import { DEFAULT_COMPARE, DEFAULT_LOAD, DEFAULT_RUN, DEFAULT_TESTS } from '../../src/config/defaults.js'
import type { Config } from '../../src/config/types.js'
import { worktreeBaseline } from '../../src/baseline/worktree.js'
import { gate, type GateOutcome } from '../../src/pipeline/gate.js'
import { runProcess } from '../../src/go/process.js'
import { probeToolchain } from '../../src/go/toolchain.js'
import type { Finding } from '../../src/model/report.js'
import { makeFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js'

let repo: FixtureRepo
let outDir: string
let outcome: GateOutcome

beforeAll(async () => {
  repo = await makeFixtureRepo('power')
  outDir = join(repo.dir, '..', `${repo.dir.split('/').pop()}-out`)
  const config: Config = {
    // Exactly count rounds (adaptive: 0): the messages name how many runs repeated the change.
    run: { ...DEFAULT_RUN, dir: repo.dir, packages: ['./alloc'], bench: '^BenchmarkChain', count: 4, benchtime: '2000x', timeoutMs: 120_000, adaptive: 0 },
    compare: DEFAULT_COMPARE,
    tests: { ...DEFAULT_TESTS, enabled: false },
    load: DEFAULT_LOAD
  }
  outcome = await gate({ run: runProcess, toolchain: await probeToolchain(runProcess), log: () => {} }, config, worktreeBaseline(repo.dir, repo.baseSha), outDir)
}, 600_000)

afterAll(async () => {
  await repo?.cleanup()
  if (outDir) await rm(outDir, { recursive: true, force: true })
})

function allocs(name: string): Finding | undefined {
  return outcome.report.findings.find((f) => f.subject === name && f.unit === 'allocs/op')
}

describe('+1 alloc/op at any base count', () => {
  it('fails at 2 allocs/op (+50%)', () => {
    expect(allocs('BenchmarkChain2')).toMatchObject({ severity: 'fail', base: 2, head: 3 })
  })

  it('warns at 50 and 2000 allocs/op, under the 5% threshold, saying it repeats in every run', () => {
    for (const [name, n] of [['BenchmarkChain50', 50], ['BenchmarkChain2000', 2000]] as const) {
      const f = allocs(name)
      expect(f, name).toMatchObject({ severity: 'warn', base: n, head: n + 1 })
      expect(f?.message).toMatch(/worse in all 4 head runs than in any of the 4 base runs/)
    }
    expect(outcome.report.verdict).toBe('fail')
  })

  it('names the allocation site that changed, from the exact-allocation run', () => {
    for (const name of ['BenchmarkChain2', 'BenchmarkChain50', 'BenchmarkChain2000']) {
      const site = allocs(name)?.locations.find((l) => l.role === 'allocation')
      expect(site, name).toMatchObject({ file: 'alloc/alloc.go', line: 17, function: 'example.com/powerfixture/alloc.Chain' })
    }
  })
})
