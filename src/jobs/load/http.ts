// One HTTP exchange with the service, for the generator and for the gate's own reads (readiness,
// pprof). Loopback URLs only reach here (see address.ts); bodies are bounded.
import { request, type Agent } from 'node:http'

export interface Exchange {
  status: number
  /** The body when asked to keep it (at most maxBytes), else empty. */
  body: Buffer
  bytes: number
  /** From sending the request to the last byte of the answer. */
  ms: number
}

export interface ExchangeOptions {
  method?: string
  headers?: Record<string, string>
  body?: Buffer
  /** Keep-alive agent of the generator; without one the exchange has a connection of its own. */
  agent?: Agent
  timeoutMs: number
  /** Keep the body, up to this many bytes; beyond it the exchange fails. 0: count and drop it. */
  keepBytes?: number
  signal?: AbortSignal
}

/** An exchange that failed before an answer: the errno code (ECONNREFUSED), 'timeout' or 'too large'. */
export class ExchangeError extends Error {
  override name = 'ExchangeError'
  constructor(readonly code: string, message: string) {
    super(message)
  }
}

export function exchange(url: URL, opts: ExchangeOptions): Promise<Exchange> {
  const started = performance.now()
  const keep = opts.keepBytes ?? 0
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: opts.method ?? 'GET',
        headers: { ...opts.headers, ...(opts.body ? { 'content-length': String(opts.body.length) } : {}) },
        // No agent: a fresh connection closed after the answer, so the gate's own reads leave no
        // keep-alive connection (and goroutine) behind in the service.
        agent: opts.agent ?? false,
        timeout: opts.timeoutMs,
        signal: opts.signal
      },
      (res) => {
        const chunks: Buffer[] = []
        let bytes = 0
        res.on('data', (c: Buffer) => {
          bytes += c.length
          if (keep === 0) return
          if (bytes > keep) {
            req.destroy(new ExchangeError('too large', `the answer is larger than ${keep} bytes`))
            return
          }
          chunks.push(c)
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), bytes, ms: performance.now() - started }))
        res.on('error', (e: NodeJS.ErrnoException) => reject(toExchangeError(e)))
      }
    )
    req.on('timeout', () => req.destroy(new ExchangeError('timeout', `no answer within ${opts.timeoutMs} ms`)))
    req.on('error', (e: NodeJS.ErrnoException) => reject(toExchangeError(e)))
    req.end(opts.body)
  })
}

function toExchangeError(e: NodeJS.ErrnoException): ExchangeError {
  if (e instanceof ExchangeError) return e
  if (e.name === 'AbortError') return new ExchangeError('aborted', 'aborted')
  return new ExchangeError(e.code ?? 'error', e.message)
}
