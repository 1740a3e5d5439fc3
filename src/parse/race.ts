// Race detector reports from a -race binary's stderr, alone, merged with the test binary's stdout
// (where `=== RUN` and `--- FAIL:` lines say which test raced), or written to GORACE log_path files.
import type { SourceFrame } from './gofunc.js'
import { readCount, splitLines, type LineProblem } from './lines.js'
import { isUserFunction, readCall, readPosition } from './stackframes.js'

export interface RaceAccess {
  kind: 'read' | 'write'
  /** The address as printed: `0x00c000018288`. */
  address: string
  goroutine: 'main' | number
  /**
   * Innermost first. Empty when the detector printed `[failed to restore the stack]`. On Go 1.26 the
   * atomic side of a race between an atomic and a plain access holds only sync/atomic frames.
   */
  frames: SourceFrame[]
}

export interface RaceGoroutine {
  id: number
  state: 'running' | 'finished'
  createdAt: SourceFrame[]
}

export interface RaceReport {
  access: RaceAccess
  previous: RaceAccess
  goroutines: RaceGoroutine[]
  /**
   * The test or benchmark that was running, when the text around the report says so. Benchmarks keep
   * the `-P` GOMAXPROCS suffix Go printed (`BenchmarkX-4`): benchfmt's splitProcs removes it.
   */
  test?: string
  /** testing said `race detected outside of test execution` (TestMain, init, a goroutine outliving its test). */
  outsideTests: boolean
  /** The closing `==================` was missing: the output ends inside the report. */
  truncated: boolean
  /** 1-based line of `WARNING: DATA RACE` in the parsed text. */
  line: number
  /** The report as printed, from separator to separator. */
  raw: string
}

export interface RaceOutput {
  races: RaceReport[]
  problems: LineProblem[]
}

const SEPARATOR = '=================='
const WARNING = 'WARNING: DATA RACE'
const ACCESS = /^(Read|Write|Previous read|Previous write) at (0x[0-9a-f]+) by (main goroutine|goroutine (\d+)):$/
const GOROUTINE = /^Goroutine (\d+) \((running|finished)\) created at:$/
const LOST_STACK = '[failed to restore the stack]'
// Test output that places a report: progress lines of -test.v and the start of a benchmark's line.
const STARTED = /^=== (RUN|CONT|NAME|PAUSE)\s+(\S+)/
const ENDED = /^(\s*)--- (FAIL|PASS|SKIP): (\S+)/
const BENCHMARK_LINE = /^(Benchmark(?!\p{Ll})\S*)/u
const IN_TEST = 'race detected during execution of test'
const OUTSIDE = 'race detected outside of test execution'

/** What a line of test output says about which test is running. */
type Event =
  | { kind: 'started'; test: string; how: 'RUN' | 'CONT' | 'NAME' | 'PAUSE' | 'benchmark' }
  | { kind: 'ended'; test: string; depth: number; failed: boolean }
  | { kind: 'in-test'; named?: string }
  | { kind: 'outside' }

function eventOf(line: string, named: string | undefined): Event | undefined {
  const started = STARTED.exec(line)
  if (started !== null) return { kind: 'started', test: started[2], how: started[1] as 'RUN' | 'CONT' | 'NAME' | 'PAUSE' }
  const ended = ENDED.exec(line)
  if (ended !== null) return { kind: 'ended', test: ended[3], depth: ended[1].length, failed: ended[2] === 'FAIL' }
  const bench = BENCHMARK_LINE.exec(line)
  // A benchmark's name is printed when it starts and its numbers when it is done.
  if (bench !== null) {
    return /\sns\/op\b/.test(line)
      ? { kind: 'ended', test: bench[1], depth: 0, failed: false }
      : { kind: 'started', test: bench[1], how: 'benchmark' }
  }
  if (line.includes(IN_TEST)) return named === undefined ? { kind: 'in-test' } : { kind: 'in-test', named }
  if (line.includes(OUTSIDE)) return { kind: 'outside' }
  return undefined
}

/**
 * Parses every `WARNING: DATA RACE` report. A report's test comes from the first of these after it:
 * - testing's `race detected during execution of test`, logged once per racing test when it ends (or
 *   next checks): under the test's `=== RUN`/`=== NAME` line with -test.v, under its `--- FAIL:` line
 *   without;
 * - a `--- FAIL:` block (without -test.v a test's output is printed when it ends): the failing test
 *   the race line is logged under, else its innermost failing subtest;
 * - `race detected outside of test execution`: no test.
 * The search stops at the next test's `=== RUN`/`=== CONT` or benchmark line; the report then goes to
 * the test -test.v last started and had not ended, or to the benchmark whose result line it
 * interrupted (`BenchmarkX-4  \t==================` when the pipes are merged). Tests that run in
 * parallel interleave their output, so a report may then be put on the wrong one of them.
 */
