// One parser per kind of value: the same value means the same, and is refused in the same words, whether it
// came from a flag, an action input or the config file.
import { describe, expect, it } from 'vitest'
import { parseConfigText } from '../../src/config/load.js'
import { benchtime, bool, duration, fraction, int, packages, readText, showRaw, type Kind, type Source } from '../../src/config/values.js'

const text = <T>(kind: Kind<T>, t: string, src: Source = { kind: 'flag', name: 'x' }) => readText(kind, t, src)
const message = (f: () => unknown): string => {
  try {
    f()
  } catch (err) {
    return (err as Error).message
  }
  return 'no error'
}

describe('value parsers', () => {
  it('words a bad count the same for an input, a flag and the file, naming each place', () => {
    const count = int({ min: 1, max: 1000, example: 10 })
    const expected = "must be a whole number from 1 to 1000, like '10' (got 'ten')"
    expect(message(() => readText(count, 'ten', { kind: 'input', name: 'count' }))).toBe(`input 'count' ${expected}`)
    expect(message(() => readText(count, 'ten', { kind: 'flag', name: 'count' }))).toBe(`--count ${expected}`)
    expect(message(() => parseConfigText('run:\n  count: ten\n', 'gate.yml'))).toBe(`run.count in gate.yml:2:10 ${expected}`)
  })

  it('reads fractions and percentages alike, and refuses a bare number that used to mean a percentage', () => {
    expect(text(fraction, '10%')).toBeCloseTo(0.1)
    expect(text(fraction, '0.25')).toBe(0.25)
    expect(text(fraction, '12.5%')).toBeCloseTo(0.125)
    expect(fraction.fromValue(1.5)).toEqual({ ok: true, value: 1.5 })
    expect(message(() => text(fraction, '10', { kind: 'input', name: 'time-threshold' }))).toBe(
      "input 'time-threshold' must be a fraction or a percentage, like '0.1' or '10%' (got '10': write '10%' for a percentage)"
    )
    for (const bad of [-0.1, Infinity, NaN, '-5%', 'ten']) expect(fraction.fromValue(bad).ok, String(bad)).toBe(false)
    expect(fraction.show(0.05)).toBe('5%')
  })

  it('reads Go-style durations into milliseconds within a day, and shows them back', () => {
    const d = duration({ min: 1 })
    expect(text(d, '1.5s')).toBe(1500)
    expect(text(d, '10m')).toBe(600_000)
    expect(message(() => text(d, '0s'))).toMatch(/must be a duration above 0/)
    expect(message(() => text(d, '25h'))).toMatch(/\(got '25h': at most 24h\)/)
    expect(message(() => text(d, '9'.repeat(400) + 's'))).toMatch(/must be a duration/)
    expect(duration().fromValue(90)).toEqual({ ok: false, why: undefined })
    expect([d.show(600_000), d.show(500), d.show(90_000), d.show(7_200_000)]).toEqual(['10m', '500ms', '90s', '2h'])
  })

  it("takes benchtime as go test does, and '' only where skipping is allowed", () => {
    expect(text(benchtime({ allowEmpty: false }), '1000x')).toBe('1000x')
    expect(text(benchtime({ allowEmpty: false }), '200ms')).toBe('200ms')
    expect(benchtime({ allowEmpty: false }).fromText('').ok).toBe(false)
    expect(text(benchtime({ allowEmpty: true }), '')).toBe('')
    expect(benchtime({ allowEmpty: true }).fromText('fast').ok).toBe(false)
  })

  it('reads booleans as text from inputs and only as YAML booleans from the file', () => {
    expect(text(bool, 'TRUE')).toBe(true)
    expect(text(bool, ' false ')).toBe(false)
    expect(bool.fromText('yes').ok).toBe(false)
    expect(bool.fromValue('true').ok).toBe(false)
  })

  it('splits package patterns in an input and refuses one that go would read as a flag', () => {
    expect(text(packages, './a/...,./b\n./c')).toEqual(['./a/...', './b', './c'])
    expect(message(() => text(packages, './... -exec=evil', { kind: 'input', name: 'packages' }))).toBe(
      "input 'packages' must be a package pattern (got '-exec=evil': it starts with '-' and would be read as a flag)"
    )
    expect(packages.fromText('  ').ok).toBe(false)
  })

  it('quotes what was written without letting a huge or control-laden value flood the message', () => {
    expect(showRaw('a\u0000b\u001b[31m')).toBe("'a\\u0000b\\u001b[31m'")
    expect(showRaw('x'.repeat(1_000_000))).toMatch(/^'x{60}\.\.\. \(1000000 characters\)'$/)
    expect([showRaw(null), showRaw([1]), showRaw({ a: 1 }), showRaw(3)]).toEqual(['nothing', 'a list', 'a mapping', '3'])
  })
})
