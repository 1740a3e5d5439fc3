// How much CPU other processes used while the bench ran: /proc/stat's busy time for the whole machine minus
// this process's own and its waited-for descendants' (/proc/self/stat utime, stime, cutime, cstime). Both
// count in USER_HZ ticks. A bench sharing its CPUs with someone else's test suite measures that suite too.
import { readFileSync } from 'node:fs'

function machineBusyTicks() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
  // user nice system idle iowait irq softirq steal: everything but idle and iowait.
  const [user, nice, system, , , irq, softirq, steal] = f
  return user + nice + system + irq + softirq + (steal ?? 0)
}

function ownTicks() {
  const stat = readFileSync('/proc/self/stat', 'utf8')
  // The command name in parentheses may contain spaces: fields are counted after the closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // utime, stime, cutime, cstime are fields 14-17 of the whole line, 12-15 after "(comm)".
  return [11, 12, 13, 14].reduce((n, i) => n + Number(fields[i]), 0)
}

export function cpuSnapshot() {
  try {
    return { machine: machineBusyTicks(), own: ownTicks(), at: process.hrtime.bigint() }
  } catch {
    return null
  }
}

/** Share of the machine's CPU capacity (0..1) that other processes used between two snapshots. */
export function othersShare(before, after, nproc, ticksPerSecond = 100) {
  if (!before || !after) return null
  const seconds = Number(after.at - before.at) / 1e9
  const others = after.machine - before.machine - (after.own - before.own)
  return Math.max(0, others / ticksPerSecond / (seconds * nproc))
}
