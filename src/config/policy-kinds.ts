// The kinds of the policy (`policy:`, `--policy allocs=warn,gc=ignore`) and of the file's `overrides:` list.
// Both are read like every other option (values.ts): one parser for the file and for the flag or input,
// refused with the key, the file and the place. The overrides' thresholds are read by the option table's
// own kinds for those thresholds, handed in, so an override's `relative: ten` is refused in the words
// `thresholds.time.relative: ten` is.
import { UsageError } from '../errors.js'
import { Reader } from './load-reader.js'
import { suggestion } from './suggest.js'
import { POLICY_CLASSES, type Override, type Policy, type PolicyAction, type PolicyClass, type RelAbs } from './types.js'
import { showRaw, type JsonSchema, type Kind } from './values.js'

const ACTIONS = ['fail', 'warn', 'ignore'] as const satisfies readonly PolicyAction[]

const isClass = (k: string): k is PolicyClass => (POLICY_CLASSES as readonly string[]).includes(k)
const isAction = (v: unknown): v is PolicyAction => typeof v === 'string' && (ACTIONS as readonly string[]).includes(v)
// The flag and the input may spell a class in kebab case, as flags are ('bench-failure=warn').
const camel = (s: string): string => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())

/** One class and its action, or why not: the same words for the file, the flag and an override. */
function entry(key: string, value: unknown): { ok: true; cls: PolicyClass; action: PolicyAction } | { ok: false; why: string } {
  const cls = camel(key)
  if (!isClass(cls)) return { ok: false, why: `unknown class ${showRaw(key)}${suggestion(cls, [...POLICY_CLASSES])}; the classes are ${POLICY_CLASSES.join(', ')}` }
  if (!isAction(value)) return { ok: false, why: `${cls} must be fail, warn or ignore, not ${showRaw(value)}` }
  return { ok: true, cls, action: value }
}

function policyFrom(pairs: [string, unknown][]): { ok: true; value: Policy } | { ok: false; why: string } {
  const out: Policy = {}
  for (const [k, v] of pairs) {
    const e = entry(k, v)
    if (!e.ok) return e
    if (out[e.cls] !== undefined) return { ok: false, why: `${e.cls} is given twice` }
    out[e.cls] = e.action
  }
  return { ok: true, value: out }
}

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

export const POLICY_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(POLICY_CLASSES.map((c) => [c, { enum: [...ACTIONS] }]))
}

export const policy: Kind<Policy> = {
  expected: 'classes of finding set to fail, warn or ignore',
  examples: ['allocs=warn,gc=ignore'],
  metavar: 'CLASS=ACTION,...',
  schema: POLICY_SCHEMA,
  fromText(t) {
    const items = t.split(/[\s,]+/).filter(Boolean)
    const pairs: [string, unknown][] = []
    for (const item of items) {
      const m = /^([A-Za-z-]+)=([a-z]+)$/.exec(item)
      if (!m) return { ok: false, why: `${showRaw(item)} is not CLASS=ACTION` }
      pairs.push([m[1], m[2]])
    }
    return policyFrom(pairs)
  },
  fromValue: (v) => (isMapping(v) ? policyFrom(Object.entries(v)) : { ok: false }),
  show: (p) =>
    Object.entries(p)
      .map(([k, v]) => `${k}=${v}`)
      .join(',')
}

