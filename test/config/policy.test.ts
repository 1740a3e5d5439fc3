// The policy and the overrides as a user writes them: in the config file, as a flag or input, and wrong in
// the ways people get them wrong. Every refusal names the file, the key and the place, and is a UsageError
// (exit code 2); the schema editors use accepts and refuses the same files.
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { buildConfig, parseConfigText } from '../../src/config/load.js'
import { policy } from '../../src/config/policy-kinds.js'
import { configSchema } from '../../src/config/schema.js'
import { readText } from '../../src/config/values.js'
import { UsageError } from '../../src/errors.js'
import { parse } from 'yaml'
import { POLICY_CLASSES } from '../../src/config/types.js'
import REPORT_SCHEMA from '../../src/model/report.schema.json' with { type: 'json' }

const GOOD = `policy:
  allocs: warn
  gc: ignore
overrides:
  - package: example.com/m/legacy/...
    thresholds:
      time: { relative: 20%, absolute: 50 }
      allocsPerOp: { absolute: 4 }
    policy: { race: warn }
  - benchmark: ^BenchmarkParse
    thresholds:
      goroutines: { absolute: 3 }
      gcPauseMax: { relative: 200% }
`

function refusal(text: string): string {
  try {
    parseConfigText(text, 'cfg.yml')
  } catch (err) {
    if (err instanceof UsageError) return err.message
    throw err
  }
  throw new Error('expected the file to be refused')
}

const validate = new Ajv({ strict: false }).compile(configSchema())

