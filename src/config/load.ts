import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { Ajv, type ErrorObject } from 'ajv'
import { parseDocument } from 'yaml'
import { UsageError } from '../errors.js'
import { DEFAULT_COMPARE, DEFAULT_RUN, DEFAULT_TESTS } from './defaults.js'
import CONFIG_SCHEMA from './config.schema.json' with { type: 'json' }
import type { CompareConfig, Config, GoroutineRule, RelAbs, RunConfig, TestConfig } from './types.js'

type Fraction = number | string
interface FileRelAbs {
  relative?: Fraction
  absolute?: number
}

/** The config file as written (YAML or JSON), before defaults are applied. */
export interface FileConfig {
  run?: { packages?: string[]; bench?: string; count?: number; benchtime?: string; timeout?: string; race?: boolean }
  thresholds?: {
    time?: { relative?: Fraction }
    custom?: { relative?: Fraction }
    allocsPerOp?: FileRelAbs
    bytesPerOp?: FileRelAbs
    retainedBytesPerOp?: FileRelAbs
    gcPauseP99?: FileRelAbs
    gcCyclesPerOp?: FileRelAbs
  }
  statistics?: { alpha?: number; minSamples?: number; correction?: 'none' | 'bh' }
  metrics?: Record<string, 'higher' | 'lower'>
  ignore?: { benchmarks?: string[]; goroutines?: GoroutineRule[] }
  tests?: {
    enabled?: boolean
    race?: boolean
    run?: string
    timeout?: string
    settle?: string
    narrowBudget?: string
    raceBenchtime?: string
  }
  gc?: { pauseSeverity?: 'fail' | 'warn' }
}

const ajv = new Ajv({ allErrors: true, strict: false })
const validate = ajv.compile<FileConfig>(CONFIG_SCHEMA)

/** Keys allowed at a schema path, to suggest the closest one for a typo. */
function allowedKeys(instancePath: string): string[] {
  let node: unknown = CONFIG_SCHEMA
  for (const part of instancePath.split('/').filter(Boolean)) {
    const props = (node as { properties?: Record<string, unknown> }).properties
    node = props?.[part]
  }
  const props = (node as { properties?: Record<string, unknown> } | undefined)?.properties
  return props ? Object.keys(props) : []
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) d[0][j] = j
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1))
  return d[a.length][b.length]
}

