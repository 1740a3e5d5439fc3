// A benchmark that blocks forever (fixtures/hang: head's worker drops odd jobs without replying) costs
// the benchmark timeout once per side, whatever the test timeout says: its -race run in the test pass is
// stopped at --timeout, it is not started again to be measured, and the benchmarks after it in the
// package still get their -race run and their measurements.
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Report } from '../../src/model/report.js'
import type { RunResult } from '../../src/model/result.js'
import { cli } from '../helpers/cli.js'
import { makeFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js'

let repo: FixtureRepo
let out: string
let r: Awaited<ReturnType<typeof cli>>
let report: Report
let head: RunResult
let base: RunResult

const TIMEOUT_S = 15
const POOL = 'example.com/hangfixture/pool'

beforeAll(async () => {
  repo = await makeFixtureRepo('hang')
  out = `${repo.dir}-out`
  // The test timeout stays at its default (10m): only --timeout may bound a benchmark.
  r = await cli(['gate', '--dir', repo.dir, '--base-ref', repo.baseSha, '--timeout', `${TIMEOUT_S}s`, '--count', '2', '--benchtime', '100x', '--stress-budget', 'off', '--out', out, '--json', join(out, 'report.json')], {
    cwd: repo.dir,
    timeoutMs: 200_000
  })
  report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report
  base = JSON.parse(await readFile(join(out, 'base', 'result.json'), 'utf8')) as RunResult
  head = JSON.parse(await readFile(join(out, 'head', 'result.json'), 'utf8')) as RunResult
}, 240_000)

afterAll(async () => {
  await repo?.cleanup()
  if (out) await rm(out, { recursive: true, force: true })
})

describe('a benchmark that hangs', () => {
  it('is waited out once, within --timeout, and fails the gate', () => {
    expect(r.timedOut).toBe(false)
    expect(r.code, r.stderr).toBe(1)
    // Builds and the other runs take a minute at most on a busy 2-core machine; a second wait for the
    // hang would add 15 s, the old bound (the 10m test timeout) ten minutes.
    expect(r.wallMs).toBeLessThan(150_000)
    const stopped = (head.tests ?? []).flatMap((t) => t.runs).filter((x) => x.outcome === 'timeout')
    expect(stopped.map((x) => x.purpose)).toEqual(['race-benchmarks'])
    expect(stopped[0].wallMs).toBeLessThan((TIMEOUT_S + 10) * 1000)
  })

  it('is reported with where it hangs, and is not started again to be measured', () => {
    const f = report.findings.find((x) => x.kind === 'hang' && x.subject === 'BenchmarkDouble')
    expect(f?.severity).toBe('fail')
    expect(f?.locations.map((l) => `${l.file}:${l.line}`)).toContain('pool/pool.go:47')
    const double = head.packages.find((p) => p.importPath === POOL)?.benchmarks.find((b) => b.name === 'BenchmarkDouble')
    expect(double?.runs).toEqual([])
    expect(double?.failure?.message).toMatch(new RegExp(`did not finish within ${TIMEOUT_S}s.*not started again`))
    const blocked = double?.failure?.hang?.groups.map((g) => `${g.state} ${g.blocking?.file}:${g.blocking?.line}`)
    expect(blocked).toContain('chan receive pool/pool.go:47')
  })

  it('leaves the other benchmarks their -race run and their measurements, and the base measures it', () => {
    const raceRuns = (head.tests ?? []).find((t) => t.importPath === POOL)?.runs.filter((x) => x.purpose === 'race-benchmarks') ?? []
    expect(raceRuns.map((x) => x.outcome)).toEqual(['timeout', 'pass'])
    expect(raceRuns[1].command).toContain('-test.bench=^BenchmarkSum$')
    const sum = head.packages.find((p) => p.importPath === POOL)?.benchmarks.find((b) => b.name === 'BenchmarkSum')
    expect(sum?.runs).toHaveLength(2)
    const baseDouble = base.packages.find((p) => p.importPath === POOL)?.benchmarks.find((b) => b.name === 'BenchmarkDouble')
    expect(baseDouble?.runs).toHaveLength(2)
  })
})
