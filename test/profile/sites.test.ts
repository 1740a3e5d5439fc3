import { gzipSync } from 'node:zlib'
import { Function as PprofFunction, Line, Location, Profile, Sample, StringTable, ValueType } from 'pprof-format'
import { describe, expect, it } from 'vitest'
import { decodeProfile, heapSites } from '../../src/parse/pprof.js'
import { decodePprof, heapSitesOf, ModuleFrames, ProfileTables } from '../../src/profile/index.js'
import { allHeapProfiles } from './oracle.js'

const MODULES = ['', 'example.com/gatefixture', 'example.com/recorded', 'example.com/gatefixture/retain', 'testing']

describe('heapSitesOf, the adapter for compare/attribute', () => {
  for (const { name, bytes } of allHeapProfiles()) {
    it(`gives what heapSites gives on ${name}, with each module path`, () => {
      const ours = decodePprof(bytes, name)
      const theirs = decodeProfile(bytes, name)
      for (const modulePath of MODULES) {
        const want = heapSites(theirs, { modulePath })
        expect(want.sites.length).toBeGreaterThan(3)
        expect({ modulePath, ...heapSitesOf(ours, { modulePath }) }).toEqual({ modulePath, ...want })
      }
    })
  }

  it('splits a standard-library site by its first caller in the module (the point of the module path)', () => {
    const { name, bytes } = allHeapProfiles().find((p) => p.name === 'recorded/retain.mem.pprof') ?? { name: '', bytes: new Uint8Array() }
    const sites = heapSitesOf(decodePprof(bytes, name), { modulePath: 'example.com/recorded' }).sites
    const growSlice = sites.filter((s) => s.function === 'bytes.growSlice')
    expect(new Set(growSlice.map((s) => s.caller?.function))).toEqual(new Set(['example.com/recorded/store.Render', 'example.com/recorded/store.Join']))
    const withCaller = sites.filter((s) => s.caller !== undefined)
    expect(withCaller.every((s) => s.caller?.function.startsWith('example.com/recorded') && !s.function.startsWith('example.com/recorded'))).toBe(true)
  })

  it('matches heapSites on inlined module frames, unsymbolised locations and samples of zero', () => {
    const strings = new StringTable()
    const types = ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space']
    const fn = (id: number, name: string): PprofFunction => new PprofFunction({ id, name: strings.dedup(name), filename: strings.dedup(`/src/${id}.go`) })
    const profile = new Profile({
      sampleType: types.map((t) => new ValueType({ type: strings.dedup(t), unit: strings.dedup('count') })),
      function: [fn(1, 'strings.Repeat'), fn(2, 'example.com/m/a.Inlined'), fn(3, 'example.com/m/b.Outer'), fn(4, 'bytes.growSlice')],
      location: [
        new Location({ id: 1, line: [new Line({ functionId: 1, line: 5 }), new Line({ functionId: 2, line: 7 })] }),
        new Location({ id: 2, line: [new Line({ functionId: 3, line: 9 })] }),
        new Location({ id: 3, address: 0x4d2 }),
        new Location({ id: 4, line: [new Line({ functionId: 4, line: 11 })] })
      ],
      sample: [
        new Sample({ locationId: [1, 2], value: [1, 8, 1, 8] }),
        new Sample({ locationId: [3, 2], value: [1, 16, 0, 0] }),
        new Sample({ locationId: [4, 3, 2], value: [2, 32, 1, 16] }),
        new Sample({ locationId: [4, 2], value: [0, 0, 0, 0] }),
        new Sample({ locationId: [], value: [3, 3, 3, 3] })
      ],
      stringTable: strings
    })
    const bytes = gzipSync(profile.encode())
    for (const modulePath of ['', 'example.com/m', 'example.com/m/b']) {
      expect(heapSitesOf(decodePprof(bytes, 'x'), { modulePath })).toEqual(heapSites(decodeProfile(bytes, 'x'), { modulePath }))
    }
    const sites = heapSitesOf(decodePprof(bytes, 'x'), { modulePath: 'example.com/m' }).sites
    expect(sites.find((s) => s.function === '0x4d2')).toMatchObject({ file: '', line: 0, caller: { function: 'example.com/m/b.Outer' } })
  })
})

describe('ModuleFrames', () => {
  it('finds the nearest frame in the module at or above a node, the same from any node of the stack', () => {
    const [{ bytes }] = allHeapProfiles()
    const tables = new ProfileTables()
    const p = decodePprof(bytes, 'p', { tables })
    const frames = new ModuleFrames(tables, 'example.com/gatefixture')
    let checked = 0
    for (const node of p.stacks) {
      const found = frames.atOrAbove(node)
      // The slow way: walk up from the node.
      let n = node
      while (n !== 0 && !frames.inModule(n)) n = tables.nodeParent[n]
      expect(found).toBe(n === 0 ? -1 : n)
      if (found >= 0) checked++
    }
    expect(checked).toBeGreaterThan(0)
  })
})
