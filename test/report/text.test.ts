import { describe, expect, it } from 'vitest'
import { TOP_LOCATIONS, renderText } from '../../src/report/text.js'
import { HOSTILE_NAMES, finding, passingReport, sampleReport, withCounts } from './sample-report.js'

describe('renderText', () => {
  const text = renderText(sampleReport())
  const lines = text.split('\n')

  it('starts with the verdict and the counts, then the incomplete warning', () => {
    expect(lines[0]).toBe('go-leak-gate: FAIL — 6 failing, 1 warning, 1 info')
    expect(lines[1]).toBe(
      'Incomplete: part of the head run could not complete (1 error below); the verdict covers only what ran.'
    )
  })

  it('gives each failing finding, then each warning, one line', () => {
    const findingLines = lines.filter((l) => /^(FAIL|WARN) /.test(l))
    expect(findingLines.map((l) => l.slice(0, 4))).toEqual(['FAIL', 'FAIL', 'FAIL', 'FAIL', 'FAIL', 'FAIL', 'WARN'])
    expect(findingLines[2]).toBe(
      'FAIL  regression  example.com/shop/api  BenchmarkServeHTTP/route=cart  sec/op  1.23µs → 1.48µs  +19.9% (p=0.002)'
    )
    expect(findingLines[6]).toBe('WARN  gc-pause  example.com/shop/cache  BenchmarkCacheSet  stw pause p99  120µs → 310µs  +158% (p=0.030)')
  })

  it('shows the message of a finding that has no values', () => {
    expect(text).toContain('FAIL  bench-failure  example.com/shop/parse  BenchmarkParse  panic: runtime error: index out of range [5] with length 3\n')
  })

  it('lists the top responsible locations under their finding, biggest retainer first', () => {
    const at = lines.findIndex((l) => l.startsWith('FAIL  heap-leak'))
    expect(lines.slice(at + 1, at + 4)).toEqual([
      '      at cache/cache.go:88  cache.(*Cache).Set  allocation  +1KiB/op  (changed in this PR)',
      '      at cache/index.go:51  cache.(*index).add  allocation  +384B/op',
      '      at cache/entry.go:19  cache.newEntry  allocation  +128B/op'
    ])
  })

  it(`shows at most ${TOP_LOCATIONS} locations and counts the rest`, () => {
    const locations = Array.from({ length: 5 }, (_, i) => ({ file: `f${i}.go`, line: 1, function: `f${i}`, role: 'creation' as const }))
    const out = renderText(withCounts({ ...passingReport(), findings: [finding({ kind: 'goroutine-leak', severity: 'fail', locations })] }))
    expect(out.match(/^ {6}at /gm)).toHaveLength(TOP_LOCATIONS)
    expect(out).toContain('      at f0.go:1  f0  creation\n')
    expect(out).toContain('      … and 2 more locations\n')
  })

  it('counts the compared and unchanged benchmarks', () => {
    expect(text).toContain(
      '\nCompared 46 benchmarks (50 metrics) in 4 packages: 3 regressed, 1 improved, 42 unchanged; 1 only in base, 1 only in head.\n'
    )
  })

  it('lists errors by their first compiler message, not the "# package" header', () => {
    expect(text).toContain(
      '\nErrors (1):\n  head build example.com/shop/api: ./handler.go:17:2: undefined: `fmt.Sprintf` (did you mean ```Sprintf```?) (+4 more lines)\n'
    )
  })

  it('renders a passing report in two lines', () => {
    expect(renderText(passingReport())).toBe(
      'go-leak-gate: PASS\n\nCompared 1 benchmark (3 metrics) in 1 package: 0 regressed, 0 improved, 1 unchanged.\n'
    )
  })

  it('lets no control character or line break of the code under test reach the terminal', () => {
    const report = sampleReport()
    const evil = HOSTILE_NAMES.join('')
    const hostile = withCounts({
      ...report,
      findings: report.findings.map((f) => ({
        ...f,
        subject: evil,
        message: evil,
        locations: f.locations.map((l) => ({ ...l, file: evil, function: evil }))
      }))
    })
    const out = renderText(hostile)
    expect(out).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/)
    // Same number of lines as with plain names: nothing injected a line.
    expect(out.split('\n')).toHaveLength(lines.length)
  })

  it('writes no colour codes', () => {
    expect(text).not.toContain('\u001b')
  })
})
