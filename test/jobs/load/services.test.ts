// The awkward services of fixtures/load/base/cmd and the mistakes a config can make: each job must end
// with a clear message naming it, the right kind of error (config: exit code 2, run: 3), and every
// process it started stopped. The jobs run side by side to keep the test short; each has its own
// label, so /proc is searched for its processes alone.
import { createServer, type Server } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compareLoadJobs } from '../../../src/compare/load.js'
import { DEFAULT_COMPARE } from '../../../src/config/defaults.js'
import { EXIT, exitCodeForLoads } from '../../../src/exit.js'
import { loadJobsFrom, loadRunErrors, runLoadJobs, type LoadDeps } from '../../../src/jobs/load/index.js'
import type { LoadJobResult } from '../../../src/model/result.js'
import { LOAD_FIXTURE, loadDeps, processesWith } from './helpers.js'

const moduleDir = `${LOAD_FIXTURE}/base`
// Small and quick: no warm-up, three rounds of 50 requests. Built with -race as by default: the
// standard library's race build is then shared with the other tests' builds.
const quick = { stopGrace: '500ms' }
const work = { requests: [{ url: '/work' }], count: 50, concurrency: 2 }
const rawCommon = { warmup: 0, rounds: 3, cooldown: '300ms', ready: { timeout: '3s' } }
const tcpWork = 'for i in $(seq 1 10); do exec 3<>/dev/tcp/127.0.0.1/$GO_LEAK_GATE_PORT; printf "GET /work HTTP/1.0\\r\\n\\r\\n" >&3; cat <&3 >/dev/null; exec 3<&-; done'

let blocker: Server
let blockedPort = 0
let deps: LoadDeps
const results = new Map<string, LoadJobResult>()
const leftovers = new Map<string, number[]>()

function job(name: string, raw: Record<string, unknown>): Record<string, unknown> {
  return { name, ...rawCommon, traffic: work, ...raw, service: { ...quick, args: ['-addr', '{addr}'], ...(raw.service as object) } }
}

beforeAll(async () => {
  blocker = createServer()
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r))
  const address = blocker.address()
  blockedPort = typeof address === 'object' && address ? address.port : 0
  deps = await loadDeps()
  const raws = [
    job('neverready', { service: { package: './cmd/neverready' }, ready: { timeout: '3s' } }),
    job('crash', { service: { package: './cmd/crash' }, traffic: { ...work, count: 100 } }),
    job('pprofport', { service: { package: './cmd/pprofport', args: ['-addr', '{addr}', '-pprof-addr', '{pprofAddr}'] }, pprof: { url: 'http://127.0.0.1:{pprofPort}/debug/pprof/' } }),
    job('pprofwrongport', { service: { package: './cmd/pprofport', args: ['-addr', '{addr}', '-pprof-addr', '{pprofAddr}'] } }),
    job('stubborn', { service: { package: './cmd/stubborn' } }),
    job('forker', { service: { package: './cmd/forker' } }),
    job('pprof500', { service: { package: './cmd/badpprof', args: ['-mode', '500', '-addr', '{addr}'] } }),
    job('pprofgarbage', { service: { package: './cmd/badpprof', args: ['-mode', 'garbage', '-addr', '{addr}'] } }),
    job('portinuse', { service: { package: './cmd/stubborn', port: blockedPort } }),
    job('wrongurl', { service: { package: './cmd/stubborn' }, traffic: { ...work, requests: [{ url: '/work' }, { url: '/wrok' }] } }),
    job('nosuchpackage', { service: { package: './cmd/nosuch' } }),
    job('command', { service: { package: './cmd/stubborn' }, traffic: { run: tcpWork, requests: 10 } }),
    job('commandfails', { service: { package: './cmd/stubborn' }, traffic: { run: 'echo "no such endpoint" >&2; exit 3' } })
  ]
  const jobs = loadJobsFrom(raws)
  await Promise.all(
    jobs.map(async (j) => {
      const [r] = await runLoadJobs(deps, [j], { label: `svc${j.name}`, moduleDir })
      results.set(j.name, r)
      leftovers.set(j.name, await processesWith(`glg-load-svc${j.name}-`))
    })
  )
}, 240_000)

afterAll(() => new Promise<void>((r) => (blocker ? blocker.close(() => r()) : r())))

function failure(name: string) {
  const r = results.get(name)
  expect(r, name).toBeDefined()
  return r?.error
}

