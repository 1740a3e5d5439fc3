// Duet benchmarking (run.pairing 'duet'): the base and head runs of one round start at the same moment,
// each pinned to its own half of the CPUs with taskset, so that what the rest of the machine does during
// the round (a neighbour's build, a noisy hypervisor) falls on both runs alike and cancels out of their
// ratio, where alternation only cancels what changes slower than one run. Each side gets GOMAXPROCS equal
// to the CPUs it is pinned to, so that neither schedules goroutines onto the other's CPUs. It needs
// taskset (util-linux) and at least two CPUs this process may run on; without them the gate alternates and
// says why. Only timed rounds run as duets: memory and profiled runs are not timed and keep alternating.
//
// Shared pairing (run.pairing 'shared') starts the two runs together too, but pins both to the same one CPU
// with GOMAXPROCS 1: the scheduler then interleaves them every few milliseconds, so both run on the same
// hardware thread through the same moments. On this project's 2-vCPU KVM machine, with other processes
// taking 50-70% of the CPU, the per-round spread of the CPU-time ratio (A/A, median of four benchmarks,
// 30 rounds) was 13.5% alternating, 17.7% as duets and 2.1% shared; 14.4%, 13.4% and 2.0% with a hog on
// a core (bench/README.md, measurement 7): the noise of a cloud vCPU is its own hardware thread's, and
// changes faster than one run, so only the same thread at the same moments cancels it. Each run's wall
// time then includes the other's share, so the job judges time on CPU time (cpu-ns/op) alone and drops the
// wall-time units of a shared run (observe.ts).
//
// Auto pairing (run.pairing 'auto') shares the CPU except for benchmarks that mostly wait (a sleep, I/O,
// a lock): in shared rounds a slower wait would go unseen, as it shows in wall time only. Those alternate,
// with ns/op judged as before. A benchmark mostly waits when its calibration run spent less than
// WAITS_CPU_SHARE_BELOW of its wall time on a CPU. On a busy machine a CPU-bound benchmark's share falls too
// (it waits for a CPU), and then it alternates as well: that costs power, never a wrong verdict. Calibration
// runs of fixtures/pairing and fixtures/power through the gate (2026-12-02, Go 1.26.8, this 2-vCPU machine
// with another gate on it): a benchmark asleep for 1ms per op spent 0.21 of its time on a CPU, the 31
// CPU-bound ones 0.67-0.98, the parallel ones (RunParallel) among them, as the other CPU was busy. The
// share is over the whole process, start and exit included: on Go 1.27.3 a CPU-bound benchmark with a
// 50ms calibration run fell under 0.5, hence the low bar (0.3). So the
// share cannot tell a parallel benchmark from a serial one, and auto shares both: under GOMAXPROCS 1 a
// parallel benchmark's CPU time per op is still judged, but contention between its goroutines on different
// CPUs is not measured in shared rounds. (The runtime's count of busy Ps would tell waiting for a CPU from
// waiting for a timer, but it counts spinning Ms too, 1.2-1.9 for serial benchmarks here; and reading it
// in the probe moved the code of the package under test: an alignment-sensitive benchmark of fixtures/gate
// then measured +70% in the head.)
import { readFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import type { Runner } from '../../go/process.js'
import type { Phase } from './plan.js'
import type { AlternatedBenchmark } from '../../model/result.js'
import type { Leaf } from './prepare.js'

/** A benchmark whose calibration run spent less of its wall time than this on a CPU mostly waits (auto pairing alternates it). */
export const WAITS_CPU_SHARE_BELOW = 0.3

/** Whether auto pairing may share the CPU for a benchmark with these leaves (one per side): none may mostly wait. */
export function shareVerdict(leaves: readonly Pick<Leaf, 'cpuShare'>[]): { shared: true } | { shared: false; why: AlternatedBenchmark['why']; cpuShare?: number } {
  for (const l of leaves) {
    if (l.cpuShare === undefined) return { shared: false, why: 'unknown' }
    if (l.cpuShare < WAITS_CPU_SHARE_BELOW) return { shared: false, why: 'waits', cpuShare: l.cpuShare }
  }
  return { shared: true }
}

/** How to start a duet: the taskset program and the CPUs of each side (base first). */
export interface DuetSetup {
  taskset: string
  cpus: [number[], number[]]
  /** Both sides on the same CPU (shared pairing), interleaved by the scheduler. */
  shared?: boolean
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

/** The CPU both sides of a shared round run on: the last this process may use (the gate's own work goes to the first). */
export function sharedCpu(allowed: readonly number[]): number | undefined {
  return allowed.length > 0 ? allowed[allowed.length - 1] : undefined
}

/** Whether shared rounds can run here: taskset starts, and there is a CPU to pin to. */
export async function probeShared(run: Runner, cpus: readonly number[], taskset = 'taskset'): Promise<DuetProbe> {
  const cpu = sharedCpu(cpus)
  if (cpu === undefined) return { fallback: 'shared pairing needs a CPU this process may run on, and none was readable' }
  if (!(await tasksetRuns(run, taskset))) return { fallback: `shared pairing needs taskset (util-linux), and \`${taskset} --version\` did not run here` }
  return { duet: { taskset, cpus: [[cpu], [cpu]], shared: true } }
}

async function tasksetRuns(run: Runner, taskset: string): Promise<boolean> {
  const r = await run({ argv: [taskset, '--version'], cwd: process.cwd(), timeoutMs: 10_000 })
  return r.spawnError === undefined && r.code === 0
}

/** Whether duets can run here: taskset starts (asked for its version) and there are two CPUs to split. */
export async function probeDuet(run: Runner, cpus: readonly number[], taskset = 'taskset'): Promise<DuetProbe> {
  const halves = splitCpus(cpus)
  if (!halves) return { fallback: `duet pairing needs two CPUs and this process may use ${cpus.length}` }
  if (!(await tasksetRuns(run, taskset))) return { fallback: `duet pairing needs taskset (util-linux), and \`${taskset} --version\` did not run here` }
  return { duet: { taskset, cpus: halves } }
}

/**
 * A timed round as duets: the runs of one benchmark (one per side, consecutive in the phase, as planRound
 * orders them) form a group started together, each pinned to its side's CPUs with GOMAXPROCS to match.
 * `keyOf` names a run's benchmark across sides.
 */
export function asDuet(phase: Phase, setup: DuetSetup, keyOf: (run: Phase['runs'][number]) => string, together: (key: string) => boolean = () => true): Phase {
  let group = -1
  let last: string | undefined
  const alone = new Set<string>()
  const runs = phase.runs.map((run) => {
    const bench = keyOf(run)
    if (!together(bench)) {
      alone.add(bench)
      return run
    }
    const key = `${bench}\u0000${run.round}`
    if (key !== last) group++
    last = key
    const cpus = setup.cpus[run.side] ?? setup.cpus[0]
    const procs = String(cpus.length)
    const duet = { launch: pinnedArgv(setup.taskset, cpus, []), procs: cpus.length, group, ...(setup.shared ? { shared: true } : {}) }
    return { ...run, env: { ...run.env, GOMAXPROCS: procs }, duet }
  })
  const how = setup.shared
    ? `sharing CPU ${setup.cpus[0].join(',')} (base and head together${alone.size > 0 ? `; ${alone.size} benchmark${alone.size === 1 ? '' : 's'} alternate` : ''})`
    : `as duets (base on CPU ${setup.cpus[0].join(',')}, head on CPU ${setup.cpus[1].join(',')})`
  return { title: `${phase.title}, ${how}`, runs }
}
