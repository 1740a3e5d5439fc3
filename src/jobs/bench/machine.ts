// How much of the machine other processes used while the gate measured: /proc/stat's busy time minus this
// process's own and its waited-for children's (/proc/self/stat utime, stime, cutime, cstime), the method of
// bench/lib/cpu.js. Benchmarks that share their cores with someone else's build measure that build too; the
// report says so. Undefined where /proc is missing (macOS, Windows).
import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'

export interface CpuSnapshot {
  machine: number
  own: number
  atMs: number
}

function machineBusyTicks(stat: string): number {
  const f = stat.split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
  // user nice system idle iowait irq softirq steal: everything but idle and iowait.
  const [user, nice, system, , , irq, softirq, steal] = f
  return user + nice + system + irq + softirq + (steal ?? 0)
}

function ownTicks(self: string): number {
  // The command name in parentheses may contain spaces: fields are counted after the closing one.
  const fields = self.slice(self.lastIndexOf(')') + 2).split(' ')
  return [11, 12, 13, 14].reduce((n, i) => n + Number(fields[i]), 0)
}

export function cpuSnapshot(now: () => number = () => performance.now()): CpuSnapshot | undefined {
  try {
    return { machine: machineBusyTicks(readFileSync('/proc/stat', 'utf8')), own: ownTicks(readFileSync('/proc/self/stat', 'utf8')), atMs: now() }
  } catch {
    return undefined
  }
}

/** Share (0..1) of the machine's CPU capacity other processes used between two snapshots (USER_HZ = 100). */
export function othersShare(before: CpuSnapshot | undefined, after: CpuSnapshot | undefined, cores = availableParallelism()): number | undefined {
  if (!before || !after || !(after.atMs > before.atMs)) return undefined
  const seconds = (after.atMs - before.atMs) / 1000
  const others = after.machine - before.machine - (after.own - before.own)
  const share = others / 100 / (seconds * cores)
  return Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : undefined
}
