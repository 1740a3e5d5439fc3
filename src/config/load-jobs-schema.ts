// The defaults of a load job and the JSON Schema of the config file's `load:` list, for editors and for
// the schema the option table publishes. It says what the reader in load-jobs.ts accepts, except what
// JSON Schema cannot: that URLs stay on loopback, that a warm-up of a run: command is a count, and which
// names are used twice.
import { duration, goroutineRules, showDuration, type JsonSchema } from './values.js'

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
// Rounds cost time; a thousand is past any use, and keeps a result's snapshot list bounded.
export const MAX_ROUNDS = 1000

export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']
export const JOB_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/
// Each job costs minutes of a runner; a bound keeps a hostile file from asking for thousands.
export const MAX_JOBS = 100

const DURATION: JsonSchema = duration().schema
const STRING_MAP: JsonSchema = { type: 'object', additionalProperties: { type: 'string' } }
const ARGV: JsonSchema = { type: 'array', items: { type: 'string' } }
// The reader upper-cases the method, so any case is accepted.
const METHOD_PATTERN = `^(${METHODS
  .map((m) => [...m].map((c) => `[${c}${c.toLowerCase()}]`).join(''))
  .join('|')})$`

const URL_DOC = "A path on the service ('/work?n=1') or an http URL on 127.0.0.1, ::1 or localhost; {port}, {addr}, {url}, {pprofPort} and {pprofAddr} are replaced."

const SERVICE: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description: 'The service: a Go package the gate builds for base and head alike, or a start command.',
  properties: {
    package: { type: 'string', description: "A package of the module, e.g. './cmd/api'." },
    command: { ...ARGV, minItems: 1, description: "argv of a start command, run from the module root, e.g. ['./bin/server', '-addr', '{addr}']." },
    race: { type: 'boolean', description: 'Build with -race (package services; on by default): a race under traffic becomes a race finding.' },
    args: { ...ARGV, description: "The service's arguments; placeholders like {addr} are replaced." },
    env: { ...STRING_MAP, description: "Environment of the service; PORT and GO_LEAK_GATE_URL, _ADDR, _PORT and _PPROF_ADDR are set too." },
    port: { type: 'integer', minimum: 1, maximum: 65535, description: 'A fixed port (it must be free); by default the gate picks a free one.' },
    stopGrace: { ...DURATION, description: 'Time between SIGTERM and SIGKILL when the service is stopped.', default: showDuration(LOAD_DEFAULTS.stopGraceMs) }
  },
  oneOf: [{ required: ['package'] }, { required: ['command'] }]
}

const REQUEST: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['url'],
  properties: {
    method: { type: 'string', pattern: METHOD_PATTERN, default: 'GET' },
    url: { type: 'string', description: URL_DOC },
    headers: STRING_MAP,
    body: { type: 'string' },
    weight: { type: 'number', minimum: 0, default: 1, description: "Share of the traffic, relative to the other requests' weights." }
  }
}

const EMBEDDED: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description: "The embedded generator: keep-alive connections to loopback, requests in a fixed weighted order.",
  required: ['requests'],
  properties: {
    requests: { type: 'array', minItems: 1, items: REQUEST },
    count: { type: 'integer', minimum: 1, default: LOAD_DEFAULTS.count, description: 'Requests per round.' },
    duration: { ...DURATION, description: 'Or the length of a round.' },
    concurrency: { type: 'integer', minimum: 1, maximum: 1024, default: LOAD_DEFAULTS.concurrency },
    rate: { type: 'number', minimum: 0, description: 'Requests per second over all connections; by default as fast as the service answers.' },
    timeout: { ...DURATION, description: 'Per request.', default: showDuration(LOAD_DEFAULTS.requestTimeoutMs) }
  },
  not: { required: ['count', 'duration'] }
}

const COMMAND: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description: "A command run through bash -c once per round, with the service's address in GO_LEAK_GATE_URL and GO_LEAK_GATE_ADDR.",
  required: ['run'],
  properties: {
    run: { type: 'string', pattern: '\\S' },
    requests: { type: 'integer', minimum: 1, description: 'How many requests one run sends, when known: growth is then judged per request.' },
    timeout: { ...DURATION, description: 'Per run of the command.', default: showDuration(LOAD_DEFAULTS.commandTimeoutMs) }
  }
}

const JOB: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'service', 'traffic'],
  properties: {
    name: { type: 'string', pattern: JOB_NAME.source, description: 'Names the job in findings and files; pairs its base and head runs.' },
    service: SERVICE,
    ready: {
      type: 'object',
      additionalProperties: false,
      properties: { url: { type: 'string', default: LOAD_DEFAULTS.readyUrl, description: `Answers 2xx once the service is ready. ${URL_DOC}` }, timeout: { ...DURATION, default: showDuration(LOAD_DEFAULTS.readyTimeoutMs) } }
    },
    pprof: {
      type: 'object',
      additionalProperties: false,
      properties: { url: { type: 'string', default: LOAD_DEFAULTS.pprofUrl, description: `The net/http/pprof index. ${URL_DOC}` } }
    },
    traffic: { oneOf: [EMBEDDED, COMMAND] },
    warmup: {
      anyOf: [{ type: 'integer', minimum: 0 }, DURATION],
      description: 'Traffic before the first measured snapshot: requests (runs of a run: command), or a duration. By default one round.'
    },
    rounds: { type: 'integer', minimum: MIN_ROUNDS, maximum: MAX_ROUNDS, default: LOAD_DEFAULTS.rounds, description: 'Rounds of the same traffic, a snapshot after each; three tell a leak from a warm-up.' },
    cooldown: { ...DURATION, default: showDuration(LOAD_DEFAULTS.cooldownMs), description: "After each round: the longest wait for the service's goroutines and descriptors to settle." },
    ignore: { ...goroutineRules.schema, description: 'goleak-style rules for this job: goroutines matching any rule are never leaks.' }
  }
}

export const LOAD_JOBS_SCHEMA: JsonSchema = { type: 'array', items: JOB, maxItems: MAX_JOBS }
