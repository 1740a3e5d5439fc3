import { describe, expect, it } from 'vitest'
import {
  decodePprof,
  diffProfiles,
  frameTotals,
  mergeProfiles,
  perOpMean,
  ProfileError,
  ProfileTables,
  topFrames,
  totalOf,
  type StackProfile
} from '../../src/profile/index.js'
import { parseTop, recorded, recordedText, recordedVersions, type TopRow } from './oracle.js'

/** Flat and cum per function name, the way -top keys its rows (only rows with a non-zero value). */
function byName(p: StackProfile, type: string): Map<string, TopRow> {
  const totals = frameTotals(p, type)
  const out = new Map<string, TopRow>()
  totals.flat.forEach((_, k) => {
    const row = totals.row(k)
    if (row.flat === 0 && row.cum === 0) return
    const seen = out.get(row.function)
    out.set(row.function, { flat: row.flat + (seen?.flat ?? 0), cum: row.cum + (seen?.cum ?? 0) })
  })
  return out
}

/** -top lists rows whose flat and cum are both 0 in a diff (a function present on both sides); we do not. */
function nonZero(rows: Map<string, TopRow>): Map<string, TopRow> {
  return new Map([...rows].filter(([, r]) => r.flat !== 0 || r.cum !== 0))
}

function one(version: string, name: string, tables: ProfileTables): StackProfile {
  return mergeProfiles(tables, [{ profile: decodePprof(recorded(version, `${name}.pprof`), name, { tables }) }])
}

