// The bundle end to end in every mode that measures, on the demo fixture repository with the real Go
// toolchain, against the fake GitHub and a fake of the artifact results service (the real @actions/artifact
// client uploads to it, and later jobs download over REST what it stored):
//   record on the base commit -> a fork's pull request gated against that stored baseline (its comment is
//   refused, 403) -> the workflow_run poster posts the fork's uploaded report -> a same-runner gate updates
//   that comment -> two shards and the aggregate job, first with a shard missing, then complete.
// A failed step exits 1 whatever the reason (core.setFailed).
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeFixtureRepo, type FixtureRepo } from '../../src/fixture-repo.js'
import { parseMarker } from '../../src/github/marker.js'
import { runProcess } from '../../src/go/process.js'
import { readZip } from '../../src/github/unzip.js'
import { GITHUB_ACTIONS_BOT, type FakeGitHub, type StoredRun } from '../github/fake-github.js'
import { FakeResults } from '../github/fake-results.js'
import { BOT_TOKEN, FORK_TOKEN, startFake } from '../github/helpers.js'
import { runBundle, runLocalAction, type BundleOptions, type BundleRun } from './bundle.js'

let work: string
let repo: FixtureRepo
let baseTree: string
let fake: FakeGitHub
let results: FakeResults
let n = 0

// The stress stage has its own tests (test/pipeline/stress.test.ts); its minute per side made a measuring
// step take 68 s alone and over the 120 s limit beside the rest of the suite.
const FAST = { count: '6', benchtime: '50ms', timeout: '2m', 'test-timeout': '2m', 'stress-budget': 'off' }

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'glg-modes-e2e-'))
  repo = await makeFixtureRepo(runProcess, 'demo', join(work, 'repo'))
  baseTree = join(work, 'base-tree')
  const added = await runProcess({ argv: ['git', '-C', repo.dir, 'worktree', 'add', '--detach', baseTree, repo.baseSha], cwd: repo.dir })
  expect(added.code, added.stderr).toBe(0)
  fake = await startFake()
  results = await FakeResults.start(fake)
}, 300_000)

afterAll(async () => {
  await results?.close()
  await fake?.close()
  expect(fake.violations).toEqual([])
  expect(results.violations).toEqual([])
  await rm(work, { recursive: true, force: true })
})

function prEvent(): unknown {
  return {
    action: 'synchronize',
    number: 7,
    pull_request: { number: 7, base: { ref: 'main', sha: repo.baseSha, repo: { full_name: 'octo/demo' } }, head: { ref: 'fix', sha: repo.headSha } },
    repository: { full_name: 'octo/demo', default_branch: 'main' }
  }
}

interface Step {
  inputs: Record<string, string>
  event: unknown
  cwd?: string
  eventName?: string
  job?: string
}

function stepOptions(run: StoredRun, o: Step): BundleOptions {
  n++
  return {
    dir: join(work, `step-${n}`),
    cwd: o.cwd ?? repo.dir,
    inputs: { ...FAST, ...o.inputs },
    env: { GITHUB_API_URL: fake.url, GITHUB_EVENT_NAME: o.eventName ?? 'pull_request', GITHUB_RUN_ID: String(run.id), ...results.env(run.id, o.job ?? `job-${n}`) },
    event: o.event
  }
}

const bundle = (run: StoredRun, o: Step): Promise<BundleRun> => runBundle(stepOptions(run, o))

const ours = () => fake.comments(7).filter((c) => c.author.login === GITHUB_ACTIONS_BOT.login && parseMarker(c.body) !== undefined)
const warnings = (r: BundleRun) => r.commands.filter((c) => c.command === 'warning').map((c) => c.message).join('\n')

