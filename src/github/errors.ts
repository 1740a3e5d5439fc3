// What went wrong talking to GitHub, in terms a caller can act on. The gate's verdict never depends on GitHub:
// a failed comment or lookup becomes a warning in the log, and the summary and the exit code still carry the
// verdict. So every function in src/github/ turns Octokit's errors into a GitHubError of a known kind.

export type GitHubFailureKind =
  /** 403 for want of a permission: a fork's read-only token, or a workflow without `permissions:` for it. */
  | 'forbidden'
  /** A primary or secondary rate limit that the throttling plugin did not wait out. */
  | 'rate-limited'
  /** 5xx or no answer at all, after the retries. */
  | 'unavailable'
  | 'unauthorized'
  | 'not-found'
  /** 410: an expired artifact, a deleted issue. */
  | 'gone'
  | 'other'

export class GitHubError extends Error {
  override readonly name = 'GitHubError'
  constructor(
    readonly kind: GitHubFailureKind,
    /** What we were doing, in words: `listing the comments of #7`. */
    readonly operation: string,
    readonly status: number | undefined,
    message: string,
    /** From `x-accepted-github-permissions`: what the token would need (`issues=write; pull_requests=write`). */
    readonly acceptedPermissions?: string
  ) {
    super(message)
  }
}

interface ErrorLike {
  status?: unknown
  message?: unknown
  response?: { headers?: Record<string, unknown> }
}

function headerOf(err: ErrorLike, name: string): string | undefined {
  const value = err.response?.headers?.[name]
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined
}

export function isRateLimit(status: number | undefined, message: string, remaining: string | undefined): boolean {
  if (status === 429) return true
  return status === 403 && (remaining === '0' || /\brate limit\b/i.test(message))
}

/** Octokit's RequestError (or anything thrown on the way) as a GitHubError. */
export function toGitHubError(err: unknown, operation: string): GitHubError {
  if (err instanceof GitHubError) return err
  const e: ErrorLike = typeof err === 'object' && err !== null ? (err as ErrorLike) : {}
  const status = typeof e.status === 'number' ? e.status : undefined
  const text = typeof e.message === 'string' ? e.message : String(err)
  const message = `${operation}: ${status === undefined ? '' : `GitHub answered ${status}: `}${text}`
  if (isRateLimit(status, text, headerOf(e, 'x-ratelimit-remaining'))) {
    return new GitHubError('rate-limited', operation, status, message)
  }
  if (status === 403) return new GitHubError('forbidden', operation, status, message, headerOf(e, 'x-accepted-github-permissions'))
  if (status === 401) return new GitHubError('unauthorized', operation, status, message)
  if (status === 404) return new GitHubError('not-found', operation, status, message)
  if (status === 410) return new GitHubError('gone', operation, status, message)
  if (status === undefined || status >= 500) return new GitHubError('unavailable', operation, status, message)
  return new GitHubError('other', operation, status, message)
}

/** Runs one GitHub call, turning its failure into a GitHubError that names what was being done. */
export async function attempt<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (err) {
    throw toGitHubError(err, operation)
  }
}

/**
 * The warning for a refused write, naming the fix. A fork's pull request gets a read-only GITHUB_TOKEN whatever
 * the workflow asks for, so there the fix is GitHub's two-workflow pattern; otherwise it is a permission.
 */
export function forbiddenAdvice(err: GitHubError): string {
  const needs = err.acceptedPermissions === undefined ? '' : ` (the token needs ${err.acceptedPermissions})`
  return (
    `${err.message}${needs}. The verdict stands in the job summary and the exit code. ` +
    'If this pull request comes from a fork, its GITHUB_TOKEN is read-only: post the comment from a separate ' +
    '`workflow_run` workflow that runs go-leak-gate with `mode: comment` on the uploaded report (see the README, ' +
    '"Pull requests from forks"). Otherwise give the job `permissions: pull-requests: write`.'
  )
}
