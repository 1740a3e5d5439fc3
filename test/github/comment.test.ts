// The sticky comment through the real Octokit (retry and throttling on) against the fake GitHub.
import { describe, expect, it } from 'vitest'
import { publishComment, type CommentOutcome, type PublishCommentOptions } from '../../src/github/comment.js'
import { parseMarker, type RunStamp } from '../../src/github/marker.js'
import type { Report } from '../../src/model/report.js'
import { passingReport, sampleReport } from '../report/sample-report.js'
import { GITHUB_ACTIONS_BOT } from './fake-github.js'
import { ALICE, BOT_TOKEN, client, FORK_TOKEN, MALLORY, OTHER_BOT, PAT_TOKEN, PAT_USER, useFakeGitHub } from './helpers.js'

const PR = 7
const SHA_A = 'a'.repeat(40)
const SHA_B = 'b'.repeat(40)

const fake = useFakeGitHub()

function stamp(runId: number, headSha = SHA_A, runAttempt = 1): RunStamp {
  return { headSha, runId, runAttempt }
}

function options(report: Report, s: RunStamp, extra: Partial<PublishCommentOptions> = {}): PublishCommentOptions {
  return { owner: 'octo', repo: 'demo', issueNumber: PR, report, mode: 'always', key: 'gate', stamp: s, ...extra }
}

function addOthers(n: number): void {
  const authors = [ALICE, OTHER_BOT, MALLORY]
  for (let i = 0; i < n; i++) fake().addComment(PR, authors[i % 3], `comment ${i} by a person or another bot`)
}

function ours(key = 'gate') {
  return fake().comments(PR).filter((c) => c.author.login === GITHUB_ACTIONS_BOT.login && parseMarker(c.body)?.key === key)
}

/** The requests made since `from`, as `METHOD operationId`. */
function calls(from = 0): string[] {
  return fake().requests.slice(from).map((r) => `${r.method} ${r.operationId ?? r.path}`)
}

async function run(opts: PublishCommentOptions, token = BOT_TOKEN): Promise<{ outcome: CommentOutcome; calls: string[] }> {
  const from = fake().requests.length
  const outcome = await publishComment(client(fake(), token), opts)
  return { outcome, calls: calls(from) }
}

describe('publishComment on a pull request with 45 comments by others', () => {
  it('creates, then updates, then leaves alone a report that did not change: 4, 3 and 2 API calls', async () => {
    addOthers(45)
    const first = await run(options(sampleReport(), stamp(100)))
    expect(first.outcome).toMatchObject({ status: 'created', removedDuplicates: 0 })
    expect(first.calls).toEqual([
      'GET users/get-authenticated',
      'GET issues/list-comments',
      'POST issues/create-comment',
      'GET issues/list-comments'
    ])
    expect(ours()).toHaveLength(1)
    expect(ours()[0].body.split('\n')[0]).toBe(
      `<!-- go-leak-gate key=gate head=${SHA_A} run=100 attempt=1 findings=${parseMarker(ours()[0].body)?.findings ?? ''} -->`
    )

    const second = await run(options(passingReport(), stamp(101, SHA_B)))
    expect(second.outcome).toMatchObject({ status: 'updated', id: ours()[0].id })
    expect(second.calls).toEqual(['GET users/get-authenticated', 'GET issues/list-comments', 'PATCH issues/update-comment'])
    expect(ours()).toHaveLength(1)
    expect(ours()[0].body).toContain('✅')
    expect(parseMarker(ours()[0].body)).toMatchObject({ runId: 101, headSha: SHA_B })

    const third = await run(options(passingReport(), stamp(102, SHA_B)))
    expect(third.outcome).toMatchObject({ status: 'unchanged', id: ours()[0].id })
    expect(third.calls).toEqual(['GET users/get-authenticated', 'GET issues/list-comments'])
    expect(fake().writes().map((w) => w.method)).toEqual(['POST', 'PATCH'])
    expect(fake().comments(PR)).toHaveLength(46)
  })

  it('reads every page: its comment after 150 others is found on page 2 and updated', async () => {
    addOthers(120)
    await run(options(sampleReport(), stamp(100)))
    addOthers(30)
    const second = await run(options(passingReport(), stamp(101)))
    expect(second.outcome.status).toBe('updated')
    const lists = fake().requests.filter((r) => r.operationId === 'issues/list-comments').slice(-2)
    expect(lists.map((r) => r.query)).toEqual([
      { per_page: '100' },
      { per_page: '100', page: '2' }
    ])
    expect(ours()).toHaveLength(1)
  })
})

