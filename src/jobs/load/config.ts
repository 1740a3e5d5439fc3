// The configuration of load jobs: the `load:` list of the config file, typed and with defaults, and
// the one function that turns what the file says into it. Every mistake names the job and the key.
import type { GoroutineRule } from '../../parse/goroutines.js'
import { UsageError } from '../../errors.js'
import { Reader } from './config-reader.js'
import { loopbackUrl, type ServicePorts } from './address.js'

export interface LoadRequest {
  method: string
  /** A path on the service ('/work?n=1') or an absolute loopback URL; placeholders allowed. */
  url: string
  headers: Record<string, string>
  body?: string
  /** Share of the traffic, relative to the other requests' weights. */
  weight: number
}

/** The embedded generator: node:http with keep-alive, loopback only. */
export interface EmbeddedTraffic {
  kind: 'embedded'
  requests: LoadRequest[]
  /** Requests per round; when unset, durationMs bounds a round instead. */
  count?: number
  durationMs?: number
  concurrency: number
  /** Requests per second over all connections; unset: as fast as the service answers. */
  rate?: number
  /** Per request. */
  timeoutMs: number
}

/** A user command, run as written through `bash -c` once per round, with the service's address in its environment. */
export interface CommandTraffic {
  kind: 'command'
  run: string
  /** How many requests one run sends, when known: growth is then judged per request instead of per round. */
  requests?: number
  /** Per run of the command. */
  timeoutMs: number
}

export interface ServiceConfig {
  /** A Go package of the module (`./cmd/api`), built by the gate for each side. */
  package?: string
  /** Or the argv of a start command, run from the module root. */
  command?: string[]
  /** Build with -race (package services only): a race under traffic becomes a race finding. */
  race: boolean
  args: string[]
  env: Record<string, string>
  /** A fixed port; unset: a free one the gate picks. */
  port?: number
  /** Between SIGTERM and SIGKILL. */
  stopGraceMs: number
}

export interface LoadJobConfig {
  name: string
  service: ServiceConfig
  ready: { url: string; timeoutMs: number }
  /** The net/http/pprof index, e.g. '/debug/pprof/' or 'http://127.0.0.1:{pprofPort}/debug/pprof/'. */
  pprof: { url: string }
  traffic: EmbeddedTraffic | CommandTraffic
  /** Warm-up traffic before the first measured snapshot: requests, or a duration, or runs of a command. */
  warmup: { count?: number; durationMs?: number }
  rounds: number
  /** After each round's traffic: the longest wait for finishing goroutines and connections to go. */
  cooldownMs: number
  /** Goroutines that are never leaks (goleak-style rules). */
  ignore: GoroutineRule[]
}

// Why these numbers: 1000 requests a round make one leak per 100 requests ten goroutines or descriptors
// a round, far above what a settled service moves; five rounds give Mann-Whitney a p of 0.008 at best
// (four would give 0.029, three only 0.1, never significant); a warm-up of one round fills pools and caches.
export const LOAD_DEFAULTS = {
  count: 1000,
  concurrency: 4,
  requestTimeoutMs: 10_000,
  commandTimeoutMs: 5 * 60_000,
  rounds: 5,
  cooldownMs: 1_000,
  readyTimeoutMs: 30_000,
  stopGraceMs: 5_000,
  readyUrl: '/healthz',
  pprofUrl: '/debug/pprof/'
} as const

/** Fewer rounds cannot tell growth that continues from growth that stopped after the first round. */
export const MIN_ROUNDS = 3

const JOB_KEYS = ['name', 'service', 'ready', 'pprof', 'traffic', 'warmup', 'rounds', 'cooldown', 'ignore']
const SERVICE_KEYS = ['package', 'command', 'race', 'args', 'env', 'port', 'stopGrace']
const TRAFFIC_KEYS = ['requests', 'count', 'duration', 'concurrency', 'rate', 'timeout', 'run']
const REQUEST_KEYS = ['method', 'url', 'headers', 'body', 'weight']
const RULE_KEYS: ('topFunction' | 'anyFunction' | 'createdBy')[] = ['topFunction', 'anyFunction', 'createdBy']
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']
// Any two distinct ports do to check the URLs' shape before real ones are chosen.
const SAMPLE_PORTS: ServicePorts = { port: 8080, pprofPort: 6060 }

function service(r: Reader): ServiceConfig {
  r.keys(SERVICE_KEYS)
  const pkg = r.optionalString('package')
  const command = r.optionalStringList('command')
  if ((pkg === undefined) === (command === undefined)) r.fail('', 'give exactly one of package (a Go package the gate builds) and command (argv of a start command)')
  if (command !== undefined && command.length === 0) r.fail('command', 'is empty; give the argv of the start command, e.g. ["./bin/server", "-addr", "{addr}"]')
  const port = r.optionalInteger('port', 1, 65535)
  return {
    ...(pkg !== undefined ? { package: pkg } : {}),
    ...(command !== undefined ? { command } : {}),
    race: r.optionalBoolean('race') ?? pkg !== undefined,
    args: r.optionalStringList('args') ?? [],
    env: r.optionalStringMap('env') ?? {},
    ...(port !== undefined ? { port } : {}),
    stopGraceMs: r.optionalDuration('stopGrace') ?? LOAD_DEFAULTS.stopGraceMs
  }
}

function request(r: Reader): LoadRequest {
  r.keys(REQUEST_KEYS)
  const method = (r.optionalString('method') ?? 'GET').toUpperCase()
  if (!METHODS.includes(method)) r.fail('method', `'${method}' is not one of ${METHODS.join(', ')}`)
  const url = r.string('url')
  checkUrl(r, 'url', url)
  const body = r.optionalString('body')
  return { method, url, headers: r.optionalStringMap('headers') ?? {}, ...(body !== undefined ? { body } : {}), weight: r.optionalNumber('weight', 0) ?? 1 }
}

