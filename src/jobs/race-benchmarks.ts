// The test pass's short run of the benchmarks under -race (RunParallel bodies find races tests miss).
// -test.timeout does not cover benchmarks, so the run is bounded by the benchmark timeout; a benchmark
// that hangs is recorded once, with its goroutines, and the benchmark job never waits for it again. The
// benchmarks after it, or after one that ended the process, still get their run.
import type { ProcessResult } from '../go/process.js'
import type { BenchFailure, RaceFinding, TestRun } from '../model/result.js'
import { benchmarkPattern } from '../parse/benchfmt.js'
import { describeTimeout, tail } from './bench/process.js'
import { hangGroups, racesIn } from './observations.js'

/** A benchmark that hung earlier on this side: it is not started again. */
export interface HungBenchmark {
  importPath: string
  /** The (sub-)benchmark that was running, as -test.v named it. */
  name: string
  failure: BenchFailure
}

export interface RaceBenchRun {
  process: ProcessResult
  record: TestRun
}

export interface RaceBenchOutcome {
  runs: TestRun[]
  races: RaceFinding[]
  hung: HungBenchmark[]
}

/** The top-level benchmarks a test binary declares, in the order it runs them. */
export function listedBenchmarks(list: ProcessResult): string[] {
  return list.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^Benchmark/.test(l))
}

/**
 * The benchmark a chatty (-test.v) run was in when it was stopped: Go prints a benchmark's name on a
 * line of its own before running it, and its result line after.
 */
export function runningBenchmark(output: string): string | undefined {
  const stop = output.search(/^SIGQUIT: quit/m)
  const before = stop >= 0 ? output.slice(0, stop) : output
  const names = [...before.matchAll(/^(Benchmark\S*)$/gm)].map((m) => m[1])
  return names.at(-1)
}

function hungBenchmark(importPath: string, name: string, output: string, modulePath: string, timeoutMs: number): HungBenchmark {
  const message = `${describeTimeout(timeoutMs)}; it hung in the test pass's -race run, so it was not started again to be measured`
  const at = output.search(/^SIGQUIT: quit/m)
  return {
    importPath,
    name,
    failure: { run: 0, message, output: tail(output), hang: { test: name, message, groups: hangGroups(at >= 0 ? output.slice(at) : output, modulePath) } }
  }
}

/**
 * `run(args)` runs the binary under -race with the given -test.run/-test.bench arguments and the
 * timeout; `list()` is its -test.list=^Benchmark.
 */
export async function raceRunOfBenchmarks(
  importPath: string,
  modulePath: string,
  timeoutMs: number,
  list: () => Promise<ProcessResult>,
  run: (args: string[]) => Promise<RaceBenchRun>
): Promise<RaceBenchOutcome> {
  const outcome: RaceBenchOutcome = { runs: [], races: [], hung: [] }
  let remaining = listedBenchmarks(await list())
  for (let first = true; remaining.length > 0; first = false) {
    const pattern = first ? '.' : remaining.map(benchmarkPattern).join('|')
    const r = await run(['-test.run=^$', `-test.bench=${pattern}`])
    outcome.runs.push(r.record)
    const text = r.process.stdout
    outcome.races.push(...racesIn(text, 'benchmark', modulePath))
    // A benchmark that hung, or ended the process (a panic, os.Exit), stops the ones after it; a failed
    // one (b.Fatal) does not, and then the last benchmark started is the last listed: nothing remains.
    if (!r.process.timedOut && r.process.code === 0) break
    const name = runningBenchmark(text)
    const top = name?.split('/')[0]
    const at = top === undefined ? -1 : remaining.indexOf(top)
    // A hang or exit outside any benchmark we can name: nothing to skip, nothing safe to run again.
    if (name === undefined || at < 0) break
    if (r.process.timedOut) outcome.hung.push(hungBenchmark(importPath, name, text, modulePath, timeoutMs))
    remaining = remaining.slice(at + 1)
  }
  return outcome
}
