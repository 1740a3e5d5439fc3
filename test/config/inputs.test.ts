// The action's inputs, read through the given getInput as the runner fills them (every input at its
// action.yml default unless the workflow set it), over a real config file.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getSettings } from '../../src/config/inputs.js'
import { UsageError } from '../../src/errors.js'

const action = parse(readFileSync(join(import.meta.dirname, '..', '..', 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }
let work: string

/** getInput as on a runner: the workflow's value, else the action.yml default. */
function runner(given: Record<string, string>): { get: (name: string) => string; asked: string[] } {
  const asked: string[] = []
  return {
    asked,
    get: (name) => {
      asked.push(name)
      return given[name] ?? action.inputs[name]?.default ?? ''
    }
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'glg-inputs-'))
  await mkdir(join(work, 'mod', '.github'), { recursive: true })
  await writeFile(join(work, 'mod', '.github', 'go-leak-gate.yml'), 'run:\n  count: 20\n  benchtime: 200ms\nthresholds:\n  time: { relative: 15% }\ntests:\n  race: false\n')
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('action inputs', () => {
  it("leaves the config file's values in force where inputs stay at their defaults", async () => {
    const { config } = await getSettings(runner({ 'working-directory': 'mod' }).get, work, '/tmp')
    expect(config.run.dir).toBe(join(work, 'mod'))
    expect([config.run.count, config.run.benchtime, config.compare.thresholds.time.relative, config.tests.race]).toEqual([20, '200ms', 0.15, false])
  })

  it('lets inputs set to something else win over the file', async () => {
    const { config } = await getSettings(runner({ 'working-directory': 'mod', count: '6', 'time-threshold': '25%', 'test-race': 'true', 'test-settle': '2s' }).get, work, '/tmp')
    expect(config.run.count).toBe(6)
    expect(config.compare.thresholds.time.relative).toBeCloseTo(0.25)
    expect(config.tests.settleMs).toBe(2000)
    // 'true' is test-race's default, so it does not undo the file's race: false.
    expect(config.tests.race).toBe(false)
  })

  it("still reads the old input 'race' for the test pass", async () => {
    const { config } = await getSettings(runner({ race: 'false' }).get, work, '/tmp')
    expect(config.tests.race).toBe(false)
  })

  it('names the input and shows a good value when one is malformed', async () => {
    const err = await getSettings(runner({ count: 'ten' }).get, work, '/tmp').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(UsageError)
    expect((err as Error).message).toBe("input 'count' must be a whole number from 1 to 1000, like '10' (got 'ten')")
  })

  it('reads every option input of action.yml, and only through the getInput it was given', async () => {
    const r = runner({})
    await getSettings(r.get, work, '/tmp')
    expect([...new Set(r.asked)].sort()).toEqual(Object.keys(action.inputs).sort())
  })
})
