// Which baseline the action compares with, from its `baseline` input:
// - same-runner: the base commit in a worktree, measured here, interleaved with head. Costs a second build and
//   run of everything, but it is the only way timings can be trusted on a shared runner.
// - stored: the result a push run recorded (artifact.ts). Head alone is measured, about half the time. The
//   recording ran on another machine, so timings only warn; allocations, retained heap, leaks and races are
//   properties of the code and still fail.
// - auto (the default): the stored result for the test pass (leaks, races, hangs: deterministic, and the
//   larger half of a run's cost on most modules) and same-runner for benchmarks (timings need this runner;
//   allocations come with them for free). So the base's test pass is never run when a baseline is stored, and
//   timing verdicts stay as trustworthy as same-runner. With nothing stored: same-runner.
// - anything else: a results directory written by `go-leak-gate run`, compared as it is.
// A stored baseline that cannot be had (none recorded, expired, refused) falls back to same-runner, saying why.
import { resolve } from 'node:path'
import { UsageError } from '../errors.js'
import type { BaselineInfo } from '../model/report.js'
import type { StoredFetch } from './artifact.js'
import { resultDirBaseline } from './result-dir.js'
import type { Baseline, BaselineSource } from './source.js'
import { worktreeBaseline } from './worktree.js'

export type BaselineKind = BaselineInfo['source']

export interface BaselinePlan {
  kind: BaselineKind
  source: BaselineSource
}

export interface ChooseOptions {
  /** The `baseline` input. */
  choice: string
  moduleDir: string
  /** The commit to check out for same-runner; undefined when there is none (no pull request, no base-ref). */
  baseRef: string | undefined
  workspace: string
  /** Whether the test pass runs at all (without it there is nothing for auto to take from a stored result). */
  testsEnabled: boolean
  /** Looks the stored baseline up; undefined when it cannot be (no token, not in a workflow). */
  fetchStored?: () => Promise<StoredFetch>
  info: (message: string) => void
  warning: (message: string) => void
}

function withInfo(source: BaselineSource, info: BaselineInfo): BaselineSource {
  return { describe: source.describe, obtain: async (run): Promise<Baseline> => ({ ...(await source.obtain(run)), info }) }
}

function sameRunner(o: ChooseOptions, why?: string): BaselinePlan {
  if (o.baseRef === undefined) {
    throw new UsageError(`no base to compare with${why === undefined ? '' : ` (${why})`}: set the 'base-ref' input, or run the action on a pull_request event`)
  }
  const ref = o.baseRef
  const short = /^[0-9a-f]{40}$/.test(ref) ? ref.slice(0, 12) : ref
  return {
    kind: 'same-runner',
    source: withInfo(worktreeBaseline(o.moduleDir, ref, o.info), {
      source: 'same-runner',
      description: `the base ${short}, measured on this runner beside head`
    })
  }
}

/** One sentence on a stored result that is not of the pull request's base commit. */
function ofOtherCommit(found: Extract<StoredFetch, { status: 'found' }>): string {
  return found.info.matchesBase === false
    ? ' (the newest recorded push, not the pull request’s base commit: changes on the base branch since then count too)'
    : ''
}

export async function chooseBaseline(o: ChooseOptions): Promise<BaselinePlan> {
  if (o.choice === 'same-runner') return sameRunner(o)
  if (o.choice !== 'stored' && o.choice !== 'auto') {
    const dir = resolve(o.workspace, o.choice)
    return { kind: 'path', source: withInfo(resultDirBaseline(dir), { source: 'path', description: `the results in ${o.choice}` }) }
  }
  if (o.choice === 'auto' && !o.testsEnabled) {
    o.info('go-leak-gate: baseline auto with the test pass off: benchmarks need the base on this runner; measuring it here')
    return sameRunner(o)
  }
  if (o.fetchStored === undefined) {
    const why = 'no stored baseline can be looked up without a github-token in a workflow run'
    if (o.choice === 'stored') o.warning(`go-leak-gate: ${why}; measuring the base on this runner instead`)
    else o.info(`go-leak-gate: ${why}; baseline auto measures the base on this runner`)
    return sameRunner(o, why)
  }
  const found = await o.fetchStored()
  if (found.status === 'none') {
    if (o.choice === 'stored') o.warning(`go-leak-gate: ${found.reason}; measuring the base on this runner instead`)
    else o.info(`go-leak-gate: ${found.reason}; baseline auto measures the base on this runner`)
    return sameRunner(o, found.reason)
  }
  const storedInfo = { ...found.info, runUrl: found.runUrl }
  if (o.choice === 'stored') {
    const info: BaselineInfo = {
      ...storedInfo,
      source: 'stored',
      description: `a stored baseline, recorded by a push run${ofOtherCommit(found)}; timings only warn, since it ran on another machine`
    }
    const stored: Baseline = { kind: 'stored', result: found.result, dir: found.dir, timingsComparable: false, info }
    return { kind: 'stored', source: { describe: `the stored baseline of run ${found.info.runId}`, obtain: async () => stored } }
  }
  if (found.result.tests === undefined) {
    o.info(`go-leak-gate: the stored baseline of run ${found.info.runId} has no test pass; baseline auto measures the base on this runner`)
    return sameRunner(o)
  }
  const tree = sameRunner(o)
  const tests = found.result
  const info: BaselineInfo = {
    ...storedInfo,
    source: 'auto',
    description: `benchmarks of the base measured on this runner beside head; the test pass (leaks, races, hangs) from a stored baseline${ofOtherCommit(found)}`
  }
  return {
    kind: 'auto',
    source: {
      describe: `${tree.source.describe}, with the test pass of the stored baseline of run ${found.info.runId}`,
      obtain: async (run) => {
        const b = await tree.source.obtain(run)
        return b.kind === 'tree' ? { ...b, storedTests: tests, info } : b
      }
    }
  }
}
