// The fake GitHub itself: it must refuse what GitHub refuses, paginate as GitHub does, and its answers must
// match GitHub's OpenAPI description, or every test built on it proves nothing.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FakeGitHub } from './fake-github.js'
import { issueComment, type StoredComment } from './fake-objects.js'
import { ALICE, BOT_TOKEN, client, startFake } from './helpers.js'
import { OpenApiValidator } from './openapi.js'

let fake: FakeGitHub

beforeEach(async () => {
  fake = await startFake()
})

afterEach(async () => {
  await fake.close()
})

async function get(path: string, token = BOT_TOKEN): Promise<Response> {
  return fetch(`${fake.url}${path}`, { headers: { authorization: `token ${token}` } })
}

describe('the fake GitHub', () => {
  it('pages comments 30 at a time by default, at most 100, with Link headers to the next and last page', async () => {
    for (let i = 0; i < 45; i++) fake.addComment(7, ALICE, `c${i}`)
    const first = await get('/repos/octo/demo/issues/7/comments')
    expect(((await first.json()) as unknown[]).length).toBe(30)
    const link = first.headers.get('link') ?? ''
    expect(link).toContain('page=2>; rel="next"')
    expect(link).toContain('page=2>; rel="last"')
    const second = await get('/repos/octo/demo/issues/7/comments?page=2')
    expect(((await second.json()) as unknown[]).length).toBe(15)
    expect(second.headers.get('link')).toMatch(/rel="prev".*rel="first"/)
    const all = await get('/repos/octo/demo/issues/7/comments?per_page=250')
    expect(((await all.json()) as unknown[]).length).toBe(45)
    expect(all.headers.get('link')).toBeNull()

    const paged = await client(fake).paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: 'octo',
      repo: 'demo',
      issue_number: 7,
      per_page: 20
    })
    expect(paged.map((c) => c.body)).toEqual(Array.from({ length: 45 }, (_, i) => `c${i}`))
    expect(fake.violations).toEqual([])
  })

  it('refuses, and reports, a query parameter GitHub does not know', async () => {
    const res = await get('/repos/octo/demo/issues/7/comments?perpage=100')
    expect(res.status).toBe(422)
    expect(fake.violations).toEqual(['issues/list-comments: unknown query parameter perpage'])
  })

  it('refuses a parameter of the wrong type and a body that misses a required field', async () => {
    await get('/repos/octo/demo/issues/seven/comments')
    await fetch(`${fake.url}/repos/octo/demo/issues/7/comments`, {
      method: 'POST',
      headers: { authorization: `token ${BOT_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'hi' })
    })
    expect(fake.violations).toEqual([
      'issues/list-comments: path parameter issue_number="seven" does not match its schema',
      "issues/create-comment: request body must have required property 'body'"
    ])
    expect(fake.comments(7)).toEqual([])
  })

  it('reports an endpoint that GitHub does not have', async () => {
    const res = await get('/repos/octo/demo/issues/7/coments')
    expect(res.status).toBe(404)
    expect(fake.violations).toEqual(['GET /repos/octo/demo/issues/7/coments: GitHub has no such operation'])
  })

  it('answers 401 to an unknown token', async () => {
    const res = await get('/repos/octo/demo/issues/7/comments', 'ghs_unknown')
    expect(res.status).toBe(401)
    expect(fake.violations).toEqual([])
  })
})

describe('the OpenAPI validator', () => {
  const validator = new OpenApiValidator()
  const op = validator.match('GET', '/repos/octo/demo/issues/7/comments')
  const stored: StoredComment = { id: 1, issueNumber: 7, body: 'x', author: ALICE, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }

  it('accepts a comment as the fake builds it', () => {
    expect(op?.operationId).toBe('issues/list-comments')
    if (op === undefined) return
    expect(validator.checkResponse(op, 200, {}, [issueComment('octo/demo', stored)])).toEqual([])
  })

  it('catches an answer that drifted from GitHub: a missing field, a wrong type, an undeclared status', () => {
    if (op === undefined) throw new Error('no operation')
    const { user: _user, ...noUser } = issueComment('octo/demo', stored)
    expect(validator.checkResponse(op, 200, {}, [noUser])).toEqual(["200 body/0 must have required property 'user'"])
    expect(validator.checkResponse(op, 200, {}, [{ ...issueComment('octo/demo', stored), id: '1' }])).toEqual(['200 body/0/id must be integer'])
    expect(validator.checkResponse(op, 418, {}, undefined)).toEqual(['issues/list-comments does not declare status 418'])
  })

  it('is built from the current @octokit/openapi (the extracted fixture is up to date)', () => {
    const script = join(import.meta.dirname, '..', '..', 'scripts', 'extract-openapi.mjs')
    const out = execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8' })
    expect(out).toMatch(/matches @octokit\/openapi \d+\.\d+\.\d+/)
  })
})
