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
import { fixtureTrees, loadDeps, loadExpectations, processesWith, type FindingExpectation, type LoadExpectations, type Site } from './helpers.js'

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
  comparison = compareLoadJobs(r.base, r.head, DEFAULT_COMPARE)
}, 240_000)

afterAll(async () => {
  await trees?.cleanup()
  if (out) await rm(out, { recursive: true, force: true })
})

const matches = (l: { function: string; file: string; line: number } | undefined, s: Site): boolean =>
  l !== undefined && l.function === s.function && l.file === s.file && (s.line === undefined || l.line === s.line)

function located(f: Finding, role: string, s: Site): boolean {
  return f.locations.some((l) => l.role === role && matches(l, s))
}

/** Whether a finding is the one an expectation describes. */
function isExpected(f: Finding, e: FindingExpectation): boolean {
  if (f.kind !== e.kind || f.metric !== e.metric) return false
  if (e.blocking && !located(f, 'blocking', e.blocking)) return false
  return true
}

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
    const failing = comparison.findings.filter((f) => f.severity === 'fail')
    for (const e of exp.findings) {
      const found = failing.filter((f) => isExpected(f, e))
      expect(found, `${e.kind} ${e.metric} ${e.blocking?.function ?? ''}`).toHaveLength(1)
      const f = found[0]
      expect(f.subject).toBe('api')
      expect(f.pkg).toBe('./cmd/api')
      if (e.perRequest !== undefined) expect(f.head).toBeCloseTo(e.perRequest, 3)
      if (e.minPerRequest !== undefined) expect(f.head ?? 0).toBeGreaterThan(e.minPerRequest)
      const creations = e.creation === undefined ? [] : Array.isArray(e.creation) ? e.creation : [e.creation]
      for (const c of creations) expect(located(f, 'creation', c), `creation ${c.function}`).toBe(true)
      if (e.allocation) expect(located(f, 'allocation', e.allocation), `allocation ${e.allocation.function}`).toBe(true)
      for (const a of e.accesses ?? []) expect(f.locations.some((l) => (l.role === 'access' || l.role === 'previous-access') && matches(l, a))).toBe(true)
      if (e.leakProfile !== undefined && head.service.leakProfile) expect(f.message.includes('goroutineleak profile')).toBe(e.leakProfile)
      if (e.target) expect(f.message).toContain(e.target)
    }
    const unexpected = failing.filter((f) => !exp.findings.some((e) => isExpected(f, e)) && !exp.timingDependent.some((t) => t.kind === f.kind && t.metric === f.metric))
    expect(unexpected.map((f) => `${f.kind} ${f.metric}: ${f.message}`)).toEqual([])
    const others = comparison.findings.filter((f) => f.severity !== 'fail')
    expect(others.every((f) => exp.timingDependent.some((t) => t.kind === f.kind && t.metric === f.metric))).toBe(true)
  })

  it('does not take the bounded cache for a leak', () => {
    const sites = comparison.findings.flatMap((f) => f.locations)
    for (const n of exp.notFlagged) expect(sites.some((l) => l.function === n.function)).toBe(false)
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
    expect(verdict(compareLoadJobs([base], again, DEFAULT_COMPARE))).toEqual(verdict(comparison))
    expect(verdict(comparison)).toHaveLength(exp.findings.length)
    expect(await processesWith('glg-load-fxagain-')).toEqual([])
  }, 120_000)
})
