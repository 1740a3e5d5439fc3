// One parser per kind of value, shared by the config file, the action's inputs and the CLI's flags, so a
// value means the same and is refused with the same words wherever it is written.
import { UsageError } from '../errors.js'
import type { GoroutineRule, Shard } from './types.js'

/** Where a value came from, as the error message names it. */
export type Source =
  | { kind: 'flag'; name: string }
  | { kind: 'input'; name: string }
  | { kind: 'file'; key: string; file?: string; line?: number; col?: number }

export type JsonSchema = { [key: string]: unknown }

/** A failure may name the item of a list that is wrong, so the message can point at it. */
type Read<T> = { ok: true; value: T } | { ok: false; why?: string; item?: { index: number; expected: string; raw: unknown } }

export interface Kind<T> {
  /** Completes "must be ...". */
  expected: string
  /** Good values as a user would type them. */
  examples: string[]
  /** Placeholder for the value in the CLI's help. */
  metavar: string
  schema: JsonSchema
  /** Flags of a 'boolean' kind take no value (and get a --no- form); 'multiple' ones may repeat. */
  flag?: 'boolean' | 'multiple'
  /** The text of a flag or an action input. */
  fromText(text: string): Read<T>
  /** A value from the YAML file, of any shape. */
  fromValue(value: unknown): Read<T>
  /** How the value is written, for defaults in action.yml and the help. */
  show(value: T): string
  /** How the value is written in the file, when that differs from the typed value (durations are text there). */
  fileForm?(value: T): unknown
}

const ok = <T>(value: T): Read<T> => ({ ok: true, value })
const no = <T>(why?: string): Read<T> => ({ ok: false, why })

// Messages quote what the user wrote; a 1 MB value or a control character must not make them unreadable.
const SHOWN_CHARS = 60

export function showRaw(raw: unknown): string {
  if (typeof raw === 'string') {
    const cut = raw.length > SHOWN_CHARS ? `${raw.slice(0, SHOWN_CHARS)}... (${raw.length} characters)` : raw
    return `'${cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffd]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`
  }
  if (raw === null || raw === undefined) return 'nothing'
  if (Array.isArray(raw)) return 'a list'
  if (typeof raw === 'object') return 'a mapping'
  return String(raw)
}

export function where(src: Source): string {
  if (src.kind === 'flag') return `--${src.name}`
  if (src.kind === 'input') return `input '${src.name}'`
  if (!src.file) return src.key
  return `${src.key} in ${src.file}${src.line !== undefined ? `:${src.line}:${src.col ?? 1}` : ''}`
}

/** The one message for a value that is not good, wherever it was written. */
export function badValue(src: Source, kind: Pick<Kind<unknown>, 'expected' | 'examples'>, raw: unknown, why?: string): UsageError {
  const like = kind.examples.length ? `, like ${kind.examples.map((e) => `'${e}'`).join(' or ')}` : ''
  return new UsageError(`${where(src)} must be ${kind.expected}${like} (got ${showRaw(raw)}${why ? `: ${why}` : ''})`)
}

function refuse(src: Source, kind: Kind<unknown>, raw: unknown, r: { why?: string; item?: { index: number; expected: string; raw: unknown } }, itemSource?: (index: number) => Source): UsageError {
  if (!r.item) return badValue(src, kind, raw, r.why)
  const at = itemSource?.(r.item.index) ?? (src.kind === 'file' ? { ...src, key: `${src.key}[${r.item.index}]` } : src)
  return badValue(at, { expected: r.item.expected, examples: [] }, r.item.raw, r.why)
}

export function readText<T>(kind: Kind<T>, text: string, src: Source): T {
  const r = kind.fromText(text)
  if (!r.ok) throw refuse(src, kind, text, r)
  return r.value
}

/** `itemSource` places an error in a list's item (the file reader knows where each item is). */
export function readValue<T>(kind: Kind<T>, value: unknown, src: Source, itemSource?: (index: number) => Source): T {
  const r = kind.fromValue(value)
  if (!r.ok) throw refuse(src, kind, value, r, itemSource)
  return r.value
}

// Values end up as arguments of go test; a NUL cannot be passed in argv at all, and nothing sane is this long.
const MAX_TEXT = 4096
function plainText(s: string): string | undefined {
  if (s.length > MAX_TEXT) return `longer than ${MAX_TEXT} characters`
  if (s.includes('\0')) return 'contains a NUL character'
  return undefined
}

/** Kinds whose file form is the same text as a flag's. */
function textual<T>(k: Omit<Kind<T>, 'fromValue'>): Kind<T> {
  return { ...k, fromValue: (v) => (typeof v === 'string' ? k.fromText(v) : no()) }
}