describe('record, then a fork gated against the stored baseline, then the fork-safe poster', () => {
  let prRun: StoredRun

  it('mode record measures the base commit and uploads it as the stored baseline', async () => {
    const push = fake.addRun({ headSha: repo.baseSha, event: 'push', headBranch: 'main' })
    const r = await bundle(push, { inputs: { mode: 'record', 'retention-days': '30' }, event: { ref: 'refs/heads/main', repository: { default_branch: 'main' } }, cwd: baseTree, eventName: 'push' })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.outputs.verdict).toBe('recorded')
    const [stored] = fake.state.artifacts.filter((a) => a.name === 'go-leak-gate-baseline')
    expect(stored.runId).toBe(push.id)
    const names = readZip(stored.zip, { maxEntries: 5000, maxTotalBytes: 1 << 30 }).map((e) => e.name)
    expect(names).toContain('result.json')
    expect(names.some((x) => x.startsWith('profiles/'))).toBe(true)
    expect(r.summary).toContain('Uploaded as the artifact `go-leak-gate-baseline`, kept 30 days')
  })

  it('a fork’s gate compares with it: deterministic findings fail, timings only warn, and the refused comment is a warning', async () => {
    prRun = fake.addRun({ headSha: repo.headSha, event: 'pull_request', headBranch: 'fix' })
    const r = await bundle(prRun, { inputs: { baseline: 'stored', 'github-token': FORK_TOKEN }, event: prEvent() })
    expect(r.code, r.stdout + r.stderr).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    expect(r.outputs.baseline).toBe('stored')
    expect(r.outputs['comment-url']).toBe('')
    expect(r.outputs['goroutine-leaks']).toBe('1')
    expect(r.outputs['heap-leaks']).toBe('1')
    expect(warnings(r)).toMatch(/Resource not accessible by integration.*`workflow_run` workflow .*mode: comment/s)
    expect(r.summary).toMatch(/\*\*Baseline:\*\* a stored baseline, recorded by a push run; timings only warn, since it ran on another machine · commit [0-9a-f]{12} · \[run \d+\]/)
    expect(r.summary).toContain('only warn here: the baseline was measured on another machine')
    // Only head was measured: no worktree of the base was made.
    expect(r.stdout).not.toMatch(/\[base\]/)
    // Annotations on the repository's files, most important first.
    const errors = r.commands.filter((c) => c.command === 'error' && c.properties.file !== undefined)
    expect(errors.map((e) => e.properties.file)).toEqual(expect.arrayContaining(['cache/cache.go']))
    // The report and the results went up for the poster and for people.
    const uploaded = fake.state.artifacts.filter((a) => a.runId === prRun.id).map((a) => a.name)
    expect(uploaded).toEqual(expect.arrayContaining(['go-leak-gate-report-go-leak-gate--perf-attempt-1', 'go-leak-gate-results-go-leak-gate--perf-attempt-1']))
    // The HTML report, drawn from the downloaded base's profiles and head's, is an output and in the report artifact.
    expect(r.outputs['html-report']).toMatch(/\/report\.html$/)
    const reportZip = fake.state.artifacts.find((a) => a.runId === prRun.id && a.name.startsWith('go-leak-gate-report-'))
    const page = readZip(reportZip?.zip ?? Buffer.alloc(0), { maxEntries: 10, maxTotalBytes: 1 << 28 }).find((e) => e.name === 'report.html')
    expect(page?.data.toString('utf8')).toContain('BenchmarkPut')
    expect(ours()).toEqual([])
  })

  it('mode comment, in the workflow_run workflow, posts that uploaded report on the pull request', async () => {
    fake.addPull({ number: 7, headSha: repo.headSha, headRef: 'fix' })
    const poster = fake.addRun({ headSha: repo.baseSha, event: 'workflow_run', path: '.github/workflows/post.yml' })
    const event = {
      workflow_run: {
        id: prRun.id,
        run_attempt: 1,
        event: 'pull_request',
        path: '.github/workflows/gate.yml',
        head_sha: repo.headSha,
        head_branch: 'fix',
        head_repository: { full_name: 'octo/demo' },
        repository: { full_name: 'octo/demo' },
        pull_requests: []
      }
    }
    const r = await bundle(poster, { inputs: { mode: 'comment', 'gate-workflow': 'gate.yml', 'github-token': BOT_TOKEN }, event, eventName: 'workflow_run', cwd: work })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(ours()).toHaveLength(1)
    const body = ours()[0].body
    expect(parseMarker(body)).toMatchObject({ headSha: repo.headSha, runId: prRun.id })
    expect(body).toContain('❌ go-leak-gate: fail')
    expect(body).toContain('**Baseline:** a stored baseline')
    expect(r.outputs['comment-url']).toContain('#issuecomment-')
  })

  it('a same-runner gate of a later run updates that comment in place', async () => {
    const later = fake.addRun({ headSha: repo.headSha, event: 'pull_request', headBranch: 'fix' })
    const id = ours()[0].id
    const r = await bundle(later, { inputs: { baseline: 'same-runner', tests: 'false', 'github-token': BOT_TOKEN }, event: prEvent() })
    expect(r.code, r.stdout + r.stderr).toBe(1)
    expect(r.outputs.baseline).toBe('same-runner')
    expect(ours().map((c) => c.id)).toEqual([id])
    expect(parseMarker(ours()[0].body)?.runId).toBe(later.id)
    expect(ours()[0].body).toMatch(/\*\*Baseline:\*\* the base [0-9a-f]{12}, measured on this runner beside head/)
    expect(r.outputs['comment-url']).toBe(`https://github.com/octo/demo/pull/7#issuecomment-${id}`)
    // Timings measured side by side may fail.
    expect(ours()[0].body).toMatch(/BenchmarkLookup/)
    // Links under the verdict: the run, the report artifact, and the HTML report inside it.
    const reportArtifact = fake.state.artifacts.find((a) => a.runId === later.id && a.name.startsWith('go-leak-gate-report-'))
    expect(ours()[0].body).toContain(`[HTML report (report.html in the report artifact)](https://github.com/octo/demo/actions/runs/${later.id}/artifacts/${reportArtifact?.id})`)
  })
})

