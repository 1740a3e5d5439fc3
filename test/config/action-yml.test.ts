// action.yml against the action's own input table (options.ts: ACTION_INPUTS) and its outputs (inputs.ts:
// Outputs), and README.md's generated tables against action.yml.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { actionInputValues, Outputs } from '../../src/config/inputs.js'
import { ACTION_INPUTS, OPTIONS } from '../../src/config/options.js'
import { withActionReference, type ActionMetadata } from '../../src/config/reference.js'
import { UsageError } from '../../src/errors.js'

const ROOT = join(import.meta.dirname, '..', '..')
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionMetadata
const folded = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim()

describe('action.yml', () => {
  it('declares every action-only input with the table default and the table doc as description', () => {
    for (const spec of Object.values(ACTION_INPUTS)) {
      const declared = action.inputs[spec.name]
      expect(declared, `action.yml lacks input '${spec.name}'`).toBeDefined()
      expect(declared.default ?? '', `default of '${spec.name}'`).toBe((spec.kind.show as (v: unknown) => string)(spec.default))
      expect(folded(declared.description), `description of '${spec.name}'`).toBe(spec.doc)
    }
  })

  it('takes no action-only input name that an option of the run uses', () => {
    const optionNames = new Set(OPTIONS.flatMap(({ option }) => (option.name ? [option.name] : [])))
    expect(Object.values(ACTION_INPUTS).filter((i) => optionNames.has(i.name))).toEqual([])
  })

  it('declares exactly the outputs the action sets, each with a description', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Outputs).sort())
    for (const [name, o] of Object.entries(action.outputs)) expect(folded(o.description).length, name).toBeGreaterThan(10)
  })

  it("is what README.md's action tables say (run npm run gen:schema after changing action.yml)", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    expect(readme).toBe(withActionReference(readme, action))
    expect(readme).toContain('| `comment-url` |')
    expect(readme).toContain('| `github-token` | `${{ github.token }}` |')
  })
})

describe('the action-only inputs', () => {
  const get = (given: Record<string, string>) => (name: string) => given[name] ?? action.inputs[name]?.default ?? ''

  it('read the runner-filled defaults as the table defaults, and an empty token as no token', () => {
    const s = actionInputValues(get({ 'github-token': '' }))
    expect(s).toMatchObject({ mode: 'gate', baseline: 'auto', comment: 'always', commentKey: 'go-leak-gate', commentAuthor: '', githubToken: '', retentionDays: undefined })
  })

  it('parse set values', () => {
    const s = actionInputValues(get({ mode: 'aggregate', 'retention-days': '7', comment: 'on-failure', 'gate-workflow': 'perf.yml' }))
    expect(s).toMatchObject({ mode: 'aggregate', retentionDays: 7, comment: 'on-failure', gateWorkflow: 'perf.yml' })
  })

  it.each([
    ['mode', 'publish', /input 'mode' must be one of "gate", "record", "comment", "aggregate" \(got 'publish'\)/],
    ['retention-days', '365', /input 'retention-days' must be a whole number from 1 to 90, or empty, like '30' \(got '365'\)/],
    ['baseline-artifact', 'a/b', /input 'baseline-artifact' must be an artifact name/],
    ['gate-workflow', '../x.yml', /input 'gate-workflow' must be a workflow file name, like 'perf.yml'/],
    ['comment-key', 'k'.repeat(101), /input 'comment-key' must be a key of at most 100 characters/]
  ])('refuse a bad %s with the input named', (name, value, message) => {
    let err: unknown
    try {
      actionInputValues(get({ [name]: value }))
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(UsageError)
    expect((err as Error).message).toMatch(message)
  })
})
