// Seeded mutations of real inputs, for fuzz tests of any parser: each mutator takes bytes and a seeded random
// source and returns new bytes, so a failing case is reproduced from its seed and index alone.

import { seededRng, type Rng } from '../helpers/rng.js'

export { seededRng, type Rng }

export const below = (rng: Rng, n: number): number => Math.floor(rng() * n)
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[below(rng, items.length)]

export type Mutator = (input: Buffer, rng: Rng) => Buffer

const lines = (b: Buffer): string[] => b.toString('latin1').split('\n')
const fromLines = (ls: string[]): Buffer => Buffer.from(ls.join('\n'), 'latin1')

/** Inserts text at a random line, or at the end. */
function insertLine(input: Buffer, rng: Rng, text: string): Buffer {
  const ls = lines(input)
  ls.splice(below(rng, ls.length + 1), 0, text)
  return fromLines(ls)
}

/** Sizes from a few bytes to over a megabyte, most of them small, so a run of many inputs stays quick. */
function size(rng: Rng, max: number): number {
  return Math.max(1, Math.floor(Math.exp(rng() * Math.log(max))))
}

// Numbers that break naive parsers: overflow to Infinity, negative, non-finite spellings, precision loss.
const ODD_NUMBERS = ['1e309', '-1e309', '-1', '-0', '0', '99999999999999999999999', '1e-400', '.nan', '.inf', '-.inf', 'NaN', '0x7fffffff', '4294967296', '1.5']
// Bytes that are not UTF-8: a lone continuation byte, an overlong form, a truncated sequence, a surrogate.
const INVALID_UTF8 = [[0x80], [0xc0, 0xaf], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xff]]

export const MUTATORS: Record<string, Mutator> = {
  truncate: (b, rng) => b.subarray(0, below(rng, b.length + 1)),
  flipByte: (b, rng) => {
    if (b.length === 0) return b
    const out = Buffer.from(b)
    const i = below(rng, out.length)
    out[i] ^= 1 << below(rng, 8)
    return out
  },
  randomByte: (b, rng) => {
    if (b.length === 0) return b
    const out = Buffer.from(b)
    out[below(rng, out.length)] = below(rng, 256)
    return out
  },
  duplicateLine: (b, rng) => {
    const ls = lines(b)
    const i = below(rng, ls.length)
    ls.splice(i, 0, ls[i])
    return fromLines(ls)
  },
  deleteLine: (b, rng) => {
    const ls = lines(b)
    ls.splice(below(rng, ls.length), 1)
    return fromLines(ls)
  },
  swapLines: (b, rng) => {
    const ls = lines(b)
    const i = below(rng, ls.length)
    const j = below(rng, ls.length)
    ;[ls[i], ls[j]] = [ls[j], ls[i]]
    return fromLines(ls)
  },
  longLine: (b, rng) => insertLine(b, rng, pick(rng, ['k', 'x: ', '  a', '# ', '"']) + 'a'.repeat(size(rng, 1_100_000)) + pick(rng, [': 1', '', '"'])),
  longKey: (b, rng) => insertLine(b, rng, `${' '.repeat(pick(rng, [0, 2, 4]))}${'thresholdz'.repeat(size(rng, 110_000))}: 1`),
  nulByte: (b, rng) => {
    const i = below(rng, b.length + 1)
    return Buffer.concat([b.subarray(0, i), Buffer.from([0]), b.subarray(i)])
  },
  invalidUtf8: (b, rng) => {
    const i = below(rng, b.length + 1)
    return Buffer.concat([b.subarray(0, i), Buffer.from(pick(rng, INVALID_UTF8)), b.subarray(i)])
  },
  crlf: (b) => Buffer.from(b.toString('latin1').replace(/\n/g, '\r\n'), 'latin1'),
  bom: (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]),
  oddNumber: (b, rng) => {
    const text = b.toString('latin1')
    const spots = [...text.matchAll(/[0-9]+(\.[0-9]+)?/g)]
    if (spots.length === 0) return insertLine(b, rng, `count: ${pick(rng, ODD_NUMBERS)}`)
    const m = pick(rng, spots)
    const at = m.index ?? 0
    return Buffer.from(text.slice(0, at) + pick(rng, ODD_NUMBERS) + text.slice(at + m[0].length), 'latin1')
  },
  // Structure mutations for YAML and JSON texts.
  deepNesting: (b, rng) => {
    const depth = size(rng, 200_000)
    const flow = rng() < 0.5
    const nest = flow ? '['.repeat(depth) + ']'.repeat(depth) : Array.from({ length: Math.min(depth, 2000) }, (_, i) => `${' '.repeat(i)}k:`).join('\n')
    return insertLine(b, rng, flow ? `${pick(rng, ['run', 'metrics', 'ignore'])}: ${nest}` : nest)
  },
  aliasBomb: (b, rng) => {
    const levels = 3 + below(rng, 8)
    const bomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < levels; i++) bomb.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`)
    const target = pick(rng, ['metrics', 'ignore:\n  benchmarks', 'ignore:\n  goroutines', 'run:\n  packages', 'extra'])
    return Buffer.concat([Buffer.from(bomb.join('\n') + '\n'), b, Buffer.from(`\n${target}: *a${levels - 1}\n`)])
  },
  unknownAnchor: (b, rng) => {
    const text = b.toString('latin1')
    const spots = [...text.matchAll(/: +\S[^\n]*/g)]
    if (spots.length === 0) return insertLine(b, rng, 'bench: *undefined_anchor')
    const m = pick(rng, spots)
    const at = m.index ?? 0
    return Buffer.from(text.slice(0, at) + ': *' + pick(rng, ['undefined_anchor', 'a', 'x y']) + text.slice(at + m[0].length), 'latin1')
  },
  wrongShape: (b, rng) => {
    const text = b.toString('latin1')
    const spots = [...text.matchAll(/: +\S[^\n]*/g)]
    const shape = pick(rng, ['[]', '{}', '[1, 2]', '{a: 1}', 'null', '~', '', 'true', '"str"', '!!binary aGVsbG8=', '!!set {a, b}', '[[[]]]', '- x'])
    if (spots.length === 0) return insertLine(b, rng, `run: ${shape}`)
    const m = pick(rng, spots)
    const at = m.index ?? 0
    return Buffer.from(text.slice(0, at) + ': ' + shape + text.slice(at + m[0].length), 'latin1')
  },
  controlChars: (b, rng) => {
    const i = below(rng, b.length + 1)
    return Buffer.concat([b.subarray(0, i), Buffer.from(pick(rng, ['\t', '\r', '\u001b[31m', '\u2028', '\u00a0', '%', '&', '*', '!', '|', '>', '? ', '<<: ']), 'utf8'), b.subarray(i)])
  }
}

export interface Variant {
  input: Buffer
  /** Which seed input it came from, and the mutators applied in order: enough to reproduce it. */
  from: number
  applied: string[]
}

/** `n` variants of the seed inputs, one to three mutations each; the same arguments give the same variants. */
export function* variants(seeds: readonly Buffer[], n: number, seed: number): Generator<Variant> {
  const rng = seededRng(seed)
  const names = Object.keys(MUTATORS)
  for (let i = 0; i < n; i++) {
    const from = below(rng, seeds.length)
    let input = seeds[from]
    const applied: string[] = []
    for (let k = 1 + below(rng, 3); k > 0; k--) {
      const name = pick(rng, names)
      input = MUTATORS[name](input, rng)
      applied.push(name)
    }
    yield { input, from, applied }
  }
}