export function int(o: { min: number; max?: number; example: number }): Kind<number> {
  const inRange = (n: number): Read<number> =>
    Number.isSafeInteger(n) && n >= o.min && (o.max === undefined || n <= o.max) ? ok(n) : no()
  return {
    expected: o.max === undefined ? `a whole number of at least ${o.min}` : `a whole number from ${o.min} to ${o.max}`,
    examples: [String(o.example)],
    metavar: 'N',
    schema: { type: 'integer', minimum: o.min, ...(o.max !== undefined ? { maximum: o.max } : {}) },
    fromText: (t) => (/^[0-9]{1,15}$/.test(t.trim()) ? inRange(Number(t.trim())) : no()),
    fromValue: (v) => (typeof v === 'number' ? inRange(v) : no()),
    show: String
  }
}

/** A real number; `above` excludes its bound, `min` includes it. */
export function num(o: { min?: number; above?: number; max?: number; example: number; unit?: string }): Kind<number> {
  const bounds = [o.above !== undefined ? `above ${o.above}` : o.min !== undefined ? `at least ${o.min}` : '', o.max !== undefined ? `at most ${o.max}` : '']
  const inRange = (n: number): Read<number> =>
    Number.isFinite(n) && (o.above === undefined || n > o.above) && (o.min === undefined || n >= o.min) && (o.max === undefined || n <= o.max) ? ok(n) : no()
  return {
    expected: `a number${o.unit ? ` of ${o.unit}` : ''}${bounds.filter(Boolean).length ? ' ' + bounds.filter(Boolean).join(' and ') : ''}`,
    examples: [String(o.example)],
    metavar: 'N',
    schema: {
      type: 'number',
      ...(o.min !== undefined ? { minimum: o.min } : {}),
      ...(o.above !== undefined ? { exclusiveMinimum: o.above } : {}),
      ...(o.max !== undefined ? { maximum: o.max } : {})
    },
    fromText: (t) => (/^-?[0-9]{1,15}(\.[0-9]{1,15})?$/.test(t.trim()) ? inRange(Number(t.trim())) : no()),
    fromValue: (v) => (typeof v === 'number' ? inRange(v) : no()),
    show: String
  }
}

// A bare '10' used to mean 10% as an action input and 1000% as a file number; text without '%' must now be
// a fraction below 1, so the old spelling is refused instead of silently meaning something else.
const PERCENT = /^([0-9]{1,12}(\.[0-9]{1,12})?)%$/
const FRACTION_TEXT = /^(0|0?\.[0-9]{1,12})$/
export const fraction: Kind<number> = {
  expected: 'a fraction or a percentage',
  examples: ['0.1', '10%'],
  metavar: 'PCT',
  schema: {
    anyOf: [
      { type: 'number', minimum: 0 },
      { type: 'string', pattern: '^([0-9]+(\\.[0-9]+)?%|0|0?\\.[0-9]+)$' }
    ]
  },
  fromText(t) {
    const s = t.trim()
    const p = PERCENT.exec(s)
    if (p) return ok(Number(p[1]) / 100)
    if (FRACTION_TEXT.test(s)) return ok(Number(s))
    return /^[0-9]+(\.[0-9]+)?$/.test(s) ? no(`write '${s}%' for a percentage`) : no()
  },
  fromValue: (v) => (typeof v === 'number' ? (Number.isFinite(v) && v >= 0 ? ok(v) : no()) : typeof v === 'string' ? fraction.fromText(v) : no()),
  show: (v) => `${Math.round(v * 10_000) / 100}%`
}

const DURATION_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }
// Node's timers overflow past 2^31-1 ms (about 24.8 days) and fire at once; a day is more than any run needs.
const MAX_DURATION_MS = 24 * 3_600_000
const DURATION = /^([0-9]{1,12}(?:\.[0-9]{1,12})?)(ms|s|m|h)$/

/** Milliseconds of a Go-style duration ('90s', '1.5m'), or undefined when it is not one. */
export function durationMs(text: string): number | undefined {
  const m = DURATION.exec(text.trim())
  return m ? Number(m[1]) * DURATION_MS[m[2]] : undefined
}

export function showDuration(ms: number): string {
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) if (ms >= size && ms % size === 0) return `${ms / size}${unit}`
  return `${ms}ms`
}