const KINDS: [string, string[]][] = [
  ['heap-base', ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space']],
  ['heap-head', ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space']],
  ['cpu-base', ['samples', 'cpu']],
  ['cpu-head', ['samples', 'cpu']],
  ['goroutine', ['goroutine']]
]

describe.each(recordedVersions())('flat and cum per function against go tool pprof -top, %s', (version) => {
  for (const [name, types] of KINDS) {
    for (const type of types) {
      it(`${name} ${type}`, () => {
        const top = parseTop(recordedText(version, `${name}.top-${type}.txt`))
        const p = one(version, name, new ProfileTables())
        expect(top.rows.size).toBeGreaterThan(3)
        expect(totalOf(p, type)).toBe(top.total)
        expect(byName(p, type)).toEqual(nonZero(top.rows))
      })
    }
  }

  for (const [kind, types] of [KINDS[0], KINDS[2]]) {
    const pair = kind.replace('-base', '')
    for (const type of types) {
      it(`${pair} base and head merged, as pprof merges two profiles named together, ${type}`, () => {
        const top = parseTop(recordedText(version, `${pair}.merged.top-${type}.txt`))
        const tables = new ProfileTables()
        const decode = (name: string) => decodePprof(recorded(version, `${name}.pprof`), name, { tables })
        const merged = mergeProfiles(tables, [{ profile: decode(`${pair}-base`) }, { profile: decode(`${pair}-head`) }])
        expect(totalOf(merged, type)).toBe(top.total)
        expect(byName(merged, type)).toEqual(nonZero(top.rows))
      })

      it(`${pair} head against base (-diff_base) ${type}`, () => {
        const top = parseTop(recordedText(version, `${pair}.diff.top-${type}.txt`))
        const tables = new ProfileTables()
        const base = one(version, `${pair}-base`, tables)
        const head = one(version, `${pair}-head`, tables)
        const diff = diffProfiles(head, base)
        // pprof prints percentages of the base total under -diff_base, and that total in the header.
        expect(totalOf(base, type)).toBe(top.total)
        expect(byName(diff, type)).toEqual(nonZero(top.rows))
      })
    }
  }
})

describe('merging and scaling runs', () => {
  const [version] = recordedVersions()

  it('sums runs stack by stack: two copies of a profile are twice the profile, a scaled run is scaled', () => {
    const tables = new ProfileTables()
    const a = decodePprof(recorded(version, 'heap-base.pprof'), 'a', { tables })
    const b = decodePprof(recorded(version, 'heap-base.pprof'), 'b', { tables })
    const single = mergeProfiles(tables, [{ profile: a }])
    const twice = mergeProfiles(tables, [{ profile: a }, { profile: b }])
    const scaled = mergeProfiles(tables, [{ profile: a, scale: 0.5 }])
    for (let k = 0; k < single.values.length; k++) {
      expect(twice.values[k]).toEqual(single.values[k].map((v) => 2 * v))
      expect(scaled.values[k]).toEqual(single.values[k].map((v) => v / 2))
    }
    expect(totalOf(twice, 'inuse_space')).toBe(2 * totalOf(single, 'inuse_space'))
  })

  it('takes the mean per op over runs of different b.N, leaving out a run without iterations', () => {
    const tables = new ProfileTables()
    const base = decodePprof(recorded(version, 'heap-base.pprof'), 'base', { tables })
    const head = decodePprof(recorded(version, 'heap-head.pprof'), 'head', { tables })
    const perOp = perOpMean(tables, [
      { profile: base, iterations: 1000 },
      { profile: head, iterations: 4000 },
      { profile: head, iterations: 0 }
    ])
    const total = (p: typeof base): number => totalOf(mergeProfiles(tables, [{ profile: p }]), 'inuse_space')
    expect(totalOf(perOp, 'inuse_space')).toBeCloseTo((total(base) / 1000 + total(head) / 4000) / 2, 6)
  })

  it('diffs the merged runs of a side: the journal of the head retains 4096 B more per op', () => {
    const tables = new ProfileTables()
    const side = (name: string) => perOpMean(tables, [{ profile: decodePprof(recorded(version, `${name}.pprof`), name, { tables }), iterations: 2001 }])
    const diff = diffProfiles(side('heap-head'), side('heap-base'))
    const [first] = topFrames(diff, 'inuse_space', { order: 'growth', top: 1 })
    expect(first.function).toBe('example.com/gatefixture/retain.(*Journal).Append')
    expect(first.flat).toBeGreaterThan(0)
    const [byLine] = topFrames(diff, 'inuse_space', { order: 'growth', top: 1, granularity: 'line' })
    expect(byLine).toMatchObject({ function: first.function, file: 'example.com/gatefixture/retain/journal.go' })
    expect(byLine.line).toBeGreaterThan(0)
  })

  it('refuses to merge profiles of different kinds, or from other tables, naming the profile', () => {
    const tables = new ProfileTables()
    const heap = decodePprof(recorded(version, 'heap-base.pprof'), 'heap', { tables })
    const cpu = decodePprof(recorded(version, 'cpu-base.pprof'), 'cpu', { tables })
    expect(() => mergeProfiles(tables, [{ profile: heap }, { profile: cpu }])).toThrow(ProfileError)
    expect(() => mergeProfiles(tables, [{ profile: heap }, { profile: cpu }])).toThrow(/^cpu: has no sample type alloc_objects/)
    const elsewhere = decodePprof(recorded(version, 'heap-base.pprof'), 'elsewhere')
    expect(() => mergeProfiles(tables, [{ profile: elsewhere }])).toThrow(/^elsewhere: was decoded with other tables/)
  })
})

describe('cumulative values of recursion', () => {
  it.each(recordedVersions())('counts a recursive function once per stack (%s: main.recurse calls itself six times)', (version) => {
    const p = one(version, 'goroutine', new ProfileTables())
    const totals = frameTotals(p, 'goroutine', 'function')
    const lines = frameTotals(p, 'goroutine', 'line')
    const recurse = [...totals.flat.keys()].map((k) => totals.row(k)).find((r) => r.function === 'main.recurse')
    expect(recurse).toMatchObject({ flat: 0, cum: 1 })
    const recurseLines = [...lines.flat.keys()].map((k) => lines.row(k)).filter((r) => r.function === 'main.recurse' && r.cum !== 0)
    // One line calls recurse again, one calls receive: each is on the one stack once.
    expect(recurseLines.map((r) => r.cum)).toEqual([1, 1])
  })
})
