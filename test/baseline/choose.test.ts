// Which baseline the action's `baseline` input leads to, and what is said when a stored one cannot be had.
import { describe, expect, it } from 'vitest'
import type { StoredFetch } from '../../src/baseline/artifact.js'
import { chooseBaseline, type ChooseOptions } from '../../src/baseline/choose.js'
import { UsageError } from '../../src/errors.js'
import type { Runner } from '../../src/go/process.js'
import { result } from '../compare/build-result.js'

const SHA = 'a'.repeat(40)
const stored = (tests: boolean, matchesBase = true): StoredFetch => ({
  status: 'found',
  result: { ...result({}, { commit: SHA }), ...(tests ? { tests: [] } : {}) },
  dir: '/tmp/stored',
  runUrl: 'https://github.com/o/r/actions/runs/5',
  info: { commit: SHA, runId: 5, runUrl: 'https://github.com/o/r/actions/runs/5', machine: 'go1.26.8 linux/amd64, cpu, GOMAXPROCS 2', matchesBase }
})

function options(o: Partial<ChooseOptions>, said: { info: string[]; warnings: string[] } = { info: [], warnings: [] }): ChooseOptions {
  return { choice: 'auto', moduleDir: '/m', baseRef: SHA, workspace: '/w', testsEnabled: true, info: (m) => said.info.push(m), warning: (m) => said.warnings.push(m), ...o }
}

const noRunner: Runner = () => {
  throw new Error('no process may start')
}

describe('chooseBaseline', () => {
  it('stored: the stored result, with timings marked as not comparable', async () => {
    const plan = await chooseBaseline(options({ choice: 'stored', fetchStored: async () => stored(true) }))
    expect(plan.kind).toBe('stored')
    const b = await plan.source.obtain(noRunner)
    expect(b).toMatchObject({ kind: 'stored', timingsComparable: false, dir: '/tmp/stored', info: { source: 'stored', runId: 5, commit: SHA } })
    expect(b.info?.description).toMatch(/timings only warn, since it ran on another machine/)
  })

  it('says so when the stored run is not of the pull request’s base commit', async () => {
    const plan = await chooseBaseline(options({ choice: 'stored', fetchStored: async () => stored(true, false) }))
    expect((await plan.source.obtain(noRunner)).info?.description).toMatch(/not the pull request’s base commit/)
  })

  it('stored, when none can be had: warns with the reason and measures the base here', async () => {
    const said = { info: [], warnings: [] as string[] }
    const plan = await chooseBaseline(options({ choice: 'stored', fetchStored: async () => ({ status: 'none', reason: 'no stored baseline: the artifact expired' }) }, said))
    expect(plan.kind).toBe('same-runner')
    expect(said.warnings).toEqual(['go-leak-gate: no stored baseline: the artifact expired; measuring the base on this runner instead'])
  })

  it('auto with a stored test pass: same-runner benchmarks plus the stored tests', async () => {
    const plan = await chooseBaseline(options({ fetchStored: async () => stored(true) }))
    expect(plan.kind).toBe('auto')
    expect(plan.source.describe).toMatch(/in a temporary worktree, with the test pass of the stored baseline of run 5/)
  })

  it('auto falls back to same-runner, quietly, when nothing is stored, the stored result has no test pass, or tests are off', async () => {
    for (const o of [
      { fetchStored: async (): Promise<StoredFetch> => ({ status: 'none', reason: 'no stored baseline: there are no runs' }) },
      { fetchStored: async () => stored(false) },
      { testsEnabled: false, fetchStored: async () => stored(true) },
      {}
    ]) {
      const said = { info: [] as string[], warnings: [] as string[] }
      expect((await chooseBaseline(options(o, said))).kind).toBe('same-runner')
      expect(said.warnings).toEqual([])
    }
  })

  it('same-runner needs a base commit, and names how to give one', async () => {
    await expect(chooseBaseline(options({ choice: 'same-runner', baseRef: undefined }))).rejects.toThrow(UsageError)
    await expect(chooseBaseline(options({ choice: 'same-runner', baseRef: undefined }))).rejects.toThrow(/set the 'base-ref' input/)
  })

  it('any other value is a results directory, relative to the workspace, needing no base commit', async () => {
    const plan = await chooseBaseline(options({ choice: 'results/base', baseRef: undefined }))
    expect(plan.kind).toBe('path')
    expect(plan.source.describe).toBe('the results in /w/results/base')
  })
})
