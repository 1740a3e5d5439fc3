import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { gunzipSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { decodePprof, MAX_PROFILE_BYTES, MAX_SAMPLE_VALUES, MAX_TABLE_ENTRIES, ProfileDecodeError, ProfileError, type CompactProfile } from '../../src/profile/index.js'
import { recorded, recordedVersions } from './oracle.js'
import { bytes, crafted, message, num, packed, str, varint } from './wire-writer.js'

/** Runs test/profile/memory-probe.ts in a fresh process: the decode's error and its peak memory. */
function probe(input: 'bomb' | 'values'): { reason: string; inputBytes: number; maxRssGrowthKiB: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--expose-gc', fileURLToPath(new URL('./memory-probe.ts', import.meta.url)), input], { encoding: 'utf8' })
  return JSON.parse(out.trim().split('\n').pop() ?? '')
}

/** The error decodePprof throws, which must be the typed one and point inside the input. */
function decodeError(data: Uint8Array, source = 'bad.pprof', maxBytes?: number): ProfileDecodeError {
  try {
    decodePprof(data, source, maxBytes === undefined ? {} : { maxBytes })
  } catch (err) {
    if (!(err instanceof ProfileDecodeError)) throw err
    return err
  }
  throw new Error('expected a ProfileDecodeError')
}

/** Decodes or throws the typed error; anything else (TypeError, RangeError) fails the test. */
function decodesOrRefuses(data: Uint8Array): CompactProfile | ProfileDecodeError {
  try {
    return decodePprof(data, 'fuzz')
  } catch (err) {
    if (err instanceof ProfileDecodeError) {
      // A byte of the protobuf, or none when the gzip stream around it is at fault.
      if (err.offset !== undefined) {
        expect(err.offset).toBeGreaterThanOrEqual(0)
        expect(err.offset).toBeLessThanOrEqual(data.length)
      }
      return err
    }
    throw err
  }
}

const [version] = recordedVersions()
const gz = recorded(version, 'goroutine.pprof')
const raw = new Uint8Array(gunzipSync(gz))

describe('truncated and corrupted profiles', () => {
  it('refuses the protobuf cut at every byte with the typed error, or reads what a cut at a field boundary leaves', () => {
    let refused = 0
    for (let n = 0; n < raw.length; n++) {
      const r = decodesOrRefuses(raw.subarray(0, n))
      if (r instanceof ProfileDecodeError) refused++
      else expect(r.stacks.length).toBeLessThanOrEqual(decodePprof(raw, 'whole').stacks.length)
    }
    // The string table comes last, so nearly every cut leaves a reference to a string that is gone.
    expect(refused).toBeGreaterThan(raw.length * 0.95)
  })

  it('refuses the gzip stream cut at every byte', () => {
    for (let n = 2; n < gz.length; n++) {
      expect(decodeError(gz.subarray(0, n)).message).toMatch(/^bad\.pprof: truncated or corrupt gzip data/)
    }
  })

  it('decodes or refuses with the typed error when any byte is flipped, or many at random', () => {
    for (let i = 0; i < raw.length; i++) {
      const bad = raw.slice()
      bad[i] ^= 0xff
      decodesOrRefuses(bad)
    }
    let seed = 11
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    for (let trial = 0; trial < 2000; trial++) {
      const bad = raw.slice()
      for (let k = 0; k <= next(8); k++) bad[next(bad.length)] = next(256)
      decodesOrRefuses(bad)
    }
  })

  it('stops a gzip bomb at the limit, with the typed error and bounded memory', () => {
    const r = probe('bomb')
    expect(r.reason).toBe(`the gzip data inflates to more than ${MAX_PROFILE_BYTES} bytes (the limit for a profile)`)
    expect(r.inputBytes).toBeLessThan(2 ** 21)
    // The inflation stopped at the limit (twice it, while zlib joins its chunks) rather than at 1 GiB.
    expect(r.maxRssGrowthKiB).toBeLessThan((2.5 * MAX_PROFILE_BYTES) / 1024)
    expect(decodeError(gzipSync(new Uint8Array(2 ** 20)), 'small', 2 ** 16).message).toMatch(/more than 65536 bytes/)
  })

  it('refuses more sample values than it holds (a small gzip of tiny samples), before allocating them', () => {
    const r = probe('values')
    expect(r.reason).toBe(`${MAX_SAMPLE_VALUES + 1} samples of 1 sample types are more values than a profile may hold (${MAX_SAMPLE_VALUES})`)
    expect(r.inputBytes).toBeLessThan(2 ** 20)
    // The 128 MiB of protobuf (twice, while gunzipped), not the 400 MiB of arrays the samples would take.
    expect(r.maxRssGrowthKiB).toBeLessThan(300 * 1024)
  })

  it('refuses more locations or strings than a profile may hold, at the first one too many', () => {
    for (const [field, what] of [
      [4, 'locations'],
      [6, 'strings']
    ] as const) {
      const base = crafted([])
      const empty = bytes(field, [])
      const raw = new Uint8Array(base.length + (MAX_TABLE_ENTRIES + 1) * empty.length)
      raw.set(base)
      for (let i = base.length; i < raw.length; i += empty.length) raw.set(empty, i)
      const err = decodeError(raw)
      expect(err.reason).toBe(`more than ${MAX_TABLE_ENTRIES} ${what}: more than a profile may hold`)
      expect(err.offset).toBeLessThan(raw.length)
    }
  })

  it('refuses text, empty input and a profile without sample types', () => {
    expect(decodeError(new Uint8Array(0)).message).toBe('bad.pprof: at byte 0: not a pprof profile: it has no sample types')
    expect(decodeError(new TextEncoder().encode('goroutine 1 [running]:\n'))).toBeInstanceOf(ProfileError)
    expect(decodeError(Uint8Array.from(message(str(6, '')))).reason).toBe('not a pprof profile: it has no sample types')
  })
})

describe('the wire format, field by field', () => {
  const sample = (ids: (number | bigint)[], values: (number | bigint)[]): number[] => message(packed(1, ids), packed(2, values))

  it('reads packed and unpacked repeated fields alike', () => {
    const a = decodePprof(crafted([sample([2, 1], [3, 48])]), 'packed')
    const b = decodePprof(crafted([message(num(1, 2), num(2, 3), num(1, 1), num(2, 48))]), 'unpacked')
    expect([...b.stacks].map((n) => b.tables.stackFrames(n).length)).toEqual([2])
    expect(b.values.map((v) => [...v])).toEqual(a.values.map((v) => [...v]))
    const frames = (p: CompactProfile): string[] => p.tables.stackFrames(p.stacks[0]).map((f) => p.tables.functions[p.tables.frameFunction[f]].name)
    expect(frames(b)).toEqual(frames(a))
    expect(frames(a)).toEqual(['b.G', 'a.F'])
  })

  it('keeps negative values (as in a diff) and values beyond 2^53 as the nearest double', () => {
    const p = decodePprof(crafted([sample([1], [-5, -(2n ** 62n)]), sample([1], [2n ** 60n + 1n, 2n ** 63n - 1n])]), 'big')
    expect([p.values[0][0], p.values[1][0]]).toEqual([-5, -(2 ** 62)])
    expect([p.values[0][1], p.values[1][1]]).toEqual([2 ** 60, 2 ** 63])
  })

  it('refuses an id beyond 2^53, where it could not stay exact', () => {
    const err = decodeError(crafted([sample([2n ** 60n], [1, 1])]))
    expect(err.reason).toBe(`location id ${2n ** 60n} is beyond 2^53, which this reader cannot keep exact`)
  })

  it('refuses a field with the wrong wire type, and the deprecated group wire types', () => {
    expect(decodeError(crafted([], [num(2, 7)])).reason).toBe('sample has wire type 0, expected 2')
    expect(decodeError(crafted([], [varint((20 << 3) | 3)])).reason).toBe('wire type 3 (field 20) is not one protobuf still uses')
    // A packed varint that would run on into the next field.
    expect(decodeError(crafted([message(bytes(1, [0x81]), packed(2, [1, 1]))])).reason).toBe('truncated: a varint runs past the end')
  })

  it('refuses references to locations, functions and strings that are missing', () => {
    expect(decodeError(crafted([sample([9], [1, 1])])).reason).toBe('sample 0 refers to location 9, which is missing (truncated?)')
    const missingFunction = crafted([], [bytes(4, message(num(1, 3), bytes(4, message(num(1, 7), num(2, 1)))))])
    expect(decodeError(missingFunction).reason).toBe('location message 2 refers to function 7, which is missing (truncated?)')
    const badString = crafted([], [bytes(5, message(num(1, 3), num(2, 99)))])
    expect(decodeError(badString).reason).toBe('function.name names string 99, beyond the string table of 9')
    expect(decodeError(crafted([], [bytes(4, message(num(1, 1)))])).reason).toBe('location id 1 appears twice')
  })

  it('refuses a sample with more or fewer values than sample types', () => {
    expect(decodeError(crafted([sample([1], [1])])).reason).toBe('sample 0 has 1 values for 2 sample types')
    expect(decodeError(crafted([sample([1], [1, 2, 3])])).reason).toBe('sample 0 has 3 values for 2 sample types')
  })

  it('refuses a varint longer than ten bytes and a length beyond the end', () => {
    const long = Uint8Array.from([...crafted([]), (12 << 3) | 0, ...new Array(10).fill(0xff), 1])
    expect(decodeError(long).reason).toBe('a varint is longer than 10 bytes')
    const tooLong = Uint8Array.from([...crafted([]), (2 << 3) | 2, 50, 1, 2])
    expect(decodeError(tooLong).reason).toBe('truncated: a field of 50 bytes, 2 left')
  })
})
