// How one benchmark process is started and stopped, and how its failure is described.
import type { RunConfig } from '../../config/types.js'
import { describeExit, type ProcessResult } from '../../go/process.js'
import type { Toolchain } from '../../go/toolchain.js'
import type { BenchFailure } from '../../model/result.js'
import { parseBenchOutput } from '../../parse/benchfmt.js'
import { lastLine } from '../../parse/lines.js'
import { hangGroups } from '../observations.js'

const OUTPUT_KEEP = 32 * 1024

/** Keeps the start (the panic or timeout line) and the end (the last goroutines) of long output. */
export function tail(text: string, max = OUTPUT_KEEP): string {
  if (text.length <= max) return text
  const half = Math.floor(max / 2)
  return `${text.slice(0, half)}\n… ${text.length - max} characters cut …\n${text.slice(text.length - half)}`
}

export function isIterationCount(benchtime: string): boolean {
  return /^[0-9]+x$/.test(benchtime)
}

const DURATION_NS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 }

/**
 * The calibration run uses a quarter of the configured benchtime and the N it finds is scaled up
 * fourfold: the same linear prediction Go's own ramp-up makes for its last step, at a quarter of the
 * cost (a full-length calibration would add a whole extra run per benchmark, 10% at count 10).
 */
export const CALIBRATION_SHARE = 4

export function calibrationBenchtime(benchtime: string): { benchtime: string; scale: number } {
  if (isIterationCount(benchtime)) return { benchtime: '1x', scale: 0 }
  const m = /^([0-9]+(?:\.[0-9]+)?)(ns|us|µs|ms|s|m|h)$/.exec(benchtime)
  if (!m) return { benchtime, scale: 1 }
  const ns = Number(m[1]) * DURATION_NS[m[2]]
  // Below ~10ms the timer and the process start dominate; calibrate on the full benchtime then.
  if (ns / CALIBRATION_SHARE < 10e6) return { benchtime, scale: 1 }
  return { benchtime: `${Math.round(ns / CALIBRATION_SHARE / 1e3)}us`, scale: CALIBRATION_SHARE }
}

/** b.N of every full run of a leaf: the user's fixed Nx, or what the calibration run found, scaled up. */
export function leafIterations(benchtime: string, found: number): number {
  if (isIterationCount(benchtime)) return Number(benchtime.slice(0, -1))
  return Math.max(1, Math.round(found * calibrationBenchtime(benchtime).scale))
}

/** What a benchmark process gets on top of the inherited environment. */
export function benchEnvVars(tc: Toolchain, inherited: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const godebug = [inherited.GODEBUG, 'gctrace=1'].filter(Boolean).join(',')
  // Set on the test binary only: on `go build` the compiler's own GCs would be traced too.
  return { GODEBUG: godebug, GOMAXPROCS: String(tc.gomaxprocs) }
}

export function benchEnv(tc: Toolchain): NodeJS.ProcessEnv {
  return { ...process.env, ...benchEnvVars(tc) }
}

/**
 * `go test` passes this; a test binary started directly does not get it. Without it os.Exit(0) in a test
 * or benchmark ends the process as if all had passed, and a benchmark that does it vanishes without a word;
 * with it testing panics ("unexpected call to os.Exit(0) during test") and the gate reports where.
 */
export const PANIC_ON_EXIT0 = '-test.paniconexit0'

export function testTimeoutFlag(cfg: RunConfig): string {
  return `-test.timeout=${Math.max(1, Math.round(cfg.timeoutMs / 1000))}s`
}

/**
 * -test.timeout covers tests only, not benchmarks: a benchmark process is stopped by us, with SIGQUIT
 * first so that Go prints every goroutine (see ProcessSpec.quitGraceMs).
 */
export function stopAfter(timeoutMs: number): { timeoutMs: number; quitGraceMs: number } {
  return { timeoutMs, quitGraceMs: 5_000 }
}

export function describeTimeout(timeoutMs: number): string {
  const s = timeoutMs / 1000
  return `did not finish within ${s >= 60 && s % 60 === 0 ? `${s / 60}m` : `${s}s`} and was stopped (goroutine dump from SIGQUIT in the output)`
}

const GCTRACE_LINE = /^gc \d+ @.*\n?/gm

export function failureFrom(r: ProcessResult, cfg: RunConfig, run: number, fallback: string, parsedMessage?: string, modulePath = ''): BenchFailure {
  const message = r.timedOut ? describeTimeout(cfg.timeoutMs) : (parsedMessage ?? `${fallback} (${describeExit(r)})`)
  // gctrace lines would crowd out the panic or goroutine dump that explains the failure.
  const stderr = r.stderr.replace(GCTRACE_LINE, '')
  const failure: BenchFailure = { run, message, output: tail(r.stdout + (stderr ? '\n' + stderr : '')) }
  if (r.timedOut) failure.hang = { message, groups: hangGroups(stderr, modulePath) }
  return failure
}

/**
 * Why a benchmark process that exited with a non-zero code, without a panic, a FAIL line or a timeout,
 * ended: os.Exit or log.Fatal (which calls it) in the code under test, with the last line it printed
 * (log.Fatal's message goes to stderr; the half-printed result line on stdout says nothing).
 */
export function exitedMessage(r: ProcessResult): string | undefined {
  if (r.timedOut || r.signal !== null || r.spawnError !== undefined || r.code === null || r.code === 0) return undefined
  const halfResult = /^Benchmark\S*$/
  const last = lastLine(r.stderr.replace(GCTRACE_LINE, '')) ?? lastLine(r.stdout, halfResult)
  return `the benchmark process exited with code ${r.code} before the benchmark finished, without a panic (os.Exit, or log.Fatal, which calls it, in the code under test)${last === undefined ? '' : `; its last output: ${last}`}`
}

/** A panic's value and stack go to stderr: read both streams to say why a benchmark failed. */
export function failuresOf(r: ProcessResult, procs: number): ReturnType<typeof parseBenchOutput>['failures'] {
  return parseBenchOutput(r.stdout + '\n' + r.stderr, { procs }).failures
}
