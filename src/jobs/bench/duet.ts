// Duet benchmarking (run.pairing 'duet'): the base and head runs of one round start at the same moment,
// each pinned to its own half of the CPUs with taskset, so that what the rest of the machine does during
// the round (a neighbour's build, a noisy hypervisor) falls on both runs alike and cancels out of their
// ratio, where alternation only cancels what changes slower than one run. Each side gets GOMAXPROCS equal
// to the CPUs it is pinned to, so that neither schedules goroutines onto the other's CPUs. It needs
// taskset (util-linux) and at least two CPUs this process may run on; without them the gate alternates and
// says why. Only timed rounds run as duets: memory and profiled runs are not timed and keep alternating.
import { readFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import type { Runner } from '../../go/process.js'
import type { Phase } from './plan.js'

/** How to start a duet: the taskset program and the CPUs of each side (base first). */
export interface DuetSetup {
  taskset: string
  cpus: [number[], number[]]
}

/** A duet when the machine allows one, else why the rounds alternate. */
export type DuetProbe = { duet: DuetSetup } | { fallback: string }

/** CPUs of a Linux CPU list such as `0-3,6,8-9` (Cpus_allowed_list in /proc/PID/status); [] when unreadable. */
export function parseCpuList(text: string): number[] {
  const cpus: number[] = []
  for (const part of text.trim().split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim())
    if (!m) return []
    const from = Number(m[1])
    const to = m[2] === undefined ? from : Number(m[2])
    for (let c = from; c <= to; c++) cpus.push(c)
  }
  return cpus
}

/** The first half of the CPUs for the base, the second for the head; undefined below two CPUs. */
export function splitCpus(allowed: readonly number[]): [number[], number[]] | undefined {
  if (allowed.length < 2) return undefined
  const half = Math.floor(allowed.length / 2)
  return [allowed.slice(0, half), allowed.slice(half, 2 * half)]
}

/** The argv that starts `argv` pinned to `cpus`: taskset execs the program, so its pid, signals and exit are the program's. */
export function pinnedArgv(taskset: string, cpus: readonly number[], argv: readonly string[]): string[] {
  return [taskset, '-c', cpus.join(','), ...argv]
}

/** The CPUs this process may run on: its affinity from /proc, else every CPU the OS reports. */
export async function allowedCpus(): Promise<number[]> {
  const status = await readFile('/proc/self/status', 'utf8').catch(() => '')
  const line = /^Cpus_allowed_list:\s*(.+)$/m.exec(status)
  const cpus = line ? parseCpuList(line[1]) : []
  return cpus.length > 0 ? cpus : Array.from({ length: availableParallelism() }, (_, i) => i)
}

/** Whether duets can run here: taskset starts (asked for its version) and there are two CPUs to split. */
export async function probeDuet(run: Runner, cpus: readonly number[], taskset = 'taskset'): Promise<DuetProbe> {
  const halves = splitCpus(cpus)
  if (!halves) return { fallback: `duet pairing needs two CPUs and this process may use ${cpus.length}` }
  const r = await run({ argv: [taskset, '--version'], cwd: process.cwd(), timeoutMs: 10_000 })
  if (r.spawnError !== undefined || r.code !== 0) return { fallback: `duet pairing needs taskset (util-linux), and \`${taskset} --version\` did not run here` }
  return { duet: { taskset, cpus: halves } }
}

/**
 * A timed round as duets: the runs of one benchmark (one per side, consecutive in the phase, as planRound
 * orders them) form a group started together, each pinned to its side's CPUs with GOMAXPROCS to match.
 * `keyOf` names a run's benchmark across sides.
 */
export function asDuet(phase: Phase, setup: DuetSetup, keyOf: (run: Phase['runs'][number]) => string): Phase {
  let group = -1
  let last: string | undefined
  const runs = phase.runs.map((run) => {
    const key = `${keyOf(run)}\u0000${run.round}`
    if (key !== last) group++
    last = key
    const cpus = setup.cpus[run.side] ?? setup.cpus[0]
    const procs = String(cpus.length)
    return { ...run, env: { ...run.env, GOMAXPROCS: procs }, duet: { launch: pinnedArgv(setup.taskset, cpus, []), procs: cpus.length, group } }
  })
  return { title: `${phase.title}, as duets (base on CPU ${setup.cpus[0].join(',')}, head on CPU ${setup.cpus[1].join(',')})`, runs }
}
