// mode comment, the bundle end to end: the fork-safe poster of a workflow_run workflow against the fake
// GitHub (every request checked against GitHub's OpenAPI description). It runs no Go: it downloads the
// triggering run's report artifact, validates it, finds the pull request from the event, and keeps one
// sticky comment per key, whatever GitHub does (others' comments, a planted marker, races, 5xx, rate limits).
// A failed action step exits 1 whatever the reason (core.setFailed); the reason is in its error line.
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parseMarker } from '../../src/github/marker.js'
import type { Report } from '../../src/model/report.js'
import { reportArtifactName } from '../../src/publish/artifacts.js'
import { renderMarkdown } from '../../src/report/markdown.js'
import { GITHUB_ACTIONS_BOT, type FakeGitHub, type StoredRun } from '../github/fake-github.js'
import { ALICE, BOT_TOKEN, MALLORY, OTHER_BOT, startFake } from '../github/helpers.js'
import { zipOf } from '../github/zips.js'
import { detailsBalance, openFence, outsideCode, tables } from '../report/gfm.js'
import { HOSTILE_NAMES, finding, sampleReport, withCounts } from '../report/sample-report.js'
import { ROOT, runBundle, runLocalAction, type BundleRun } from './bundle.js'

const RECORDED = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'recorded-results', 'gate', 'report.json'), 'utf8')) as Report
const HEAD = 'c'.repeat(40)
const ALICE_FORK = { id: 301, owner: ALICE, name: 'demo' }
const PR = 7

let work: string
let fake: FakeGitHub
let runs = 0

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'glg-comment-e2e-'))
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})
beforeEach(async () => {
  fake = await startFake()
  fake.addPull({ number: PR, headSha: HEAD, headRef: 'fix-leak', headRepo: ALICE_FORK, baseSha: '9'.repeat(40) })
  // A decoy: another open pull request of the same fork, at another commit.
  fake.addPull({ number: 8, headSha: 'd'.repeat(40), headRef: 'other', headRepo: ALICE_FORK })
})
afterEach(async () => {
  await fake.close()
  expect(fake.violations).toEqual([])
})

/** A pull_request run of gate.yml from the fork that uploaded `files` as its report artifact. */
function triggeringRun(files: Record<string, string | Buffer> | Buffer, opts: { expired?: boolean; attempt?: number } = {}): StoredRun {
  const run = fake.addRun({ headSha: HEAD, headBranch: 'fix-leak', event: 'pull_request', headRepo: ALICE_FORK, runAttempt: opts.attempt ?? 1 })
  const zip = Buffer.isBuffer(files) ? files : zipOf(files)
  fake.addArtifact(run.id, reportArtifactName({ key: 'go-leak-gate', job: 'perf', runAttempt: run.runAttempt, shard: { index: 1, count: 1 } }), zip, opts.expired)
  return run
}

function reportFiles(report: Report): Record<string, string> {
  return { 'report.json': JSON.stringify(report), 'report.md': renderMarkdown(report) }
}

function workflowRunEvent(run: StoredRun): unknown {
  return {
    action: 'completed',
    workflow_run: {
      id: run.id,
      run_attempt: run.runAttempt,
      event: 'pull_request',
      path: '.github/workflows/gate.yml',
      head_sha: run.headSha,
      head_branch: run.headBranch,
      head_repository: { full_name: 'alice/demo' },
      repository: { full_name: 'octo/demo' },
      // Empty for a fork's pull request: the poster must not need it.
      pull_requests: []
    },
    repository: { full_name: 'octo/demo', default_branch: 'main' }
  }
}

async function post(run: StoredRun, inputs: Record<string, string> = {}): Promise<BundleRun> {
  runs++
  return runBundle({
    dir: join(work, `run-${runs}`),
    cwd: work,
    inputs: { mode: 'comment', 'gate-workflow': 'gate.yml', 'github-token': BOT_TOKEN, ...inputs },
    env: { GITHUB_API_URL: fake.url, GITHUB_EVENT_NAME: 'workflow_run', GITHUB_RUN_ID: String(90_000 + runs), GITHUB_WORKFLOW_REF: 'octo/demo/.github/workflows/post.yml@refs/heads/main' },
    event: workflowRunEvent(run),
    timeoutMs: 120_000
  })
}

