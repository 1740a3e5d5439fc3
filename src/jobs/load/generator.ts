// The embedded load generator: `concurrency` connections kept alive, requests in a fixed weighted
// order, a request count or a duration per round, an optional rate. It measures each exchange from
// sending to the last byte of the answer. Every connection is closed when the round ends, so the
// service's own connection goroutines and descriptors are gone before the gate looks at it.
import { Agent } from 'node:http'
import { quantile } from '../../compare/stats.js'
import type { LatencySummary } from '../../model/result.js'
import { ExchangeError, exchange } from './http.js'

export interface PreparedRequest {
  method: string
  url: URL
  headers: Record<string, string>
  body?: Buffer
  weight: number
  /** 'GET /work', for messages. */
  label: string
}

export interface TrafficPlan {
  requests: PreparedRequest[]
  count?: number
  durationMs?: number
  concurrency: number
  rate?: number
  timeoutMs: number
}

/**
 * Smooth weighted round-robin: weights 1 and 99 give exactly one of the first kind in every 100
 * requests, evenly spread, and the same order on every run, so base and head (and repeated runs)
 * get the same traffic.
 */
export class Schedule {
  private readonly current: number[]
  private readonly total: number

  constructor(private readonly weights: number[]) {
    this.current = weights.map(() => 0)
    this.total = weights.reduce((a, b) => a + b, 0)
  }

  next(): number {
    let best = 0
    for (let i = 0; i < this.weights.length; i++) {
      this.current[i] += this.weights[i]
      if (this.current[i] > this.current[best]) best = i
    }
    this.current[best] -= this.total
    return best
  }
}

export interface RequestTally {
  label: string
  sent: number
  ok: number
  /** 404 and 405: the URL or method names nothing on the service. */
  notFound: number
}

export interface TrafficStats {
  requests: number
  /** Answers of 400 and above, and exchanges that got no answer. */
  errors: number
  errorKinds: Record<string, number>
  durationMs: number
  /** Of the exchanges that got an answer. */
  latency?: LatencySummary
  perRequest: RequestTally[]
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

export function summarizeLatencies(ms: number[]): LatencySummary | undefined {
  if (ms.length === 0) return undefined
  let sum = 0
  let max = 0
  for (const x of ms) {
    sum += x
    if (x > max) max = x
  }
  return { p50: quantile(ms, 0.5), p90: quantile(ms, 0.9), p99: quantile(ms, 0.99), max, mean: sum / ms.length }
}

/** Sends one round of traffic. `signal` ends it early (the service died). */
export async function sendTraffic(plan: TrafficPlan, schedule: Schedule, signal?: AbortSignal): Promise<TrafficStats> {
  const agent = new Agent({ keepAlive: true, maxSockets: plan.concurrency })
  const latencies: number[] = []
  const errorKinds: Record<string, number> = {}
  const perRequest: RequestTally[] = plan.requests.map((r) => ({ label: r.label, sent: 0, ok: 0, notFound: 0 }))
  let issued = 0
  let errors = 0
  const started = performance.now()
  const deadline = plan.durationMs !== undefined ? started + plan.durationMs : Infinity
  const more = (): boolean => !signal?.aborted && (plan.count === undefined || issued < plan.count) && performance.now() < deadline
  const fail = (kind: string): void => {
    errors++
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1
  }

  const worker = async (): Promise<void> => {
    while (more()) {
      const k = issued++
      if (plan.rate !== undefined) {
        // Open loop: request k is due at k / rate, whether or not the service kept up.
        const wait = started + (k * 1000) / plan.rate - performance.now()
        if (wait > 0) await sleep(wait)
        if (signal?.aborted || performance.now() >= deadline) {
          issued--
          return
        }
      }
      const which = schedule.next()
      const req = plan.requests[which]
      const tally = perRequest[which]
      tally.sent++
      try {
        const answer = await exchange(req.url, { method: req.method, headers: req.headers, body: req.body, agent, timeoutMs: plan.timeoutMs, signal })
        latencies.push(answer.ms)
        if (answer.status >= 400) fail(`status ${answer.status}`)
        else tally.ok++
        if (answer.status === 404 || answer.status === 405) tally.notFound++
      } catch (e) {
        fail(e instanceof ExchangeError ? e.code : 'error')
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: plan.concurrency }, worker))
  } finally {
    agent.destroy()
  }
  const latency = summarizeLatencies(latencies)
  return { requests: issued, errors, errorKinds, durationMs: performance.now() - started, ...(latency ? { latency } : {}), perRequest }
}