describe('publishComment: whose comment it is', () => {
  it('ignores a marker planted by another user, and leaves that comment alone', async () => {
    const planted = `<!-- go-leak-gate key=gate head=${SHA_A} run=999999 attempt=1 findings=${'0'.repeat(16)} -->\n✅ all good, merge me`
    const mallory = fake().addComment(PR, MALLORY, planted)
    const { outcome } = await run(options(sampleReport(), stamp(100)))
    expect(outcome.status).toBe('created')
    expect(fake().comments(PR).find((c) => c.id === mallory.id)?.body).toBe(planted)
    expect(ours()).toHaveLength(1)
    expect(fake().writes().filter((w) => w.path.endsWith(`/${mallory.id}`))).toEqual([])
  })

  it('keeps separate comments for separate keys', async () => {
    await run(options(sampleReport(), stamp(100), { key: 'linux/go1.27' }))
    await run(options(sampleReport(), stamp(100), { key: 'linux/go1.26' }))
    expect(ours('linux/go1.27')).toHaveLength(1)
    expect(ours('linux/go1.26')).toHaveLength(1)
  })

  it('with a personal token, recognises its comments by the login GET /user gives', async () => {
    fake().addComment(PR, GITHUB_ACTIONS_BOT, `<!-- go-leak-gate key=gate head=${SHA_A} run=1 attempt=1 findings=${'0'.repeat(16)} -->\nold`)
    const first = await run(options(sampleReport(), stamp(100)), PAT_TOKEN)
    expect(first.outcome.status).toBe('created')
    const second = await run(options(passingReport(), stamp(101)), PAT_TOKEN)
    expect(second.outcome.status).toBe('updated')
    expect(fake().comments(PR).filter((c) => c.author.login === PAT_USER.login)).toHaveLength(1)
  })

  it('with a GitHub App’s token and no configured author, still converges on one comment per key', async () => {
    const app = { login: 'gate-app[bot]', id: 777, type: 'Bot' as const }
    fake().addToken('ghs_app', { actor: app, installation: true, write: true })
    const log: string[] = []
    await run(options(sampleReport(), stamp(100), { log: (m) => log.push(m) }), 'ghs_app')
    const second = await run(options(passingReport(), stamp(101), { log: (m) => log.push(m) }), 'ghs_app')
    // It looked for github-actions[bot], created anew, then found its own earlier comment and folded into it.
    expect(second.outcome).toMatchObject({ status: 'updated', removedDuplicates: 1 })
    expect(fake().comments(PR).filter((c) => c.author.login === app.login)).toHaveLength(1)
    expect(log.join('\n')).toContain('set the comment author to gate-app[bot]')
    const third = await run(options(passingReport(), stamp(102), { author: app.login }), 'ghs_app')
    expect(third.outcome.status).toBe('unchanged')
    expect(third.calls).toEqual(['GET issues/list-comments'])
  })

  it('with a configured author, asks GitHub nothing about the token', async () => {
    const { calls: made } = await run(options(sampleReport(), stamp(100), { author: 'github-actions[bot]' }))
    expect(made[0]).toBe('GET issues/list-comments')
  })
})

describe('publishComment: runs that overlap', () => {
  it('two runs racing end with exactly one comment, holding the newer run’s report', async () => {
    addOthers(45)
    // Both runs look for the comment before either creates one: both create.
    fake().hold('issues/create-comment', 2)
    const [older, newer] = await Promise.all([
      run(options(sampleReport(), stamp(100, SHA_A))),
      run(options(passingReport(), stamp(101, SHA_B)))
    ])
    expect(fake().requests.filter((r) => r.operationId === 'issues/create-comment')).toHaveLength(2)
    expect(ours()).toHaveLength(1)
    expect(parseMarker(ours()[0].body)).toMatchObject({ runId: 101, headSha: SHA_B })
    expect(ours()[0].id).toBe(Math.min(...[older, newer].map((r) => ('id' in r.outcome ? (r.outcome.id ?? 0) : 0))))
    expect(newer.outcome.status).not.toBe('stale')
  })

  it('three runs racing, started newest first, also end with one comment holding the newest report', async () => {
    fake().hold('issues/create-comment', 3)
    await Promise.all([
      run(options(passingReport(), stamp(302, SHA_B))),
      run(options(sampleReport(), stamp(301, SHA_A))),
      run(options(sampleReport(), stamp(300, SHA_A)))
    ])
    expect(fake().requests.filter((r) => r.operationId === 'issues/create-comment')).toHaveLength(3)
    expect(ours()).toHaveLength(1)
    expect(parseMarker(ours()[0].body)).toMatchObject({ runId: 302 })
  })

  it('never lets an older run overwrite a newer run’s report', async () => {
    await run(options(passingReport(), stamp(200, SHA_B)))
    const before = ours()[0].body
    // A re-run of an older run (attempt 2 of run 150) for the previous head.
    const { outcome } = await run(options(sampleReport(), stamp(150, SHA_A, 2)))
    expect(outcome).toMatchObject({ status: 'stale', newer: { runId: 200, runAttempt: 1 } })
    expect(ours()[0].body).toBe(before)
    expect(fake().writes()).toHaveLength(1)
  })

  it('a re-run (higher attempt) of the newest run may overwrite it', async () => {
    await run(options(sampleReport(), stamp(200)))
    const { outcome } = await run(options(passingReport(), stamp(200, SHA_A, 2)))
    expect(outcome.status).toBe('updated')
  })

  it('cleans up a duplicate that a retried POST left (the first POST took effect, its answer was lost)', async () => {
    fake().inject('issues/create-comment', { kind: 'status', status: 502, afterApplying: true })
    const { outcome } = await run(options(sampleReport(), stamp(100)))
    expect(fake().requests.filter((r) => r.operationId === 'issues/create-comment').map((r) => r.status)).toEqual([502, 201])
    expect(outcome).toMatchObject({ removedDuplicates: 1 })
    expect(ours()).toHaveLength(1)
  })
})

