import { describe, expect, it } from 'vitest'
import { buildConfig, parseConfigText, parseDuration } from '../../src/config/load.js'
import { DEFAULT_COMPARE, DEFAULT_RUN } from '../../src/config/defaults.js'
import { UsageError } from '../../src/errors.js'

describe('config file', () => {
  it('names the unknown key, its place and the closest known key for a typo', () => {
    const text = 'thresholds:\n  tme:\n    relative: 5%\n'
    expect(() => parseConfigText(text, 'gate.yml')).toThrowError(/gate\.yml: unknown key 'tme' in thresholds \(did you mean 'time'\?\)/)
  })

  it('reports YAML syntax errors with file, line and column', () => {
    const err = (() => {
      try {
        parseConfigText('run:\n  count: [1,\n', 'cfg.yml')
      } catch (e) {
        return e
      }
    })()
    expect(err).toBeInstanceOf(UsageError)
    expect((err as Error).message).toMatch(/^cfg\.yml:\d+:\d+: not valid YAML/)
  })

  it('says where YAML fails once, without the parser\'s dangling "at line N, column M:"', () => {
    expect(() => parseConfigText('run: [\u0000\u0001\n', 'bin.yml')).toThrowError(/^bin\.yml:\d+:\d+: not valid YAML: [^:]+[^:\s]$/)
  })

  it('explains a threshold written in the wrong form with an example', () => {
    // The file, line and column, the key, what a good value is with an example, and what was written.
    expect(() => parseConfigText('thresholds:\n  time:\n    relative: ten percent\n', 'c.yml')).toThrowError(
      "thresholds.time.relative in c.yml:3:15 must be a fraction or a percentage, like '0.1' or '10%' (got 'ten percent')"
    )
  })

  it('rejects an enum value and lists the allowed ones', () => {
    expect(() => parseConfigText('statistics:\n  correction: holm\n', 'c.yml')).toThrowError(/"none", "bonferroni", "bh"/)
  })

  it('merges file values over defaults and command-line overrides over both', () => {
    const file = parseConfigText(
      'run:\n  count: 4\n  benchtime: 200ms\n  timeout: 90s\nthresholds:\n  time:\n    relative: 20%\n  allocsPerOp:\n    absolute: 3\nmetrics:\n  items/op: higher\n',
      'c.yml'
    )
    const cfg = buildConfig('/mod', file, { count: 7 })
    expect(cfg.run.count).toBe(7)
    expect(cfg.run.benchtime).toBe('200ms')
    expect(cfg.run.timeoutMs).toBe(90_000)
    expect(cfg.run.bench).toBe(DEFAULT_RUN.bench)
    expect(cfg.compare.thresholds.time.relative).toBeCloseTo(0.2)
    expect(cfg.compare.thresholds.allocsPerOp).toEqual({ relative: DEFAULT_COMPARE.thresholds.allocsPerOp.relative, absolute: 3 })
    expect(cfg.compare.metricDirections['items/op']).toBe('higher')
  })

  it('rejects an ignore rule that is not a regular expression', () => {
    // Refused while the file is read (before anything runs), pointing at the item.
    expect(() => buildConfig('/mod', parseConfigText('ignore:\n  benchmarks: ["(unclosed"]\n', 'c.yml'), {})).toThrowError(
      /ignore\.benchmarks\[0\] in c\.yml:2:16 must be a valid regular expression \(got '\(unclosed': Invalid regular expression/
    )
  })

  it('parses Go-style durations and refuses others', () => {
    expect(parseDuration('10m', 'x')).toBe(600_000)
    expect(parseDuration('1.5s', 'x')).toBe(1500)
    expect(() => parseDuration('10 minutes', '--timeout')).toThrowError(/--timeout: '10 minutes' is not a duration/)
  })
})
