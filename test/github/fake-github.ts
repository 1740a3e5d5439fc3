// A local HTTP server that behaves like the GitHub REST API for every call src/github/ makes. Each request is
// checked against GitHub's OpenAPI description (see openapi.ts) before it is served, and each answer after it
// is built, so the fake cannot accept what GitHub would refuse nor answer what GitHub could not. Problems are
// collected in `violations`: a test asserts it is empty.
//
// It also records every request, and can be told to fail the way GitHub fails: a fork's read-only token, a
// 502, a secondary or a primary rate limit.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Actor, RepoRef, StoredArtifact, StoredComment, StoredPull, StoredRun } from './fake-objects.js'
import { handleOperation, type Answer } from './fake-routes.js'
import { OpenApiValidator, type MatchedOperation } from './openapi.js'

export type { Actor, RepoRef, StoredArtifact, StoredComment, StoredPull, StoredRun } from './fake-objects.js'

export interface TokenInfo {
  actor: Actor
  /** An installation token (GITHUB_TOKEN, a GitHub App's): GET /user answers 403 for it, as on GitHub. */
  installation: boolean
  /** Whether it may write (false: a fork pull request's read-only GITHUB_TOKEN). */
  write: boolean
}

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  operationId: string | undefined
  status: number
  token: string | undefined
  body: unknown
  /** Date.now() when the request was answered. */
  at: number
}

export type Fault =
  /** With `afterApplying`, the request takes effect and only its answer is lost (a write that did happen). */
  | { kind: 'status'; status: 500 | 502 | 503 | 504; afterApplying?: boolean }
  | { kind: 'secondary-rate-limit'; retryAfter: number; status: 403 | 429 }
  | { kind: 'primary-rate-limit'; resetInSeconds: number }

export const GITHUB_ACTIONS_BOT: Actor = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }
const DOCS = 'https://docs.github.com/rest'

/** The state the routes serve and change. */
export interface FakeState {
  repo: RepoRef
  comments: StoredComment[]
  pulls: StoredPull[]
  runs: StoredRun[]
  artifacts: StoredArtifact[]
  /** GitHub does not link a fork's commit to its pull request in GET .../commits/{sha}/pulls in some cases. */
  unlinkForkCommits: boolean
  nextId: () => number
  now: () => string
}

interface Hold {
  count: number
  waiting: (() => void)[]
}

export class FakeGitHub {
  readonly violations: string[] = []
  readonly requests: RecordedRequest[] = []
  readonly state: FakeState
  private readonly validator = new OpenApiValidator()
  private readonly tokens = new Map<string, TokenInfo>()
  private readonly faults = new Map<string, Fault[]>()
  private readonly holds = new Map<string, Hold>()
  private server: Server | undefined
  private baseUrl = ''
  private remaining = 5000

