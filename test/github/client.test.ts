// Retry and throttling through the real Octokit and plugins, against the fake GitHub's faults.
import { beforeEach, describe, expect, it } from 'vitest'
import { attempt, GitHubError } from '../../src/github/errors.js'
import { ALICE, client, FORK_TOKEN, useFakeGitHub } from './helpers.js'

const fake = useFakeGitHub()

beforeEach(() => {
  for (let i = 0; i < 3; i++) fake().addComment(7, ALICE, `comment ${i}`)
})

const LIST = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments' as const
const listArgs = { owner: 'octo', repo: 'demo', issue_number: 7, per_page: 100 }

function statuses(): number[] {
  return fake().requests.map((r) => r.status)
}

async function failure(call: () => Promise<unknown>): Promise<GitHubError> {
  try {
    await attempt('listing the comments of #7', call)
  } catch (err) {
    if (err instanceof GitHubError) return err
    throw err
  }
  throw new Error('the call succeeded')
}

describe('createGitHubClient', () => {
  it('retries a 502 and returns the answer that follows', async () => {
    fake().inject('issues/list-comments', { kind: 'status', status: 502 })
    const { data } = await client(fake()).request(LIST, listArgs)
    expect(data.map((c) => c.body)).toEqual(['comment 0', 'comment 1', 'comment 2'])
    expect(statuses()).toEqual([502, 200])
  })

  it('waits the retry-after of a secondary rate limit (403 and 429), then retries', async () => {
    fake().inject('issues/list-comments', { kind: 'secondary-rate-limit', retryAfter: 3, status: 403 })
    fake().inject('issues/list-comments', { kind: 'secondary-rate-limit', retryAfter: 2, status: 429 })
    const log: string[] = []
    // 40 ms per second GitHub asks for: the waits are measurable and short.
    const { data } = await client(fake(), undefined, log, 40).request(LIST, listArgs)
    expect(data).toHaveLength(3)
    expect(statuses()).toEqual([403, 429, 200])
    const [a, b, c] = fake().requests.map((r) => r.at)
    expect(b - a).toBeGreaterThanOrEqual(3 * 40 - 5)
    expect(c - b).toBeGreaterThanOrEqual(2 * 40 - 5)
    expect(log.join('\n')).toMatch(/secondary rate limit .*waiting 3s/)
  })

  it('waits for the reset of a primary rate limit when it is near', async () => {
    fake().inject('issues/list-comments', { kind: 'primary-rate-limit', resetInSeconds: 1 })
    const { data } = await client(fake()).request(LIST, listArgs)
    expect(data).toHaveLength(3)
    expect(statuses()).toEqual([403, 200])
  })

  it('gives up at once on a primary rate limit that resets in an hour, with a typed error', async () => {
    fake().inject('issues/list-comments', { kind: 'primary-rate-limit', resetInSeconds: 3600 })
    const err = await failure(() => client(fake()).request(LIST, listArgs))
    expect(err.kind).toBe('rate-limited')
    expect(err.message).toMatch(/^listing the comments of #7: GitHub answered 403: API rate limit exceeded/)
    expect(statuses()).toEqual([403])
  })

  it('stops after three retries of a server error and says what failed', async () => {
    fake().inject('issues/list-comments', { kind: 'status', status: 502 }, 10)
    const err = await failure(() => client(fake()).request(LIST, listArgs))
    expect(err.kind).toBe('unavailable')
    expect(err.status).toBe(502)
    expect(statuses()).toEqual([502, 502, 502, 502])
  })

  it('does not retry a refused write and names the permission the token lacks', async () => {
    const err = await failure(() =>
      client(fake(), FORK_TOKEN).request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: 'octo',
        repo: 'demo',
        issue_number: 7,
        body: 'hello'
      })
    )
    expect(err.kind).toBe('forbidden')
    expect(err.acceptedPermissions).toBe('issues=write; pull_requests=write')
    expect(statuses()).toEqual([403])
    expect(fake().comments(7)).toHaveLength(3)
  })
})
