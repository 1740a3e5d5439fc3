// Overrides and the policy in the comparison: an override changes the thresholds of the benchmarks it
// matches and no other, later overrides win, and the policy turns a failure into a warning or into an
// ignored finding that the report still carries, saying which rule did it.
import { describe, expect, it } from 'vitest'
import { compareResults } from '../../src/compare/compare.js'
import { packageRegExp } from '../../src/compare/scope.js'
import { DEFAULT_COMPARE } from '../../src/config/defaults.js'
import type { CompareConfig } from '../../src/config/types.js'
import { renderMarkdown } from '../../src/report/markdown.js'
import { renderText } from '../../src/report/text.js'
import { bench, noisy, repeat, result } from './build-result.js'

const FAST = 'example.com/m/fast'
const LEGACY = 'example.com/m/legacy/codec'

/** One more allocation per op in two packages' benchmarks: each fails by default. */
function sides() {
  const of = (allocs: number) =>
    result({
      [FAST]: [bench('BenchmarkEncode', repeat(6, () => ({ allocs, bop: 64 }))), bench('BenchmarkParse', repeat(6, () => ({ allocs, bop: 64 })))],
      [LEGACY]: [bench('BenchmarkEncode', repeat(6, () => ({ allocs, bop: 64 })))]
    })
  return { base: of(2), head: of(3) }
}

function compare(config: Partial<CompareConfig>) {
  const { base, head } = sides()
  return compareResults({ base, head, baseDir: 'base', headDir: 'head', config: { ...DEFAULT_COMPARE, ...config } })
}

const allocsOf = (r: ReturnType<typeof compare>) => r.findings.filter((f) => f.unit === 'allocs/op').map((f) => [f.pkg, f.subject, f.severity])

describe('overrides', () => {
  it('changes the thresholds of the matching package only, and says which override set them', () => {
    const r = compare({ overrides: [{ package: './legacy/...', thresholds: { allocsPerOp: { absolute: 2, relative: 0.6 } }, policy: {} }] })
    expect(allocsOf(r)).toEqual([
      [FAST, 'BenchmarkEncode', 'fail'],
      [FAST, 'BenchmarkParse', 'fail'],
      // 2 -> 3 is under 60% and 2 allocs: worse in every run, so still reported, as a warning.
      [LEGACY, 'BenchmarkEncode', 'warn']
    ])
    const legacy = r.findings.find((f) => f.pkg === LEGACY && f.unit === 'allocs/op')
    expect(legacy?.decision).toEqual({ class: 'allocs', threshold: { key: 'thresholds.allocsPerOp', relative: 0.6, absolute: 2, source: 'overrides[0]' }, overrides: [0] })
    expect(r.findings.find((f) => f.pkg === FAST)?.decision).toBeUndefined()
  })

  it('matches benchmarks by a regular expression on their names, and lets later overrides win key by key', () => {
    const r = compare({
      overrides: [
        { benchmark: '^BenchmarkEncode$', thresholds: { allocsPerOp: { relative: 0.6, absolute: 2 } }, policy: {} },
        { package: FAST, benchmark: 'Encode', thresholds: { allocsPerOp: { absolute: 1 } }, policy: {} }
      ]
    })
    // FAST Encode: relative 60% from the first, absolute 1 from the second; 2 -> 3 is +50%, under 60%.
    expect(allocsOf(r)).toEqual([
      [FAST, 'BenchmarkEncode', 'warn'],
      [FAST, 'BenchmarkParse', 'fail'],
      [LEGACY, 'BenchmarkEncode', 'warn']
    ])
    const fastEncode = r.findings.find((f) => f.pkg === FAST && f.subject === 'BenchmarkEncode' && f.unit === 'allocs/op')
    expect(fastEncode?.decision?.overrides).toEqual([0, 1])
    expect(fastEncode?.decision?.threshold).toMatchObject({ relative: 0.6, absolute: 1, source: 'overrides[1]' })
  })

  it('reads Go package patterns: ... for any text, * within one element, ./ for the module', () => {
    expect(packageRegExp('example.com/m/legacy/...', 'example.com/m').test('example.com/m/legacy')).toBe(true)
    expect(packageRegExp('example.com/m/legacy/...', 'example.com/m').test('example.com/m/legacy/a/b')).toBe(true)
    expect(packageRegExp('example.com/m/legacy/...', 'example.com/m').test('example.com/m/legacyx')).toBe(false)
    expect(packageRegExp('./*/codec', 'example.com/m').test('example.com/m/legacy/codec')).toBe(true)
    expect(packageRegExp('./*/codec', 'example.com/m').test('example.com/m/a/b/codec')).toBe(false)
    expect(packageRegExp('example.com/m/a.b', 'example.com/m').test('example.com/m/aXb')).toBe(false)
  })
})

