// The `load:` list of a config file: defaults, and mistakes that name the job and the key.
import { describe, expect, it } from 'vitest'
import { UsageError } from '../../../src/errors.js'
import { EXIT, exitCodeForError } from '../../../src/exit.js'
import { expandPlaceholders, isLoopbackHost, loopbackUrl } from '../../../src/config/loopback.js'
import { loadJobsFrom, LOAD_DEFAULTS } from '../../../src/jobs/load/index.js'

const minimal = { name: 'api', service: { package: './cmd/api', args: ['-addr', '{addr}'] }, traffic: { requests: [{ url: '/work' }] } }

function mistake(raw: unknown): string {
  try {
    loadJobsFrom(raw, 'go-leak-gate.yml')
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError)
    expect(exitCodeForError(e)).toBe(EXIT.usage)
    return (e as Error).message
  }
  throw new Error('no error')
}

describe('loadJobsFrom', () => {
  it('fills in the documented defaults', () => {
    expect(loadJobsFrom([minimal])).toEqual([
      {
        name: 'api',
        service: { package: './cmd/api', race: true, args: ['-addr', '{addr}'], env: {}, stopGraceMs: LOAD_DEFAULTS.stopGraceMs },
        ready: { url: '/healthz', timeoutMs: 30_000 },
        pprof: { url: '/debug/pprof/' },
        traffic: { kind: 'embedded', requests: [{ method: 'GET', url: '/work', headers: {}, weight: 1 }], count: 1000, concurrency: 4, timeoutMs: 10_000 },
        warmup: { count: 1000 },
        rounds: 5,
        cooldownMs: 1000,
        ignore: []
      }
    ])
    expect(loadJobsFrom(undefined)).toEqual([])
  })

  it('reads a start command, a run: command and durations', () => {
    const [j] = loadJobsFrom([{ name: 'cmd', service: { command: ['./bin/server', '--port', '{port}'], stopGrace: '2s' }, traffic: { run: 'hey -n 100 $GO_LEAK_GATE_URL/', timeout: '1m' }, warmup: 0, rounds: 3, cooldown: '250ms' }])
    expect(j.service).toEqual({ command: ['./bin/server', '--port', '{port}'], race: false, args: [], env: {}, stopGraceMs: 2000 })
    expect(j.traffic).toEqual({ kind: 'command', run: 'hey -n 100 $GO_LEAK_GATE_URL/', timeoutMs: 60_000 })
    expect([j.warmup, j.rounds, j.cooldownMs]).toEqual([{ count: 0 }, 3, 250])
    const [d] = loadJobsFrom([{ ...minimal, traffic: { requests: [{ url: '/' }], duration: '5s', rate: 200 }, warmup: '2s' }])
    expect(d.traffic).toMatchObject({ durationMs: 5000, rate: 200 })
    expect(d.warmup).toEqual({ durationMs: 2000 })
  })

  it('names the job and the key of every mistake', () => {
    expect(mistake([{ ...minimal, rounds: 2 }])).toBe("go-leak-gate.yml: load[0] 'api': rounds: must be an integer from 3 to 1000, got 2")
    expect(mistake([{ ...minimal, traffic: { requests: [{ url: '/a' }, { url: 'http://example.com/x' }] } }])).toBe(
      "go-leak-gate.yml: load[0] 'api': traffic.requests[1].url: 'http://example.com/x' is not on a loopback address: load traffic goes to 127.0.0.1, ::1 or localhost only, never to another machine"
    )
    expect(mistake([{ ...minimal, servce: {} }])).toMatch(/^go-leak-gate\.yml: load\[0\] 'api': servce: unknown key \(did you mean 'service'\?\); the keys here are name, service, /)
    expect(mistake([{ ...minimal, traffic: { requests: [{ url: '/' }], concurency: 8 } }])).toBe(
      "go-leak-gate.yml: load[0] 'api': traffic.concurency: unknown key (did you mean 'concurrency'?); the keys here are requests, count, duration, concurrency, rate, timeout, run"
    )
    expect(mistake([{ ...minimal, traffic: { requests: [{ url: '/', hedaers: {} }] } }])).toMatch(/^go-leak-gate\.yml: load\[0\] 'api': traffic\.requests\[0\]\.hedaers: unknown key \(did you mean 'headers'\?\)/)
    expect(mistake([{ ...minimal, xyzzy: 1 }])).toMatch(/^go-leak-gate\.yml: load\[0\] 'api': xyzzy: unknown key; the keys here are /)
    expect(mistake([{ ...minimal, service: { package: './a', command: ['./b'] } }])).toBe(
      "go-leak-gate.yml: load[0] 'api': service: give exactly one of package (a Go package the gate builds) and command (argv of a start command)"
    )
    expect(mistake([{ ...minimal, service: { package: './a', env: { N: 4 } } }])).toBe("go-leak-gate.yml: load[0] 'api': service.env.N: must be a string, got 4 (quote numbers and booleans)")
    expect(mistake([{ ...minimal, traffic: { requests: [{ url: '/' }], concurrency: '4' } }])).toBe("go-leak-gate.yml: load[0] 'api': traffic.concurrency: must be an integer from 1 to 1024, got \"4\"")
    expect(mistake([{ ...minimal, traffic: { requests: [{ url: '/' }], count: 10, duration: '1s' } }])).toBe("go-leak-gate.yml: load[0] 'api': traffic: give count (requests per round) or duration (per round), not both")
    expect(mistake([{ ...minimal, traffic: { run: 'x', count: 10 } }])).toBe("go-leak-gate.yml: load[0] 'api': traffic.count: applies to the embedded generator; a run: command decides its own traffic")
    expect(mistake([{ ...minimal, cooldown: 'soon' }])).toBe("go-leak-gate.yml: load[0] 'api': cooldown: 'soon' is not a duration; write it like '90s' or '10m'")
    expect(mistake([{ ...minimal, name: 'a b' }])).toMatch(/^go-leak-gate\.yml: load\[0\]\.name: 'a b' must be 1 to 64 letters/)
    expect(mistake([minimal, minimal])).toBe("go-leak-gate.yml: load: two jobs are named 'api'; names pair a job's base and head results")
    expect(mistake({ name: 'api' })).toBe('go-leak-gate.yml: load: must be a list, got {"name":"api"}')
  })
})

describe('addresses', () => {
  it('keeps traffic on loopback', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '[::1]', '::1']) expect(isLoopbackHost(h), h).toBe(true)
    for (const h of ['10.0.0.1', '128.0.0.1', '127.0.0.256', 'example.com', 'localhost.example.com', '0.0.0.0']) expect(isLoopbackHost(h), h).toBe(false)
    const ports = { port: 4000, pprofPort: 4001 }
    expect(String(loopbackUrl('/work?n=1', ports))).toBe('http://127.0.0.1:4000/work?n=1')
    expect(String(loopbackUrl('http://localhost:{pprofPort}/debug/pprof/', ports))).toBe('http://127.0.0.1:4001/debug/pprof/')
    expect(loopbackUrl('https://127.0.0.1/', ports)).toBe("'https://127.0.0.1/' is https; the gate speaks plain http to the service it started")
    expect(expandPlaceholders('-addr={addr} {url}/x {pprofAddr} {unknown}', ports)).toBe('-addr=127.0.0.1:4000 http://127.0.0.1:4000/x 127.0.0.1:4001 {unknown}')
  })
})
