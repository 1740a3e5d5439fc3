// Seeded mutations of real result.json and report.json files, at the level of their JSON values: a field of
// another type, a field gone, a huge string or array, a non-finite or out-of-range number, deep nesting. The
// text mutators of corpus-mutate.ts run on the serialised file too (truncation, flipped bytes, CRLF, ...).
import { mutate, Rng, TEXT_MUTATORS, type Mutator } from './corpus-mutate.js'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

interface Slot {
  parent: Json[] | { [key: string]: Json }
  key: string | number
}

/** Every place in the value a mutation can hit, in a fixed order (so the seed decides which). */
function slots(root: Json): Slot[] {
  const out: Slot[] = []
  const walk = (v: Json): void => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        out.push({ parent: v, key: i })
        walk(x)
      })
    } else if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        out.push({ parent: v, key: k })
        walk(v[k])
      }
    }
  }
  walk(root)
  return out
}

function get(s: Slot): Json {
  return Array.isArray(s.parent) ? s.parent[s.key as number] : s.parent[s.key as string]
}

function set(s: Slot, value: Json): void {
  if (Array.isArray(s.parent)) s.parent[s.key as number] = value
  else s.parent[s.key as string] = value
}

function nested(depth: number): Json {
  let v: Json = 1
  for (let i = 0; i < depth; i++) v = [v]
  return v
}

const REPLACEMENTS: ((r: Rng, other: Json) => Json)[] = [
  () => null,
  () => true,
  () => 0,
  () => -1,
  () => 1.5,
  () => 1e308,
  () => 2 ** 53 + 2,
  () => '',
  () => 'x',
  (r) => r.pick(['+Inf', '-Inf', 'NaN', 'Infinity', '__proto__', 'constructor', '../../../etc/passwd', '--output=/tmp/x', '\u0000\ud800']),
  () => 'y'.repeat(2 << 20),
  () => [],
  () => ({}),
  () => Array<Json>(5000).fill('z'),
  () => nested(1000),
  // Another field's value, copied: a type confusion the schema must catch (never the same object: no cycles).
  (_, other) => structuredClone(other)
]

const VALUE_MUTATORS: Mutator<Json>[] = [
  {
    name: 'replace',
    apply: (v, r) => {
      const all = slots(v)
      if (all.length === 0) return v
      set(r.pick(all), r.pick(REPLACEMENTS)(r, get(r.pick(all))))
      return v
    }
  },
  {
    name: 'delete',
    apply: (v, r) => {
      const all = slots(v)
      if (all.length === 0) return v
      const s = r.pick(all)
      if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1)
      else delete s.parent[s.key as string]
      return v
    }
  },
  {
    name: 'duplicate-items',
    apply: (v, r) => {
      const arrays = slots(v).map(get).filter((x): x is Json[] => Array.isArray(x) && x.length > 0)
      if (arrays.length === 0) return v
      const a = r.pick(arrays)
      a.push(...Array<Json>(1 + r.int(200)).fill(a[r.int(a.length)]))
      return v
    }
  },
  {
    name: 'add-key',
    apply: (v, r) => {
      const objects = slots(v).map(get).filter((x): x is { [key: string]: Json } => x !== null && typeof x === 'object' && !Array.isArray(x))
      if (objects.length === 0) return v
      r.pick(objects)[r.pick(['__proto__', 'constructor', 'extra', 'ns/op', ''])] = r.pick(REPLACEMENTS)(r, null)
      return v
    }
  }
]

/** A mutated copy of a JSON file's text: 1 to 3 value mutations, and now and then a text mutation on top. */
export function mutateJson(text: string, rng: Rng): { value: string; applied: string[] } {
  const root = JSON.parse(text) as Json
  const { value, applied } = mutate(root, VALUE_MUTATORS, rng)
  let out = JSON.stringify(value)
  if (rng.chance(0.05)) {
    // Nesting deeper than any value mutation builds: for the readers' own recursion (JSON.parse, the schema).
    const depth = 100_000
    out = out.replace(/:\s*-?\d+/, `:${'['.repeat(depth)}${']'.repeat(depth)}`)
    applied.push('deep-nesting')
  }
  if (rng.chance(0.25)) {
    const t = mutate(out, TEXT_MUTATORS, rng)
    out = t.value
    applied.push(...t.applied.map((n) => `text:${n}`))
  }
  return { value: out, applied }
}