// Import paths: letters, digits and . _ ~ + - /; '...' (any text, as go list takes it) and '*' (within one
// path element) are the wildcards. Nothing else, so a pattern is never a regular expression in disguise.
const PACKAGE_PATTERN = /^[A-Za-z0-9._~+/*][A-Za-z0-9._~+\-/*]*$/
const MAX_OVERRIDES = 1000

/** The option table's kinds for one metric's relative and absolute threshold. */
export type ThresholdKinds = Record<string, { relative: Kind<number>; absolute: Kind<number> }>

function thresholdsOf(r: Reader, kinds: ThresholdKinds): Override['thresholds'] {
  r.keys(Object.keys(kinds))
  const out: Record<string, Partial<RelAbs>> = {}
  for (const metric of Object.keys(kinds)) {
    const limits = r.optionalObject(metric, (m: Reader) => {
      m.keys(['relative', 'absolute'])
      const got: Partial<RelAbs> = {}
      for (const which of ['relative', 'absolute'] as const) {
        if (!m.has(which)) continue
        const kind = kinds[metric][which]
        const read = kind.fromValue(m.raw(which))
        if (!read.ok) m.fail(which, `must be ${kind.expected}, like ${kind.examples.map((e) => `'${e}'`).join(' or ')} (got ${showRaw(m.raw(which))})`)
        got[which] = read.value
      }
      return got
    })
    if (limits !== undefined) out[metric] = limits
  }
  return out
}

function override(r: Reader, kinds: ThresholdKinds): Override {
  r.keys(['package', 'benchmark', 'thresholds', 'policy'])
  const pkg = r.optionalString('package')
  const benchmark = r.optionalString('benchmark')
  if (pkg === undefined && benchmark === undefined) r.fail('', 'give package (a Go package pattern) or benchmark (a regular expression on its name), or both')
  if (pkg !== undefined && !PACKAGE_PATTERN.test(pkg)) {
    r.fail('package', `${showRaw(pkg)} is not a Go package pattern; write an import path with '...' or '*' wildcards, like 'example.com/m/legacy/...' or './internal/...'`)
  }
  if (benchmark !== undefined) {
    try {
      new RegExp(benchmark)
    } catch (err) {
      r.fail('benchmark', `${showRaw(benchmark)} is not a valid regular expression: ${(err as Error).message}`)
    }
  }
  const thresholds = r.optionalObject('thresholds', (t) => thresholdsOf(t, kinds)) ?? {}
  const raw = r.raw('policy')
  let pol: Policy = {}
  if (raw !== undefined) {
    const read = policy.fromValue(raw)
    if (!read.ok) r.fail('policy', read.why ?? `must be a mapping of classes to fail, warn or ignore (got ${showRaw(raw)})`)
    pol = read.value
  }
  if (Object.keys(thresholds).length === 0 && Object.keys(pol).length === 0) r.fail('', 'sets nothing: give thresholds or policy')
  return { ...(pkg !== undefined ? { package: pkg } : {}), ...(benchmark !== undefined ? { benchmark } : {}), thresholds, policy: pol }
}

function overridesSchema(kinds: ThresholdKinds): JsonSchema {
  const limits = (metric: string): JsonSchema => ({
    type: 'object',
    additionalProperties: false,
    properties: { relative: kinds[metric].relative.schema, absolute: kinds[metric].absolute.schema }
  })
  return {
    type: 'array',
    maxItems: MAX_OVERRIDES,
    items: {
      type: 'object',
      additionalProperties: false,
      properties: {
        package: { type: 'string', pattern: PACKAGE_PATTERN.source, description: "A Go package pattern on import paths: 'example.com/m/legacy/...', './internal/...'; '*' matches within one path element." },
        benchmark: { type: 'string', description: "A regular expression on the benchmark's name, e.g. '^BenchmarkParse'; such an override applies to benchmarks only." },
        thresholds: { type: 'object', additionalProperties: false, properties: Object.fromEntries(Object.keys(kinds).map((m) => [m, limits(m)])) },
        policy: POLICY_SCHEMA
      },
      anyOf: [{ required: ['package'] }, { required: ['benchmark'] }]
    }
  }
}

/**
 * The `overrides:` list. The file reader names the item, its file and line
 * (`overrides[1] in go-leak-gate.yml:7:5 must be an override (got a mapping: benchmark: ...)`).
 */
export function overrides(kinds: ThresholdKinds): Kind<Override[]> {
  return {
    expected: 'a list of overrides',
    examples: [],
    metavar: '',
    schema: overridesSchema(kinds),
    fromText: () => ({ ok: false }),
    fromValue(v) {
      if (!Array.isArray(v)) return { ok: false }
      if (v.length > MAX_OVERRIDES) return { ok: false, why: `more than ${MAX_OVERRIDES} overrides` }
      const out: Override[] = []
      for (const [index, raw] of v.entries()) {
        try {
          out.push(override(new Reader('', raw), kinds))
        } catch (err) {
          if (!(err instanceof UsageError)) throw err
          return { ok: false, why: err.message, item: { index, expected: 'an override', raw } }
        }
      }
      return { ok: true, value: out }
    },
    show: (list) => (list.length === 0 ? '' : `${list.length} overrides`)
  }
}
