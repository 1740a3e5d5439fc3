import { describe, expect, it } from 'vitest'
import { type Omitted, type Section, fitSections } from '../../src/report/fit.js'

const notice = (omitted: Omitted[]): string => `CUT ${omitted.map((o) => `${o.group}x${o.count}`).join(',')}`

function sections(): Section[] {
  return [
    { text: 'HEAD', group: 'head' },
    { text: 'a'.repeat(100), cutRank: 90, group: 'failing' },
    { text: 'p'.repeat(100), cutRank: 10, group: 'pkg' },
    { text: 'q'.repeat(100), cutRank: 10, group: 'pkg' },
    { text: 'e'.repeat(100), cutRank: 40, group: 'errors' }
  ]
}

describe('fitSections', () => {
  it('joins sections with blank lines when there is no limit', () => {
    expect(fitSections(sections().slice(0, 2), undefined, notice)).toBe(`HEAD\n\n${'a'.repeat(100)}`)
  })

  it('leaves everything in, without a notice, when it fits', () => {
    const all = sections()
    const full = all.map((s) => s.text).join('\n\n')
    expect(fitSections(all, full.length, notice)).toBe(full)
  })

  it('leaves out the lowest rank first, the later of equal ranks before the earlier', () => {
    const all = sections()
    const full = all.map((s) => s.text).join('\n\n')
    const out = fitSections(all, full.length - 1, notice)
    expect(out).toContain('p'.repeat(100))
    expect(out).not.toContain('q'.repeat(100))
    expect(out.endsWith('\n\nCUT pkgx1')).toBe(true)
  })

  it('stops leaving out as soon as the rest and the notice fit, keeping the order of what it keeps', () => {
    // 412 characters in all; leaving out one 100-character section is enough.
    const out = fitSections(sections(), 330, notice)
    expect(out).toBe(`HEAD\n\n${'a'.repeat(100)}\n\n${'p'.repeat(100)}\n\n${'e'.repeat(100)}\n\nCUT pkgx1`)
  })

  it('counts the notice itself against the limit', () => {
    expect(fitSections(sections(), 400, notice)).toContain('e'.repeat(100))
    const long = (omitted: Omitted[]): string => `${'N'.repeat(250)}${omitted.length}`
    const out = fitSections(sections(), 400, long)
    expect(out.length).toBeLessThanOrEqual(400)
    expect(out).not.toContain('e'.repeat(100))
  })

  it('never leaves out a section without a rank, and says so when that is not enough', () => {
    expect(fitSections(sections(), 40, notice)).toBe('HEAD\n\nCUT failingx1,pkgx2,errorsx1')
    expect(() => fitSections(sections(), 30, notice)).toThrow(RangeError)
  })
})
