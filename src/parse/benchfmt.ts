import { isNonFinite, type MetricValue } from '../model/metric-value.js'
import { emptyRecord, splitLines, type LineProblem } from './lines.js'
import type { SourceFrame } from './gofunc.js'
import { crashedBenchmark, firstUserFrame, isCrashStart, readCrash } from './panic.js'

/** One benchmark result line: `BenchmarkName[/sub]-P  ITERS  VALUE UNIT [VALUE UNIT ...]`. */
export interface BenchLine {
  /** Name without the -P (GOMAXPROCS) suffix: `BenchmarkSizes/size=10`. */
  name: string
  /** The name as Go printed it: `BenchmarkSizes/size=10-4`. */
  fullName: string
  /** GOMAXPROCS from the suffix; 1 when Go printed none. */
  procs: number
  iterations: number
  /**
   * Every value/unit pair: `ns/op`, `B/op`, `allocs/op`, `MB/s`, units from b.ReportMetric. `+Inf`, `-Inf` and
   * `NaN` (what Go prints for a metric that divided by zero) stay as that text.
   */
  metrics: Record<string, MetricValue>
  /** The `pkg:` and `cpu:` config lines in effect for this result ('' when there were none). */
  pkg: string
  cpu: string
  /** 1-based line number in the parsed text. */
  line: number
}

export interface BenchmarkFailure {
  /** Benchmark name without the -P suffix; '' when the output does not say which benchmark died. */
  name: string
  /** Log lines of a `--- FAIL` block, or the panic value and where it was raised. */
  message: string
  /** For a panic or fatal error: the innermost frame of user code. */
  location?: SourceFrame
}

export type UnitDirection = 'higher' | 'lower'

/** A line that starts like a result but cannot be one; `benchmark` is the name it starts with. */
export interface BenchProblem extends LineProblem {
  benchmark?: string
}

export interface BenchOutput {
  /** `key: value` config lines (goos, goarch, pkg, cpu, ...); the latest value of each key. */
  config: Record<string, string>
  results: BenchLine[]
  failures: BenchmarkFailure[]
  /** From `Unit <unit> better=higher|lower` lines. */
  unitDirections: Record<string, UnitDirection>
  /** Lines that start like a result but cannot be one: truncated, garbled, or bogus. */
  problems: BenchProblem[]
}

export interface BenchParseOptions {
  /**
   * GOMAXPROCS the run used. Go appends `-P` to a name only when P != 1, and a sub-benchmark may
   * itself be named `end-10`, so only a suffix equal to this is taken as GOMAXPROCS. Without it,
   * any trailing `-<digits>` is, and `BenchmarkX/end-10` run with GOMAXPROCS=1 reads as
   * `BenchmarkX/end` with 10 procs: pass procs whenever it is known (one value: not for a
   * `-test.cpu` list).
   */
  procs?: number
  /** Module path, to pick a panic's first frame in the module rather than the first non-std one. */
  modulePath?: string
}

const RESULT_START = /^Benchmark(?!\p{Ll})/u
const CONFIG_LINE = /^(\p{Ll}[^\s\p{Lu}:]*):(?:[ \t]+(.*))?$/u
const FAIL_HEADER = /^--- FAIL: (\S+)/
const LOG_BLOCK_HEADER = /^--- (?:BENCH|SKIP): /
// Each part of a number can only be followed by a character the part cannot take (digits by a point, an
// exponent or the end), so a failed match backtracks one step per character: linear in the field. The old
// `\d+\.?\d*` let two quantifiers share the digits and took 1.9 s on 40,000 digits followed by `x`.
const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/
// Go prints a value with at most 309 integer digits (%10.0f of the largest float64) and a few decimals.
const MAX_NUMBER_CHARS = 330
// b.N is an int that testing caps at 1e9; beyond 2^53 a JavaScript number would not even hold it exactly.
const MAX_ITERATION_DIGITS = 16
// Far above any real benchmark name or b.ReportMetric unit; a name must also fit in one -test.bench argument
// (Linux refuses a single argument over 128 KiB) and both must fit result.json's bounds.
const MAX_NAME_CHARS = 4096
const MAX_UNIT_CHARS = 1024
// A failure's log lines (b.Log can print anything) are kept up to this much.
const MAX_MESSAGE_CHARS = 16 * 1024
const BLOCK_INDENT = '    '