  constructor(repo: RepoRef) {
    let id = 1000
    let clock = Date.parse('2026-01-15T10:00:00Z')
    this.state = {
      repo,
      comments: [],
      pulls: [],
      runs: [],
      artifacts: [],
      unlinkForkCommits: false,
      nextId: () => ++id,
      now: () => new Date((clock += 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z')
    }
  }

  static async start(repo: RepoRef = { id: 42, owner: { login: 'octo', id: 9, type: 'Organization' }, name: 'demo' }): Promise<FakeGitHub> {
    const fake = new FakeGitHub(repo)
    await fake.listen()
    return fake
  }

  get url(): string {
    return this.baseUrl
  }

  addToken(token: string, info: TokenInfo): void {
    this.tokens.set(token, info)
  }

  addComment(issueNumber: number, author: Actor, body: string): StoredComment {
    const at = this.state.now()
    const comment = { id: this.state.nextId(), issueNumber, body, author, createdAt: at, updatedAt: at }
    this.state.comments.push(comment)
    return comment
  }

  comments(issueNumber: number): StoredComment[] {
    return this.state.comments.filter((c) => c.issueNumber === issueNumber)
  }

  /** A workflow run of the repository (or, with `headRepo`, of a fork), created after the ones before. */
  addRun(run: Partial<StoredRun> & Pick<StoredRun, 'headSha'>): StoredRun {
    const stored: StoredRun = {
      id: this.state.nextId(),
      runAttempt: 1,
      path: '.github/workflows/gate.yml',
      workflowId: 77,
      headBranch: 'main',
      event: 'push',
      status: 'completed',
      conclusion: 'success',
      headRepo: this.state.repo,
      createdAt: this.state.now(),
      ...run
    }
    this.state.runs.push(stored)
    return stored
  }

  addPull(pull: Partial<StoredPull> & Pick<StoredPull, 'number' | 'headSha'>): StoredPull {
    const stored: StoredPull = {
      state: 'open',
      title: `pull request ${pull.number}`,
      author: this.state.repo.owner,
      headRef: `feature-${pull.number}`,
      headRepo: this.state.repo,
      baseRef: 'main',
      baseSha: '0'.repeat(40),
      files: [],
      ...pull
    }
    this.state.pulls.push(stored)
    return stored
  }

  addArtifact(runId: number, name: string, zip: Buffer, expired = false): StoredArtifact {
    const stored: StoredArtifact = { id: this.state.nextId(), name, runId, expired, zip, createdAt: this.state.now() }
    this.state.artifacts.push(stored)
    return stored
  }

  /** The next `times` requests to the operation get `fault` instead of their answer. */
  inject(operationId: string, fault: Fault, times = 1): void {
    const queue = this.faults.get(operationId) ?? []
    for (let i = 0; i < times; i++) queue.push(fault)
    this.faults.set(operationId, queue)
  }

  /** Holds the first `count` requests to the operation until all of them have arrived: forces a race. */
  hold(operationId: string, count: number): void {
    this.holds.set(operationId, { count, waiting: [] })
  }

  /** Requests that change something (POST, PATCH, PUT, DELETE), in order. */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD')
  }

  async close(): Promise<void> {
    for (const hold of this.holds.values()) hold.waiting.splice(0).forEach((release) => release())
    await new Promise<void>((resolve, reject) => {
      if (this.server === undefined) resolve()
      else this.server.close((err) => (err ? reject(err) : resolve()))
    })
  }

  private async listen(): Promise<void> {
    this.server = createServer((req, res) => {
      this.serve(req, res).catch((err: unknown) => {
        this.violations.push(`fake server error: ${err instanceof Error ? err.stack ?? err.message : String(err)}`)
        if (!res.headersSent) res.writeHead(500).end()
      })
    })
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    const { port } = this.server.address() as AddressInfo
    this.baseUrl = `http://127.0.0.1:${port}`
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl)
    const method = req.method ?? 'GET'
    const raw = await readBody(req)
    // Signed download URLs (blob storage on GitHub) are not API endpoints: no token, no OpenAPI operation.
    const blob = /^\/_blob\/artifacts\/(\d+)\.zip$/.exec(url.pathname)
    if (blob !== null && method === 'GET') {
      const a = this.state.artifacts.find((x) => x.id === Number(blob[1]))
      this.record(method, url, undefined, a ? 200 : 404, undefined, undefined)
      if (a === undefined) res.writeHead(404).end()
      else res.writeHead(200, { 'content-type': 'application/zip', 'content-length': a.zip.length }).end(a.zip)
      return
    }

    const token = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1]
    let body: unknown
    try {
      body = raw.length === 0 ? undefined : (JSON.parse(raw.toString('utf8')) as unknown)
    } catch {
      this.violations.push(`${method} ${url.pathname}: the body is not JSON`)
      return this.send(res, method, url, undefined, token, body, error(400, 'Problems parsing JSON'))
    }
    const op = this.validator.match(method, url.pathname)
    if (op === undefined) {
      this.violations.push(`${method} ${url.pathname}: GitHub has no such operation`)
      return this.send(res, method, url, undefined, token, body, error(404, 'Not Found'))
    }
    const problems = this.validator.checkRequest(op, url.searchParams, body)
    if (problems.length > 0) {
      this.violations.push(...problems.map((p) => `${op.operationId}: ${p}`))
      // The request is already reported; GitHub's answer to it (422) need not be one the operation declares.
      return this.send(res, method, url, op, token, body, error(422, `Invalid request: ${problems.join('; ')}`), false)
    }
    await this.waitForHold(op.operationId)

