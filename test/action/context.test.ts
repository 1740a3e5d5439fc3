// The workflow context read from the runner's variables and the event, and what the action trusts of it.
import { describe, expect, it } from 'vitest'
import { readContext, stampOf, withTrustedRunLink } from '../../src/action/context.js'

const ENV = {
  GITHUB_REPOSITORY: 'octo/demo',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_RUN_ID: '123',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_JOB: 'perf',
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_SHA: 'e'.repeat(40)
}
const EVENT = { pull_request: { number: 7, base: { sha: 'b'.repeat(40), ref: 'main' }, head: { sha: 'h'.replace('h', 'a').repeat(40) } }, repository: { default_branch: 'main' } }

describe('readContext', () => {
  it('reads the repository, run, job and pull request', () => {
    const ctx = readContext(ENV, EVENT)
    expect(ctx).toMatchObject({ owner: 'octo', repo: 'demo', runId: 123, runAttempt: 2, job: 'perf', defaultBranch: 'main', pullRequest: { number: 7, baseSha: 'b'.repeat(40), headSha: 'a'.repeat(40), baseRef: 'main' } })
  })

  it('stamps the comment with the pull request’s head, not GITHUB_SHA (the merge commit)', () => {
    expect(stampOf(readContext(ENV, EVENT), undefined)).toEqual({ headSha: 'a'.repeat(40), runId: 123, runAttempt: 2 })
    expect(stampOf(readContext(ENV, {}), undefined)).toBeUndefined()
  })

  it('has no pull request for a push event, and survives a payload of the wrong shape', () => {
    expect(readContext(ENV, { ref: 'refs/heads/main' }).pullRequest).toBeUndefined()
    expect(readContext({}, 'not an object')).toMatchObject({ owner: '', runId: 0, runAttempt: 1 })
  })
})

describe('withTrustedRunLink', () => {
  const ctx = readContext(ENV, EVENT)

  it('keeps a link to a run of this repository', () => {
    const info = { runUrl: 'https://github.com/octo/demo/actions/runs/55', runId: 55 }
    expect(withTrustedRunLink(info, ctx)).toEqual(info)
  })

  it('drops any other link an artifact brings', () => {
    for (const runUrl of ['https://evil.example/octo/demo/actions/runs/55', 'https://github.com/mallory/demo/actions/runs/55', 'https://github.com/octo/demo/actions/runs/55/../../../../mallory', 'javascript:alert(1)']) {
      expect(withTrustedRunLink({ runUrl, runId: 55 }, ctx)).toEqual({ runId: 55 })
    }
  })
})