/** Splits the -P GOMAXPROCS suffix off a printed benchmark name (see BenchParseOptions.procs). */
export function splitProcs(fullName: string, procs?: number): { name: string; procs: number } {
  if (procs !== undefined) {
    const suffix = `-${procs}`
    if (procs !== 1 && fullName.length > suffix.length && fullName.endsWith(suffix)) {
      return { name: fullName.slice(0, -suffix.length), procs }
    }
    return { name: fullName, procs: 1 }
  }
  const match = /^(.+)-(\d+)$/.exec(fullName)
  return match === null ? { name: fullName, procs: 1 } : { name: match[1], procs: Number(match[2]) }
}

/**
 * Parses the stdout of a Go test binary run with -test.bench (non-verbose). A panic is printed on
 * stderr: append stderr after stdout, or parse it on its own, to get it as a failure.
 */
export function parseBenchOutput(text: string, opts: BenchParseOptions = {}): BenchOutput {
  const lines = splitLines(text)
  const out: BenchOutput = {
    config: emptyRecord<string>(),
    results: [],
    failures: [],
    unitDirections: emptyRecord<UnitDirection>(),
    problems: []
  }
  // The benchmark whose result line was started but not completed: it is the one a panic belongs to.
  let unfinished: string | undefined
  const problem = (i: number, reason: string, benchmark?: string): void => {
    out.problems.push({ line: i + 1, text: lines[i], reason, ...(benchmark === undefined ? {} : { benchmark }) })
  }

  let i = 0
  while (i < lines.length) {
    const line = lines[i]

    if (RESULT_START.test(line)) {
      const fields = line.trim().split(/\s+/)
      if (fields[0].length > MAX_NAME_CHARS) {
        problem(i, `a benchmark name of ${fields[0].length} characters: longer than the ${MAX_NAME_CHARS} the gate accepts`)
        i++
        continue
      }
      const { name, procs } = splitProcs(fields[0], opts.procs)
      const afterName = line.slice(fields[0].length).trimStart()
      // Go prints the name, runs the benchmark, then prints the numbers: whatever the run printed
      // instead (a failure, or a panic when stderr is merged) lands on the same line.
      if (afterName.startsWith('--- FAIL: ') || isCrashStart(afterName)) {
        unfinished = name
        lines[i] = afterName
        continue
      }
      const result = readResult(fields)
      if (typeof result === 'string') {
        // With -test.v Go announces each benchmark by its bare name first: progress, not a result.
        const announcement = fields.length === 1 && !/\s/.test(line)
        if (!announcement) {
          problem(i, result, name)
          unfinished = name
        }
      } else {
        out.results.push({
          ...result,
          name,
          procs,
          pkg: out.config.pkg ?? '',
          cpu: out.config.cpu ?? '',
          line: i + 1
        })
        unfinished = undefined
      }
      i++
      continue
    }

    const fail = FAIL_HEADER.exec(line)
    if (fail !== null) {
      const block = readIndentedBlock(lines, i + 1)
      const message = block.lines.length > 0 ? block.lines.join('\n') : 'failed without log output'
      out.failures.push({
        name: splitProcs(fail[1], opts.procs).name,
        message: message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}…` : message
      })
      unfinished = undefined
      i = block.next
      continue
    }

    if (LOG_BLOCK_HEADER.test(line)) {
      i = readIndentedBlock(lines, i + 1).next
      continue
    }

    if (isCrashStart(line)) {
      const { crash, next } = readCrash(lines, i)
      const location = firstUserFrame(crash.frames, opts.modulePath)
      const where = location === undefined ? '' : `\n    at ${location.function} (${location.file}:${location.line})`
      // The stack names only the top-level benchmark; a started line names the leaf, unless it was
      // left by another benchmark (a garbled line, then one that died in its b.N=1 run).
      const fromStack = crashedBenchmark(crash)
      const name =
        unfinished !== undefined && (fromStack === undefined || unfinished.split('/')[0] === fromStack) ? unfinished : fromStack
      out.failures.push({
        name: name ?? '',
        message: `${crash.kind}: ${crash.value}${where}`,
        ...(location === undefined ? {} : { location })
      })
      unfinished = undefined
      i = next
      continue
    }

    if (line.startsWith('Unit ') || line.startsWith('Unit\t') || line === 'Unit') {
      const reason = readUnitLine(line, out.unitDirections)
      if (reason !== undefined) problem(i, reason)
      i++
      continue
    }

    const config = CONFIG_LINE.exec(line)
    if (config !== null) {
      const value = (config[2] ?? '').trimEnd()
      // As in golang.org/x/perf/benchfmt, `key:` with no value removes the key.
      if (value === '') delete out.config[config[1]]
      else out.config[config[1]] = value
    }
    i++
  }
  return out
}

type ResultFields = Pick<BenchLine, 'fullName' | 'iterations' | 'metrics'>

/** Reads the fields of a result line; a string is the reason it is not a valid result. */
function readResult(fields: string[]): ResultFields | string {
  const [fullName, iters, ...pairs] = fields
  if (iters === undefined) return 'missing iteration count: the line ends after the name (the benchmark did not finish)'
  if (!/^\d+$/.test(iters)) return `iteration count "${clipField(iters)}" is not an integer`
  const iterations = Number(iters)
  if (iters.length > MAX_ITERATION_DIGITS || !Number.isSafeInteger(iterations)) {
    return `iteration count "${clipField(iters)}" is out of range: Go stops b.N at 1e9`
  }
  // testing never reports a run of zero iterations; it prints one (with NaN ns/op) when the
  // benchmark panicked and the main goroutine won the race to print before the process died.
  if (iterations === 0) return 'zero iterations: the benchmark did not complete a run (did it panic?)'
  if (pairs.length === 0) return 'missing measurements'
  if (pairs.length % 2 !== 0) return 'odd number of value/unit fields: a value without its unit (truncated?)'
  const metrics = emptyRecord<MetricValue>()
  for (let p = 0; p < pairs.length; p += 2) {
    const value = pairs[p]
    const unit = pairs[p + 1]
    const v = readValue(value)
    if (v === undefined) return `value "${clipField(value)}" for unit "${clipField(unit)}" is not a number`
    if (v === 'out of range') return `value "${clipField(value)}" for unit "${clipField(unit)}" is out of the range of a float64`
    if (readValue(unit) !== undefined) {
      return `unit "${clipField(unit)}" after value "${clipField(value)}" is a number: fields are out of step`
    }
    if (unit.length > MAX_UNIT_CHARS) return `a unit of ${unit.length} characters: longer than the ${MAX_UNIT_CHARS} the gate accepts`
    metrics[unit] = v
  }
  return { fullName, iterations, metrics }
}

/** A value field as Go's testing prints it (%f formats: digits, `+Inf`, `-Inf`, `NaN`); undefined when it is none. */
function readValue(field: string): MetricValue | 'out of range' | undefined {
  if (isNonFinite(field)) return field
  if (field.length > MAX_NUMBER_CHARS || !NUMBER.test(field)) return undefined
  const x = Number(field)
  // `1e999` is a well-formed number that no float64 holds: Go never prints it (it would print +Inf).
  return Number.isFinite(x) ? x : 'out of range'
}

/** A field as a problem quotes it: a 1 MB field would make a 1 MB reason. */
function clipField(field: string): string {
  return field.length > 40 ? `${field.slice(0, 20)}…(${field.length} characters)` : field
}

/** Lines indented under a `--- FAIL`/`--- BENCH` header, with one level of indentation removed. */
function readIndentedBlock(lines: string[], start: number): { lines: string[]; next: number } {
  const block: string[] = []
  let i = start
  while (i < lines.length && lines[i].startsWith(BLOCK_INDENT)) {
    block.push(lines[i].slice(BLOCK_INDENT.length))
    i++
  }
  return { lines: block, next: i }
}

/** Records a `Unit <unit> key=value ...` line's direction; returns why the line is bad, if it is. */
function readUnitLine(line: string, directions: Record<string, UnitDirection>): string | undefined {
  const [, unit, ...pairs] = line.trim().split(/\s+/)
  if (unit === undefined) return 'unit metadata line without a unit'
  for (const pair of pairs) {
    const eq = pair.indexOf('=')
    if (eq <= 0) return `expected key=value, got "${pair}"`
    if (pair.slice(0, eq) !== 'better') continue
    const better = pair.slice(eq + 1)
    if (better !== 'higher' && better !== 'lower') return `better=${better}: expected better=higher or better=lower`
    directions[unit] = better
  }
  return undefined
}

// Go's regexp.QuoteMeta set: these are the characters RE2 gives a meaning to.
const RE2_SPECIAL = /[\\.+*?()|[\]{}^$]/g

/**
 * A -test.bench argument that runs exactly the named benchmark (name without the -P suffix).
 * testing splits the pattern on `/` outside brackets and parentheses and matches each part against
 * the corresponding element of the name (itself split on `/`), unanchored; it splits on a top-level
 * `|` too. So each element is quoted, which also escapes its `|`, `(` and `[`, and anchored.
 */
export function benchmarkPattern(name: string): string {
  return name
    .split('/')
    .map((element) => `^${element.replace(RE2_SPECIAL, '\\$&')}$`)
    .join('/')
}
