// What the load-job tests share: the fixture's base and head trees, the toolchain, the expectations,
// and a look at /proc for processes a test started and did not stop.
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runProcess } from '../../../src/go/process.js'
import { probeToolchain } from '../../../src/go/toolchain.js'
import type { LoadDeps } from '../../../src/jobs/load/index.js'
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
