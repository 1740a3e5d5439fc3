// The option table is the one source: the committed schema, action.yml and the CLI must agree with it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { parse, stringify } from 'yaml'
import { describe, expect, it } from 'vitest'
import { flagNames, flagOptions } from '../../src/config/flags.js'
import { inputNames } from '../../src/config/inputs.js'
import { buildConfig, parseConfigText } from '../../src/config/load.js'
import { ACTION_INPUTS, NON_OPTION_INPUTS, OPTIONS, OptionValues, type Option } from '../../src/config/options.js'
import { withReference } from '../../src/config/reference.js'
import { configSchema, configSchemaText } from '../../src/config/schema.js'
import { UsageError } from '../../src/errors.js'

const ROOT = join(import.meta.dirname, '..', '..')

interface ActionInput {
  description?: string
  default?: string
}
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, ActionInput> }

/** A file that sets one key: { a: { b: value } } for 'a.b'. */
function fileWith(key: string, value: unknown): Record<string, unknown> {
  return key.split('.').reduceRight<Record<string, unknown>>((inner, part, i, parts) => (i === parts.length - 1 ? { [part]: value } : { [part]: inner }), {})
}

function loads(doc: unknown): boolean {
  try {
    parseConfigText(stringify(doc), 'x.yml')
    return true
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    return false
  }
}

