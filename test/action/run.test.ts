// The action's run(io), row by row: inputs as a runner passes them (action.yml's defaults, overridden per
// row), a recorded pull_request event, the real process runner; what the action did to the outside world
// (outputs, failure messages, the job summary) is recorded and checked, with the exit code it returns.
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { runProcess, type Runner } from '../../src/go/process.js'
import { run, type ActionIO } from '../../src/main.js'
import { makeFixtureRepo, repoRoot, type FixtureRepo } from '../helpers/fixture-repo.js'

const ACTION = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }>; outputs: Record<string, unknown> }
const DEFAULTS = Object.fromEntries(Object.entries(ACTION.inputs).map(([name, i]) => [name, i.default ?? '']))
const EVENT = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'action', 'pull_request.json'), 'utf8')) as { pull_request: { base: { sha: string }; head: { sha: string } } }

let repo: FixtureRepo
let work: string
let aFile: string

beforeAll(async () => {
  repo = await makeFixtureRepo('demo')
  work = await mkdtemp(join(tmpdir(), 'glg-run-'))
  aFile = join(work, 'a-file')
  await writeFile(aFile, 'x')
}, 120_000)

afterAll(async () => {
  await repo?.cleanup()
  await rm(work, { recursive: true, force: true })
})

interface Recorded {
  code: number
  outputs: Record<string, string | number>
  failed: string[]
  summary: string[]
  processes: string[]
  warnings: string[]
  uploads: { name: string; files: number }[]
}

async function runAction(inputs: Record<string, string>, opts: { pullRequest?: boolean; runner?: Runner } = {}): Promise<Recorded> {
  const rec: Recorded = { code: -1, outputs: {}, failed: [], summary: [], processes: [], warnings: [], uploads: [] }
  const values = { ...DEFAULTS, ...inputs }
  const real = opts.runner ?? runProcess
  const io: ActionIO = {
    getInput: (name) => values[name] ?? '',
    setOutput: (name, value) => {
      rec.outputs[name] = value
    },
    summary: async (markdown) => {
      rec.summary.push(markdown)
    },
    setFailed: (message) => rec.failed.push(message),
    info: () => {},
    run: (spec) => {
      rec.processes.push(spec.argv.join(' '))
      return real(spec)
    },
    warning: (message) => rec.warnings.push(message),
    annotate: () => {},
    env: { GITHUB_REPOSITORY: 'octo/demo', GITHUB_RUN_ID: '1', GITHUB_EVENT_NAME: opts.pullRequest === false ? 'push' : 'pull_request' },
    event: opts.pullRequest === false ? {} : { ...EVENT, pull_request: { ...EVENT.pull_request, base: { ...EVENT.pull_request.base, sha: repo.baseSha }, head: { ...EVENT.pull_request.head, sha: repo.headSha } } },
    github: () => {
      throw new Error('no GitHub in these rows: the token is the unsubstituted default')
    },
    artifacts: {
      upload: async (name, files) => {
        rec.uploads.push({ name, files: files.length })
        return { id: rec.uploads.length }
      }
    },
    now: () => new Date(),
    workspace: repo.dir,
    tempDir: work,
    debug: false
  }
  rec.code = await run(io)
  return rec
}

// Rows that end before any work: nothing is built, nothing runs but git where the base must be found.
const EARLY: { name: string; inputs: Record<string, string>; pullRequest?: boolean; message: RegExp; git?: boolean }[] = [
  { name: 'a malformed count', inputs: { count: 'ten' }, message: /input 'count' must be a whole number/ },
  { name: 'a malformed threshold', inputs: { 'time-threshold': 'fast' }, message: /input 'time-threshold' must be a fraction or a percentage, like '0.1' or '10%' \(got 'fast'\)/ },
  { name: 'no base: neither the input nor a pull request', inputs: {}, pullRequest: false, message: /no base to compare with/ },
  { name: 'an out-dir under a file', inputs: { 'out-dir': join('a-file-placeholder', 'out') }, message: /cannot write .*a-file\/out: a part of the path is a file, not a directory \(ENOTDIR\)/ },
  { name: 'an out-dir where nothing can be created', inputs: { 'out-dir': '/proc/glg-out' }, message: /cannot write \/proc\/glg-out: .*\(ENOENT\)/ },
  { name: 'a config file that does not exist', inputs: { config: 'missing.yml' }, message: /config file .*missing\.yml cannot be read: ENOENT/ }
]

