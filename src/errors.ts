// The error kinds of the gate. Each maps to one documented exit code (see exit.ts): a UsageError to 2 (bad
// usage or configuration: nothing ran, or nothing ran that counts), anything else to 3 (the run could not
// complete).

/** Bad command line, configuration or output path: the user must change what they asked for. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/**
 * The run could not complete (toolchain missing, git missing, nothing could be built). `detail` is the
 * tool's own output, shown under the one-line message.
 */
export class IncompleteRunError extends Error {
  override name = 'IncompleteRunError'
  constructor(
    message: string,
    readonly detail?: string
  ) {
    super(message)
  }
}

/** The message of anything thrown (a thrown string or object included). */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/**
 * What a user sees of an error: its message (every line of it: a UsageError may list several problems),
 * the tool's detail for an IncompleteRunError, and a stack trace only when debugging (--debug or
 * GO_LEAK_GATE_DEBUG=1): a stack says where go-leak-gate was, which helps its developers, not its users.
 */
export function describeError(err: unknown, debug: boolean): string {
  const lines = [errorMessage(err)]
  if (err instanceof IncompleteRunError && err.detail) lines.push(err.detail.trimEnd())
  if (debug && err instanceof Error && err.stack) lines.push(err.stack)
  return lines.join('\n')
}

export function debugRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env.GO_LEAK_GATE_DEBUG
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false'
}
