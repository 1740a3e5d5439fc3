// The documented exit codes and the one mapping from outcomes to them.
import { UsageError } from './errors.js'
import type { Report } from './model/report.js'
import type { RunResult } from './model/result.js'

export const EXIT = { pass: 0, fail: 1, usage: 2, incomplete: 3 } as const
export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

export function exitCodeForError(err: unknown): ExitCode {
  return err instanceof UsageError ? EXIT.usage : EXIT.incomplete
}

/**
 * What load jobs ask for on their own: a mistake in their configuration found only while they ran (a URL
 * that answers 404, no pprof where the config says) is the user's to fix (2) and wins over a run that
 * could not complete (3).
 */
export function exitCodeForLoads(jobs: readonly { error?: { kind: 'config' | 'run' } }[]): ExitCode {
  if (jobs.some((j) => j.error?.kind === 'config')) return EXIT.usage
  if (jobs.some((j) => j.error?.kind === 'run')) return EXIT.incomplete
  return EXIT.pass
}

/**
 * Incomplete beats fail: a verdict over half the packages must not read as a clean pass or fail. A load
 * job's configuration mistake on head beats both. On base alone it is none: the job may be new in the PR.
 */
export function exitCodeForReport(report: Report): ExitCode {
  if (exitCodeForLoads((report.loads ?? []).flatMap((j) => (j.head ? [j.head] : []))) === EXIT.usage) return EXIT.usage
  if (report.incomplete) return EXIT.incomplete
  return report.verdict === 'fail' ? EXIT.fail : EXIT.pass
}

/**
 * One side measured on its own (`run`): 2 for a load job's configuration mistake, 3 when part of it could
 * not be measured (a 'probe' error is a
 * note: the numbers are still good), 1 when the code under test failed or hung.
 */
export function exitCodeForResult(result: RunResult): ExitCode {
  if (exitCodeForLoads(result.loads ?? []) === EXIT.usage) return EXIT.usage
  if (result.errors.some((e) => e.kind !== 'probe')) return EXIT.incomplete
  return result.packages.some((p) => p.benchmarks.some((b) => b.failure)) ? EXIT.fail : EXIT.pass
}

/** An output that could not be written is a usage error (2) whatever the verdict: the user named the path. */
export function withOutputFailures(code: ExitCode, failedOutputs: number): ExitCode {
  return failedOutputs > 0 ? EXIT.usage : code
}