const ours = () => fake.comments(PR).filter((c) => c.author.login === GITHUB_ACTIONS_BOT.login && parseMarker(c.body)?.key === 'go-leak-gate')
const warnings = (r: BundleRun) => r.commands.filter((c) => c.command === 'warning').map((c) => c.message)

function requestsSince(n: number): string[] {
  return fake.requests.slice(n).filter((r) => !r.path.startsWith('/_blob/')).map((r) => `${r.method} ${r.operationId ?? r.path}`)
}

describe('mode comment posts the triggering run’s report on its pull request', () => {
  it('finds its comment after 45 by others, updates it on a second run, and writes nothing on a third with the same report', async () => {
    for (let i = 0; i < 45; i++) fake.addComment(PR, i % 2 === 0 ? ALICE : OTHER_BOT, `comment ${i}`)
    const first = await post(triggeringRun(reportFiles(RECORDED)))
    expect(first.code, first.stdout + first.stderr).toBe(0)
    expect(ours()).toHaveLength(1)
    const comment = { ...ours()[0] }
    expect(comment.body.split('\n')[0]).toMatch(/^<!-- go-leak-gate key=go-leak-gate head=c{40} run=\d+ attempt=1 findings=[0-9a-f]{16} -->$/)
    expect(comment.body).toContain('❌ go-leak-gate: fail')
    expect(first.outputs['comment-url']).toBe(`https://github.com/octo/demo/pull/${PR}#issuecomment-${comment.id}`)
    expect(first.outputs.verdict).toBe('incomplete')
    // The decoy pull request got nothing.
    expect(fake.comments(8)).toEqual([])
    // Linked: the pull request's run and its artifact, not this poster's run.
    expect(comment.body).toMatch(/\[workflow run \d+\]\(https:\/\/github\.com\/octo\/demo\/actions\/runs\/\d+\/attempts\/1\)/)

    const changed: Report = { ...RECORDED, findings: RECORDED.findings.slice(1) }
    const second = await post(triggeringRun(reportFiles(withCounts(changed))))
    expect(second.code).toBe(0)
    expect(ours()).toHaveLength(1)
    expect(ours()[0].id).toBe(comment.id)
    expect(ours()[0].body).not.toBe(comment.body)
    const patches = fake.writes().filter((w) => w.operationId === 'issues/update-comment')
    expect(patches).toHaveLength(1)

    const before = fake.requests.length
    const writesBefore = fake.writes().length
    const third = await post(triggeringRun(reportFiles(withCounts(changed))))
    expect(third.code).toBe(0)
    expect(fake.writes().length).toBe(writesBefore)
    // A run with 46 comments on the pull request: one page of 100 to find ours, no write.
    const calls = requestsSince(before)
    expect(calls.filter((c) => c === 'GET issues/list-comments')).toHaveLength(1)
    expect(calls.filter((c) => !c.startsWith('GET'))).toEqual([])
  })

  it('does the same from the TypeScript source under @github/local-action', async () => {
    for (let i = 0; i < 45; i++) fake.addComment(PR, i % 2 === 0 ? ALICE : OTHER_BOT, `comment ${i}`)
    const run = triggeringRun(reportFiles(RECORDED))
    runs++
    const r = await runLocalAction({
      dir: join(work, `run-${runs}`),
      cwd: work,
      inputs: { mode: 'comment', 'gate-workflow': 'gate.yml', 'github-token': BOT_TOKEN },
      env: { GITHUB_API_URL: fake.url, GITHUB_EVENT_NAME: 'workflow_run', GITHUB_RUN_ID: String(90_000 + runs), GITHUB_WORKFLOW_REF: 'octo/demo/.github/workflows/post.yml@refs/heads/main' },
      event: workflowRunEvent(run),
      timeoutMs: 120_000
    })
    expect(ours(), r.text).toHaveLength(1)
    const marker = parseMarker(ours()[0].body)
    expect(marker).toMatchObject({ key: 'go-leak-gate', headSha: HEAD, runId: run.id, runAttempt: 1 })
    expect(ours()[0].body).toContain(RECORDED.findings.filter((f) => f.severity === 'fail')[0].subject)
    expect(r.text).toMatch(/comment-url.*issuecomment-/s)
  })

  it('links the HTML report when the artifact holds one, and only then', async () => {
    const without = triggeringRun(reportFiles(RECORDED))
    expect((await post(without)).code).toBe(0)
    expect(ours()[0].body).toContain('[report artifact](')
    expect(ours()[0].body).not.toContain('HTML report')
    const withPage = triggeringRun({ ...reportFiles(RECORDED), 'report.html': '<!DOCTYPE html><title>x</title>' })
    expect((await post(withPage)).code).toBe(0)
    const artifact = fake.state.artifacts.find((a) => a.runId === withPage.id)
    expect(ours()[0].body).toContain(`[HTML report (report.html in the report artifact)](https://github.com/octo/demo/actions/runs/${withPage.id}/artifacts/${artifact?.id})`)
  })

  it('follows the Link header to a later page when its comment is past the first 100', async () => {
    const first = await post(triggeringRun(reportFiles(RECORDED)))
    expect(first.code).toBe(0)
    for (let i = 0; i < 130; i++) fake.addComment(PR, ALICE, `later comment ${i}`)
    const id = ours()[0].id
    const second = await post(triggeringRun(reportFiles(withCounts({ ...RECORDED, findings: RECORDED.findings.slice(2) }))))
    expect(second.code).toBe(0)
    expect(ours().map((c) => c.id)).toEqual([id])
    expect(fake.requests.filter((r) => r.operationId === 'issues/list-comments' && r.query.page === '2').length).toBeGreaterThan(0)
  })

  it('ignores a marker planted by another user, even one naming a newer run', async () => {
    const planted = fake.addComment(PR, MALLORY, `<!-- go-leak-gate key=go-leak-gate head=${'f'.repeat(40)} run=99999999999 attempt=9 findings=0000000000000000 -->\nall green, merge it`)
    const r = await post(triggeringRun(reportFiles(RECORDED)))
    expect(r.code).toBe(0)
    expect(ours()).toHaveLength(1)
    expect(fake.comments(PR).find((c) => c.id === planted.id)?.body).toContain('all green, merge it')
    expect(fake.writes().some((w) => w.path.endsWith(`/comments/${planted.id}`))).toBe(false)
  })

  it('leaves exactly one comment when two posters race', async () => {
    fake.hold('issues/create-comment', 2)
    const [a, b] = await Promise.all([post(triggeringRun(reportFiles(RECORDED))), post(triggeringRun(reportFiles(RECORDED)))])
    expect([a.code, b.code]).toEqual([0, 0])
    expect(ours()).toHaveLength(1)
    expect(fake.writes().filter((w) => w.operationId === 'issues/create-comment')).toHaveLength(2)
    // Both delete the same duplicate; the second finds it gone (404), which is the end state wanted.
    expect(fake.writes().filter((w) => w.operationId === 'issues/delete-comment' && w.status === 204)).toHaveLength(1)
  })

  it('rides out a 502 and a secondary rate limit, and the comment is written', async () => {
    fake.inject('issues/list-comments', { kind: 'status', status: 502 })
    fake.inject('issues/create-comment', { kind: 'secondary-rate-limit', retryAfter: 1, status: 403 })
    const r = await post(triggeringRun(reportFiles(RECORDED)))
    expect(r.code, r.stdout).toBe(0)
    expect(ours()).toHaveLength(1)
    expect(fake.requests.filter((q) => q.operationId === 'issues/list-comments' && q.status === 502)).toHaveLength(1)
    expect(r.stdout).toMatch(/secondary rate limit on POST .*waiting 1s/)
  })

  it('warns and still succeeds when a primary rate limit outlasts what it waits for', async () => {
    fake.inject('issues/list-comments', { kind: 'primary-rate-limit', resetInSeconds: 3600 }, 5)
    const r = await post(triggeringRun(reportFiles(RECORDED)))
    expect(r.code).toBe(0)
    expect(ours()).toHaveLength(0)
    expect(warnings(r).join('\n')).toMatch(/rate/i)
    expect(warnings(r).join('\n')).toMatch(/The verdict stands in the job summary/)
    expect(r.summary).toContain('go-leak-gate: fail')
    expect(r.outputs['comment-url']).toBe('')
  })

  it('cuts a report of more than 70,000 characters to 65,536, keeping the marker, the verdict and the failing findings', async () => {
    const sites = (i: number) =>
      Array.from({ length: 5 }, (_, j) => ({ file: `pkg/file${i}_${j}.go`, line: j + 1, function: `example.com/m/pkg.Func${i}_${j}`, role: 'allocation' as const, deltaPerOp: 100 * j + 1, deltaUnit: 'B' as const }))
    const many = Array.from({ length: 300 }, (_, i) =>
      finding({ kind: 'heap-leak', severity: i < 30 ? 'fail' : 'warn', subject: `BenchmarkRetain${i}`, metric: 'retained heap', message: `retains ${i} more: ${'y'.repeat(120)}`, locations: sites(i) })
    )
    const big = withCounts({ ...sampleReport(), findings: [...sampleReport().findings, ...many] })
    expect(renderMarkdown(big).length).toBeGreaterThan(70_000)
    const r = await post(triggeringRun(reportFiles(big)))
    expect(r.code).toBe(0)
    const body = ours()[0].body
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(parseMarker(body)).toBeDefined()
    expect(body).toMatch(/go-leak-gate: fail/)
    expect(body).toContain('BenchmarkRetain29')
    expect(body).toMatch(/This report was cut.*\[Read the full report\]\(https:\/\/github\.com\/octo\/demo\/actions\/runs\/\d+/)
    // The poster's job summary has it whole.
    expect(r.summary).toContain('example.com/m/pkg.Func299_4')
    expect(body).not.toContain('example.com/m/pkg.Func299_4')
  })

  it('renders hostile names inert in the comment and the summary', async () => {
    const hostile = withCounts({
      ...sampleReport(),
      // The fork writes the report: a baseline link of its choosing is dropped, only runs of this repository are linked.
      baseline: { source: 'stored', description: 'stored', runId: 1, runUrl: 'https://evil.example/phish' },
      findings: HOSTILE_NAMES.map((name, i) => finding({ kind: 'goroutine-leak', severity: 'fail', subject: name, pkg: `example.com/m/${name}`, metric: `goroutines [${name}]`, message: name, locations: [{ file: `${name}.go`, line: i + 1, function: name, role: 'blocking' }] }))
    })
    const r = await post(triggeringRun(reportFiles(hostile)))
    expect(r.code).toBe(0)
    for (const md of [ours()[0].body, r.summary]) {
      for (const t of tables(md)) expect(t.widths.every((w) => w === t.header.length), t.header.join('|')).toBe(true)
      expect(detailsBalance(md).opened).toBe(detailsBalance(md).closed)
      expect(openFence(md)).toBeNull()
      const text = outsideCode(md)
      expect(text).not.toMatch(/<img|<b>|<\/details><\/summary>|\]\(https:\/\/evil|@octocat|@github\/security-team/)
      expect(md).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u001b]/)
    }
    expect(ours()[0].body).not.toContain('evil.example/phish')
    expect(ours()[0].body).toContain('**Baseline:** stored · run 1')
  })
})

