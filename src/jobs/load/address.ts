// Where a load job's service listens and what the gate may send traffic to: loopback only, so a load
// job can never be pointed at someone else's server. Placeholders put the chosen ports into arguments,
// environment values and URLs without building any shell text.
import { createServer } from 'node:net'

/** Ports of one started service: the service's own and a second one for a separate pprof listener. */
export interface ServicePorts {
  port: number
  pprofPort: number
}

const PLACEHOLDER = /\{(port|addr|url|pprofPort|pprofAddr)\}/g

/** The placeholder names, for documentation and error messages. */
export const PLACEHOLDERS = ['{port}', '{addr}', '{url}', '{pprofPort}', '{pprofAddr}'] as const

export const LOOPBACK_HOST = '127.0.0.1'

/** Replaces {port}, {addr} (127.0.0.1:port), {url} (http://addr), {pprofPort} and {pprofAddr}. */
export function expandPlaceholders(text: string, ports: ServicePorts): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    switch (name) {
      case 'port':
        return String(ports.port)
      case 'addr':
        return `${LOOPBACK_HOST}:${ports.port}`
      case 'url':
        return `http://${LOOPBACK_HOST}:${ports.port}`
      case 'pprofPort':
        return String(ports.pprofPort)
      default:
        return `${LOOPBACK_HOST}:${ports.pprofPort}`
    }
  })
}

export function usesPprofPort(texts: Iterable<string>): boolean {
  for (const t of texts) if (/\{pprof(Port|Addr)\}/.test(t)) return true
  return false
}

/** Whether a URL's host is a loopback address: 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost' || host === '::1') return true
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host)
  return m !== null && m.slice(1).every((x) => Number(x) <= 255)
}

/**
 * Resolves a URL of the config (a path like '/healthz', or an absolute http URL with placeholders)
 * against the service, and checks that it stays on loopback. Returns the URL or why it is refused.
 * `localhost` becomes 127.0.0.1: it may resolve to ::1 first, where a service bound to 127.0.0.1
 * does not answer.
 */
export function loopbackUrl(text: string, ports: ServicePorts): URL | string {
  const expanded = expandPlaceholders(text, ports)
  let url: URL
  try {
    url = new URL(expanded, `http://${LOOPBACK_HOST}:${ports.port}`)
  } catch {
    return `'${text}' is not a URL or a path`
  }
  if (url.protocol !== 'http:') return `'${text}' is ${url.protocol.replace(/:$/, '')}; the gate speaks plain http to the service it started`
  if (!isLoopbackHost(url.hostname)) {
    return `'${text}' is not on a loopback address: load traffic goes to 127.0.0.1, ::1 or localhost only, never to another machine`
  }
  if (url.hostname.toLowerCase() === 'localhost') url.hostname = LOOPBACK_HOST
  return url
}

/** A port that was free a moment ago: the kernel's pick for port 0 on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once('error', reject)
    server.listen(0, LOOPBACK_HOST, () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port assigned'))))
    })
  })
}

/** Whether something listens on 127.0.0.1:port already (binding it fails with EADDRINUSE). */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.unref()
    server.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'EADDRINUSE' || err.code === 'EACCES'))
    server.listen(port, LOOPBACK_HOST, () => server.close(() => resolve(false)))
  })
}
