// What the load-job tests share: the fixture's base and head trees, the toolchain, the expectations,
// and a look at /proc for processes a test started and did not stop.
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { runProcess } from '../../../src/go/process.js'
import { probeToolchain } from '../../../src/go/toolchain.js'
import type { LoadDeps } from '../../../src/jobs/load/index.js'
import type { Finding } from '../../../src/model/report.js'
import { fixturesRoot } from '../../helpers/fixture-repo.js'

export const LOAD_FIXTURE = join(fixturesRoot, 'load')

export interface Site {
  function: string
  file: string
  line?: number
}

export interface FindingExpectation {
  kind: string
  severity: string
  metric: string
  perRequest?: number
  minPerRequest?: number
  blocking?: Site
  creation?: Site | Site[]
  allocation?: Site
  accesses?: (Site & { op: string })[]
  leakProfile?: boolean
  target?: string
}

export interface LoadExpectations {
  module: string
  job: Record<string, unknown>
  perRound: { requests: number; head: { goroutines: number; fds: number; leakedGoroutines: number }; base: { goroutines: number; fds: number } }
  findings: FindingExpectation[]
  timingDependent: { kind: string; metric: string }[]
  notFlagged: { function: string }[]
}

export async function loadExpectations(): Promise<LoadExpectations> {
  return JSON.parse(await readFile(join(LOAD_FIXTURE, 'expectations.json'), 'utf8')) as LoadExpectations
}

/** base/ as it is, and head = base with head/ laid over it, in a temporary directory. */
export async function fixtureTrees(): Promise<{ base: string; head: string; cleanup(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'glg-loadfx-'))
  const head = join(root, 'head')
  await cp(join(LOAD_FIXTURE, 'base'), head, { recursive: true })
  await cp(join(LOAD_FIXTURE, 'head'), head, { recursive: true })
  return { base: join(LOAD_FIXTURE, 'base'), head, cleanup: () => rm(root, { recursive: true, force: true }) }
}

export async function loadDeps(log: string[] = []): Promise<LoadDeps> {
  return { run: runProcess, toolchain: await probeToolchain(runProcess), log: (l) => log.push(l) }
}

/**
 * Live processes whose command line names `marker`: the service binaries live in glg-load-<label>-*
 * directories, and children a service forks run the same binary, so every process of a test's jobs
 * carries its label. Zombies have exited and are left out.
 */
export async function processesWith(marker: string): Promise<number[]> {
  const out: number[] = []
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8')
      const state = /\) (\S) /.exec(readFileSync(`/proc/${name}/stat`, 'utf8'))?.[1]
      if (cmdline.includes(marker) && state !== 'Z') out.push(Number(name))
    } catch {
      // gone meanwhile
    }
  }
  return out
}

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

/**
 * The findings of the fixture's job are exactly the expected failing ones, with their sites, and
 * anything else is timing-dependent. `leakProfile`: whether head's service had the goroutineleak profile.
 */
export function expectFixtureFindings(findings: Finding[], exp: LoadExpectations, leakProfile: boolean): void {
  const failing = findings.filter((f) => f.severity === 'fail')
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
    if (e.leakProfile !== undefined && leakProfile) expect(f.message.includes('goroutineleak profile')).toBe(e.leakProfile)
    if (e.target) expect(f.message).toContain(e.target)
  }
  const unexpected = failing.filter((f) => !exp.findings.some((e) => isExpected(f, e)) && !exp.timingDependent.some((t) => t.kind === f.kind && t.metric === f.metric))
  expect(unexpected.map((f) => `${f.kind} ${f.metric}: ${f.message}`)).toEqual([])
  const others = findings.filter((f) => f.severity !== 'fail')
  expect(others.every((f) => exp.timingDependent.some((t) => t.kind === f.kind && t.metric === f.metric))).toBe(true)
}

/** The bounded cache is never a leak: none of its sites is named by any finding. */
export function expectNotFlagged(findings: Finding[], exp: LoadExpectations): void {
  const sites = findings.flatMap((f) => f.locations)
  for (const n of exp.notFlagged) expect(sites.some((l) => l.function === n.function)).toBe(false)
}
