// The Octokit every GitHub call goes through. @actions/github 9 gives an Octokit with REST methods and
// pagination but no retry and no throttling, so one 502 or one secondary rate limit would lose the comment:
// add Octokit's retry plugin (5xx and network failures, with backoff) and throttling plugin (waits out
// `retry-after` and rate-limit resets, and spaces writes as GitHub asks).

import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface ClientOptions {
  token: string
  /** REST API root: GITHUB_API_URL in the action (GitHub Enterprise has its own), the fake's URL in tests. */
  baseUrl: string
  log?: (message: string) => void
  /** Retries after a 5xx or a network failure (waits of 1, 4, 9... units). Default 3. */
  retries?: number
  /** Rate-limit retries. Default 2. */
  rateLimitRetries?: number
  /** Longest wait accepted for a rate limit, in seconds; longer ones fail at once (a primary limit can be an hour). */
  maxRateLimitWaitSeconds?: number
  /**
   * Milliseconds per second that GitHub asks us to wait, and per unit of retry backoff. 1000 in the action;
   * tests pass 1 so that a `retry-after: 2` costs 2 ms while the plugins' logic stays the one that runs.
   */
  msPerSecond?: number
  /**
   * The throttling plugin keys its limiters by this id, process-wide. Clients that stand for different runs
   * (two gates racing in one test) need different ids, or their writes queue behind each other.
   */
  throttleId?: string
}

// Errors retrying cannot fix, and the rate-limit statuses that the throttling plugin owns (retrying 429 in
// both plugins would double the waits).
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451]

export function createGitHubClient(options: ClientOptions): GitHubClient {
  const log = options.log ?? (() => undefined)
  const msPerSecond = options.msPerSecond ?? 1000
  const rateLimitRetries = options.rateLimitRetries ?? 2
  const maxWait = options.maxRateLimitWaitSeconds ?? 90
  const onLimit =
    (what: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      const go = retryCount < rateLimitRetries && retryAfter <= maxWait
      log(
        `GitHub ${what} on ${request.method} ${request.url}: ` +
          (go ? `waiting ${retryAfter}s, then retry ${retryCount + 1} of ${rateLimitRetries}` : `giving up (asked to wait ${retryAfter}s)`)
      )
      return go
    }
  return getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
      retry: { retries: options.retries ?? 3, doNotRetry: DO_NOT_RETRY, retryAfterBaseValue: msPerSecond },
      throttle: {
        id: options.throttleId ?? 'go-leak-gate',
        retryAfterBaseValue: msPerSecond,
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit')
      }
    },
    retry,
    throttling
  )
}