export function parseRaceReports(text: string): RaceOutput {
  const lines = splitLines(text)
  const out: RaceOutput = { races: [], problems: [] }
  const events: Event[] = []
  // The test the latest progress line named (RUN, NAME, FAIL, ...), and the one -test.v says runs.
  let named: string | undefined
  let running: string | undefined
  const placements: { report: RaceReport; nextEvent: number; running?: string }[] = []
  const track = (line: string): void => {
    const event = eventOf(line, named)
    if (event === undefined) return
    events.push(event)
    if (event.kind === 'started') {
      named = event.test
      running = event.how === 'PAUSE' ? undefined : event.test
    } else if (event.kind === 'ended') {
      named = event.test
      if (running !== undefined && (running === event.test || running.startsWith(`${event.test}/`))) {
        const parent = event.test.lastIndexOf('/')
        running = parent > 0 ? event.test.slice(0, parent) : undefined
      }
    }
  }

  let i = 0
  while (i < lines.length) {
    const line = lines[i]
    const opensReport = line.endsWith(SEPARATOR) && lines[i + 1] === WARNING
    if (!opensReport && line !== WARNING) {
      track(line)
      i++
      continue
    }
    if (opensReport) {
      const before = line.slice(0, line.length - SEPARATOR.length)
      if (before !== '') track(before)
      i++
    }
    const read = readReport(lines, i, out.problems)
    if (read.report !== undefined) {
      const body = lines.slice(i, read.end)
      const raw = [SEPARATOR, ...body, ...(read.truncated ? [] : [SEPARATOR])].join('\n')
      const report: RaceReport = { ...read.report, outsideTests: false, truncated: read.truncated, line: i + 1, raw }
      out.races.push(report)
      placements.push({ report, nextEvent: events.length, ...(running === undefined ? {} : { running }) })
    }
    // read.end is the closing separator; a line after it may still carry test output.
    i = read.end + 1
  }

  for (const { report, nextEvent, running: runningThen } of placements) {
    const place = placeReport(events, nextEvent, runningThen)
    report.outsideTests = place.outsideTests
    if (place.test !== undefined) report.test = place.test
  }
  return out
}

function placeReport(events: Event[], from: number, running: string | undefined): { test?: string; outsideTests: boolean } {
  for (let j = from; j < events.length; j++) {
    const event = events[j]
    if (event.kind === 'in-test') return { ...(event.named === undefined ? {} : { test: event.named }), outsideTests: false }
    if (event.kind === 'outside') return { outsideTests: true }
    if (event.kind === 'ended' && event.failed) return { test: failedTest(events, j, event), outsideTests: false }
    if (event.kind === 'started' && event.how !== 'NAME' && event.how !== 'PAUSE') break
  }
  return { ...(running === undefined ? {} : { test: running }), outsideTests: false }
}

type Ended = Extract<Event, { kind: 'ended' }>

/**
 * In a `--- FAIL:` block (a test, then its failed subtests indented below it): the test the race line
 * is logged under, else the deepest failure.
 */
function failedTest(events: Event[], at: number, first: Ended): string {
  let deepest = first
  for (let j = at + 1; j < events.length; j++) {
    const event = events[j]
    if (event.kind === 'in-test') return event.named ?? deepest.test
    if (event.kind !== 'ended' || event.depth === 0) break
    if (event.failed && event.depth > deepest.depth) deepest = event
  }
  return deepest.test
}

type ReportBody = Pick<RaceReport, 'access' | 'previous' | 'goroutines'>

/**
 * Reads a report from its `WARNING: DATA RACE` line at lines[start]. `end` is the index of the closing
 * separator, or lines.length when there is none.
 */
