// Reads one object of an untrusted config (YAML already parsed) key by key, so that every mistake is
// reported with its full path: `go-leak-gate.yml: load[0] 'api': traffic.requests[2].url: ...`.
import { UsageError } from '../errors.js'
import { suggestion } from './suggest.js'
import { duration, durationMs, showRaw } from './values.js'

function show(v: unknown): string {
  let text: string | undefined
  try {
    text = JSON.stringify(v)
  } catch {
    // A value YAML aliases made circular has no JSON text.
    return showRaw(v)
  }
  return text === undefined ? String(v) : text.length > 60 ? `${text.slice(0, 57)}...` : text
}

export class Reader {
  private readonly value: Record<string, unknown>

  constructor(
    private readonly source: string,
    value: unknown,
    private readonly path = '',
    /** What the path is inside of: a job's name, shown apart from the keys. */
    private readonly owner = ''
  ) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new UsageError(`${this.where('')}must be a mapping, got ${show(value)}`)
    }
    this.value = value as Record<string, unknown>
  }

  private where(key: string): string {
    const at = this.path !== '' && key !== '' ? `${this.path}.${key}` : this.path || key
    return `${this.source === '' ? '' : `${this.source}: `}${this.owner === '' ? '' : `${this.owner}: `}${at === '' ? '' : `${at}: `}`
  }

  private child(key: string, value: unknown): Reader {
    return new Reader(this.source, value, this.path !== '' ? `${this.path}.${key}` : key, this.owner)
  }

  /** The same object as the owner of the keys below it: `load[0] 'api': traffic.count`. */
  named(owner: string): Reader {
    return new Reader(this.source, this.value, '', owner)
  }

  fail(key: string, message: string): never {
    throw new UsageError(`${this.where(key)}${message}`)
  }

  /** Refuses keys that are not in `allowed` (a typo would otherwise silently fall back to a default). */
  keys(allowed: string[]): void {
    for (const k of Object.keys(this.value)) {
      if (!allowed.includes(k)) this.fail(k, `unknown key${suggestion(k, allowed)}; the keys here are ${allowed.join(', ')}`)
    }
  }

  has(key: string): boolean {
    return this.value[key] !== undefined
  }

  raw(key: string): unknown {
    return this.value[key]
  }

  string(key: string): string {
    const v = this.optionalString(key)
    if (v === undefined) this.fail(key, 'is required')
    return v
  }

  optionalString(key: string): string | undefined {
    const v = this.value[key]
    if (v === undefined) return undefined
    if (typeof v !== 'string') this.fail(key, `must be a string, got ${show(v)}`)
    // Strings become arguments, environment values and URLs: a NUL cannot be passed in argv at all.
    if (v.includes('\0')) this.fail(key, 'contains a NUL character')
    return v
  }

  optionalBoolean(key: string): boolean | undefined {
    const v = this.value[key]
    if (v === undefined) return undefined
    if (typeof v !== 'boolean') this.fail(key, `must be true or false, got ${show(v)}`)
    return v
  }

  optionalNumber(key: string, min: number): number | undefined {
    const v = this.value[key]
    if (v === undefined) return undefined
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min) this.fail(key, `must be a number of at least ${min}, got ${show(v)}`)
    return v
  }

  optionalInteger(key: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
    const v = this.value[key]
    if (v === undefined) return undefined
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      this.fail(key, `must be an integer from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ' up'}, got ${show(v)}`)
    }
    return v
  }

  /** A duration as '500ms', '5s', '2m'. */
  optionalDuration(key: string): number | undefined {
    const v = this.value[key]
    if (v === undefined) return undefined
    if (typeof v !== 'string') this.fail(key, `must be a duration like '500ms' or '5s', got ${show(v)}`)
    if (durationMs(v) === undefined) this.fail(key, `${showRaw(v)} is not a duration; write it like '90s' or '10m'`)
    const read = duration().fromText(v)
    if (!read.ok) this.fail(key, `${showRaw(v)} is ${read.why ?? 'not a duration'}`)
    return read.value
  }

  optionalStringList(key: string): string[] | undefined {
    const v = this.value[key]
    if (v === undefined) return undefined
    const list = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && !x.includes('\0')) : []
    if (!Array.isArray(v) || list.length !== v.length) this.fail(key, `must be a list of strings without NUL characters (argv, one element each), got ${show(v)}`)
    return list
  }

  optionalStringMap(key: string): Record<string, string> | undefined {
    const v = this.value[key]
    if (v === undefined) return undefined
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(key, `must be a mapping of names to strings, got ${show(v)}`)
    const out: Record<string, string> = {}
    for (const [k, x] of Object.entries(v)) {
      if (typeof x !== 'string') this.fail(`${key}.${k}`, `must be a string, got ${show(x)} (quote numbers and booleans)`)
      if (x.includes('\0') || k.includes('\0')) this.fail(`${key}.${k}`, 'contains a NUL character')
      out[k] = x
    }
    return out
  }

  object<T>(key: string, read: (r: Reader) => T): T {
    const v = this.optionalObject(key, read)
    if (v === undefined) this.fail(key, 'is required')
    return v
  }

  optionalObject<T>(key: string, read: (r: Reader) => T): T | undefined {
    const v = this.value[key]
    if (v === undefined) return undefined
    return read(this.child(key, v))
  }

  list<T>(key: string, read: (r: Reader, index: number) => T): T[] {
    const v = this.optionalList(key, read)
    if (v === undefined) this.fail(key, 'is required')
    return v
  }

  optionalList<T>(key: string, read: (r: Reader, index: number) => T): T[] | undefined {
    const v = this.value[key]
    if (v === undefined) return undefined
    if (!Array.isArray(v)) this.fail(key, `must be a list, got ${show(v)}`)
    return v.map((item, i) => read(this.child(`${key}[${i}]`, item), i))
  }
}
