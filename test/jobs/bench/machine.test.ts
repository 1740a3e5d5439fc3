// The machine's busy time and steal from /proc/stat, as the noise note reports them.
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cpuSnapshot, othersShare, procStatTicks, stealShare, type CpuSnapshot } from '../../../src/jobs/bench/machine.js'

// The first lines of /proc/stat on a 2-vCPU KVM guest (user nice system idle iowait irq softirq steal guest guest_nice).
const STAT = 'cpu  273492 0 30396 1753047 706 0 183 632 0 0\ncpu0 136000 0 15000 876000 300 0 90 310 0 0\n'

describe('machine load from /proc/stat', () => {
  it('counts steal as busy and reports it apart', () => {
    expect(procStatTicks(STAT)).toEqual({ busy: 273492 + 30396 + 183 + 632, steal: 632 })
  })

  it('reads a kernel line without a steal column as no steal', () => {
    expect(procStatTicks('cpu  100 0 50 900 5 1 2\n')).toEqual({ busy: 153, steal: 0 })
  })

  it('gives the shares of capacity: others without the gate, and steal among them', () => {
    const before: CpuSnapshot = { machine: 1000, steal: 10, own: 200, atMs: 0 }
    // 10 s on 2 CPUs = 2,000 ticks: the machine was busy 1,200, the gate 400 of them, the hypervisor took 100.
    const after: CpuSnapshot = { machine: 2200, steal: 110, own: 600, atMs: 10_000 }
    expect(othersShare(before, after, 2)).toBeCloseTo(0.4, 10)
    expect(stealShare(before, after, 2)).toBeCloseTo(0.05, 10)
    expect(stealShare(before, { ...after, atMs: 0 }, 2)).toBeUndefined()
    expect(stealShare(undefined, after, 2)).toBeUndefined()
  })

  it('never reports less other CPU than steal, even when reaped children bring in ticks from before the window', () => {
    const before: CpuSnapshot = { machine: 1000, steal: 10, own: 200, atMs: 0 }
    // 10 s on 2 CPUs: busy 1,000 of which 500 steal, so 500 ran here; a child reaped in the window adds 700
    // ticks to cutime, 200 more than ran here at all. Nobody else ran, the hypervisor took a quarter.
    const after: CpuSnapshot = { machine: 2000, steal: 510, own: 900, atMs: 10_000 }
    expect(stealShare(before, after, 2)).toBeCloseTo(0.25, 10)
    expect(othersShare(before, after, 2)).toBeCloseTo(0.25, 10)
    // The old subtraction (busy - own) gave 300 ticks, 0.15: less than the steal it is said to include.
    expect(othersShare(before, { ...after, own: 700 }, 2)).toBeCloseTo(0.25, 10)
    expect(othersShare(before, { ...after, own: 500 }, 2)).toBeCloseTo(0.35, 10)
  })

  it.skipIf(!existsSync('/proc/stat'))('reads this machine: steal never more than busy', () => {
    const s = cpuSnapshot()
    expect(s).toBeDefined()
    expect(s!.steal).toBeGreaterThanOrEqual(0)
    expect(s!.steal).toBeLessThanOrEqual(s!.machine)
  })
})