describe('the policy', () => {
  it('turns failures of a class into warnings: the gate passes and each warning says which policy did it', () => {
    const r = compare({ policy: { allocs: 'warn' } })
    expect(r.verdict).toBe('pass')
    expect(allocsOf(r).map(([, , s]) => s)).toEqual(['warn', 'warn', 'warn'])
    expect(r.findings[0].decision).toMatchObject({ class: 'allocs', policy: 'warn', judged: 'fail', policySource: 'policy' })
    expect(renderMarkdown(r)).toContain('warned by policy allocs=warn (judged fail)')
  })

  it('ignores a class: out of the verdict and the counts of failures, listed as ignored by policy in every report', () => {
    const r = compare({ policy: { allocs: 'ignore' }, overrides: [{ package: LEGACY, policy: { allocs: 'fail' }, thresholds: {} }] })
    expect(r.verdict).toBe('fail')
    expect(allocsOf(r)).toEqual([
      [FAST, 'BenchmarkEncode', 'info'],
      [FAST, 'BenchmarkParse', 'info'],
      [LEGACY, 'BenchmarkEncode', 'fail']
    ])
    expect(r.counts.fail).toBe(1)
    const md = renderMarkdown(r)
    expect(md).toContain('**🔕 Ignored by policy (2)**')
    expect(md).toContain('ignored by policy allocs=ignore (judged fail)')
    expect(renderText(r)).toMatch(/IGNORED {2}regression {2}example\.com\/m\/fast {2}BenchmarkEncode/)
  })

  it('keeps the default: gc warns as gc.pauseSeverity says, and gc=fail makes a pause regression fail', () => {
    const pauses = (ms: number) => result({ [FAST]: [bench('BenchmarkGC', repeat(10, () => ({ pauses: [ms, ms * 1.1, ms * 1.2] })))] })
    const run = (config: Partial<CompareConfig>) => compareResults({ base: pauses(0.1), head: pauses(3), baseDir: 'b', headDir: 'h', config: { ...DEFAULT_COMPARE, ...config } })
    const byDefault = run({}).findings.filter((f) => f.kind === 'gc-pause')
    expect(byDefault.map((f) => [f.metric, f.severity])).toEqual([
      ['gc pause p99', 'warn'],
      ['gc pause max', 'warn']
    ])
    expect(byDefault[0].decision).toMatchObject({ policy: 'warn', policySource: 'gc.pauseSeverity' })
    expect(run({ policy: { gc: 'fail' } }).findings.filter((f) => f.kind === 'gc-pause').map((f) => f.severity)).toEqual(['fail', 'fail'])
    expect(run({ policy: { gc: 'fail' } }).verdict).toBe('fail')
  })

  it('leaves pre-existing findings as they are: the policy changes only what fails or warns', () => {
    const same = sides().base
    const r = compareResults({ base: same, head: same, baseDir: 'b', headDir: 'h', config: { ...DEFAULT_COMPARE, policy: { allocs: 'ignore' } } })
    expect(r.findings).toEqual([])
  })
})

describe('the absolute floor of time', () => {
  it('keeps a decided slowdown under thresholds.time.absolute from failing, and says so', () => {
    const rnd = noisy(7)
    const side = (ns: number) => result({ [FAST]: [bench('BenchmarkSlow', repeat(10, () => ({ ns: ns + rnd() * 2 })))] })
    const run = (absolute: number) =>
      compareResults({ base: side(100), head: side(130), baseDir: 'b', headDir: 'h', config: { ...DEFAULT_COMPARE, thresholds: { ...DEFAULT_COMPARE.thresholds, time: { relative: 0.05, absolute } } } })
    expect(run(0).findings.filter((f) => f.unit === 'ns/op').map((f) => f.severity)).toEqual(['fail'])
    const floored = run(50)
    expect(floored.findings.filter((f) => f.unit === 'ns/op')).toEqual([])
    expect(floored.comparisons[0].metrics.find((m) => m.unit === 'ns/op')?.reason).toMatch(/under the 50 ns\/op floor \(thresholds\.time\.absolute\)/)
  })
})