    const answer = this.answer(op, url, token, body)
    this.send(res, method, url, op, token, body, answer)
  }

  private answer(op: MatchedOperation, url: URL, token: string | undefined, body: unknown): Answer {
    const info = token === undefined ? undefined : this.tokens.get(token)
    if (info === undefined) return error(401, 'Bad credentials')
    if (op.method !== 'GET' && !info.write) {
      // A read-only GITHUB_TOKEN (a fork's pull request) writing: GitHub names the permission it would need.
      return {
        ...error(403, 'Resource not accessible by integration'),
        headers: { 'x-accepted-github-permissions': 'issues=write; pull_requests=write' }
      }
    }
    const fault = this.faults.get(op.operationId)?.shift()
    if (fault?.kind === 'status' && fault.afterApplying === true) handleOperation(this.state, op, url, info, body, this.baseUrl)
    if (fault !== undefined) return faultAnswer(fault)
    return handleOperation(this.state, op, url, info, body, this.baseUrl)
  }

  private send(
    res: ServerResponse,
    method: string,
    url: URL,
    op: MatchedOperation | undefined,
    token: string | undefined,
    requestBody: unknown,
    answer: Answer,
    checkAnswer = true
  ): void {
    this.remaining = Math.max(0, this.remaining - 1)
    const headers: Record<string, string> = {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(this.remaining),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-used': String(5000 - this.remaining),
      'x-ratelimit-resource': 'core',
      'x-github-api-version-selected': '2022-11-28',
      ...answer.headers
    }
    if (op !== undefined && checkAnswer) {
      const problems = this.validator.checkResponse(op, answer.status, headers, answer.body)
      this.violations.push(...problems.map((p) => `${op.operationId} (fake's answer): ${p}`))
    }
    this.record(method, url, op, answer.status, token, requestBody)
    if (answer.body === undefined) {
      res.writeHead(answer.status, headers).end()
      return
    }
    const text = JSON.stringify(answer.body)
    res.writeHead(answer.status, { ...headers, 'content-type': 'application/json; charset=utf-8' }).end(text)
  }

  private record(method: string, url: URL, op: MatchedOperation | undefined, status: number, token: string | undefined, body: unknown): void {
    this.requests.push({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      operationId: op?.operationId,
      status,
      token,
      body,
      at: Date.now()
    })
  }

  private async waitForHold(operationId: string): Promise<void> {
    const hold = this.holds.get(operationId)
    if (hold === undefined) return
    if (hold.waiting.length + 1 >= hold.count) {
      this.holds.delete(operationId)
      hold.waiting.forEach((release) => release())
      return
    }
    await new Promise<void>((resolve) => hold.waiting.push(resolve))
  }
}

export function error(status: number, message: string): Answer {
  return { status, body: { message, documentation_url: DOCS, status: String(status) } }
}

function faultAnswer(fault: Fault): Answer {
  switch (fault.kind) {
    case 'status':
      return error(fault.status, fault.status === 502 ? 'Server Error' : 'Service Unavailable')
    case 'secondary-rate-limit':
      return {
        ...error(fault.status, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'),
        headers: { 'retry-after': String(fault.retryAfter) }
      }
    case 'primary-rate-limit':
      return {
        ...error(403, 'API rate limit exceeded for installation ID 1.'),
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + fault.resetInSeconds)
        }
      }
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
