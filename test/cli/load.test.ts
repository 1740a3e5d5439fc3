// `gate` on fixtures/load with the load job of its go-leak-gate.yml, as a user runs it: the services of
// base and head built with -race and run side by side, the findings of fixtures/load/expectations.json in
// report.json, a markdown section for the job, exit code 1, and no process left. Then what stops short:
// a gate stopped by SIGINT in the middle of the rounds, `run --no-load`, and the exit codes of a job
// whose configuration is wrong (2) and of a service that never gets ready (3).
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readResult } from '../../src/baseline/result-dir.js'
import { readConfigFile, resolveConfig } from '../../src/config/load.js'
import { loadJobsFrom } from '../../src/jobs/load/index.js'
import { runProcess, type ProcessResult } from '../../src/go/process.js'
import type { Report } from '../../src/model/report.js'
import type { RunResult } from '../../src/model/result.js'
import { SCRATCH_PREFIX } from '../../src/scratch.js'
import { cli, startCli } from '../helpers/cli.js'
import { makeFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js'
import { expectFixtureFindings, expectNotFlagged, loadExpectations, type LoadExpectations } from '../jobs/load/helpers.js'

let repo: FixtureRepo
let exp: LoadExpectations
let work: string
let env: NodeJS.ProcessEnv
let scratchRoot: string
let r: ProcessResult
let report: Report
let head: RunResult
let base: RunResult
let markdown: string
let html: string
let leftAfterGate: string[]

/** Processes whose command line names the gate's TMPDIR: the service binaries live in scratch directories there. */
async function processesUnder(dir: string): Promise<string[]> {
  const ps = await runProcess({ argv: ['ps', '-eo', 'pid=,stat=,args='], cwd: work })
  return ps.stdout.split('\n').filter((l) => l.includes(dir) && !/^\s*\d+\s+Z/.test(l))
}

beforeAll(async () => {
  exp = await loadExpectations()
  repo = await makeFixtureRepo('load')
  work = await mkdtemp(join(tmpdir(), 'glg-loadcli-'))
  // A TMPDIR of its own: every process and scratch directory of this gate is under it.
  scratchRoot = await mkdtemp(join(tmpdir(), 'loadcli-tmp-'))
  env = { ...process.env, TMPDIR: scratchRoot }
  const out = join(work, 'out')
  const reports = ['--json', join(out, 'report.json'), '--markdown', join(out, 'report.md'), '--html', join(out, 'report.html')]
  // The stress stage has its own tests; its minute per side is not what this checks.
  r = await cli(['gate', '--dir', repo.dir, '--base-ref', repo.baseSha, '--out', out, '--stress-budget', 'off', ...reports], {
    cwd: repo.dir,
    env,
    timeoutMs: 280_000
  })
  leftAfterGate = await processesUnder(scratchRoot)
  report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report
  markdown = await readFile(join(out, 'report.md'), 'utf8')
  html = await readFile(join(out, 'report.html'), 'utf8')
  base = await readResult(join(out, 'base'))
  head = await readResult(join(out, 'head'))
}, 300_000)

afterAll(async () => {
  await repo?.cleanup()
  if (work) await rm(work, { recursive: true, force: true })
  if (scratchRoot) await rm(scratchRoot, { recursive: true, force: true })
})

describe('gate with a load job', () => {
  it("reads the fixture's go-leak-gate.yml as the job of expectations.json", async () => {
    const { file } = await readConfigFile(undefined, repo.dir)
    expect(resolveConfig(repo.dir, [file.values]).load).toEqual({ enabled: true, jobs: loadJobsFrom([exp.job]) })
  })

  it('fails the gate (exit 1) with the expected findings in report.json, and leaves no process', () => {
    expect(r.code, r.stderr).toBe(1)
    expect(leftAfterGate).toEqual([])
    expect(report.incomplete).toBe(false)
    expectFixtureFindings(report.findings, exp, head.loads?.[0]?.service.leakProfile === true)
    expectNotFlagged(report.findings, exp)
    expect(report.counts.byKind['fd-leak']).toBe(1)
  })

  it('keeps both sides in result.json (valid against the result schema) and the job in report.json', () => {
    for (const side of [base, head]) {
      expect(side.loads?.map((j) => [j.name, j.error, j.phases.length])).toEqual([['api', undefined, 6]])
      expect(side.loads?.[0].service.stop?.killed).toBe(false)
    }
    const [job] = report.loads ?? []
    expect(job.name).toBe('api')
    expect(job.head?.rounds.map((x) => [x.round, x.requests, x.errors])).toEqual([1, 2, 3, 4, 5].map((n) => [n, 300, 0]))
    expect(job.base?.rounds).toHaveLength(5)
    expect(job.growth.map((g) => [g.metric, g.base?.leaking, g.head?.leaking])).toEqual([
      ['goroutines', false, true],
      ['heap', false, true],
      ['fds', false, true]
    ])
    expect(job.metrics.find((m) => m.metric === 'latency p50')?.status).toBe('regression')
  })

  it('writes a markdown section for the job, with its rounds and curves, and the commands to look closer', () => {
    expect(markdown).toContain('### Load jobs\n\n#### Load job `api`\n\n`./cmd/api` built with -race · embedded generator, 4 connections · 5 rounds of 300 requests')
    expect(markdown).toMatch(/\| latency p50 \| [0-9.]+(µs|ms) \| [0-9.]+ms \| \+[0-9.]+% \| p=0\.008 \| ❌ regression \|/)
    expect(markdown).toContain('| after (base → head) | requests so far | goroutines | live heap | descriptors | RSS |')
    expect(markdown).toMatch(/\| round 5 \| 1,800 \| 7 → \d+ \|/)
    expect(markdown).toMatch(/go tool pprof -sample_index=inuse_space -top -diff_base=\S+\/head\/load\/api\/warmup\.heap\.pb\.gz \S+\/head\/load\/api\/round-5\.heap\.pb\.gz/)
    expect(r.stdout).toMatch(/^Load job api: 5 rounds of 300 requests on head; 7 metrics compared, \d+ regressed; still growing: goroutines, heap, fds\.$/m)
  })

  it('draws the curves of both sides in the HTML report, a point per snapshot', () => {
    const start = html.indexOf('<section id="load">')
    expect(start).toBeGreaterThan(-1)
    const section = html.slice(start, html.indexOf('</section>', start))
    expect(section).toContain('<summary>Load job <code>api</code> <span class="badge">finding</span></summary>')
    const lines = [...section.matchAll(/<polyline class="ecdf (base|head)" points="([^"]*)"\/>/g)].map((m) => [m[1], m[2].split(' ').length])
    // ready, warm-up and 5 rounds; goroutines, live heap and descriptors.
    expect(lines).toEqual(['base', 'head', 'base', 'head', 'base', 'head'].map((side) => [side, 7]))
    // The first chart is the goroutines': its points carry head's counts as measured.
    const goroutines = section.slice(section.indexOf('<figure'), section.indexOf('</figure>'))
    const counts = [...goroutines.matchAll(/<title>head after [^:]+: (\d+)<\/title>/g)].map((m) => Number(m[1]))
    expect(counts).toEqual(head.loads?.[0].snapshots.map((s) => s.goroutines))
  })
})

describe('a gate with a load job that stops short', () => {
  it("keeps the benchmarks' results of a gate whose load job names no package of the module, and exits 2", async () => {
    const other = await makeFixtureRepo('gate')
    try {
      const config = join(work, 'nosuch.yml')
      await writeFile(config, JSON.stringify({ load: [{ name: 'nosuch', service: { package: './cmd/nosuch' }, traffic: { requests: [{ url: '/' }], count: 10 }, rounds: 3 }] }))
      const out = join(work, 'out-nosuch')
      const quick = ['--packages', './alloc', '--no-tests', '--count', '2', '--settle', '100ms', '--test-settle', '100ms', '--benchtime', '2000x']
      const run = await cli(['gate', '--dir', other.dir, '--base-ref', other.baseSha, ...quick, '--config', config, '--out', out, '--json', join(out, 'report.json'), '--markdown', join(out, 'report.md')], {
        cwd: other.dir,
        env,
        timeoutMs: 200_000
      })
      expect(run.code, run.stderr).toBe(2)
      expect(`${run.stdout}${run.stderr}`).toContain("load job 'nosuch': service.package './cmd/nosuch' is not a package of the module")
      const gateReport = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report
      expect(gateReport.comparisons.map((c) => c.benchmark)).toContain('BenchmarkEncode')
      expect(gateReport.findings.filter((f) => f.subject === 'BenchmarkEncode' && f.metric === 'allocs/op').map((f) => [f.kind, f.severity])).toEqual([['regression', 'fail']])
      expect(gateReport.loads?.map((j) => [j.name, j.head?.error?.kind, j.head?.error?.phase])).toEqual([['nosuch', 'config', 'build']])
      const md = await readFile(join(out, 'report.md'), 'utf8')
      expect(md).toContain('BenchmarkEncode')
      expect(md).toContain('#### Load job `nosuch`')
      expect(md).toContain('**head did not complete** (configuration, build)')
      expect(await processesUnder(scratchRoot)).toEqual([])
    } finally {
      await other.cleanup()
    }
  }, 240_000)

  it('on SIGINT during the rounds stops the services and removes its scratch directories', async () => {
    const gate = startCli(['gate', '--dir', repo.dir, '--base-ref', repo.baseSha, '--out', join(work, 'out-int'), '--no-tests'], { cwd: repo.dir, env })
    await gate.waitFor(/load job 'api': round 2 of 5/, 240_000)
    expect((await processesUnder(scratchRoot)).length).toBeGreaterThan(0)
    gate.child.kill('SIGINT')
    const { code } = await gate.exited
    expect(code).toBe(130)
    // SIGKILL is sent before the gate exits; give the kernel a moment to take the processes down.
    let left = await processesUnder(scratchRoot)
    for (let i = 0; i < 20 && left.length > 0; i++) {
      await new Promise((res) => setTimeout(res, 100))
      left = await processesUnder(scratchRoot)
    }
    expect(left).toEqual([])
    expect((await readdir(scratchRoot)).filter((n) => n.startsWith(SCRATCH_PREFIX))).toEqual([])
  }, 300_000)

  it('runs no load job with --no-load', async () => {
    const out = join(work, 'out-noload')
    const run = await cli(['run', '--dir', repo.dir, '--out', out, '--no-tests', '--no-load'], { cwd: repo.dir, env, timeoutMs: 120_000 })
    expect(run.code, run.stderr).toBe(0)
    expect((await readResult(out)).loads).toBeUndefined()
    expect(run.stderr).not.toContain('load job')
  }, 150_000)

  it('exits 2 when the configuration is wrong only the service can tell (no pprof there), 3 when the service never gets ready', async () => {
    const job = (name: string, extra: Record<string, unknown>) => ({ name, service: { package: './cmd/api', args: ['-addr', '{addr}'] }, traffic: { requests: [{ url: '/work' }], count: 50 }, rounds: 3, ...extra })
    const cases = [
      { file: 'nopprof.yml', jobs: [job('nopprof', { pprof: { url: '/nopprof/' } })], code: 2, message: /load job 'nopprof': http:\/\/127\.0\.0\.1:\d+\/nopprof\/goroutine\?debug=2 answers 404/ },
      { file: 'neverready.yml', jobs: [job('neverready', { service: { package: './cmd/neverready', args: ['-addr', '{addr}'] }, ready: { timeout: '2s' } })], code: 3, message: /load job 'neverready': the service was not ready within 2\.0s/ }
    ]
    for (const c of cases) {
      const config = join(work, c.file)
      await writeFile(config, JSON.stringify({ load: c.jobs }))
      const out = join(work, `out-${c.file}`)
      const run = await cli(['run', '--dir', repo.dir, '--out', out, '--no-tests', '--config', config], { cwd: repo.dir, env, timeoutMs: 120_000 })
      expect(run.code, `${c.file}: ${run.stderr}`).toBe(c.code)
      const result = await readResult(out)
      expect(result.errors.map((e) => [e.kind, e.subject])).toEqual([['load', c.jobs[0].name]])
      expect(result.errors[0].message).toMatch(c.message)
      expect(await processesUnder(scratchRoot)).toEqual([])
    }
  }, 240_000)
})
