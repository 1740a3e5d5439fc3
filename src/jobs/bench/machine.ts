// How much of the machine other processes used while the gate measured: /proc/stat's busy time minus this
// process's own and its waited-for children's (/proc/self/stat utime, stime, cutime, cstime), the method of
// bench/lib/cpu.js. Benchmarks that share their cores with someone else's build measure that build too; the
// report says so. Steal is told apart too: time the hypervisor gave this machine's vCPUs to other machines
// (a cloud runner's neighbours), which no process here used and the gate cannot avoid. Undefined where /proc
// is missing (macOS, Windows).
import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'

export interface CpuSnapshot {
  /** Busy ticks of all CPUs, steal included. */
  machine: number
  /** Ticks the hypervisor held the vCPUs back for other machines. */
  steal: number
  own: number
  atMs: number
}

/** The first line of /proc/stat: busy ticks (everything but idle and iowait, steal included) and steal ticks. */
export function procStatTicks(stat: string): { busy: number; steal: number } {
  const f = stat.split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
  // user nice system idle iowait irq softirq steal (steal since Linux 2.6.11).
  const [user, nice, system, , , irq, softirq, steal = 0] = f
  return { busy: user + nice + system + irq + softirq + steal, steal }
}

function ownTicks(self: string): number {
  // The command name in parentheses may contain spaces: fields are counted after the closing one.
  const fields = self.slice(self.lastIndexOf(')') + 2).split(' ')
  return [11, 12, 13, 14].reduce((n, i) => n + Number(fields[i]), 0)
}

export function cpuSnapshot(now: () => number = () => performance.now()): CpuSnapshot | undefined {
  try {
    const { busy, steal } = procStatTicks(readFileSync('/proc/stat', 'utf8'))
    return { machine: busy, steal, own: ownTicks(readFileSync('/proc/self/stat', 'utf8')), atMs: now() }
  } catch {
    return undefined
  }
}

/** Ticks (USER_HZ = 100) between two snapshots as a share (0..1) of the machine's capacity over that time. */
function shareOfCapacity(ticks: number, before: CpuSnapshot | undefined, after: CpuSnapshot | undefined, cores: number): number | undefined {
  if (!before || !after || !(after.atMs > before.atMs)) return undefined
  const share = ticks / 100 / (((after.atMs - before.atMs) / 1000) * cores)
  return Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : undefined
}

/**
 * Share (0..1) of the machine's CPU capacity other processes used between two snapshots, steal included.
 * The gate's own ticks come out of the busy time that ran something here, never out of steal: stolen time
 * ran nothing on this machine. Children's ticks land in cutime when they are reaped, with whatever they used
 * before the first snapshot, so own can exceed the window's non-steal busy time; that part is clamped at 0
 * and steal is added back, which keeps steal a part of this share, as the report says it is.
 */
export function othersShare(before: CpuSnapshot | undefined, after: CpuSnapshot | undefined, cores = availableParallelism()): number | undefined {
  if (!before || !after) return undefined
  const steal = after.steal - before.steal
  const ran = after.machine - before.machine - steal
  return shareOfCapacity(Math.max(0, ran - (after.own - before.own)) + steal, before, after, cores)
}

/** Share (0..1) of the vCPUs' time the hypervisor gave to other machines between two snapshots (steal). */
export function stealShare(before: CpuSnapshot | undefined, after: CpuSnapshot | undefined, cores = availableParallelism()): number | undefined {
  if (!before || !after) return undefined
  return shareOfCapacity(after.steal - before.steal, before, after, cores)
}