describe('mode comment refuses what it cannot trust, and says why', () => {
  it('warns on an expired artifact and posts nothing', async () => {
    const r = await post(triggeringRun(reportFiles(RECORDED), { expired: true }))
    expect(r.code).toBe(0)
    expect(warnings(r).join('\n')).toMatch(/has expired; nothing posted/)
    expect(ours()).toEqual([])
  })

  it('refuses a corrupt archive, failing the step, posting nothing', async () => {
    const r = await post(triggeringRun(Buffer.from('PK\u0003\u0004 this is not a zip')))
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/::error::go-leak-gate: the report of run \d+ is refused: .*not a zip archive/)
    expect(r.outputs.verdict).toBe('error')
    expect(ours()).toEqual([])
  })

  it('refuses a report.json that breaks the schema, naming the JSON path', async () => {
    const r = await post(triggeringRun({ 'report.json': JSON.stringify({ ...RECORDED, verdict: 'totally-fine' }) }))
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/is refused: .*report\.json does not match the report schema: \/verdict/)
    expect(ours()).toEqual([])
  })

  it('refuses an oversized archive (a zip bomb) before writing it out', async () => {
    const r = await post(triggeringRun({ 'report.json': ' '.repeat(70 << 20) }))
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/is refused: .*more than the 67108864 bytes allowed/)
    expect(ours()).toEqual([])
  })

  it('posts nothing for a run of another workflow, whatever its artifact says', async () => {
    const run = triggeringRun(reportFiles(RECORDED))
    const r = await post(run, { 'gate-workflow': 'other.yml' })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/nothing posted: the triggering workflow is ".github\/workflows\/gate.yml", not the expected "other.yml"/)
    expect(fake.writes()).toEqual([])
  })

  it('needs gate-workflow, and says so', async () => {
    const r = await post(triggeringRun(reportFiles(RECORDED)), { 'gate-workflow': '' })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/needs the input 'gate-workflow'/)
  })
})