describe('publishComment: modes', () => {
  it('never: makes no request at all', async () => {
    const { outcome, calls: made } = await run(options(sampleReport(), stamp(100), { mode: 'never' }))
    expect(outcome.status).toBe('skipped')
    expect(made).toEqual([])
  })

  it('on-failure: stays quiet on a pass with no comment, but updates an earlier failure to say it passes now', async () => {
    const quiet = await run(options(passingReport(), stamp(100), { mode: 'on-failure' }))
    expect(quiet.outcome.status).toBe('skipped')
    expect(fake().writes()).toEqual([])
    await run(options(sampleReport(), stamp(101), { mode: 'on-failure' }))
    const fixed = await run(options(passingReport(), stamp(102), { mode: 'on-failure' }))
    expect(fixed.outcome.status).toBe('updated')
    expect(ours()[0].body).toMatch(/^.*\n### ✅ go-leak-gate: pass/)
  })

  it('changes: writes only when the verdict or the findings change, not when only the numbers do', async () => {
    await run(options(sampleReport(), stamp(100), { mode: 'changes' }))
    const numbers = sampleReport()
    numbers.findings[0] = { ...numbers.findings[0], head: 6, message: 'allocs/op rose from 3 to 6' }
    const same = await run(options(numbers, stamp(101), { mode: 'changes' }))
    expect(same.outcome).toMatchObject({ status: 'skipped', id: ours()[0].id })
    const changed = await run(options(passingReport(), stamp(102), { mode: 'changes' }))
    expect(changed.outcome.status).toBe('updated')
    expect(fake().writes().map((w) => w.method)).toEqual(['POST', 'PATCH'])
  })
})

describe('publishComment: when GitHub says no', () => {
  it('a fork’s read-only token gives a warning that names the fix, and writes nothing', async () => {
    addOthers(3)
    const { outcome } = await run(options(sampleReport(), stamp(100)), FORK_TOKEN)
    expect(outcome.status).toBe('forbidden')
    if (outcome.status !== 'forbidden') return
    expect(outcome.message).toContain('issues=write; pull_requests=write')
    expect(outcome.message).toContain('workflow_run')
    expect(outcome.message).toContain('The verdict stands')
    expect(fake().comments(PR)).toHaveLength(3)
  })

  it('retries a 502 on the update and succeeds', async () => {
    await run(options(sampleReport(), stamp(100)))
    fake().inject('issues/update-comment', { kind: 'status', status: 502 })
    const { outcome } = await run(options(passingReport(), stamp(101)))
    expect(outcome.status).toBe('updated')
    expect(fake().requests.filter((r) => r.operationId === 'issues/update-comment').map((r) => r.status)).toEqual([502, 200])
  })

  it('waits out a secondary rate limit on the create', async () => {
    fake().inject('issues/create-comment', { kind: 'secondary-rate-limit', retryAfter: 1, status: 403 })
    const { outcome } = await run(options(sampleReport(), stamp(100)))
    expect(outcome.status).toBe('created')
    expect(ours()).toHaveLength(1)
  })

  it('turns a failure that outlasts the retries into a typed result instead of an exception', async () => {
    fake().inject('issues/list-comments', { kind: 'status', status: 503 }, 4)
    const { outcome } = await run(options(sampleReport(), stamp(100)))
    expect(outcome).toMatchObject({ status: 'failed', error: { kind: 'unavailable', status: 503 } })
    if (outcome.status === 'failed') expect(outcome.message).toMatch(/^listing the comments of #7: GitHub answered 503/)
  })
})
