import { gunzipSync, gzipSync } from 'node:zlib'
import { Function as PprofFunction, Line, Location, Profile, Sample, StringTable, ValueType } from 'pprof-format'
import { describe, expect, it } from 'vitest'
import { decodeProfile, heapSites, ProfileError, type HeapSite } from '../../src/parse/pprof.js'
import { RECORDED_MODULE, recordedBytes, recordedText } from './recorded.js'

const PROFILE = 'retain.mem.pprof'
const INDEXES = ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'] as const
const FIELD = { alloc_objects: 'allocObjects', alloc_space: 'allocBytes', inuse_objects: 'inuseObjects', inuse_space: 'inuseBytes' } as const

/** go tool pprof -top, recorded next to the profile: its total and the flat value of each function listed. */
function pprofTop(index: (typeof INDEXES)[number]): { total: number; flat: Map<string, number> } {
  const text = recordedText(`retain.mem.top-${index}.txt`)
  const total = / of (\d+)B? total$/m.exec(text)
  const flat = new Map<string, number>()
  for (const line of text.split('\n')) {
    const row = /^\s*(\d+)B?\s+\S+%\s+\S+%\s+\d+B?\s+\S+%\s+(.+?)(?: \(inline\))?$/.exec(line)
    if (row !== null) flat.set(row[2], Number(row[1]))
  }
  return { total: total === null ? Number.NaN : Number(total[1]), flat }
}

function caught(f: () => unknown): ProfileError {
  try {
    f()
  } catch (err) {
    if (err instanceof ProfileError) return err
    throw err
  }
  throw new Error('expected a ProfileError')
}

interface SyntheticSample {
  stack: number[]
  values: (number | bigint)[]
}

/** A profile built with pprof-format: location i (1-based) holds function i at line 10*i. */
function synthetic(types: [string, string][], locations: number, samples: SyntheticSample[], names?: string[]): Uint8Array {
  const strings = new StringTable()
  const fn = (i: number): string => names?.[i - 1] ?? `example.com/gen/pkg${i % 7}.F${i}`
  const profile = new Profile({
    sampleType: types.map(([type, unit]) => new ValueType({ type: strings.dedup(type), unit: strings.dedup(unit) })),
    function: Array.from(
      { length: locations },
      (_, i) => new PprofFunction({ id: i + 1, name: strings.dedup(fn(i + 1)), filename: strings.dedup(`/src/f${i + 1}.go`) })
    ),
    location: Array.from({ length: locations }, (_, i) => new Location({ id: i + 1, line: [new Line({ functionId: i + 1, line: 10 * (i + 1) })] })),
    sample: samples.map((s) => new Sample({ locationId: s.stack, value: s.values })),
    stringTable: strings
  })
  return gzipSync(profile.encode())
}

const HEAP_TYPES: [string, string][] = [
  ['alloc_objects', 'count'],
  ['alloc_space', 'bytes'],
  ['inuse_objects', 'count'],
  ['inuse_space', 'bytes']
]

describe('decodeProfile', () => {
  it('reads the sample types of a gzipped -test.memprofile profile', () => {
    const profile = decodeProfile(recordedBytes(PROFILE), PROFILE)
    expect(profile.sampleTypes).toEqual([
      { type: 'alloc_objects', unit: 'count' },
      { type: 'alloc_space', unit: 'bytes' },
      { type: 'inuse_objects', unit: 'count' },
      { type: 'inuse_space', unit: 'bytes' }
    ])
  })

  it('reads a profile that is not gzipped', () => {
    const plain = decodeProfile(gunzipSync(recordedBytes(PROFILE)), 'plain')
    expect(heapSites(plain).totals).toEqual(heapSites(decodeProfile(recordedBytes(PROFILE), PROFILE)).totals)
  })

  it('names a truncated gzip stream', () => {
    const data = recordedBytes(PROFILE)
    const err = caught(() => decodeProfile(data.subarray(0, data.length >> 1), 'cut.pprof'))
    expect(err.source).toBe('cut.pprof')
    expect(err.message).toMatch(/^cut\.pprof: truncated or corrupt gzip data \(unexpected end of file\)$/)
  })

  it('refuses a truncated protobuf whose references then point nowhere', () => {
    const raw = gunzipSync(recordedBytes(PROFILE))
    for (const share of [0.3, 0.6, 0.9]) {
      const err = caught(() => decodeProfile(raw.subarray(0, Math.floor(raw.length * share)), 'raw'))
      expect(err.message).toMatch(/^raw: (not a pprof profile|.*missing \(truncated\?\)|.*beyond the string table)/)
    }
  })

  it('refuses text, empty input and random bytes as not a profile', () => {
    expect(caught(() => decodeProfile(new TextEncoder().encode('goroutine 1 [running]:\n'), 'text')).message).toMatch(
      /^text: not a pprof profile/
    )
    expect(caught(() => decodeProfile(new Uint8Array(0), 'empty')).message).toBe('empty: not a pprof profile: it has no sample types')
    let seed = 42
    for (let n = 0; n < 20; n++) {
      const bytes = Uint8Array.from({ length: 512 }, () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31
        return seed >> 16
      })
      expect(caught(() => decodeProfile(bytes, `random-${n}`))).toBeInstanceOf(ProfileError)
    }
  })
})

