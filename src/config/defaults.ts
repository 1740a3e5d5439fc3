import type { CompareConfig, RunConfig, TestConfig } from './types.js'

// Why these numbers:
// - time 10%: shared CI runners move single benchmarks by a few percent between runs even when
//   interleaved; a gate that blocks merges should only speak on changes users would act on.
// - allocs/op +1 and 5%: allocs/op is deterministic for most code, so one extra allocation per op is
//   real; the 5% keeps 1000 -> 1001 (amortised map/slice growth) from failing.
// - B/op 5% and 64 B: one extra small allocation shows in allocs/op already; the floor keeps 0 -> 8 B/op
//   from being reported as an infinite relative change on its own.
// - retained heap 25% and 64 B/op: end-of-run inuse is sampled (512 KiB MemProfileRate) and includes
//   constant warm-up, so small per-op changes are noise.
// - GC pause p99 50% and 0.5 ms, warn only: pauses depend on the machine's load more than on the code.
export const DEFAULT_COMPARE: CompareConfig = {
  thresholds: {
    time: { relative: 0.1 },
    custom: { relative: 0.1 },
    allocsPerOp: { relative: 0.05, absolute: 1 },
    bytesPerOp: { relative: 0.05, absolute: 64 },
    retainedBytesPerOp: { relative: 0.25, absolute: 64 },
    gcPauseP99: { relative: 0.5, absolute: 0.5 },
    gcCyclesPerOp: { relative: 0.2, absolute: 0 }
  },
  statistics: { alpha: 0.05, minSamples: 4, correction: 'bh' },
  metricDirections: {},
  ignoreBenchmarks: [],
  gcPauseSeverity: 'warn'
}

export const DEFAULT_RUN: Omit<RunConfig, 'dir'> = {
  packages: ['./...'],
  bench: '.',
  // benchstat's advice is 10 runs per side; fewer cannot reach significance after multiple-comparison control.
  count: 10,
  benchtime: '1s',
  timeoutMs: 10 * 60_000,
  race: false
}

export const DEFAULT_TESTS: TestConfig = {
  enabled: true,
  race: true,
  run: '.',
  timeoutMs: 10 * 60_000,
  // goleak retries for about 0.4 s in all; a little more covers a loaded CI runner.
  settleMs: 500,
  narrowBudgetMs: 120_000,
  // A few iterations are enough for RunParallel bodies to overlap; timing under -race means nothing.
  raceBenchtime: '10x',
  ignore: []
}