export function duration(o: { min: number } = { min: 0 }): Kind<number> {
  return textual({
    expected: o.min > 0 ? 'a duration above 0' : 'a duration',
    examples: ['90s', '10m'],
    metavar: 'D',
    schema: { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$' },
    fromText(t) {
      const ms = durationMs(t)
      if (ms === undefined || ms < o.min) return no()
      return ms > MAX_DURATION_MS ? no('at most 24h') : ok(ms)
    },
    show: showDuration,
    fileForm: showDuration
  })
}

const BENCHTIME = /^([0-9]{1,12}x|[0-9]{1,12}(\.[0-9]{1,12})?(ns|us|µs|ms|s|m|h))$/
export function benchtime(o: { allowEmpty: boolean }): Kind<string> {
  return textual({
    expected: `a duration or an iteration count${o.allowEmpty ? ", or '' to skip it" : ''}`,
    examples: ['1s', '200ms', '1000x'],
    metavar: 'D',
    schema: { type: 'string', pattern: `^([0-9]+x|[0-9]+(\\.[0-9]+)?(ns|us|\u00b5s|ms|s|m|h))${o.allowEmpty ? '?' : ''}$` },
    fromText: (t) => (BENCHTIME.test(t.trim()) || (o.allowEmpty && t.trim() === '') ? ok(t.trim()) : no()),
    show: (v) => v
  })
}

export const bool: Kind<boolean> = {
  expected: 'true or false',
  examples: ['true', 'false'],
  metavar: '',
  schema: { type: 'boolean' },
  flag: 'boolean',
  fromText: (t) => (/^true$/i.test(t.trim()) ? ok(true) : /^false$/i.test(t.trim()) ? ok(false) : no()),
  fromValue: (v) => (typeof v === 'boolean' ? ok(v) : no()),
  show: String
}

/** A pattern Go evaluates (go test -bench / -run): RE2 syntax, which JavaScript cannot check faithfully. */
export const goPattern: Kind<string> = textual({
  expected: 'a regular expression, as go test takes it',
  examples: ['.', '^BenchmarkParse'],
  metavar: 'REGEX',
  schema: { type: 'string' },
  fromText: (t) => {
    const bad = plainText(t)
    return bad ? no(bad) : ok(t)
  },
  show: (v) => v
})

export function oneOf<const V extends string>(values: readonly V[]): Kind<V> {
  const is = (s: string): s is V => (values as readonly string[]).includes(s)
  return textual<V>({
    expected: `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`,
    examples: [],
    metavar: values.join('|'),
    schema: { enum: [...values] },
    fromText: (t) => {
      const s = t.trim()
      return is(s) ? ok(s) : no()
    },
    show: (v) => v
  })
}

// Lists and maps come from the file only; a bound keeps a hostile file from building huge structures.
const MAX_ITEMS = 1000

function list<T>(o: { expected: string; itemExpected: string; item: (v: unknown) => Read<T>; itemSchema: JsonSchema }): Kind<T[]> {
  return {
    expected: o.expected,
    examples: [],
    metavar: '',
    schema: { type: 'array', items: o.itemSchema, maxItems: MAX_ITEMS },
    fromText: () => no(),
    fromValue(v) {
      if (!Array.isArray(v)) return no()
      if (v.length > MAX_ITEMS) return no(`more than ${MAX_ITEMS} items`)
      const out: T[] = []
      for (const [i, x] of v.entries()) {
        const r = o.item(x)
        if (!r.ok) return { ok: false, why: r.why, item: { index: i, expected: o.itemExpected, raw: x } }
        out.push(r.value)
      }
      return ok(out)
    },
    show: (v) => v.join(' ')
  }
}

const stringItem = (v: unknown): Read<string> => {
  if (typeof v !== 'string') return no()
  const bad = plainText(v)
  return bad ? no(bad) : ok(v)
}

/** Package patterns go to go list and go test as arguments: one starting with '-' would be read as a flag. */
const patternItem = (v: unknown): Read<string> => {
  const s = stringItem(v)
  if (!s.ok) return s
  if (s.value === '') return no('empty')
  return s.value.startsWith('-') ? no("it starts with '-' and would be read as a flag") : s
}

const PACKAGES_LIST = list({ expected: 'a list of package patterns', itemExpected: 'a package pattern', item: patternItem, itemSchema: { type: 'string', pattern: '^[^-]' } })
export const packages: Kind<string[]> = {
  ...PACKAGES_LIST,
  examples: ['./...', './pkg/...'],
  metavar: 'PATTERN',
  flag: 'multiple',
  // An action input is one text: patterns separated by spaces, commas or newlines.
  fromText: (t) => packages.fromValue(t.split(/[\s,]+/).filter(Boolean)),
  fromValue: (v) => (Array.isArray(v) && v.length === 0 ? no('no pattern') : PACKAGES_LIST.fromValue(v)),
  schema: { ...PACKAGES_LIST.schema, minItems: 1 }
}

/** Regular expressions this program evaluates itself, so JavaScript's syntax is the one that counts. */
export const regexList: Kind<string[]> = list({
  expected: 'a list of regular expressions',
  itemExpected: 'a valid regular expression',
  itemSchema: { type: 'string' },
  item(v) {
    const s = stringItem(v)
    if (!s.ok) return s
    try {
      new RegExp(s.value)
      return s
    } catch (err) {
      return no((err as Error).message)
    }
  }
})

const RULE_KEYS = ['topFunction', 'anyFunction', 'createdBy'] as const
export const goroutineRules: Kind<GoroutineRule[]> = list({
  expected: 'a list of goroutine rules',
  itemExpected: `a rule with one or more of ${RULE_KEYS.join(', ')}`,
  itemSchema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      topFunction: { type: 'string', description: "The goroutine's innermost function, e.g. 'example.com/m/pkg.(*Pool).worker'." },
      anyFunction: { type: 'string', description: "A function anywhere on the goroutine's stack." },
      createdBy: { type: 'string', description: 'The function that started the goroutine.' }
    }
  },
  item(v) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return no()
    const rule: GoroutineRule = {}
    const entries = Object.entries(v)
    if (entries.length === 0) return no('an empty rule matches nothing')
    for (const [k, x] of entries) {
      const key = RULE_KEYS.find((r) => r === k)
      if (!key) return no(`unknown rule key ${showRaw(k)}`)
      const s = stringItem(x)
      if (!s.ok) return no(`${key} must be a function name${s.why ? ` (${s.why})` : ''}`)
      rule[key] = s.value
    }
    return ok(rule)
  }
})

