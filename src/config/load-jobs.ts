// The configuration of load jobs: the `load:` list of the config file, typed and with defaults, and
// the one reader that turns what the file says into it. Every mistake names the job and the key. The
// option table takes the list through `loadJobs`, a kind like the others (see values.ts).
import { UsageError } from '../errors.js'
import { JOB_NAME, LOAD_DEFAULTS, LOAD_JOBS_SCHEMA, MAX_JOBS, MAX_ROUNDS, METHODS, MIN_ROUNDS } from './load-jobs-schema.js'
import { Reader } from './load-reader.js'
import { loopbackUrl, type ServicePorts } from './loopback.js'
import type { CommandTraffic, EmbeddedTraffic, LoadJobConfig, LoadRequest, ServiceConfig } from './types.js'
import { goroutineRules, showRaw, type Kind } from './values.js'

const JOB_KEYS = ['name', 'service', 'ready', 'pprof', 'traffic', 'warmup', 'rounds', 'cooldown', 'ignore']
const SERVICE_KEYS = ['package', 'command', 'race', 'args', 'env', 'port', 'stopGrace']
const TRAFFIC_KEYS = ['requests', 'count', 'duration', 'concurrency', 'rate', 'timeout', 'run']
const REQUEST_KEYS = ['method', 'url', 'headers', 'body', 'weight']
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
  if (!METHODS.includes(method)) r.fail('method', `${showRaw(method)} is not one of ${METHODS.join(', ')}`)
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

/** The same rules, read the same way, as ignore.goroutines. */
function ignoreRules(r: Reader): LoadJobConfig['ignore'] {
  const raw = r.raw('ignore')
  if (raw === undefined) return []
  const read = goroutineRules.fromValue(raw)
  if (read.ok) return read.value
  const why = read.why ? ` (${read.why})` : ''
  return r.fail(read.item ? `ignore[${read.item.index}]` : 'ignore', `must be ${read.item?.expected ?? goroutineRules.expected}${why}`)
}

/** One job; `owner` is how messages name it, from its name: `load[0] 'api'`. */
function job(r: Reader, owner: (name: string) => string): LoadJobConfig {
  const name = r.string('name')
  if (!JOB_NAME.test(name)) r.fail('name', `${showRaw(name)} must be 1 to 64 letters, digits, '.', '_' or '-' (it names files and findings)`)
  const named = r.named(owner(name))
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
  const rounds = named.optionalInteger('rounds', MIN_ROUNDS, MAX_ROUNDS) ?? LOAD_DEFAULTS.rounds
  return {
    name,
    service: svc,
    ready,
    pprof,
    traffic: t,
    warmup: warmup(named, t),
    rounds,
    cooldownMs: named.optionalDuration('cooldown') ?? LOAD_DEFAULTS.cooldownMs,
    ignore: ignoreRules(named)
  }
}

function duplicateName(jobs: LoadJobConfig[]): string | undefined {
  const seen = new Set<string>()
  for (const j of jobs) {
    if (seen.has(j.name)) return j.name
    seen.add(j.name)
  }
  return undefined
}

const duplicate = (name: string): string => `two jobs are named '${name}'; names pair a job's base and head results`

/**
 * The `load:` list of a config file, validated, with defaults. Throws a UsageError (exit code 2)
 * naming the job and the key, e.g. `load[1] 'api': traffic.concurrency: must be an integer ...`.
 */
export function loadJobsFrom(raw: unknown, source = 'load'): LoadJobConfig[] {
  if (raw === undefined || raw === null) return []
  const jobs = new Reader(source, { load: raw }).list('load', (r, i) => job(r, (name) => `load[${i}] '${name}'`))
  const twice = duplicateName(jobs)
  if (twice !== undefined) throw new UsageError(`${source}: load: ${duplicate(twice)}`)
  return jobs
}

/**
 * The `load:` option's kind. The file reader names the list item, its file and line
 * (`load[0] in go-leak-gate.yml:4:3 must be a load job (got a mapping: 'api': rounds: ...)`).
 */
export const loadJobs: Kind<LoadJobConfig[]> = {
  expected: 'a list of load jobs',
  examples: [],
  metavar: '',
  schema: LOAD_JOBS_SCHEMA,
  fromText: () => ({ ok: false }),
  fromValue(v) {
    if (!Array.isArray(v)) return { ok: false }
    if (v.length > MAX_JOBS) return { ok: false, why: `more than ${MAX_JOBS} jobs` }
    const jobs: LoadJobConfig[] = []
    for (const [index, raw] of v.entries()) {
      try {
        jobs.push(job(new Reader('', raw), (name) => `'${name}'`))
      } catch (err) {
        if (!(err instanceof UsageError)) throw err
        return { ok: false, why: err.message, item: { index, expected: 'a load job', raw } }
      }
    }
    const twice = duplicateName(jobs)
    return twice === undefined ? { ok: true, value: jobs } : { ok: false, why: duplicate(twice) }
  },
  show: (jobs) => jobs.map((j) => j.name).join(' ')
}
