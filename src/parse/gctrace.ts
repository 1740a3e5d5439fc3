import type { GcSummary } from '../model/result.js'
import { readCount, splitLines, type LineProblem } from './lines.js'

/** One `GODEBUG=gctrace=1` line: one garbage collection cycle. */
export interface GcCycle {
  n: number
  /** Seconds since the process started. */
  atSec: number
  /** Share of the CPU the GC has used since the process started. */
  cpuPercent: number
  /** Stop-the-world sweep termination (the A of A+B+C ms clock). */
  stwSweepTermMs: number
  /** Concurrent mark (B): the program keeps running, so this is not a pause. */
  concurrentMarkMs: number
  /** Stop-the-world mark termination (C). */
  stwMarkTermMs: number
  /** Heap at the start of the cycle, at the end of marking, and live after it (H0->H1->H2 MB). */
  heapStartMB: number
  heapEndMB: number
  heapLiveMB: number
  goalMB: number
  procs: number
  /** Triggered by runtime.GC() (testing between runs, -test.memprofile at exit), not by allocation. */
  forced: boolean
}

export interface GcTrace {
  cycles: GcCycle[]
  problems: LineProblem[]
  /**
   * The trace's last line, cut by the process's exit: the runtime prints a cycle's line in pieces
   * after restarting the world, so a runtime.GC() caller (the memprofile at exit) can go on and
   * exit before the line is complete (measured: 13 of 300 runs of the recorded BenchmarkRetain with
   * -test.cpu=4 and -test.memprofile, on an idle machine, Go 1.26). That cycle is lost, but nothing
   * else is: it was the last.
   */
  cutAtExit?: LineProblem
}

export interface GcSummaryOptions {
  /**
   * The process ran with -test.memprofile, whose runtime.GC() after the last benchmark run is then
   * the trace's final forced cycle. Default true: the gate always profiles. Say false otherwise,
   * or a final run that needed no GC would be mistaken for one that ended in the profile's cycle.
   */
  memprofile?: boolean
}

const MS = '(\\d+(?:\\.\\d+)?)'
// gc N @Ts P%[ (checking for goroutine leaks)]: A+B+C ms clock, <cpu> ms cpu, H0->H1->H2 MB,
// G MB goal, [S MB stacks, G MB globals, ]N P[ (forced)]. The fields between goal and P came and
// went across Go versions, so any are accepted there.
const GC_LINE = new RegExp(
  `^gc (\\d+) @${MS}s (\\d+)%(?: \\([^)]*\\))?: ${MS}\\+${MS}\\+${MS} ms clock, [^,]* ms cpu, ` +
    '(\\d+)->(\\d+)->(\\d+) MB, (\\d+) MB goal, (?:[^,]*, )*?(\\d+) P( \\(forced\\))?$'
)
const GC_LINE_INSIDE = /.gc \d+ @\d+(?:\.\d+)?s \d+%/

/** Reads gctrace lines from a process's stderr; every other line is skipped. */
export function parseGctrace(text: string): GcTrace {
  const lines = splitLines(text)
  const trace: GcTrace = { cycles: [], problems: [] }
  // A gap in cycle numbers means lines were lost; only say so when no problem line explains it.
  let problemSinceLastCycle = false
  lines.forEach((line, i) => {
    if (!line.startsWith('gc ')) {
      // The runtime writes a trace line in pieces; a program writing to stderr at the same time
      // can glue its text in front. The cycle is then lost: say so rather than miscount.
      if (GC_LINE_INSIDE.test(line)) {
        trace.problems.push({ line: i + 1, text: line, reason: 'gctrace line joined to other output' })
        problemSinceLastCycle = true
      }
      return
    }
    // The runtime ends every line with a newline, so a last line without one was cut, even when
    // what is left parses: "... 4 P" may have lost its " (forced)".
    if (i === lines.length - 1 && !text.endsWith('\n')) {
      trace.cutAtExit = { line: i + 1, text: line, reason: 'the last gctrace line, cut by the process exiting' }
      return
    }
    const m = GC_LINE.exec(line)
    if (m === null) {
      trace.problems.push({ line: i + 1, text: line, reason: 'starts like a gctrace line but does not parse' })
      problemSinceLastCycle = true
      return
    }
    const cycle = readCycle(m)
    if (cycle === undefined) {
      trace.problems.push({ line: i + 1, text: line, reason: 'a number in this gctrace line is out of range' })
      problemSinceLastCycle = true
      return
    }
    const previous = trace.cycles[trace.cycles.length - 1]
    if (previous !== undefined && cycle.n !== previous.n + 1 && !problemSinceLastCycle) {
      trace.problems.push({
        line: i + 1,
        text: line,
        reason: `cycle ${cycle.n} follows cycle ${previous.n}: lines are missing from the trace`
      })
    }
    trace.cycles.push(cycle)
    problemSinceLastCycle = false
  })
  return trace
}