const DIRECTIONS = ['higher', 'lower'] as const
export const directions: Kind<Record<string, 'higher' | 'lower'>> = {
  expected: "a mapping of unit names to 'higher' or 'lower' (which is better)",
  examples: [],
  metavar: '',
  schema: { type: 'object', additionalProperties: { enum: [...DIRECTIONS] }, maxProperties: MAX_ITEMS },
  fromText: () => no(),
  fromValue(v) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return no()
    const entries = Object.entries(v)
    if (entries.length > MAX_ITEMS) return no(`more than ${MAX_ITEMS} units`)
    const out: Record<string, 'higher' | 'lower'> = {}
    for (const [unit, d] of entries) {
      const dir = DIRECTIONS.find((x) => x === d)
      if (!dir) return no(`unit ${showRaw(unit)} has ${showRaw(d)}`)
      out[unit] = dir
    }
    return ok(out)
  },
  show: (v) => JSON.stringify(v)
}

/** One line of text: a name, a key, a token. `pattern` narrows it; `allowEmpty` lets '' stand for "not set". */
export function text(o: { allowEmpty: boolean; max?: number; pattern?: RegExp; expected?: string; example?: string }): Kind<string> {
  const max = o.max ?? MAX_TEXT
  return textual({
    expected: o.expected ?? (o.allowEmpty ? 'a line of text, or empty' : 'a line of text'),
    examples: o.example === undefined ? [] : [o.example],
    metavar: 'TEXT',
    schema: { type: 'string', maxLength: max },
    fromText(t) {
      const s = t.trim()
      if (s === '') return o.allowEmpty ? ok('') : no('empty')
      if (s.length > max) return no(`longer than ${max} characters`)
      if (/[\u0000-\u001f\u007f]/.test(s)) return no('contains a control character')
      return o.pattern === undefined || o.pattern.test(s) ? ok(s) : no()
    },
    show: (v) => v
  })
}

/** A whole number in a range, or '' for "not set" (undefined): GitHub's own default applies then. */
export function optionalInt(o: { min: number; max: number; example: number }): Kind<number | undefined> {
  const whole = int(o)
  return textual({
    expected: `${whole.expected}, or empty`,
    examples: whole.examples,
    metavar: 'N',
    schema: whole.schema,
    fromText: (t) => (t.trim() === '' ? ok(undefined) : whole.fromText(t)),
    show: (v) => (v === undefined ? '' : String(v))
  })
}

const MAX_SHARDS = 256
export const shard: Kind<Shard> = textual({
  expected: `a shard 'i/n' with 1 <= i <= n <= ${MAX_SHARDS}`,
  examples: ['1/1', '2/4'],
  metavar: 'I/N',
  schema: { type: 'string', pattern: '^[0-9]{1,3}/[0-9]{1,3}$' },
  fromText(t) {
    const m = /^([0-9]{1,3})\/([0-9]{1,3})$/.exec(t.trim())
    if (m === null) return no()
    const index = Number(m[1])
    const count = Number(m[2])
    return index >= 1 && index <= count && count <= MAX_SHARDS ? ok({ index, count }) : no()
  },
  show: (v) => `${v.index}/${v.count}`,
  fileForm: (v) => `${v.index}/${v.count}`
})