describe('load jobs on services that misbehave', () => {
  it('leaves no process behind, whatever happened', () => {
    expect(results.size).toBe(13)
    for (const [name, pids] of leftovers) expect(pids, name).toEqual([])
  })

  it('names a service that never gets ready, with its last answer', () => {
    const e = failure('neverready')
    expect(e).toMatchObject({ kind: 'run', phase: 'ready' })
    expect(e?.message).toMatch(/^load job 'neverready': the service was not ready within 3\.0s: http:\/\/127\.0\.0\.1:\d+\/healthz last answered 503: waiting for the database$/)
    expect(exitCodeForLoads([results.get('neverready') as LoadJobResult])).toBe(EXIT.incomplete)
  })

  it('reports a crash mid-load with its panic, and keeps the rounds measured before it', () => {
    const r = results.get('crash') as LoadJobResult
    expect(r.error).toMatchObject({ kind: 'run', phase: 'round', message: "load job 'crash': the service exited during round 2 (exit code 2)" })
    expect(r.crash?.value).toBe('assignment to entry in nil map')
    expect(r.crash?.frames[0]).toMatchObject({ function: 'main.main.func2.1', file: 'cmd/crash/main.go' })
    expect(r.phases.map((p) => p.round)).toEqual([1])
    const findings = compareLoadJobs([], [r], DEFAULT_COMPARE).findings
    expect(findings.map((f) => [f.kind, f.severity, f.subject])).toEqual([['panic', 'fail', 'crash']])
    expect(findings[0].locations[0]).toMatchObject({ file: 'cmd/crash/main.go', role: 'panic' })
  })

  it('reads pprof on a port of its own, and calls the service port a config mistake when pprof is not there', () => {
    const ok = results.get('pprofport') as LoadJobResult
    expect(ok.error).toBeUndefined()
    expect(ok.snapshots.map((s) => s.phase)).toEqual(['ready', 'warmup', 'round', 'round', 'round'])
    const e = failure('pprofwrongport')
    expect(e).toMatchObject({ kind: 'config', phase: 'snapshot' })
    expect(e?.message).toMatch(/^load job 'pprofwrongport': http:\/\/127\.0\.0\.1:\d+\/debug\/pprof\/goroutine\?debug=2 answers 404: no net\/http\/pprof handlers there/)
    expect(exitCodeForLoads([ok, results.get('pprofwrongport') as LoadJobResult])).toBe(EXIT.usage)
  })

  it('tells a pprof that answers 500 or garbage apart, as runs that could not complete', () => {
    expect(failure('pprof500')).toMatchObject({ kind: 'run', phase: 'snapshot' })
    expect(failure('pprof500')?.message).toMatch(/goroutine\?debug=2 answers 500: profiling is switched off$/)
    expect(failure('pprofgarbage')).toMatchObject({ kind: 'run', phase: 'snapshot' })
    expect(failure('pprofgarbage')?.message).toMatch(/goroutine\?debug=2 is not what net\/http\/pprof serves: no goroutine in it/)
  })

  it('stops a service that ignores SIGTERM, and the helpers a service forked, with SIGKILL', () => {
    expect(results.get('stubborn')?.error).toBeUndefined()
    expect(results.get('stubborn')?.service.stop).toEqual({ killed: true, exitCode: null, signal: 'SIGKILL' })
    // The forker itself stops on SIGTERM; its two helpers ignore it (one left the process group).
    expect(results.get('forker')?.error).toBeUndefined()
    expect(results.get('forker')?.service.stop).toEqual({ killed: true, exitCode: 0, signal: null })
  })

  it('refuses a port already in use before starting anything', () => {
    const e = failure('portinuse')
    expect(e).toMatchObject({ kind: 'run', phase: 'start' })
    expect(e?.message).toBe(`load job 'portinuse': port ${blockedPort} (service.port) is already in use on 127.0.0.1: another process listens there, and its answers would be taken for the service's`)
    expect(results.get('portinuse')?.service.stop).toBeUndefined()
  })

  it('calls a request URL that only ever answers 404 a config mistake, naming it', () => {
    expect(failure('wrongurl')).toMatchObject({ kind: 'config', phase: 'round', message: "load job 'wrongurl': traffic.requests[1] (GET /wrok) answered 404 or 405 to all 25 requests: is the URL or the method wrong?" })
  })

  it('calls a package that does not exist a config mistake, and a failing build a build error', () => {
    expect(failure('nosuchpackage')).toMatchObject({ kind: 'config', phase: 'build' })
    expect(failure('nosuchpackage')?.message).toBe("load job 'nosuchpackage': service.package './cmd/nosuch' is not a package of the module in " + moduleDir)
    expect(loadRunErrors([results.get('nosuchpackage') as LoadJobResult])).toMatchObject([{ kind: 'load', subject: 'nosuchpackage' }])
  })

  it('runs a user command as the traffic, with the address in its environment', () => {
    const r = results.get('command') as LoadJobResult
    expect(r.error).toBeUndefined()
    expect(r.phases.map((p) => [p.phase, p.requests, p.command?.exitCode])).toEqual([['round', 10, 0], ['round', 10, 0], ['round', 10, 0]])
    expect(r.snapshots.map((s) => [s.phase, s.requestsBefore])).toEqual([['ready', 0], ['warmup', 0], ['round', 10], ['round', 20], ['round', 30]])
    const e = failure('commandfails')
    expect(e).toMatchObject({ kind: 'run', phase: 'round', message: "load job 'commandfails': the traffic command failed in round 1 (exit code 3)" })
    expect(e?.detail).toContain('no such endpoint')
  })
})