/** The cycle a matched line describes; undefined when a number in it is beyond what a number holds. */
function readCycle(m: RegExpExecArray): GcCycle | undefined {
  const ints = [m[1], m[3], m[7], m[8], m[9], m[10], m[11]].map(readCount)
  const decimals = [m[2], m[4], m[5], m[6]].map(Number)
  const [n, cpuPercent, heapStartMB, heapEndMB, heapLiveMB, goalMB, procs] = ints
  const [atSec, stwSweepTermMs, concurrentMarkMs, stwMarkTermMs] = decimals
  if (
    n === undefined || cpuPercent === undefined || heapStartMB === undefined || heapEndMB === undefined ||
    heapLiveMB === undefined || goalMB === undefined || procs === undefined || !decimals.every(Number.isFinite)
  ) {
    return undefined
  }
  return { n, atSec, cpuPercent, stwSweepTermMs, concurrentMarkMs, stwMarkTermMs, heapStartMB, heapEndMB, heapLiveMB, goalMB, procs, forced: m[12] !== undefined }
}

/**
 * Summarises the GC of one benchmark process.
 *
 * testing forces a GC before every b.N run (and the top-level runner forces one before the first
 * benchmark), and -test.memprofile forces one more at exit. In the trace of a one-benchmark process
 * the measured run is therefore the stretch of cycles between the last two forced cycles. When the
 * trace has fewer forced cycles than that, the measured run is taken to reach back to the start of
 * the trace (no forced cycle at all: everything is measured, as for a process that is not a test
 * binary; only the profile's cycle: everything before it). When the trace does not end in a forced
 * cycle (the process died, or memprofile is false), the measured run is what follows the last
 * forced cycle. A benchmark written with b.Loop ramps up inside a single run, so for a time-based
 * -benchtime its ramp-up is part of that stretch. A cycle the run's allocation started may end
 * after the b.N loop did; it still counts as the run's (Go 1.26: about 1 run in 12 has one).
 */
export function summarizeGc(cycles: GcCycle[], opts: GcSummaryOptions = {}): GcSummary {
  const stwPausesMs: number[] = []
  let allocationCycles = 0
  for (const cycle of cycles) {
    if (cycle.forced) continue
    allocationCycles++
    // Sweep termination and mark termination are two separate stops, with the program running
    // (concurrent mark) in between: a latency percentile must see two short pauses, not one long
    // one that never happened. runtime/metrics /sched/pauses/total/gc:seconds records them one by one
    // too (MemStats.PauseNs sums them per cycle).
    stwPausesMs.push(cycle.stwSweepTermMs, cycle.stwMarkTermMs)
  }

  const last = cycles[cycles.length - 1]
  const endsInProfileGc = (opts.memprofile ?? true) && last !== undefined && last.forced
  const end = endsInProfileGc ? cycles.length - 1 : cycles.length
  let start = end - 1
  while (start >= 0 && !cycles[start].forced) start--
  const measured = cycles.slice(start + 1, end)

  const summary: GcSummary = {
    stwPausesMs,
    cycles: allocationCycles,
    measuredCycles: measured.length,
    forcedCycles: cycles.length - allocationCycles
  }
  const lastMeasured = measured[measured.length - 1]
  if (lastMeasured !== undefined) summary.liveHeapMB = lastMeasured.heapLiveMB
  return summary
}
