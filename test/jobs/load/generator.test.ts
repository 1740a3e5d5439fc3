// The embedded generator against a local node:http server that counts what it receives.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Schedule, sendTraffic, type PreparedRequest } from '../../../src/jobs/load/generator.js'

let server: Server
let base = ''
const seen: { method: string; url: string; header?: string; body: string }[] = []
const sockets = new Set<Socket>()
let maxSockets = 0

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', header: req.headers['x-test'] as string | undefined, body })
      if (req.url === '/fail') res.writeHead(500).end('no')
      else if (req.url === '/slow') setTimeout(() => res.end('slow'), 20)
      else res.end('ok')
    })
  })
  server.on('connection', (s: Socket) => {
    sockets.add(s)
    maxSockets = Math.max(maxSockets, sockets.size)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const a = server.address()
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`
})

afterAll(() => new Promise<void>((r) => server.close(() => r())))

function req(path: string, weight = 1, extra: Partial<PreparedRequest> = {}): PreparedRequest {
  return { method: 'GET', url: new URL(path, base), headers: {}, weight, label: `GET ${path}`, ...extra }
}

describe('Schedule', () => {
  it('sends exactly the weighted mix, spread out, in the same order every time', () => {
    const pick = (n: number) => {
      const s = new Schedule([1, 99])
      return Array.from({ length: n }, () => s.next())
    }
    expect(pick(1000).filter((i) => i === 0)).toHaveLength(10)
    const first100 = pick(100)
    expect(first100.filter((i) => i === 0)).toHaveLength(1)
    expect(pick(1000)).toEqual(pick(1000))
    const s = new Schedule([2, 1, 1])
    expect(Array.from({ length: 8 }, () => s.next())).toEqual([0, 1, 2, 0, 0, 1, 2, 0])
  })
})

describe('sendTraffic', () => {
  it('sends the count over at most `concurrency` kept-alive connections, and closes them at the end', async () => {
    seen.length = 0
    maxSockets = 0
    const body = Buffer.from('{"a":1}')
    const stats = await sendTraffic(
      { requests: [req('/a', 3), req('/b', 1, { method: 'POST', body, headers: { 'x-test': 'yes' } })], count: 200, concurrency: 4, timeoutMs: 5000 },
      new Schedule([3, 1])
    )
    expect(stats).toMatchObject({ requests: 200, errors: 0, errorKinds: {} })
    expect(stats.perRequest.map((t) => [t.label, t.sent, t.ok])).toEqual([['GET /a', 150, 150], ['GET /b', 50, 50]])
    expect(seen).toHaveLength(200)
    expect(seen.filter((s) => s.method === 'POST' && s.body === '{"a":1}' && s.header === 'yes')).toHaveLength(50)
    expect(maxSockets).toBeLessThanOrEqual(4)
    expect(maxSockets).toBeGreaterThan(0)
    await new Promise((r) => setTimeout(r, 50))
    expect(sockets.size).toBe(0)
  })

  it('counts error answers and refused connections by kind, and 404s per request', async () => {
    const stats = await sendTraffic({ requests: [req('/fail'), req('/ok')], count: 20, concurrency: 2, timeoutMs: 5000 }, new Schedule([1, 1]))
    expect(stats).toMatchObject({ requests: 20, errors: 10, errorKinds: { 'status 500': 10 } })
    const refused = await sendTraffic({ requests: [{ ...req('/'), url: new URL('http://127.0.0.1:1/') }], count: 5, concurrency: 1, timeoutMs: 5000 }, new Schedule([1]))
    expect(refused).toMatchObject({ requests: 5, errors: 5, errorKinds: { ECONNREFUSED: 5 } })
    expect(refused.latency).toBeUndefined()
  })

  it('measures latency from sending to the last byte', async () => {
    const stats = await sendTraffic({ requests: [req('/slow')], count: 20, concurrency: 2, timeoutMs: 5000 }, new Schedule([1]))
    expect(stats.latency?.p50).toBeGreaterThanOrEqual(19)
    expect(stats.latency?.p50).toBeLessThan(200)
    expect(stats.latency?.max).toBeGreaterThanOrEqual(stats.latency?.p99 ?? Infinity)
  })

  it('keeps to a rate, and to a duration', async () => {
    const paced = await sendTraffic({ requests: [req('/')], count: 20, concurrency: 4, rate: 100, timeoutMs: 5000 }, new Schedule([1]))
    // Request k is due at k/100 s: the last (k = 19) not before 190 ms.
    expect(paced.requests).toBe(20)
    expect(paced.durationMs).toBeGreaterThanOrEqual(185)
    const timed = await sendTraffic({ requests: [req('/')], durationMs: 200, concurrency: 2, timeoutMs: 5000 }, new Schedule([1]))
    expect(timed.durationMs).toBeGreaterThanOrEqual(200)
    expect(timed.durationMs).toBeLessThan(1500)
    expect(timed.requests).toBeGreaterThan(0)
  })

  it('stops when told to', async () => {
    const stop = new AbortController()
    setTimeout(() => stop.abort(), 100)
    const stats = await sendTraffic({ requests: [req('/slow')], count: 10_000, concurrency: 2, timeoutMs: 5000 }, new Schedule([1]), stop.signal)
    expect(stats.requests).toBeLessThan(100)
  })
})
