// The workflow_run poster: which pull request a triggering run belongs to, from the event and GitHub only.
import { beforeEach, describe, expect, it } from 'vitest'
import { checkWorkflowRunEvent, resolvePullRequest, type TriggeringRun } from '../../src/github/fork.js'
import { ALICE, client, MALLORY, useFakeGitHub } from './helpers.js'

const HEAD = 'c'.repeat(40)
const REPO = { owner: 'octo', repo: 'demo' }
const ALICE_FORK = { id: 301, owner: ALICE, name: 'demo' }
const MALLORY_FORK = { id: 302, owner: MALLORY, name: 'demo-copy' }

function event(overrides: Record<string, unknown> = {}): unknown {
  return {
    action: 'completed',
    workflow_run: {
      id: 9001,
      run_attempt: 2,
      event: 'pull_request',
      path: '.github/workflows/gate.yml',
      head_sha: HEAD,
      head_branch: 'fix-leak',
      head_repository: { full_name: 'alice/demo' },
      repository: { full_name: 'octo/demo' },
      pull_requests: [],
      ...overrides
    }
  }
}

describe('checkWorkflowRunEvent', () => {
  it('reads the triggering run of a pull_request run of the expected workflow', () => {
    expect(checkWorkflowRunEvent(event(), 'octo/demo', 'gate.yml')).toEqual({
      ok: true,
      run: { id: 9001, runAttempt: 2, headSha: HEAD, headBranch: 'fix-leak', headRepository: 'alice/demo', path: '.github/workflows/gate.yml' }
    })
    expect(checkWorkflowRunEvent(event({ path: '.github/workflows/gate.yml@refs/pull/7/merge' }), 'octo/demo', '.github/workflows/gate.yml').ok).toBe(true)
  })

  it('refuses a run started by something else, of another workflow, or of another repository', () => {
    expect(checkWorkflowRunEvent(event({ event: 'push' }), 'octo/demo', 'gate.yml')).toMatchObject({ ok: false, reason: expect.stringMatching(/"push", not by a pull_request/) })
    expect(checkWorkflowRunEvent(event({ path: '.github/workflows/other.yml' }), 'octo/demo', 'gate.yml')).toMatchObject({ ok: false, reason: expect.stringMatching(/not the expected "gate.yml"/) })
    expect(checkWorkflowRunEvent(event({ repository: { full_name: 'evil/demo' } }), 'octo/demo', 'gate.yml')).toMatchObject({ ok: false })
    expect(checkWorkflowRunEvent(event({ head_repository: null }), 'octo/demo', 'gate.yml')).toMatchObject({ ok: false, reason: expect.stringMatching(/lacks/) })
    expect(checkWorkflowRunEvent(event({ head_sha: 'main' }), 'octo/demo', 'gate.yml')).toMatchObject({ ok: false })
    expect(checkWorkflowRunEvent({ pull_request: {} }, 'octo/demo', 'gate.yml')).toMatchObject({ ok: false, reason: expect.stringMatching(/workflow_run/) })
  })
})

describe('resolvePullRequest', () => {
  const fake = useFakeGitHub()
  let run: TriggeringRun

  beforeEach(() => {
    const checked = checkWorkflowRunEvent(event(), 'octo/demo', 'gate.yml')
    if (!checked.ok) throw new Error(checked.reason)
    run = checked.run
  })

  it('finds a fork’s pull request from the commit, and stamps the comment with the triggering run', async () => {
    fake().addPull({ number: 12, headSha: HEAD, headRef: 'fix-leak', headRepo: ALICE_FORK, baseSha: '9'.repeat(40) })
    expect(await resolvePullRequest(client(fake()), REPO, run)).toEqual({
      status: 'resolved',
      pulls: [{ number: 12, headSha: HEAD, baseSha: '9'.repeat(40), baseRef: 'main' }],
      stamp: { headSha: HEAD, runId: 9001, runAttempt: 2 },
      via: 'commit'
    })
    expect(fake().requests).toHaveLength(1)
  })

  it('falls back to the open pull requests of the head branch when GitHub does not link the fork’s commit', async () => {
    fake().state.unlinkForkCommits = true
    fake().addPull({ number: 12, headSha: HEAD, headRef: 'fix-leak', headRepo: ALICE_FORK })
    const found = await resolvePullRequest(client(fake()), REPO, run)
    expect(found).toMatchObject({ status: 'resolved', via: 'open pull requests', pulls: [{ number: 12 }] })
    expect(fake().requests.at(-1)?.query).toEqual({ state: 'open', head: 'alice:fix-leak', per_page: '100' })
  })

  it('ignores a pull request from another fork that carries the same commit, and closed or moved-on ones', async () => {
    fake().addPull({ number: 13, headSha: HEAD, headRef: 'fix-leak', headRepo: MALLORY_FORK })
    fake().addPull({ number: 14, headSha: HEAD, headRef: 'fix-leak', headRepo: ALICE_FORK, state: 'closed' })
    fake().addPull({ number: 15, headSha: 'd'.repeat(40), headRef: 'fix-leak', headRepo: ALICE_FORK })
    const found = await resolvePullRequest(client(fake()), REPO, run)
    expect(found).toEqual({
      status: 'not-found',
      reason: `no open pull request of octo/demo has ${HEAD.slice(0, 12)} from alice/demo as its head (closed, or pushed again since)`
    })
  })

  it('reports a GitHub failure as a result', async () => {
    fake().inject('repos/list-pull-requests-associated-with-commit', { kind: 'status', status: 500 }, 4)
    expect(await resolvePullRequest(client(fake()), REPO, run)).toMatchObject({ status: 'failed', error: { kind: 'unavailable' } })
  })
})