function describe(e: ErrorObject, source: string): string {
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(top level)'
  if (e.keyword === 'additionalProperties') {
    const key = String((e.params as { additionalProperty: string }).additionalProperty)
    const candidates = allowedKeys(e.instancePath)
    const best = candidates.map((c) => ({ c, d: editDistance(key, c) })).sort((x, y) => x.d - y.d)[0]
    const hint = best && best.d <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean '${best.c}'?)` : ''
    const list = candidates.length ? ` Known keys: ${candidates.join(', ')}.` : ''
    return `${source}: unknown key '${key}' in ${where}${hint}.${list}`
  }
  if (e.keyword === 'enum') {
    const allowed = (e.params as { allowedValues: unknown[] }).allowedValues
    return `${source}: ${where} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`
  }
  if (e.keyword === 'pattern' || e.keyword === 'anyOf') {
    const ex = where.endsWith('benchtime') ? " like '1s' or '1000x'" : where.endsWith('timeout') ? " like '10m'" : " like 0.1 or '10%'"
    return `${source}: ${where} has a value of the wrong form; write it${ex}`
  }
  return `${source}: ${where} ${e.message ?? 'is invalid'}`
}

/** Parses and validates a config file's text. Throws UsageError naming the file, line and key. */
export function parseConfigText(text: string, source: string): FileConfig {
  const doc = parseDocument(text, { prettyErrors: true })
  if (doc.errors.length > 0) {
    const e = doc.errors[0]
    const pos = e.linePos?.[0]
    throw new UsageError(`${source}${pos ? `:${pos.line}:${pos.col}` : ''}: not valid YAML: ${e.message.split('\n')[0]}`)
  }
  const value: unknown = doc.toJS() ?? {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`${source}: expected a mapping of settings (run, thresholds, statistics, ...), found ${Array.isArray(value) ? 'a list' : typeof value}`)
  }
  if (!validate(value)) {
    const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'type' || !(validate.errors ?? []).some((o) => o.keyword === 'anyOf' && o.instancePath === e.instancePath))
    throw new UsageError(errors.map((e) => describe(e, source)).join('\n'))
  }
  return value
}

export function toFraction(v: Fraction | undefined, fallback: number): number {
  if (v === undefined) return fallback
  if (typeof v === 'number') return v
  return Number(v.slice(0, -1)) / 100
}

const DURATION_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

export function parseDuration(text: string, what: string): number {
  const m = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)$/.exec(text.trim())
  if (!m) throw new UsageError(`${what}: '${text}' is not a duration; write it like '90s' or '10m'`)
  return Number(m[1]) * DURATION_MS[m[2]]
}

function relAbs(file: FileRelAbs | undefined, d: RelAbs): RelAbs {
  return { relative: toFraction(file?.relative, d.relative), absolute: file?.absolute ?? d.absolute }
}

export function compareConfigFrom(file: FileConfig): CompareConfig {
  const d = DEFAULT_COMPARE
  const t = file.thresholds ?? {}
  for (const re of file.ignore?.benchmarks ?? []) {
    try {
      new RegExp(re)
    } catch (err) {
      throw new UsageError(`ignore.benchmarks: '${re}' is not a valid regular expression (${(err as Error).message})`)
    }
  }
  return {
    thresholds: {
      time: { relative: toFraction(t.time?.relative, d.thresholds.time.relative) },
      custom: { relative: toFraction(t.custom?.relative, d.thresholds.custom.relative) },
      allocsPerOp: relAbs(t.allocsPerOp, d.thresholds.allocsPerOp),
      bytesPerOp: relAbs(t.bytesPerOp, d.thresholds.bytesPerOp),
      retainedBytesPerOp: relAbs(t.retainedBytesPerOp, d.thresholds.retainedBytesPerOp),
      gcPauseP99: relAbs(t.gcPauseP99, d.thresholds.gcPauseP99),
      gcCyclesPerOp: relAbs(t.gcCyclesPerOp, d.thresholds.gcCyclesPerOp)
    },
    statistics: { ...d.statistics, ...file.statistics },
    metricDirections: { ...d.metricDirections, ...file.metrics },
    ignoreBenchmarks: [...d.ignoreBenchmarks, ...(file.ignore?.benchmarks ?? [])],
    gcPauseSeverity: file.gc?.pauseSeverity ?? d.gcPauseSeverity
  }
}

/** Options given on the command line or as action inputs; they win over the file. */
export type RunOverrides = Partial<Omit<RunConfig, 'dir'>>

export function runConfigFrom(dir: string, file: FileConfig, overrides: RunOverrides): RunConfig {
  const r = file.run ?? {}
  const fromFile: RunOverrides = {
    packages: r.packages,
    bench: r.bench,
    count: r.count,
    benchtime: r.benchtime,
    timeoutMs: r.timeout !== undefined ? parseDuration(r.timeout, 'run.timeout') : undefined,
    race: r.race
  }
  const pick = <K extends keyof RunOverrides>(k: K): NonNullable<RunOverrides[K]> =>
    (overrides[k] ?? fromFile[k] ?? DEFAULT_RUN[k]) as NonNullable<RunOverrides[K]>
  const packages = pick('packages')
  // Patterns go to go list and go test as arguments; one starting with '-' would be read as a flag.
  const flagLike = packages.find((p) => p.startsWith('-'))
  if (flagLike !== undefined) throw new UsageError(`package pattern '${flagLike}' starts with '-': give patterns like ./... or ./pkg/...`)
  return {
    dir,
    packages,
    bench: pick('bench'),
    count: pick('count'),
    benchtime: pick('benchtime'),
    timeoutMs: pick('timeoutMs'),
    race: pick('race')
  }
}

/** Options for the test pass given on the command line or as action inputs; they win over the file. */
export type TestOverrides = Partial<Pick<TestConfig, 'enabled' | 'race' | 'run' | 'timeoutMs'>>

export function testConfigFrom(file: FileConfig, overrides: TestOverrides = {}): TestConfig {
  const t = file.tests ?? {}
  const d = DEFAULT_TESTS
  const duration = (v: string | undefined, what: string, fallback: number): number => (v === undefined ? fallback : parseDuration(v, what))
  return {
    enabled: overrides.enabled ?? t.enabled ?? d.enabled,
    race: overrides.race ?? t.race ?? d.race,
    run: overrides.run ?? t.run ?? d.run,
    timeoutMs: overrides.timeoutMs ?? duration(t.timeout, 'tests.timeout', d.timeoutMs),
    settleMs: duration(t.settle, 'tests.settle', d.settleMs),
    narrowBudgetMs: duration(t.narrowBudget, 'tests.narrowBudget', d.narrowBudgetMs),
    raceBenchtime: t.raceBenchtime ?? d.raceBenchtime,
    ignore: [...d.ignore, ...(file.ignore?.goroutines ?? [])]
  }
}

export function buildConfig(dir: string, file: FileConfig, overrides: RunOverrides, tests: TestOverrides = {}): Config {
  return { run: runConfigFrom(dir, file, overrides), compare: compareConfigFrom(file), tests: testConfigFrom(file, tests) }
}

export const DEFAULT_CONFIG_FILES = ['.github/go-leak-gate.yml', 'go-leak-gate.yml', '.go-leak-gate.yml']

/**
 * Reads the config file: the given path (which must exist), or the first default location found
 * under the module directory. Returns an empty config when there is none.
 */
export async function readConfigFile(path: string | undefined, moduleDir: string): Promise<{ file: FileConfig; source?: string }> {
  const candidates = path ? [resolve(path)] : DEFAULT_CONFIG_FILES.map((f) => resolve(moduleDir, f))
  for (const c of candidates) {
    let text: string
    try {
      text = await readFile(c, 'utf8')
    } catch (err) {
      if (path) throw new UsageError(`config file ${path} cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
      continue
    }
    return { file: parseConfigText(text, c), source: c }
  }
  return { file: {} }
}