describe('heapSites on the recorded profile', () => {
  const profile = decodeProfile(recordedBytes(PROFILE), PROFILE)
  const plain = heapSites(profile)
  const attributed = heapSites(profile, { modulePath: RECORDED_MODULE })

  for (const index of INDEXES) {
    it(`agrees with go tool pprof -top on ${index}: total and flat value per function`, () => {
      const top = pprofTop(index)
      const field = FIELD[index]
      expect(plain.totals[field]).toBe(top.total)
      expect(top.flat.size).toBeGreaterThan(10)
      for (const [fn, flat] of top.flat) {
        const sum = plain.sites.filter((s) => s.function === fn).reduce((n, s) => n + s[field], 0)
        expect({ fn, sum }).toEqual({ fn, sum: flat })
      }
    })
  }

  it('puts every sample in some site', () => {
    for (const sites of [plain, attributed]) {
      for (const field of Object.values(FIELD)) {
        expect(sites.sites.reduce((n, s) => n + s[field], 0)).toBe(sites.totals[field])
      }
    }
  })

  it('ranks the leak first: every 1 KiB Store.Put retained in the 2001 iterations is still in use', () => {
    const [top] = plain.sites
    expect(top.function).toBe('example.com/recorded/store.(*Store).Put')
    expect(top.file).toMatch(/store\/store\.go$/)
    expect(top.inuseObjects).toBeGreaterThanOrEqual(2001)
    expect(top.inuseBytes).toBeGreaterThanOrEqual(2001 * 1024)
  })

  it('splits a standard-library allocation site by its first caller in the module', () => {
    const growSlice = (sites: HeapSite[]): HeapSite[] => sites.filter((s) => s.function === 'bytes.growSlice')
    const callers = growSlice(attributed.sites).map((s) => s.caller?.function)
    expect(new Set(callers)).toEqual(new Set(['example.com/recorded/store.Render', 'example.com/recorded/store.Join']))
    expect(growSlice(plain.sites).every((s) => s.caller === undefined)).toBe(true)
    expect(growSlice(plain.sites).length).toBeLessThan(growSlice(attributed.sites).length)
    const total = (sites: HeapSite[]): number => sites.reduce((n, s) => n + s.allocBytes, 0)
    expect(total(growSlice(attributed.sites))).toBe(total(growSlice(plain.sites)))
  })

  it('counts an inlined closure, named after the function it was inlined into, as module code', () => {
    const closure = attributed.sites.find((s) => s.function === 'example.com/recorded.retainAndChurn.Fields.func1')
    expect(closure?.file).toMatch(/store\/store\.go$/)
    expect(closure?.caller).toBeUndefined()
    expect(closure?.allocObjects).toBeGreaterThan(0)
  })

  it('gives a caller to every site outside the module that module code reached, and none inside it', () => {
    const inside = attributed.sites.filter((s) => s.function.startsWith('example.com/recorded'))
    expect(inside.length).toBeGreaterThan(0)
    expect(inside.every((s) => s.caller === undefined)).toBe(true)
    // testing compiles its -test.bench regexp inside m.Run, which TestMain calls.
    const regexp = attributed.sites.filter((s) => s.function.startsWith('regexp'))
    expect(regexp.length).toBeGreaterThan(0)
    expect(regexp.every((s) => s.caller?.function === 'example.com/recorded.TestMain')).toBe(true)
  })
})