describe('policy and overrides in the config file', () => {
  it('loads the policy and the overrides into the typed config, partial thresholds kept partial', () => {
    const cfg = buildConfig('.', parseConfigText(GOOD, 'cfg.yml'), {})
    expect(cfg.compare.policy).toEqual({ allocs: 'warn', gc: 'ignore' })
    expect(cfg.compare.overrides).toEqual([
      { package: 'example.com/m/legacy/...', thresholds: { time: { relative: 0.2, absolute: 50 }, allocsPerOp: { absolute: 4 } }, policy: { race: 'warn' } },
      { benchmark: '^BenchmarkParse', thresholds: { goroutines: { absolute: 3 }, gcPauseMax: { relative: 2 } }, policy: {} }
    ])
    expect(validate(parse(GOOD))).toBe(true)
  })

  it('defaults to no policy and no overrides, with the thresholds of every judged metric', () => {
    const cfg = buildConfig('.', parseConfigText('', 'cfg.yml'), {})
    expect(cfg.compare.policy).toEqual({})
    expect(cfg.compare.overrides).toEqual([])
    expect(cfg.compare.thresholds.gcPauseMax).toEqual({ relative: 1, absolute: 1 })
    expect(cfg.compare.thresholds.goroutines).toEqual({ relative: 0, absolute: 1 })
    expect(cfg.compare.thresholds.time).toEqual({ relative: 0.05, absolute: 0 })
    expect(cfg.compare.thresholds.custom).toEqual({ relative: 0.05, absolute: 0 })
  })

  it('refuses a broken override naming the file, the item, its line and the key inside it', () => {
    const bad = `overrides:\n  - package: ./ok/...\n    policy: { allocs: warn }\n  - benchmark: "Benchmark(Parse"\n    policy: { allocs: warn }\n`
    const msg = refusal(bad)
    expect(msg).toMatch(/^overrides\[1\] in cfg\.yml:4:5 must be an override/)
    expect(msg).toContain("benchmark: 'Benchmark(Parse' is not a valid regular expression")
  })

  it('refuses a package that is no Go package pattern, an override that matches everything or sets nothing', () => {
    expect(refusal(`overrides:\n  - package: "example.com/(a|b)"\n    policy: { race: warn }\n`)).toContain("package: 'example.com/(a|b)' is not a Go package pattern")
    expect(refusal(`overrides:\n  - package: "-x"\n    policy: { race: warn }\n`)).toContain("package: '-x' is not a Go package pattern")
    expect(refusal(`overrides:\n  - policy: { race: warn }\n`)).toContain('give package (a Go package pattern) or benchmark')
    expect(refusal(`overrides:\n  - package: ./x\n`)).toContain('sets nothing: give thresholds or policy')
  })

  it("refuses an override's threshold in the words of the threshold itself, and unknown metrics with a suggestion", () => {
    expect(refusal(`overrides:\n  - package: ./x\n    thresholds: { time: { relative: ten } }\n`)).toContain("thresholds.time.relative: must be a fraction or a percentage, like '0.1' or '10%' (got 'ten')")
    expect(refusal(`overrides:\n  - package: ./x\n    thresholds: { allocPerOp: { absolute: 1 } }\n`)).toContain("thresholds.allocPerOp: unknown key (did you mean 'allocsPerOp'?)")
    // Load jobs keep their own thresholds: an override cannot reach them.
    expect(refusal(`overrides:\n  - package: ./x\n    thresholds: { load: { errorRate: { absolute: 1 } } }\n`)).toContain('load: unknown key')
  })

  it('refuses an unknown class or action, naming the key and the classes', () => {
    expect(refusal('policy: { alocs: warn }\n')).toMatch(/^policy in cfg\.yml:1:9 must be classes of finding set to fail, warn or ignore, like 'allocs=warn,gc=ignore' \(got a mapping: unknown class 'alocs' \(did you mean 'allocs'\?\); the classes are time, custom, allocs/)
    expect(refusal('policy: { race: maybe }\n')).toContain("race must be fail, warn or ignore, not 'maybe'")
    expect(refusal(`overrides:\n  - package: ./x\n    policy: { race: off }\n`)).toContain("policy: race must be fail, warn or ignore, not 'off'")
  })
})

describe('the policy as a flag or input', () => {
  it("reads 'allocs=warn,gc=ignore' and kebab-case classes", () => {
    expect(readText(policy, 'allocs=warn,gc=ignore', { kind: 'flag', name: 'policy' })).toEqual({ allocs: 'warn', gc: 'ignore' })
    expect(readText(policy, 'bench-failure=warn\nstress=ignore', { kind: 'input', name: 'policy' })).toEqual({ benchFailure: 'warn', stress: 'ignore' })
    expect(readText(policy, '', { kind: 'input', name: 'policy' })).toEqual({})
  })

  it('refuses a malformed or repeated entry, naming the flag', () => {
    expect(() => readText(policy, 'allocs:warn', { kind: 'flag', name: 'policy' })).toThrow(/^--policy must be classes of finding .*'allocs:warn' is not CLASS=ACTION/)
    expect(() => readText(policy, 'race=warn,race=ignore', { kind: 'input', name: 'policy' })).toThrow(/input 'policy' .*race is given twice/)
  })
})

describe('the config schema', () => {
  const accepts = (doc: unknown) => validate(doc)
  it('accepts the policy and overrides the loader accepts, and refuses what it refuses', () => {
    expect(accepts({ policy: { stress: 'ignore', benchFailure: 'warn' } })).toBe(true)
    expect(accepts({ policy: { alocs: 'warn' } })).toBe(false)
    expect(accepts({ policy: { race: 'maybe' } })).toBe(false)
    expect(accepts({ overrides: [{ policy: { race: 'warn' } }] })).toBe(false)
    expect(accepts({ overrides: [{ package: 'example.com/(a|b)', policy: { race: 'warn' } }] })).toBe(false)
    expect(accepts({ overrides: [{ package: './x', thresholds: { load: {} } }] })).toBe(false)
    expect(accepts({ overrides: [{ package: './x', thresholds: { time: { relative: '20%', absolute: 5 } } }] })).toBe(true)
    expect(accepts({ overrides: [{ package: './x', thresholds: { time: { relative: 'ten' } } }] })).toBe(false)
    expect(accepts({ thresholds: { gcPauseMax: { relative: '150%', absolute: 2 }, goroutines: { absolute: 2 } } })).toBe(true)
  })
})

describe('the report schema', () => {
  it("names exactly the policy's classes in a finding's decision", () => {
    const decision = REPORT_SCHEMA.properties.findings.items.properties.decision
    expect(decision.properties.class.enum).toEqual([...POLICY_CLASSES])
    expect(decision.additionalProperties).toBe(false)
  })
})