describe('run(io) before any work', () => {
  it.each(EARLY)('$name: exit 2, verdict error, the reason in one failure, no process started', async (row) => {
    const inputs = Object.fromEntries(Object.entries(row.inputs).map(([k, v]) => [k, v.replace('a-file-placeholder', aFile)]))
    const r = await runAction(inputs, { pullRequest: row.pullRequest })
    expect(r.code).toBe(2)
    expect(r.outputs).toEqual({ verdict: 'error' })
    expect(r.failed).toHaveLength(1)
    expect(r.failed[0]).toMatch(row.message)
    expect(r.failed[0]).not.toMatch(/^\s+at /m)
    expect(r.processes).toEqual([])
    expect(r.summary).toEqual([])
  })
})

describe('run(io) that cannot complete', () => {
  it('exits 3 with the reason when Go is not on PATH', async () => {
    const noGo: Runner = (spec) => runProcess({ ...spec, env: { ...(spec.env ?? process.env), PATH: '/nonexistent' } })
    const r = await runAction({}, { runner: noGo })
    expect(r.code).toBe(3)
    expect(r.outputs).toEqual({ verdict: 'error' })
    expect(r.failed).toEqual([expect.stringMatching(/^go-leak-gate: Go toolchain not found: 'go' is not on PATH/)])
  })

  it('exits 2 when the pull request’s base commit is not in the checkout, and says to fetch it', async () => {
    const r = await runAction({ 'base-ref': 'f'.repeat(40) })
    expect(r.code).toBe(2)
    expect(r.failed[0]).toMatch(/fetch-depth: 0/)
  })
})

describe('run(io) on the demo pull request', () => {
  it('fails the step with the count, writes the summary and every output', async () => {
    const r = await runAction({ count: '6', benchtime: '50ms', tests: 'false', 'out-dir': join(work, 'out') })
    expect(r.code).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    expect(r.outputs['report-json']).toBe(join(work, 'out', 'report.json'))
    expect(r.outputs['heap-leaks']).toBe(1)
    expect(r.outputs['goroutine-leaks']).toBe(0)
    expect(Object.keys(r.outputs).sort()).toEqual(Object.keys(ACTION.outputs).sort())
    expect(r.failed).toEqual([`go-leak-gate: ${r.outputs.failures} failing findings; see the job summary`])
    expect(r.summary).toHaveLength(1)
    expect(r.summary[0]).toContain('<!-- go-leak-gate -->')
    expect(r.processes.some((p) => p.startsWith('git ') && p.includes('worktree add'))).toBe(true)
    // The HTML report was written from both sides' results and profiles, and its path is the output.
    expect(r.outputs['html-report']).toBe(join(work, 'out', 'report.html'))
    const page = readFileSync(join(work, 'out', 'report.html'), 'utf8')
    expect(page).toMatch(/^<!DOCTYPE html>/i)
    expect(page).toContain('BenchmarkPut')
    // The report (report.json, report.md, report.html) and both sides' results went up, under this job's names.
    expect(r.uploads).toEqual([
      { name: 'go-leak-gate-report-go-leak-gate--job-attempt-1', files: 3 },
      { name: 'go-leak-gate-results-go-leak-gate--job-attempt-1', files: expect.any(Number) }
    ])
    expect(r.uploads[1].files).toBeGreaterThan(2)
    expect(r.outputs.baseline).toBe('same-runner')
    expect(r.warnings).toEqual([])
  }, 300_000)

  it('warns when the HTML report cannot be written, and the exit code stays the verdict’s', async () => {
    const out = join(work, 'out-no-html')
    // A directory where the page should go: the write fails whatever the user's rights are.
    await mkdir(join(out, 'report.html'), { recursive: true })
    const r = await runAction({ count: '4', benchtime: '20ms', tests: 'false', 'out-dir': out })
    expect(r.code).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    expect(r.outputs['html-report']).toBe('')
    expect(r.warnings).toEqual([expect.stringMatching(/^go-leak-gate: the HTML report was not written: .*EISDIR.*; the other reports were$/)])
    expect(r.failed).toEqual([`go-leak-gate: ${r.outputs.failures} failing findings; see the job summary`])
    expect(r.uploads[0]).toEqual({ name: 'go-leak-gate-report-go-leak-gate--job-attempt-1', files: 2 })
  }, 300_000)
})
