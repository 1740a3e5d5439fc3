// Where a load job's service listens and what the gate may send traffic to: loopback only, so a load
// job can never be pointed at someone else's server. Placeholders put the chosen ports into arguments,
// environment values and URLs without building any shell text. Pure: the config loader checks the URLs
// of a job with these before anything runs.
import { showRaw } from './values.js'

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
    return `${showRaw(text)} is not a URL or a path`
  }
  if (url.protocol !== 'http:') return `${showRaw(text)} is ${url.protocol.replace(/:$/, '')}; the gate speaks plain http to the service it started`
  if (!isLoopbackHost(url.hostname)) {
    return `${showRaw(text)} is not on a loopback address: load traffic goes to 127.0.0.1, ::1 or localhost only, never to another machine`
  }
  if (url.hostname.toLowerCase() === 'localhost') url.hostname = LOOPBACK_HOST
  return url
}
