// The documented exit codes and the one mapping from outcomes to them.
import { UsageError } from './errors.js'
import type { Report } from './model/report.js'
import type { RunResult } from './model/result.js'

export const EXIT = { pass: 0, fail: 1, usage: 2, incomplete: 3 } as const
export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

export function exitCodeForError(err: unknown): ExitCode {
  return err instanceof UsageError ? EXIT.usage : EXIT.incomplete
}

/** Incomplete beats fail: a verdict over half the packages must not read as a clean pass or fail. */
export function exitCodeForReport(report: Report): ExitCode {
  if (report.incomplete) return EXIT.incomplete
  return report.verdict === 'fail' ? EXIT.fail : EXIT.pass
}

/**
 * One side measured on its own (`run`): 3 when part of it could not be measured (a 'probe' error is a
 * note: the numbers are still good), 1 when the code under test failed or hung.
 */
export function exitCodeForResult(result: RunResult): ExitCode {
  if (result.errors.some((e) => e.kind !== 'probe')) return EXIT.incomplete
  return result.packages.some((p) => p.benchmarks.some((b) => b.failure)) ? EXIT.fail : EXIT.pass
}

/** An output that could not be written is a usage error (2) whatever the verdict: the user named the path. */
export function withOutputFailures(code: ExitCode, failedOutputs: number): ExitCode {
  return failedOutputs > 0 ? EXIT.usage : code
}