function traffic(r: Reader): EmbeddedTraffic | CommandTraffic {
  r.keys(TRAFFIC_KEYS)
  const run = r.optionalString('run')
  if (run !== undefined) {
    for (const k of ['count', 'duration', 'concurrency', 'rate']) if (r.has(k)) r.fail(k, 'applies to the embedded generator; a run: command decides its own traffic')
    if (run.trim() === '') r.fail('run', 'is empty')
    const requests = r.optionalInteger('requests', 1)
    return { kind: 'command', run, ...(requests !== undefined ? { requests } : {}), timeoutMs: r.optionalDuration('timeout') ?? LOAD_DEFAULTS.commandTimeoutMs }
  }
  const requests = r.list('requests', request)
  if (requests.length === 0) r.fail('requests', 'is empty; list at least one request, e.g. [{ url: /work }], or give run: a command')
  if (requests.every((q) => q.weight === 0)) r.fail('requests', 'every weight is 0: no request would be sent')
  const count = r.optionalInteger('count', 1)
  const durationMs = r.optionalDuration('duration')
  if (count !== undefined && durationMs !== undefined) r.fail('', 'give count (requests per round) or duration (per round), not both')
  const rate = r.optionalNumber('rate', 0)
  return {
    kind: 'embedded',
    requests,
    ...(durationMs !== undefined ? { durationMs } : { count: count ?? LOAD_DEFAULTS.count }),
    concurrency: r.optionalInteger('concurrency', 1, 1024) ?? LOAD_DEFAULTS.concurrency,
    ...(rate !== undefined && rate > 0 ? { rate } : {}),
    timeoutMs: r.optionalDuration('timeout') ?? LOAD_DEFAULTS.requestTimeoutMs
  }
}

function warmup(r: Reader, t: EmbeddedTraffic | CommandTraffic): LoadJobConfig['warmup'] {
  const raw = r.raw('warmup')
  if (raw === undefined) return t.kind === 'command' ? { count: 1 } : t.count !== undefined ? { count: t.count } : { durationMs: t.durationMs }
  if (typeof raw === 'number') return { count: r.optionalInteger('warmup', 0) }
  const durationMs = r.optionalDuration('warmup')
  if (t.kind === 'command') r.fail('warmup', 'is the number of warm-up runs of the command (0 or more), not a duration')
  return { durationMs }
}

function checkUrl(r: Reader, key: string, url: string): void {
  const resolved = loopbackUrl(url, SAMPLE_PORTS)
  if (typeof resolved === 'string') r.fail(key, resolved)
}

function rule(r: Reader): GoroutineRule {
  r.keys(RULE_KEYS)
  const out: GoroutineRule = {}
  for (const k of RULE_KEYS) {
    const v = r.optionalString(k)
    if (v !== undefined) out[k] = v
  }
  if (Object.keys(out).length === 0) r.fail('', `a rule needs at least one of ${RULE_KEYS.join(', ')}`)
  return out
}

function job(r: Reader, index: number): LoadJobConfig {
  const name = r.string('name')
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name)) r.fail('name', `'${name}' must be 1 to 64 letters, digits, '.', '_' or '-' (it names files and findings)`)
  const named = r.named(`load[${index}] '${name}'`)
  named.keys(JOB_KEYS)
  const svc = named.object('service', service)
  const ready = named.optionalObject('ready', (q) => {
    q.keys(['url', 'timeout'])
    const url = q.optionalString('url') ?? LOAD_DEFAULTS.readyUrl
    checkUrl(q, 'url', url)
    return { url, timeoutMs: q.optionalDuration('timeout') ?? LOAD_DEFAULTS.readyTimeoutMs }
  }) ?? { url: LOAD_DEFAULTS.readyUrl, timeoutMs: LOAD_DEFAULTS.readyTimeoutMs }
  const pprof = named.optionalObject('pprof', (q) => {
    q.keys(['url'])
    const url = q.optionalString('url') ?? LOAD_DEFAULTS.pprofUrl
    checkUrl(q, 'url', url)
    return { url: url.endsWith('/') ? url : `${url}/` }
  }) ?? { url: LOAD_DEFAULTS.pprofUrl }
  const t = named.object('traffic', traffic)
  const rounds = named.optionalInteger('rounds', MIN_ROUNDS, 1000) ?? LOAD_DEFAULTS.rounds
  return {
    name,
    service: svc,
    ready,
    pprof,
    traffic: t,
    warmup: warmup(named, t),
    rounds,
    cooldownMs: named.optionalDuration('cooldown') ?? LOAD_DEFAULTS.cooldownMs,
    ignore: named.optionalList('ignore', rule) ?? []
  }
}

/**
 * The `load:` list of a config file, validated, with defaults. Throws a UsageError (exit code 2)
 * naming the job and the key, e.g. `load[1] 'api': traffic.concurrency: must be an integer ...`.
 */
export function loadJobsFrom(raw: unknown, source = 'load'): LoadJobConfig[] {
  if (raw === undefined || raw === null) return []
  const jobs = new Reader(source, { load: raw }).list('load', job)
  const seen = new Set<string>()
  for (const j of jobs) {
    if (seen.has(j.name)) throw new UsageError(`${source}: load: two jobs are named '${j.name}'; names pair a job's base and head results`)
    seen.add(j.name)
  }
  return jobs
}
