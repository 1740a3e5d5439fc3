// The CLI's option flags as parseArgs reads them, taken from the option table.
import { parseArgs } from 'node:util'
import { describe, expect, it } from 'vitest'
import { flagHelp, flagOptions, flagValues } from '../../src/config/flags.js'
import { resolveConfig } from '../../src/config/load.js'
import { OPTIONS } from '../../src/config/options.js'
import type { Config } from '../../src/config/types.js'

function configFrom(args: string[], sides: ('run' | 'compare')[] = ['run', 'compare']): Config {
  const { values } = parseArgs({ args, options: flagOptions(sides), strict: true })
  return resolveConfig('/m', [flagValues(values, sides)])
}

describe('CLI option flags', () => {
  it('parses each kind of value into the typed Config', () => {
    const c = configFrom(['--count', '3', '--benchtime', '100x', '--timeout', '90s', '--packages', './a/...', '--packages', './b', '--time-threshold', '20%', '--bench-race'])
    expect([c.run.count, c.run.benchtime, c.run.timeoutMs, c.run.packages, c.compare.thresholds.time.relative, c.run.race]).toEqual([3, '100x', 90_000, ['./a/...', './b'], 0.2, true])
  })

  it('keeps the old spellings: --tests REGEX for --test-run, --no-race for --no-test-race', () => {
    const c = configFrom(['--tests', 'TestLeak', '--no-race', '--no-tests'])
    expect([c.tests.run, c.tests.race, c.tests.enabled]).toEqual(['TestLeak', false, false])
    expect(configFrom(['--test-run', 'TestX', '--no-test-race']).tests).toMatchObject({ run: 'TestX', race: false })
  })

  it('refuses two spellings of one option given together', () => {
    expect(() => configFrom(['--tests', 'A', '--test-run', 'B'])).toThrowError('--test-run and --tests set the same option; give one')
    expect(() => configFrom(['--test-race', '--no-race'])).toThrowError(/--test-race and --no-race set the same option/)
  })

  it('names the flag in a bad value', () => {
    expect(() => configFrom(['--count', 'ten'])).toThrowError("--count must be a whole number from 1 to 1000, like '10' (got 'ten')")
    expect(() => configFrom(['--gc-pause-severity', 'fatal'])).toThrowError('--gc-pause-severity must be one of "fail", "warn" (got \'fatal\')')
  })

  it('offers compare only the judging options', () => {
    const names = Object.keys(flagOptions(['compare']))
    expect(names).toContain('time-threshold')
    expect(names).not.toContain('count')
    expect(() => configFrom(['--count', '3'], ['compare'])).toThrowError(/Unknown option '--count'/)
  })

  it('documents every flag with its default in the help', () => {
    const help = flagHelp(['run', 'compare'])
    for (const { option } of OPTIONS) if (option.name) expect(help).toContain(option.kind.flag === 'boolean' ? option.name : `--${option.name} `)
    expect(help).toMatch(/--count N +Runs per benchmark and side; .*\(default 20\)/)
    expect(help).toMatch(/--adaptive N +Adaptive rounds .*\(default 4\)/)
    expect(help).toMatch(/--test-run REGEX .*Also --tests\./)
    expect(help).toMatch(/--no-test-race .*Also --no-race\./)
  })
})
