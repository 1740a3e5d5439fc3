// Seeded mutations of real recordings for the parser fuzz tests (test/fuzz/*.fuzz.test.ts). The same seed gives
// the same inputs on every machine, so a failure names an input that can be made again: the test prints the
// seed, the case number and the mutations applied. GLG_FUZZ_N raises the number of cases per parser.
import { gzipSync } from 'node:zlib'
import { expect } from 'vitest'
import { seededRng } from '../helpers/rng.js'

/** Cases per parser: `normal` in the default run (the fuzz files together stay well under 30 s), GLG_FUZZ_N on demand. */
export function fuzzCount(normal: number): number {
  const n = Number(process.env.GLG_FUZZ_N)
  return Number.isSafeInteger(n) && n > 0 ? n : normal
}

export const SEED = Number(process.env.GLG_FUZZ_SEED ?? 0x5eed) >>> 0

/** Helpers over the one seeded source (test/helpers/rng.ts), so a failing case is reproduced from its seed. */
export class Rng {
  readonly next: () => number
  constructor(seed: number) {
    this.next = seededRng(seed)
  }
  int(n: number): number {
    return Math.floor(this.next() * n)
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]
  }
  chance(p: number): boolean {
    return this.next() < p
  }
}

export interface Mutator<T> {
  name: string
  apply: (input: T, rng: Rng) => T
}

const MB = 1 << 20
// Inputs stay below this: far above every bound the readers set (1 MiB lines, 256 MiB files are not the point).
const MAX_INPUT_CHARS = 32 * MB

// Numbers that break naive readers: beyond float64, beyond 2^53, negative, non-finite spellings.
const HOSTILE_NUMBERS = ['9'.repeat(400), '99999999999999999999999', '1e999', '-1', '-0', 'NaN', '+Inf', '-Inf', 'Infinity', '0', '4294967296', '1.5e308', '0x10', '.', '1e']
// Text that is not what it seems: NUL, a lone surrogate (invalid UTF-16, what bad UTF-8 decodes around), bidi,
// escapes, markup.
const HOSTILE_TEXT = ['\u0000', '\ud800', '\ufffd', '\u202e', '\u001b[31m', '<b>', '`', '|', '__proto__', 'constructor', '\r', '\t']

function lines(text: string): string[] {
  return text.split('\n')
}

function atLine(text: string, rng: Rng, f: (ls: string[], i: number) => void): string {
  const ls = lines(text)
  f(ls, rng.int(ls.length))
  return ls.join('\n')
}

export const TEXT_MUTATORS: Mutator<string>[] = [
  { name: 'truncate', apply: (t, r) => t.slice(0, r.int(t.length + 1)) },
  {
    name: 'flip-char',
    apply: (t, r) => {
      if (t.length === 0) return t
      const i = r.int(t.length)
      return t.slice(0, i) + String.fromCharCode(t.charCodeAt(i) ^ (1 << r.int(8))) + t.slice(i + 1)
    }
  },
  { name: 'duplicate-line', apply: (t, r) => atLine(t, r, (ls, i) => ls.splice(i, 0, ls[i])) },
  { name: 'delete-line', apply: (t, r) => atLine(t, r, (ls, i) => ls.splice(i, 1)) },
  {
    name: 'swap-lines',
    apply: (t, r) =>
      atLine(t, r, (ls, i) => {
        const j = r.int(ls.length)
        ;[ls[i], ls[j]] = [ls[j], ls[i]]
      })
  },
  { name: 'long-line', apply: (t, r) => atLine(t, r, (ls, i) => ls.splice(i, 0, r.pick(['x', '9', ' ', '(', ':', '/', '\t']).repeat(MB))) },
  { name: 'long-line-tail', apply: (t, r) => atLine(t, r, (ls, i) => (ls[i] = ls[i] + r.pick(['9', 'a', ' 1', ':1']).repeat(MB / 2))) },
  { name: 'nul', apply: (t, r) => atLine(t, r, (ls, i) => (ls[i] = ls[i].slice(0, r.int(ls[i].length + 1)) + '\u0000' + ls[i])) },
  { name: 'hostile-text', apply: (t, r) => atLine(t, r, (ls, i) => (ls[i] = ls[i].slice(0, r.int(ls[i].length + 1)) + r.pick(HOSTILE_TEXT) + ls[i].slice(r.int(ls[i].length + 1)))) },
  { name: 'crlf', apply: (t) => t.replace(/\n/g, '\r\n') },
  {
    name: 'hostile-number',
    apply: (t, r) => {
      const runs = [...t.matchAll(/\d+(?:\.\d+)?/g)]
      if (runs.length === 0) return t
      const m = r.pick(runs)
      const at = m.index ?? 0
      return t.slice(0, at) + r.pick(HOSTILE_NUMBERS) + t.slice(at + m[0].length)
    }
  },
  { name: 'repeat-block', apply: (t, r) => atLine(t, r, (ls, i) => ls.splice(i, 0, ...ls.slice(i, i + 1 + r.int(20)).flatMap((l) => Array<string>(50).fill(l)))) },
  { name: 'empty', apply: () => '' }
]

