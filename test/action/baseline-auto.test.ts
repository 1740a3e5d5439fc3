// baseline auto, run(io) in process: a push run recorded the base (mode record, its upload zipped into the
// fake GitHub), then a pull request's gate takes the base's test pass from that stored result and measures
// only the base's benchmarks here. The base's test binaries are never built or run.
import { readFile } from 'node:fs/promises'
import { mkdtemp, rm } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { runProcess } from '../../src/go/process.js'
import { run, type ActionIO } from '../../src/main.js'
import type { Report } from '../../src/model/report.js'
import { archivePaths } from '../../src/publish/artifacts.js'
import type { FakeGitHub } from '../github/fake-github.js'
import { BOT_TOKEN, client, startFake } from '../github/helpers.js'
import { zipOf } from '../github/zips.js'
import { makeFixtureRepo, repoRoot, type FixtureRepo } from '../helpers/fixture-repo.js'
import { timeMetricOf } from '../helpers/expectations.js'

const ACTION = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }
const DEFAULTS = Object.fromEntries(Object.entries(ACTION.inputs).map(([name, i]) => [name, i.default ?? '']))

let repo: FixtureRepo
let work: string
let fake: FakeGitHub

beforeAll(async () => {
  repo = await makeFixtureRepo('demo')
  work = await mkdtemp(join(tmpdir(), 'glg-auto-'))
  fake = await startFake()
}, 120_000)

afterAll(async () => {
  await fake?.close()
  expect(fake.violations).toEqual([])
  await repo?.cleanup()
  await rm(work, { recursive: true, force: true })
})

interface Rec {
  code: number
  outputs: Record<string, string | number>
  processes: string[]
  info: string[]
  warnings: string[]
}

async function action(inputs: Record<string, string>, o: { runId: number; event: unknown; eventName: string; cwd: string }): Promise<Rec> {
  const rec: Rec = { code: -1, outputs: {}, processes: [], info: [], warnings: [] }
  const values: Record<string, string> = { ...DEFAULTS, count: '6', benchtime: '50ms', 'github-token': BOT_TOKEN, ...inputs }
  const io: ActionIO = {
    getInput: (name) => values[name] ?? '',
    setOutput: (name, value) => {
      rec.outputs[name] = value
    },
    summary: async () => {},
    setFailed: () => {},
    info: (m) => rec.info.push(m),
    warning: (m) => rec.warnings.push(m),
    annotate: () => {},
    run: (spec) => {
      rec.processes.push(spec.argv.join(' '))
      return runProcess(spec)
    },
    env: {
      GITHUB_REPOSITORY: 'octo/demo',
      GITHUB_RUN_ID: String(o.runId),
      GITHUB_EVENT_NAME: o.eventName,
      GITHUB_API_URL: fake.url,
      GITHUB_WORKFLOW_REF: 'octo/demo/.github/workflows/gate.yml@refs/heads/main',
      GITHUB_JOB: 'perf'
    },
    event: o.event,
    github: () => client(fake),
    // The uploads land in the fake GitHub as the zip the artifact service would serve.
    artifacts: {
      upload: async (name, files, rootDir) => {
        const entries: Record<string, Buffer> = {}
        for (const [i, p] of archivePaths(files, rootDir).entries()) entries[p] = await readFile(files[i])
        return { id: fake.addArtifact(o.runId, name, zipOf(entries)).id }
      }
    },
    now: () => new Date(),
    workspace: o.cwd,
    tempDir: work,
    debug: false
  }
  rec.code = await run(io)
  return rec
}

describe('baseline auto with a stored baseline', () => {
  it('takes the base’s test pass from it and measures only the base’s benchmarks on this runner', async () => {
    const baseTree = join(work, 'base-tree')
    expect((await runProcess({ argv: ['git', '-C', repo.dir, 'worktree', 'add', '--detach', baseTree, repo.baseSha], cwd: repo.dir })).code).toBe(0)
    const push = fake.addRun({ headSha: repo.baseSha, event: 'push', headBranch: 'main' })
    // The stress stage has its own tests; its minute per side is not what this checks.
    const recorded = await action({ mode: 'record', 'out-dir': join(work, 'rec'), 'stress-budget': 'off' }, { runId: push.id, event: {}, eventName: 'push', cwd: baseTree })
    expect(recorded.code).toBe(0)
    expect(fake.state.artifacts.map((a) => a.name)).toEqual(['go-leak-gate-baseline'])

    const pr = fake.addRun({ headSha: repo.headSha, event: 'pull_request', headBranch: 'fix' })
    const event = { pull_request: { number: 7, base: { ref: 'main', sha: repo.baseSha }, head: { sha: repo.headSha } } }
    const r = await action({ baseline: 'auto', comment: 'never', 'out-dir': join(work, 'gate'), 'stress-budget': 'off' }, { runId: pr.id, event, eventName: 'pull_request', cwd: repo.dir })
    expect(r.code).toBe(1)
    expect(r.outputs.baseline).toBe('auto')
    const report = JSON.parse(await readFile(join(work, 'gate', 'report.json'), 'utf8')) as Report
    expect(report.baseline).toMatchObject({ source: 'auto', commit: repo.baseSha, runId: push.id, matchesBase: true })
    // The goroutine leak of head is judged against the stored base's test pass.
    expect(report.findings.filter((f) => f.kind === 'goroutine-leak' && f.severity === 'fail')).toHaveLength(1)
    // Timings were measured side by side, so they may fail.
    const time = timeMetricOf(report, 'example.com/demo/route', 'BenchmarkLookup')
    expect(report.findings.find((f) => f.unit === time && f.subject === 'BenchmarkLookup')?.severity).toBe('fail')
    // No test pass of the base: its test binaries (built with -race into glg-test-base-*) never appear.
    expect(r.processes.some((p) => p.includes('glg-test-head-'))).toBe(true)
    expect(r.processes.filter((p) => p.includes('glg-test-base-'))).toEqual([])
    expect(r.processes.some((p) => p.includes('worktree add'))).toBe(true)
  }, 300_000)
})