describe('heapSites on constructed profiles', () => {
  it('refuses a profile that is not a heap profile', () => {
    const data = synthetic([['goroutine', 'count']], 1, [{ stack: [1], values: [3] }])
    expect(caught(() => heapSites(decodeProfile(data, 'goroutine.pprof'))).message).toBe(
      'goroutine.pprof: not a heap profile: sample types are goroutine/count, expected alloc_objects, alloc_space, inuse_objects, inuse_space'
    )
  })

  it('reads negative values (as in a diff) that the decoder returns as unsigned 64-bit bigints', () => {
    const data = synthetic(HEAP_TYPES, 2, [
      { stack: [1, 2], values: [-2, -2048, -1, -1024] },
      { stack: [1, 2], values: [5, 5120, 1, 1024] }
    ])
    const sites = heapSites(decodeProfile(data, 'diff'))
    expect(sites.totals).toEqual({ allocObjects: 3, allocBytes: 3072, inuseObjects: 0, inuseBytes: 0 })
    expect(sites.sites).toHaveLength(1)
  })

  it('attributes through inlined frames of the leaf location before walking up the stack', () => {
    const strings = new StringTable()
    const fn = (id: number, name: string): PprofFunction =>
      new PprofFunction({ id, name: strings.dedup(name), filename: strings.dedup(`/src/${id}.go`) })
    const profile = new Profile({
      sampleType: HEAP_TYPES.map(([type, unit]) => new ValueType({ type: strings.dedup(type), unit: strings.dedup(unit) })),
      function: [fn(1, 'strings.Repeat'), fn(2, 'example.com/m/a.Inlined'), fn(3, 'example.com/m/b.Outer')],
      location: [
        new Location({ id: 1, line: [new Line({ functionId: 1, line: 5 }), new Line({ functionId: 2, line: 7 })] }),
        new Location({ id: 2, line: [new Line({ functionId: 3, line: 9 })] })
      ],
      sample: [new Sample({ locationId: [1, 2], value: [1, 8, 1, 8] })],
      stringTable: strings
    })
    const [site] = heapSites(decodeProfile(gzipSync(profile.encode()), 'inline'), { modulePath: 'example.com/m' }).sites
    expect(site).toMatchObject({ function: 'strings.Repeat', line: 5, caller: { function: 'example.com/m/a.Inlined', line: 7 } })
  })

  it('names a location that was never symbolised by its address', () => {
    const strings = new StringTable()
    const profile = new Profile({
      sampleType: HEAP_TYPES.map(([type, unit]) => new ValueType({ type: strings.dedup(type), unit: strings.dedup(unit) })),
      location: [new Location({ id: 1, address: 0x4d2 }), new Location({ id: 2, address: 0x4d3 })],
      sample: [new Sample({ locationId: [1], value: [1, 8, 0, 0] }), new Sample({ locationId: [2], value: [1, 16, 0, 0] })],
      stringTable: strings
    })
    const sites = heapSites(decodeProfile(profile.encode(), 'unsymbolised')).sites
    expect(sites.map((site) => [site.function, site.allocBytes])).toEqual([
      ['0x4d3', 16],
      ['0x4d2', 8]
    ])
  })

  it('does not take a module path for a prefix of another module', () => {
    const data = synthetic(HEAP_TYPES, 2, [{ stack: [1, 2], values: [1, 8, 1, 8] }], ['strings.Repeat', 'example.com/modx.F'])
    expect(heapSites(decodeProfile(data, 'x'), { modulePath: 'example.com/mod' }).sites[0].caller).toBeUndefined()
    expect(heapSites(decodeProfile(data, 'x'), { modulePath: 'example.com/modx' }).sites[0].caller?.function).toBe('example.com/modx.F')
  })

  it('aggregates 200k samples fast enough to diff two profiles in a benchmark', () => {
    let seed = 7
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    const locations = 5000
    const samples: SyntheticSample[] = Array.from({ length: 200_000 }, () => ({
      stack: Array.from({ length: 12 }, () => 1 + next(locations)),
      values: [1 + next(10), 16 * (1 + next(100)), next(2), 16 * next(50)]
    }))
    const data = synthetic(HEAP_TYPES, locations, samples)

    const started = performance.now()
    const profile = decodeProfile(data, 'big')
    const decoded = performance.now()
    const sites = heapSites(profile, { modulePath: 'example.com/gen/pkg3' })
    const aggregated = performance.now()

    expect(sites.totals.allocObjects).toBe(samples.reduce((n, s) => n + Number(s.values[0]), 0))
    expect(sites.sites.reduce((n, s) => n + s.allocObjects, 0)).toBe(sites.totals.allocObjects)
    // About 0.3 s to decode (mostly pprof-format) and 0.05 s to aggregate on a CI-class machine.
    expect(decoded - started).toBeLessThan(5000)
    expect(aggregated - decoded).toBeLessThan(1000)
  })
})

describe('a profile that inflates beyond any real one', () => {
  // 64 gzip members of 16 MiB of zeros: 1 MB on disk, 1 GiB inflated. Before the bound, decoding it took
  // 2 GB of memory (and 147 s) on the way to "not a pprof profile".
  const member = gzipSync(Buffer.alloc(16 << 20))
  const bomb = new Uint8Array(Buffer.concat(Array.from({ length: 64 }, () => member)))

  it('is refused once it passes MAX_PROFILE_BYTES, with a bounded peak in memory', () => {
    const before = process.resourceUsage().maxRSS
    const started = performance.now()
    const err = caught(() => decodeProfile(bomb, 'bomb.pprof'))
    expect(err.message).toBe('bomb.pprof: inflates to more than 268435456 bytes: not a profile Go writes (a gzip bomb?)')
    expect((process.resourceUsage().maxRSS - before) / 1024).toBeLessThan(450)
    expect(performance.now() - started).toBeLessThan(20_000)
  })

  it('is refused at a smaller bound when the caller gives one, before or after inflating', () => {
    expect(caught(() => decodeProfile(bomb, 'b', 1 << 20)).message).toMatch(/^b: inflates to more than 1048576 bytes/)
    expect(caught(() => decodeProfile(bomb, 'b', 1000)).message).toBe('b: 1044992 bytes: larger than the 1000 a profile may be')
    // A real profile is far below the default bound.
    expect(decodeProfile(recordedBytes(PROFILE), PROFILE).sampleTypes).toHaveLength(4)
  })
})
