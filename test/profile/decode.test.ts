import { describe, expect, it } from 'vitest'
import { decodePprof, ProfileTables } from '../../src/profile/index.js'
import { allHeapProfiles, bySignature, parseRaw, recorded, recordedText, recordedVersions } from './oracle.js'
import { engineSamples, referenceDecode } from './views.js'

const KINDS = ['heap-base', 'heap-head', 'cpu-base', 'cpu-head', 'goroutine']

describe.each(recordedVersions())('decoding the profiles recorded with %s', (version) => {
  for (const kind of KINDS) {
    const bytes = recorded(version, `${kind}.pprof`)

    it(`${kind}: reads every field the gate uses as pprof-format does, sample by sample`, () => {
      const ours = decodePprof(bytes, kind)
      const ref = referenceDecode(bytes)
      expect(ours.sampleTypes).toEqual(ref.sampleTypes)
      expect(ours.periodType).toEqual(ref.periodType)
      expect({ period: ours.period, time: ours.timeNanos, duration: ours.durationNanos, dflt: ours.defaultSampleType }).toEqual({
        period: ref.period,
        time: ref.timeNanos,
        duration: ref.durationNanos,
        dflt: ref.defaultSampleType
      })
      expect(ours.stacks.length).toBeGreaterThan(0)
      expect(engineSamples(ours)).toEqual(ref.samples)
    })

    it(`${kind}: holds the samples go tool pprof -raw lists, stack by stack`, () => {
      const raw = parseRaw(recordedText(version, `${kind}.raw.txt`))
      const ours = decodePprof(bytes, kind)
      expect(ours.sampleTypes.map((t) => t.type)).toEqual(raw.sampleTypes)
      expect(bySignature(engineSamples(ours))).toEqual(bySignature(raw.samples))
    })
  }

  it('keeps the pprof labels of a goroutine profile: the two goroutines started inside pprof.Do', () => {
    const p = decodePprof(recorded(version, 'goroutine.pprof'), 'goroutine')
    const labelled = engineSamples(p).filter((s) => s.labels !== '')
    expect(labelled.map((s) => s.labels)).toEqual(['worker:[mutex]'])
    expect(labelled[0].values).toEqual([2])
    expect(labelled[0].stack.some((f) => f.startsWith('main.lock '))).toBe(true)
  })
})

describe('decoding into shared tables', () => {
  it('gives the same stack node to the same stack in two profiles, and new nodes only for new stacks', () => {
    const [version] = recordedVersions()
    const tables = new ProfileTables()
    const a = decodePprof(recorded(version, 'heap-base.pprof'), 'a', { tables })
    const nodes = tables.nodeCount
    const again = decodePprof(recorded(version, 'heap-base.pprof'), 'again', { tables })
    expect(tables.nodeCount).toBe(nodes)
    expect(again.stacks).toEqual(a.stacks)
    const head = decodePprof(recorded(version, 'heap-head.pprof'), 'head', { tables })
    expect(tables.nodeCount).toBeGreaterThan(nodes)
    expect(engineSamples(head)).toEqual(referenceDecode(recorded(version, 'heap-head.pprof')).samples)
  })

  it('decodes the older recorded heap profiles as pprof-format does', () => {
    for (const { name, bytes } of allHeapProfiles()) {
      expect({ name, samples: engineSamples(decodePprof(bytes, name)) }).toEqual({ name, samples: referenceDecode(bytes).samples })
    }
  })
})
