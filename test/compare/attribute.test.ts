// Which allocation sites explain a growth: the head's per-op values minus the base's, site by site.
import { describe, expect, it } from 'vitest'
import { attributeGrowth, moduleRelative, relativeSites, type ProfiledRun, type SiteValues } from '../../src/compare/attribute.js'

const M = 'example.com/m'

function site(fn: string, line: number, v: Partial<SiteValues> = {}): SiteValues {
  return { function: `${M}/p.${fn}`, file: 'p/p.go', line, inuseBytes: 0, inuseObjects: 0, allocBytes: 0, allocObjects: 0, ...v }
}

function runs(iterations: number, ...sites: SiteValues[][]): ProfiledRun[] {
  return sites.map((s) => ({ iterations, sites: s }))
}

describe('attributeGrowth', () => {
  it('names the site whose retained bytes per op grew, with the growth per op', () => {
    const base = runs(1000, [site('Keep', 10, { inuseBytes: 64_000 })], [site('Keep', 10, { inuseBytes: 64_000 })])
    const head = runs(1000, [site('Keep', 10, { inuseBytes: 64_000 }), site('Leak', 20, { inuseBytes: 4_096_000 })], [site('Keep', 10, { inuseBytes: 64_000 }), site('Leak', 20, { inuseBytes: 4_096_000 })])
    expect(attributeGrowth(base, head, 'inuseBytes')).toEqual([
      { file: 'p/p.go', line: 20, function: `${M}/p.Leak`, role: 'allocation', deltaPerOp: 4096, deltaUnit: 'B' }
    ])
  })

  it('divides by each run’s own b.N, so runs of different size compare', () => {
    const base: ProfiledRun[] = [{ iterations: 100, sites: [site('A', 1, { allocObjects: 100 })] }]
    const head: ProfiledRun[] = [{ iterations: 400, sites: [site('A', 1, { allocObjects: 800 })] }]
    const [loc] = attributeGrowth(base, head, 'allocObjects')
    expect(loc).toMatchObject({ deltaPerOp: 1, deltaUnit: 'objects' })
  })

  it('matches moved lines through the diff and never pairs a rewritten base line with a head line', () => {
    const base = runs(10, [site('A', 10, { allocBytes: 100 }), site('B', 30, { allocBytes: 100 })])
    const head = runs(10, [site('A', 12, { allocBytes: 100 }), site('B', 30, { allocBytes: 100 })])
    // A moved from 10 to 12 (two lines added above); base line 30 was rewritten.
    const mapBaseLine = (_file: string, line: number) => (line === 10 ? 12 : undefined)
    const locs = attributeGrowth(base, head, 'allocBytes', { mapBaseLine })
    expect(locs.map((l) => `${l.function}:${l.line}`)).toEqual([`${M}/p.B:30`])
    // Without the diff, sites are matched by function: nothing grew.
    expect(attributeGrowth(base, head, 'allocBytes')).toEqual([])
  })

  it('adds the first module caller of an allocation outside the module, and drops sites below the minimum share', () => {
    const caller = { function: `${M}/p.Encode`, file: 'p/enc.go', line: 45 }
    const fmt = { function: 'time.Time.Format', file: 'time/format.go', line: 650, inuseBytes: 0, inuseObjects: 0, allocBytes: 0, allocObjects: 10, caller }
    const head = runs(10, [fmt, site('Noise', 3, { allocObjects: 0.2 })])
    const locs = attributeGrowth(runs(10, []), head, 'allocObjects')
    expect(locs.map((l) => l.role)).toEqual(['allocation', 'caller'])
    expect(locs[1]).toMatchObject({ ...caller, deltaPerOp: 1 })
  })
})

describe('module-relative names', () => {
  it('strips the module path from -trimpath file names, callers included, and leaves others alone', () => {
    expect(moduleRelative(`${M}/p/p.go`, M)).toBe('p/p.go')
    expect(moduleRelative('runtime/proc.go', M)).toBe('runtime/proc.go')
    expect(moduleRelative(`${M}x/p.go`, M)).toBe(`${M}x/p.go`)
    const [s] = relativeSites([{ ...site('A', 1), file: `${M}/p/p.go`, caller: { function: 'f', file: `${M}/q/q.go`, line: 2 } }], M)
    expect([s.file, s.caller?.file]).toEqual(['p/p.go', 'q/q.go'])
  })
})
