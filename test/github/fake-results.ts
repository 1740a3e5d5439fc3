// A small fake of the Actions results service that @actions/artifact 6 uploads to: its Twirp calls
// (CreateArtifact, FinalizeArtifact) and the blob storage it writes the zip to (Azure block blob: PUT
// ?comp=block, then PUT ?comp=blocklist). A finalized artifact joins the fake GitHub's state, so the REST
// calls of a later job (the stored baseline, the fork-safe poster, the aggregate job) list and download it.
//
// The real client reads ACTIONS_RUNTIME_TOKEN (a JWT whose `scp` claim names the run's backend ids) and
// ACTIONS_RESULTS_URL; `env(runId)` gives both, with the run id of the fake run encoded in the backend id.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FakeGitHub } from './fake-github.js'

export interface TwirpCall {
  method: string
  body: Record<string, unknown>
}

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/'

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url')
}

export class FakeResults {
  readonly calls: TwirpCall[] = []
  readonly violations: string[] = []
  private readonly blocks = new Map<string, Map<string, Buffer>>()
  private readonly blobs = new Map<string, Buffer>()
  private readonly pending = new Map<string, { runId: number; name: string; blob: string }>()
  private server: Server | undefined
  private baseUrl = ''

  private constructor(private readonly github: FakeGitHub) {}

  static async start(github: FakeGitHub): Promise<FakeResults> {
    const f = new FakeResults(github)
    f.server = createServer((req, res) => {
      f.serve(req)
        .then((a) => res.writeHead(a.status, a.headers).end(a.body))
        .catch((err: unknown) => {
          f.violations.push(`fake results error: ${err instanceof Error ? err.message : String(err)}`)
          res.writeHead(500).end()
        })
    })
    await new Promise<void>((resolve) => f.server?.listen(0, '127.0.0.1', resolve))
    f.baseUrl = `http://127.0.0.1:${(f.server.address() as AddressInfo).port}`
    return f
  }

  /** What a JavaScript action gets from the runner, for uploads into the fake run `runId`. */
  env(runId: number, job = 'job-1'): Record<string, string> {
    const claims = { scp: `Actions.GenericRead:x Actions.Results:run-${runId}:${job}`, exp: Math.floor(Date.now() / 1000) + 3600 }
    const jwt = `${b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}.sig`
    return { ACTIONS_RUNTIME_TOKEN: jwt, ACTIONS_RESULTS_URL: `${this.baseUrl}/`, GITHUB_SERVER_URL: 'https://github.com' }
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => (this.server === undefined ? resolve() : this.server.close((e) => (e ? reject(e) : resolve()))))
  }

  private async serve(req: IncomingMessage): Promise<{ status: number; headers: Record<string, string>; body?: string }> {
    const url = new URL(req.url ?? '/', this.baseUrl)
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const raw = Buffer.concat(chunks)
    if (url.pathname.startsWith(SERVICE) && req.method === 'POST') return this.twirp(url.pathname.slice(SERVICE.length), raw, req)
    if (url.pathname.startsWith('/devstoreaccount1/') && req.method === 'PUT') return this.blob(url, raw)
    this.violations.push(`${req.method} ${url.pathname}: not a call of the results service`)
    return { status: 404, headers: {} }
  }

  private twirp(method: string, raw: Buffer, req: IncomingMessage): { status: number; headers: Record<string, string>; body: string } {
    const json = (status: number, body: unknown) => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    if (!/^Bearer .+/.test(req.headers.authorization ?? '')) this.violations.push(`${method}: no bearer token`)
    const body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>
    this.calls.push({ method, body })
    const runId = Number(/^run-(\d+)$/.exec(String(body.workflow_run_backend_id))?.[1])
    const name = String(body.name)
    const key = `${runId}/${name}`
    if (method === 'CreateArtifact') {
      if (!Number.isSafeInteger(runId)) return json(400, { code: 'invalid_argument', msg: 'bad backend id' })
      // Names are unique per run attempt's jobs: a second upload of one name in a run is refused.
      if (this.pending.has(key) || this.github.state.artifacts.some((a) => a.runId === runId && a.name === name)) {
        return json(409, { code: 'already_exists', msg: 'an artifact with this name already exists on the workflow run' })
      }
      const blob = `devstoreaccount1/actions-results/${runId}/${encodeURIComponent(name)}.zip`
      this.pending.set(key, { runId, name, blob })
      if (body.version !== 7) this.violations.push(`CreateArtifact: version ${String(body.version)}, expected 7`)
      return json(200, { ok: true, signed_upload_url: `${this.baseUrl}/${blob}?sv=2024-01-01&sig=fake` })
    }
    if (method === 'FinalizeArtifact') {
      const p = this.pending.get(key)
      const zip = p === undefined ? undefined : this.blobs.get(p.blob)
      if (p === undefined || zip === undefined) return json(404, { code: 'not_found', msg: 'no upload to finalize' })
      this.pending.delete(key)
      if (String(body.size) !== String(zip.length)) this.violations.push(`FinalizeArtifact: size ${String(body.size)}, uploaded ${zip.length}`)
      const stored = this.github.addArtifact(p.runId, p.name, zip)
      return json(200, { ok: true, artifact_id: String(stored.id) })
    }
    return json(404, { code: 'bad_route', msg: `no method ${method}` })
  }

  private blob(url: URL, raw: Buffer): { status: number; headers: Record<string, string> } {
    const path = url.pathname.slice(1)
    const headers = { etag: '"0x1"', 'last-modified': new Date().toUTCString(), 'x-ms-request-id': '1', 'x-ms-version': '2024-01-01' }
    const comp = url.searchParams.get('comp')
    if (comp === 'block') {
      const id = url.searchParams.get('blockid') ?? ''
      const blocks = this.blocks.get(path) ?? new Map<string, Buffer>()
      blocks.set(id, raw)
      this.blocks.set(path, blocks)
      return { status: 201, headers }
    }
    if (comp === 'blocklist') {
      const ids = [...raw.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((m) => m[1])
      const blocks = this.blocks.get(path) ?? new Map<string, Buffer>()
      this.blobs.set(path, Buffer.concat(ids.map((id) => blocks.get(id) ?? Buffer.alloc(0))))
      return { status: 201, headers }
    }
    // A single-shot upload (small blobs).
    this.blobs.set(path, raw)
    return { status: 201, headers }
  }
}