describe('a sharded matrix and its aggregate job', () => {
  let run: StoredRun
  const shardInputs = (i: number) => ({ shard: `${i}/2`, baseline: 'same-runner', tests: 'false', comment: 'never', 'github-token': BOT_TOKEN, 'comment-key': 'sharded' })

  it('says a shard is missing, and leaves the verdict incomplete', async () => {
    run = fake.addRun({ headSha: repo.headSha, event: 'pull_request', headBranch: 'fix' })
    const s1 = await bundle(run, { inputs: shardInputs(1), event: prEvent(), job: 'shard-1' })
    expect(s1.code, s1.stdout + s1.stderr).toBe(0)
    expect(s1.outputs.verdict).toBe('measured')
    expect(fake.state.artifacts.filter((a) => a.runId === run.id).map((a) => a.name)).toEqual(['go-leak-gate-shard-sharded--1-of-2-attempt-1'])
    const agg = await bundle(run, { inputs: { mode: 'aggregate', 'github-token': BOT_TOKEN, 'comment-key': 'sharded' }, event: prEvent(), job: 'aggregate' })
    expect(agg.code, agg.stdout + agg.stderr).toBe(1)
    expect(agg.outputs.verdict).toBe('incomplete')
    expect(agg.summary).toContain('Shards 2 of 2 are missing')
    const comment = fake.comments(7).find((c) => parseMarker(c.body)?.key === 'sharded')
    expect(comment?.body).toMatch(/Incomplete/)
  })

  it('merges both shards into one verdict and one comment once the second is there', async () => {
    const s2 = await bundle(run, { inputs: shardInputs(2), event: prEvent(), job: 'shard-2' })
    expect(s2.code, s2.stdout + s2.stderr).toBe(0)
    const agg = await bundle(run, { inputs: { mode: 'aggregate', 'github-token': BOT_TOKEN, 'comment-key': 'sharded' }, event: prEvent(), job: 'aggregate-2' })
    expect(agg.code, agg.stdout + agg.stderr).toBe(1)
    expect(agg.outputs.verdict).toBe('fail')
    // cache (shard 1) leaks heap, jsonish (shard 2) allocates more: both in the one verdict.
    expect(agg.outputs['heap-leaks']).toBe('1')
    expect(agg.summary).toContain('BenchmarkMarshal')
    expect(agg.summary).toContain('Merged from 2 of 2 shards')
    // One HTML page over both shards, drawn from the profiles they uploaded.
    expect(agg.outputs['html-report']).toMatch(/\/report\.html$/)
    const page = readFileSync(agg.outputs['html-report'], 'utf8')
    expect(page).toContain('BenchmarkPut')
    expect(page).toContain('BenchmarkMarshal')
    const sharded = fake.comments(7).filter((c) => parseMarker(c.body)?.key === 'sharded')
    expect(sharded).toHaveLength(1)
    expect(sharded[0].body).not.toMatch(/Incomplete/)
  })

  it('gives the same verdict from the TypeScript source under @github/local-action, and no second comment', async () => {
    const before = fake.comments(7).filter((c) => parseMarker(c.body)?.key === 'sharded')
    const agg = await runLocalAction(stepOptions(run, { inputs: { mode: 'aggregate', 'github-token': BOT_TOKEN, 'comment-key': 'sharded' }, event: prEvent(), job: 'aggregate-3' }))
    // local-action prints the outputs as a table: │ n │ 'name' │ 'value' │
    expect(agg.text).toMatch(/'verdict'\s*│\s*'fail'/)
    expect(agg.text).toMatch(/'heap-leaks'\s*│\s*'?1'?\s*│/)
    expect(agg.text).toMatch(/Merged from 2 of 2 shards|go-leak-gate: \d+ failing findings/)
    const after = fake.comments(7).filter((c) => parseMarker(c.body)?.key === 'sharded')
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id))
  })
})
