// A load job that could not run says why, names the job, and says whose mistake it was: the
// configuration's (a UsageError: exit code 2) or the run's (an IncompleteRunError: exit code 3), so
// exitCodeForError maps it without knowing about load jobs.
import { IncompleteRunError, UsageError } from '../../errors.js'

/** Where in a job's life it failed; shown in messages and kept in the result. */
export type LoadPhaseName = 'config' | 'build' | 'start' | 'ready' | 'snapshot' | 'warmup' | 'round' | 'stop'

/** A configuration mistake, found before anything ran or while the job ran (a wrong URL, no pprof there). */
export class LoadConfigError extends UsageError {
  override name = 'LoadConfigError'
  readonly kind = 'config'
  constructor(
    readonly job: string,
    readonly phase: LoadPhaseName,
    message: string,
    readonly detail?: string
  ) {
    super(`load job '${job}': ${message}`)
  }
}

/** The run could not complete: a build failure, a service that never got ready or crashed, a broken pprof. */
export class LoadRunError extends IncompleteRunError {
  override name = 'LoadRunError'
  readonly kind = 'run'
  constructor(
    readonly job: string,
    readonly phase: LoadPhaseName,
    message: string,
    detail?: string
  ) {
    super(`load job '${job}': ${message}`, detail)
  }
}

export type LoadJobError = LoadConfigError | LoadRunError

export function isLoadJobError(err: unknown): err is LoadJobError {
  return err instanceof LoadConfigError || err instanceof LoadRunError
}