export const BYTE_MUTATORS: Mutator<Uint8Array>[] = [
  { name: 'truncate', apply: (b, r) => b.slice(0, r.int(b.length + 1)) },
  {
    name: 'flip-bits',
    apply: (b, r) => {
      const out = b.slice()
      for (let k = 1 + r.int(8); k > 0 && out.length > 0; k--) out[r.int(out.length)] ^= 1 << r.int(8)
      return out
    }
  },
  {
    name: 'insert-bytes',
    apply: (b, r) => {
      const at = r.int(b.length + 1)
      const junk = Uint8Array.from({ length: 1 + r.int(16) }, () => r.pick([0x00, 0xff, 0x80, 0x7f, r.int(256)]))
      return new Uint8Array(Buffer.concat([b.subarray(0, at), junk, b.subarray(at)]))
    }
  },
  {
    name: 'duplicate-range',
    apply: (b, r) => {
      const from = r.int(b.length + 1)
      const to = Math.min(b.length, from + r.int(256))
      return new Uint8Array(Buffer.concat([b.subarray(0, to), b.subarray(from, to), b.subarray(to)]))
    }
  },
  { name: 'invalid-utf8', apply: (b, r) => new Uint8Array(Buffer.concat([b.subarray(0, r.int(b.length + 1)), Uint8Array.from([0xc3, 0x28, 0xed, 0xa0, 0x80, 0xff])])) }
]

/** For gzipped inputs (profiles): mutate the inflated bytes, then gzip again, so the mutation reaches the decoder. */
export function inflatedMutator(inflate: (b: Uint8Array) => Uint8Array): Mutator<Uint8Array> {
  return {
    name: 'inside-gzip',
    apply: (b, r) => {
      const inner = r.pick(BYTE_MUTATORS)
      let raw: Uint8Array
      try {
        raw = inflate(b)
      } catch {
        // An earlier mutation already broke the gzip stream: mutate what is there.
        raw = b
      }
      return new Uint8Array(gzipSync(inner.apply(raw, r)))
    }
  }
}

/** Applies 1 to 3 mutators; returns the result and the names applied, for the failure message. */
export function mutate<T>(input: T, mutators: readonly Mutator<T>[], rng: Rng): { value: T; applied: string[] } {
  let value = input
  const applied: string[] = []
  for (let k = 1 + rng.int(3); k > 0; k--) {
    const m = rng.pick(mutators)
    let next: T
    try {
      next = m.apply(value, rng)
    } catch (err) {
      // A mutation that would build a string beyond what V8 holds is skipped: the input would not exist.
      if (err instanceof RangeError) continue
      throw err
    }
    if (typeof next === 'string' && next.length > MAX_INPUT_CHARS) continue
    value = next
    applied.push(m.name)
  }
  return { value, applied }
}

/** Every number in a parser's output is finite: NaN and Infinity must have become problems or marked values. */
export function expectFinite(value: unknown, where: string): void {
  const bad: string[] = []
  const seen = new Set<unknown>()
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) bad.push(`${path} = ${v}`)
    } else if (typeof v === 'object' && v !== null && !seen.has(v)) {
      seen.add(v)
      for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`)
    }
  }
  walk(value, '$')
  expect(bad, where).toEqual([])
}

/** Runs f and checks it returned within the time a linear parser needs on a few MB (generous for a busy runner). */
export function timed<T>(f: () => T, where: string, limitMs = 3_000): T {
  const started = performance.now()
  const out = f()
  expect(performance.now() - started, `${where}: took too long`).toBeLessThan(limitMs)
  return out
}

/**
 * Feeds `n` mutations of the corpus (cycling through it) to `check`, each with a description of where it came
 * from: the seed, the case, the corpus entry and the mutations. The first cases are the corpus unmutated.
 */
export function fuzzCases<T>(corpus: readonly { name: string; value: T }[], mutators: readonly Mutator<T>[], n: number, check: (input: T, where: string) => void): void {
  const rng = new Rng(SEED)
  for (let i = 0; i < n; i++) {
    const source = corpus[i % corpus.length]
    const { value, applied } = i < corpus.length ? { value: source.value, applied: ['none'] } : mutate(source.value, mutators, rng)
    check(value, `seed=${SEED} case=${i} input=${source.name} mutations=${applied.join('+')}`)
  }
}
