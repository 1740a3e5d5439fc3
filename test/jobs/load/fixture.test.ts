// fixtures/load end to end: the service built with -race for base and head, the two run side by side
// with their rounds alternating, and the head compared with the base. The gate must report exactly the
// findings fixtures/load/expectations.json lists, never the bounded cache, leave no process behind,
// and give the same verdict when the head runs again.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compareLoadJobs, type LoadComparison } from '../../../src/compare/load.js'
import { DEFAULT_COMPARE } from '../../../src/config/defaults.js'
import { loadJobsFrom, runLoadJobs, runLoadJobsPaired, type LoadDeps, type LoadJobConfig } from '../../../src/jobs/load/index.js'
import type { Finding } from '../../../src/model/report.js'
import { RESULT_SCHEMA_VERSION, type LoadJobResult } from '../../../src/model/result.js'
import RESULT_SCHEMA from '../../../src/model/result.schema.json' with { type: 'json' }
import { expectFixtureFindings, expectNotFlagged, fixtureTrees, loadDeps, loadExpectations, processesWith, type LoadExpectations } from './helpers.js'

let trees: Awaited<ReturnType<typeof fixtureTrees>>
let out: string
let deps: LoadDeps
let exp: LoadExpectations
let jobs: LoadJobConfig[]
let base: LoadJobResult
let head: LoadJobResult
let comparison: LoadComparison
const log: string[] = []

beforeAll(async () => {
  exp = await loadExpectations()
  trees = await fixtureTrees()
  out = await mkdtemp(join(tmpdir(), 'glg-loadout-'))
  deps = await loadDeps(log)
  jobs = loadJobsFrom([exp.job])
  const r = await runLoadJobsPaired(deps, jobs, { label: 'fxbase', moduleDir: trees.base, outDir: join(out, 'base') }, { label: 'fxhead', moduleDir: trees.head, outDir: join(out, 'head') })
  base = r.base[0]
  head = r.head[0]
  comparison = compareLoadJobs(r.base, r.head, DEFAULT_COMPARE, exp.module)
}, 240_000)

afterAll(async () => {
  await trees?.cleanup()
  if (out) await rm(out, { recursive: true, force: true })
})

describe('load job on fixtures/load', () => {
  it('completes on both sides, and the results match the result schema', () => {
    expect(base.error).toBeUndefined()
    expect(head.error).toBeUndefined()
    expect(head.phases.map((p) => `${p.phase}${p.round}:${p.requests}:${p.errors}`)).toEqual(['warmup0:300:0', 'round1:300:0', 'round2:300:0', 'round3:300:0', 'round4:300:0', 'round5:300:0'])
    const validate = new Ajv({ strict: false }).compile(RESULT_SCHEMA)
    const result = {
      schemaVersion: RESULT_SCHEMA_VERSION,
      tool: { name: 'go-leak-gate', version: 'test' },
      env: { goVersion: 'go', goos: 'linux', goarch: 'amd64', cpu: '', gomaxprocs: 2, race: false, module: exp.module, benchtime: '1s', count: 1 },
      startedAt: '',
      finishedAt: '',
      packages: [],
      errors: [],
      loads: JSON.parse(JSON.stringify([base, head])) as unknown
    }
    expect(validate(result), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true)
  })

  it('counts exactly the leaked goroutines and descriptors after each round, and nothing on base', () => {
    const rounds = (r: LoadJobResult) => r.snapshots.filter((s) => s.phase !== 'ready')
    const deltas = (r: LoadJobResult, pick: (s: LoadJobResult['snapshots'][number]) => number | null | undefined) =>
      rounds(r).slice(1).map((s, i) => (pick(s) ?? 0) - (pick(rounds(r)[i]) ?? 0))
    const five = (n: number) => [n, n, n, n, n]
    expect(deltas(head, (s) => s.goroutines)).toEqual(five(exp.perRound.head.goroutines))
    expect(deltas(head, (s) => s.fds)).toEqual(five(exp.perRound.head.fds))
    expect(deltas(base, (s) => s.goroutines)).toEqual(five(exp.perRound.base.goroutines))
    expect(deltas(base, (s) => s.fds)).toEqual(five(exp.perRound.base.fds))
    if (head.service.leakProfile) expect(deltas(head, (s) => s.leakedGoroutines)).toEqual(five(exp.perRound.head.leakedGoroutines))
  })

  it('reports exactly the expected failing findings, with their sites', () => {
    expectFixtureFindings(comparison.findings, exp, head.service.leakProfile)
  })

  it('does not take the bounded cache for a leak', () => {
    expectNotFlagged(comparison.findings, exp)
    // The base has no leak at all: its warm-up growth stops.
    const job = comparison.jobs[0]
    expect(job.growth.map((g) => [g.metric, g.base?.leaking])).toEqual([['goroutines', false], ['heap', false], ['fds', false]])
  })

  it('writes the profiles of every snapshot next to result.json', () => {
    for (const s of head.snapshots) {
      expect(s.profiles?.heap).toMatch(/^load\/api\/.*\.heap\.pb\.gz$/)
      expect(existsSync(join(out, 'head', s.profiles?.heap ?? 'missing'))).toBe(true)
    }
  })

  it('stops every process it started', async () => {
    expect(head.service.stop?.killed).toBe(false)
    expect(await processesWith('glg-load-fxbase-')).toEqual([])
    expect(await processesWith('glg-load-fxhead-')).toEqual([])
  })

  // One more run here; bench/load.ts repeats detection and the clean service many times.
  it('gives the same verdict when the head runs again', async () => {
    const key = (f: Finding) => `${f.kind} ${f.metric} ${f.locations.find((l) => l.role === 'blocking')?.function ?? ''}`
    const verdict = (c: LoadComparison) => c.findings.filter((f) => f.severity === 'fail' && !exp.timingDependent.some((t) => t.metric === f.metric)).map(key).sort()
    const again = await runLoadJobs(deps, jobs, { label: 'fxagain', moduleDir: trees.head })
    expect(verdict(compareLoadJobs([base], again, DEFAULT_COMPARE, exp.module))).toEqual(verdict(comparison))
    expect(verdict(comparison)).toHaveLength(exp.findings.length)
    expect(await processesWith('glg-load-fxagain-')).toEqual([])
  }, 120_000)
})
