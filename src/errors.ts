// Error kinds map to the documented exit codes: 2 bad usage or configuration, 3 the run could not complete.

export const EXIT = { pass: 0, fail: 1, usage: 2, incomplete: 3 } as const

/** Bad command line or configuration: nothing was run. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** The run could not complete (toolchain missing, base ref not found, nothing could be built). */
export class RunError extends Error {
  override name = 'RunError'
  constructor(
    message: string,
    readonly detail?: string
  ) {
    super(message)
  }
}

export function exitCodeFor(err: unknown): number {
  return err instanceof UsageError ? EXIT.usage : EXIT.incomplete
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