describe('the option table', () => {
  it('generates the committed config.schema.json (run npm run gen:schema after changing the table)', () => {
    expect(readFileSync(join(ROOT, 'src', 'config', 'config.schema.json'), 'utf8')).toBe(configSchemaText())
  })

  it("generates README.md's options table (run npm run gen:schema after changing the table)", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    expect(readme).toBe(withReference(readme))
    expect(readme).toContain('| `tests.run` | `--test-run`, `--tests` | `test-run` | `.` |')
  })

  it('has every option input in action.yml with the same default and a description', () => {
    for (const { option } of OPTIONS) {
      const [name, ...aliases] = inputNames(option)
      if (!name) continue
      const input = action.inputs[name]
      expect(input, `action.yml lacks input '${name}' (${option.key})`).toBeDefined()
      expect(input.default, `default of input '${name}'`).toBe(option.kind.show(option.default))
      expect(input.description?.length ?? 0, `description of '${name}'`).toBeGreaterThan(10)
      // An old name defaults to empty, so the action can tell it was given.
      for (const a of aliases) expect(action.inputs[a]?.default, `old input '${a}'`).toBe('')
    }
  })

  it('has every action.yml input in the table, among the action-only inputs or among the documented location inputs', () => {
    const known = new Set<string>([...NON_OPTION_INPUTS, ...Object.values(ACTION_INPUTS).map((i) => i.name), ...OPTIONS.flatMap(({ option }) => inputNames(option))])
    expect(Object.keys(action.inputs).filter((name) => !known.has(name))).toEqual([])
  })

  it('names every flag and input by one rule from its file key', () => {
    const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
    const short: Record<string, string> = { allocsPerOp: 'allocs', bytesPerOp: 'bytes', retainedBytesPerOp: 'retained', gcPauseP99: 'gc-pause', gcCyclesPerOp: 'gc-cycles' }
    const rule = (key: string): string => {
      const [section, ...rest] = key.split('.')
      if (key === 'tests.enabled') return 'tests'
      if (section === 'run') return kebab(rest.join('-'))
      if (section === 'tests') return `test-${kebab(rest.join('-'))}`
      if (section === 'thresholds' && rest[1] === 'relative') return `${short[rest[0]] ?? kebab(rest[0])}-threshold`
      return kebab(key.replace(/\./g, '-'))
    }
    for (const { option } of OPTIONS) if (option.name) expect(option.name, option.key).toBe(rule(option.key))
  })

  it('gives every option one flag per spelling, with no spelling used twice', () => {
    const all = flagOptions(['run', 'compare'])
    const spelled = OPTIONS.flatMap(({ option }) => flagNames(option).map((f) => f.name))
    expect(new Set(spelled).size).toBe(spelled.length)
    expect(Object.keys(all).sort()).toEqual([...spelled].sort())
    expect(all['no-race']).toEqual({ type: 'boolean' })
    expect(all.tests).toEqual({ type: 'string' })
  })

  it('covers every threshold, the statistics, metrics, ignore rules, gc and the test pass', () => {
    const keys = OPTIONS.map(({ option }) => option.key)
    for (const m of ['time', 'custom']) expect(keys).toContain(`thresholds.${m}.relative`)
    // Issue 8 section 2: every metric the comparison judges has a relative threshold and an absolute floor.
    for (const m of ['time', 'custom', 'allocsPerOp', 'bytesPerOp', 'retainedBytesPerOp', 'gcPauseP99', 'gcPauseMax', 'gcCyclesPerOp', 'goroutines']) {
      expect(keys).toContain(`thresholds.${m}.relative`)
      expect(keys).toContain(`thresholds.${m}.absolute`)
    }
    for (const k of ['statistics.alpha', 'statistics.minSamples', 'statistics.correction', 'metrics', 'ignore.benchmarks', 'ignore.goroutines', 'gc.pauseSeverity', 'policy', 'overrides'])
      expect(keys).toContain(k)
    for (const k of ['enabled', 'race', 'run', 'timeout', 'settle', 'narrowBudget', 'raceBenchtime']) expect(keys).toContain(`tests.${k}`)
  })

  it("loads every option's schema default back to the table default", () => {
    const schema = configSchema()
    for (const { option } of OPTIONS) {
      const node = option.key.split('.').reduce<unknown>((n, part) => (n as { properties: Record<string, unknown> }).properties[part], schema) as { default: unknown }
      const file = parseConfigText(stringify(fileWith(option.key, node.default)), 'x.yml')
      expect(file.values.get(option), option.key).toEqual(option.default)
    }
  })

  it('accepts exactly the values the schema accepts, for good and bad values of every option', () => {
    const validate = new Ajv({ strict: false }).compile(configSchema())
    const bad: unknown[] = ['ten', '', -1, 0, 1.5, 1e6, Infinity, -Infinity, NaN, null, true, [], {}, ['-x'], ['(ok)'], [{}], { 'a/op': 'up' }, '10%', '10', '0.5', '90s', '1000x', 'fail']
    // What a JSON Schema cannot say: JavaScript's regular expression syntax, and YAML's .inf and .nan (JSON
    // has no such numbers); the loader refuses them all.
    const inexpressible = (option: Option<unknown>, v: unknown) =>
      (typeof v === 'number' && !Number.isFinite(v)) || (option.key === 'ignore.benchmarks' && Array.isArray(v) && v.some((x) => x === '('))
    for (const { option } of OPTIONS) {
      for (const v of [...bad, option.kind.fileForm ? option.kind.fileForm(option.default) : option.default, ['(']]) {
        const doc = fileWith(option.key, v)
        if (inexpressible(option, v)) {
          expect(loads(doc), `${option.key} = ${JSON.stringify(v)}`).toBe(false)
          continue
        }
        expect(loads(doc), `${option.key} = ${JSON.stringify(v)}: schema says ${validate(doc)}`).toBe(validate(doc))
      }
    }
  })

  it('loads the README example config, which the schema accepts too', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const example = /## Configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
    expect(example).toMatch(/thresholds:/)
    const validate = new Ajv({ strict: false }).compile(configSchema())
    expect(validate(parse(example)), JSON.stringify(validate.errors)).toBe(true)
    const cfg = buildConfig('/m', parseConfigText(example, 'README.md'), {})
    expect(cfg.compare.metricDirections).toEqual({ 'items/op': 'lower' })
    expect(cfg.tests.ignore).toEqual([{ createdBy: 'example.com/m/cache.init.0' }])
  })

  it('keeps values from a later layer over an earlier one and defaults under both', () => {
    const count = OPTIONS.find(({ option }) => option.key === 'run.count')?.option as Option<number>
    const file = parseConfigText('run:\n  count: 4\n  bench: Parse\n', 'x.yml')
    const flags = new OptionValues()
    flags.set(count, 12)
    const cfg = buildConfig('/m', file, {}, {}, [flags])
    expect([cfg.run.count, cfg.run.bench, cfg.run.benchtime]).toEqual([12, 'Parse', '200ms'])
  })
})