function readReport(lines: string[], start: number, problems: LineProblem[]): { report?: ReportBody; end: number; truncated: boolean } {
  const accesses: RaceAccess[] = []
  const goroutines: RaceGoroutine[] = []
  let frames: SourceFrame[] | undefined
  let call: string | undefined
  let end = start + 1
  for (; end < lines.length; end++) {
    const line = lines[end]
    if (line.endsWith(SEPARATOR)) break
    const access = ACCESS.exec(line)
    // A goroutine id beyond what a number holds is no access line Go prints: it stays unmatched text.
    const by = access === null ? undefined : access[4] === undefined ? 'main' : readCount(access[4])
    if (access !== null && by !== undefined) {
      frames = []
      accesses.push({
        kind: access[1].toLowerCase().endsWith('write') ? 'write' : 'read',
        address: access[2],
        goroutine: by,
        frames
      })
      continue
    }
    const goroutine = GOROUTINE.exec(line)
    const id = goroutine === null ? undefined : readCount(goroutine[1])
    if (goroutine !== null && id !== undefined) {
      frames = []
      goroutines.push({ id, state: goroutine[2] === 'running' ? 'running' : 'finished', createdAt: frames })
      continue
    }
    // Frames are indented: two spaces before a function, six before its position. Anything else in a
    // report is output another goroutine wrote while the detector was printing.
    if (frames === undefined || !line.startsWith('  ')) continue
    const trimmed = line.trim()
    if (trimmed === LOST_STACK) continue
    const fn = readCall(trimmed)
    if (fn !== undefined) {
      call = fn
      continue
    }
    const position = call === undefined ? undefined : readPosition(trimmed)
    if (call !== undefined && position !== undefined) frames.push({ function: call, file: position.file, line: position.line })
    call = undefined
  }
  const truncated = end >= lines.length
  if (accesses.length < 2) {
    problems.push({
      line: start + 1,
      text: lines[start],
      reason: truncated ? 'race report cut before its two accesses' : 'race report without its two accesses'
    })
    return { end, truncated }
  }
  return { report: { access: accesses[0], previous: accesses[1], goroutines }, end, truncated }
}

export interface RaceKeyOptions {
  modulePath?: string
  /** Put line numbers in: exact sites, for one run. Without them a race moved by an edit still matches. */
  withLines?: boolean
}

/** What raceSide gives an access whose stack the detector could not restore. */
export const UNKNOWN_SIDE = '?'

/**
 * One access's code site with its call path: the user's frames of its stack, innermost first (a
 * recursion's repeated frames once), as `function file`. An access with no user frame (sync/atomic's
 * side on Go 1.26) is its innermost frame; a lost stack is UNKNOWN_SIDE.
 */
export function raceSide(frames: SourceFrame[], opts: RaceKeyOptions = {}): string {
  const site = (f: SourceFrame): string => (opts.withLines === true ? `${f.function} ${f.file}:${f.line}` : `${f.function} ${f.file}`)
  const path: string[] = []
  for (const f of frames) {
    if (!isUserFunction(f.function, f.file, opts.modulePath)) continue
    const s = site(f)
    if (path[path.length - 1] !== s) path.push(s)
  }
  if (path.length > 0) return path.join(' < ')
  return frames[0] === undefined ? UNKNOWN_SIDE : site(frames[0])
}

/**
 * Identity of a race, for deduplication and for matching base with head: the unordered pair of its two
 * accesses' code sites with their call paths (raceSide). Not the kinds of the accesses: `c.n++` from
 * four goroutines is one race, which the detector reports as a read racing with an earlier write in one
 * run and as a write racing with an earlier write in the next (the increment is both). Not the order
 * either, nor goroutine ids or addresses.
 */
export function raceKey(r: Pick<RaceReport, 'access' | 'previous'>, opts: RaceKeyOptions = {}): string {
  return raceSides(r.access.frames, r.previous.frames, opts).join(' | ')
}

/** The two sides of a race (raceSide), in a fixed order. */
export function raceSides(access: SourceFrame[], previous: SourceFrame[], opts: RaceKeyOptions = {}): [string, string] {
  const a = raceSide(access, opts)
  const b = raceSide(previous, opts)
  return a <= b ? [a, b] : [b, a]
}

/**
 * Whether two races, as raceSides gives them, are the same: the same pair, or, when the detector lost
 * one side's stack in one of the reports, the same known side. The history that restores the earlier
 * access's stack is bounded (GORACE history_size), so whether it is lost depends on the run.
 */
export function sameRace(a: [string, string], b: [string, string]): boolean {
  if (a[0] === b[0] && a[1] === b[1]) return true
  const known = (s: [string, string]): string[] => s.filter((x) => x !== UNKNOWN_SIDE)
  const ka = known(a)
  const kb = known(b)
  // Two whole pairs that differ are two races; a report with no stack at all says too little to match.
  if ((ka.length === 2 && kb.length === 2) || ka.length === 0 || kb.length === 0) return false
  return ka.some((x) => kb.includes(x))
}
