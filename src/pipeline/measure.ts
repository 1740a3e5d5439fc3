// The measure stage: the trees to measure on this runner (head, and the base when it comes as a tree)
// get their test pass each, then their benchmarks interleaved, then their load jobs (base and head side
// by side, rounds alternating); each tree's result.json is written, also when part of the run failed. It
// starts by removing what killed gates left in the temporary directory.
import type { Config } from '../config/types.js'
import { writeResult } from '../baseline/result-dir.js'
import type { Tree } from '../baseline/source.js'
import { errorMessage } from '../errors.js'
import { cleanupSide, prepareSide, type PreparedSide } from '../jobs/bench/prepare.js'
import type { Adaptive } from '../jobs/bench/adaptive.js'
import { measureSides } from '../jobs/bench/run.js'
import { openDecisions } from '../compare/open.js'
import type { JobDeps } from '../jobs/deps.js'
import { loadRunErrors, runLoadJobs, runLoadJobsPaired, type LoadSideSpec } from '../jobs/load/index.js'
import type { StressSelection } from '../jobs/stress.js'
import { runTestPass, type TestPassResult } from '../jobs/test.js'
import { changedFiles } from '../git/source-diff.js'
import type { LoadJobResult, RunError, RunResult } from '../model/result.js'
import { sweepAbandonedScratch } from '../scratch.js'

export interface MeasuredTree extends Tree {
  /** Result directory: result.json and profiles/. */
  outDir: string
  /** Its test pass comes from elsewhere (a stored baseline): measure only its benchmarks. */
  skipTests?: boolean
}

/** The test pass of one tree, or undefined when it is switched off; a crash of the pass is an error, not a stop. */
async function testPass(deps: JobDeps, config: Config, tree: MeasuredTree, stress?: StressSelection): Promise<TestPassResult | undefined> {
  if (!config.tests.enabled || tree.skipTests === true) return undefined
  try {
    return await runTestPass(deps, config.tests, { label: tree.label, moduleDir: tree.moduleDir, packages: config.run.packages, shard: config.run.shard, stress }, { benchTimeoutMs: config.run.timeoutMs })
  } catch (err) {
    return { tests: [], errors: [{ kind: 'internal', subject: 'tests', message: `the test pass stopped: ${errorMessage(err)}` }], hung: [] }
  }
}

/** Adaptive rounds when a time budget (in time, or as a multiple of count's cost) is set and base and head are measured here together. */
function adaptiveFor(config: Config, sides: number): Adaptive | undefined {
  const { timeBudgetMs, adaptive } = config.run
  if ((timeBudgetMs <= 0 && adaptive <= 0) || sides !== 2) return undefined
  return {
    budgetMs: timeBudgetMs > 0 ? timeBudgetMs : Number.POSITIVE_INFINITY,
    ...(adaptive > 0 ? { factor: adaptive } : {}),
    clock: () => performance.now(),
    open: (results, looks) => openDecisions(results, config.compare, looks)
  }
}

/**
 * The load jobs of every tree, or undefined when there are none to run. Two trees (base and head) run
 * paired, so that the machine's ups and downs fall on both; a crash of the pass is an error, not a stop.
 */
async function loadPass(deps: JobDeps, config: Config, trees: MeasuredTree[]): Promise<{ loads: LoadJobResult[]; errors: RunError[] }[] | undefined> {
  const { enabled, jobs } = config.load
  if (!enabled || jobs.length === 0) return undefined
  const specs: LoadSideSpec[] = trees.map((t) => ({ label: t.label, moduleDir: t.moduleDir, outDir: t.outDir }))
  try {
    const results: LoadJobResult[][] = []
    if (specs.length === 2) {
      const paired = await runLoadJobsPaired(deps, jobs, specs[0], specs[1])
      results.push(paired.base, paired.head)
    } else {
      for (const s of specs) results.push(await runLoadJobs(deps, jobs, s))
    }
    return results.map((loads) => ({ loads, errors: loadRunErrors(loads) }))
  } catch (err) {
    return trees.map(() => ({ loads: [], errors: [{ kind: 'internal', subject: 'load', message: `the load jobs stopped: ${errorMessage(err)}` }] }))
  }
}

/**
 * What the stress stage stresses: the packages the diff from the base commit to the head's working tree
 * touches (every package when there is no base). One selection for both trees.
 */
async function stressSelection(deps: JobDeps, config: Config, trees: MeasuredTree[], baseCommit: string | undefined): Promise<StressSelection | undefined> {
  if (!config.tests.enabled || config.tests.stress.budgetMs <= 0 || trees.length === 0) return undefined
  const head = trees[trees.length - 1]
  const base = baseCommit ?? (trees.length > 1 ? trees[0].commit : undefined)
  return { changed: await changedFiles(deps.run, head.moduleDir, base, 'worktree') }
}

/** `stressBase`: the base commit when the base is not one of the trees (a stored baseline). */
export async function measureTrees(deps: JobDeps, config: Config, trees: MeasuredTree[], opts: { stressBase?: string } = {}): Promise<RunResult[]> {
  for (const dir of await sweepAbandonedScratch()) deps.log(`removed ${dir}, left by a gate that was killed`)
  const tests: (TestPassResult | undefined)[] = []
  const stress = await stressSelection(deps, config, trees, opts.stressBase)
  // The first tree's share per package is the next one's: each package is stressed alike on both sides.
  let shares: Record<string, number> | undefined
  for (const t of trees) {
    const pass = await testPass(deps, config, t, stress && { ...stress, shares })
    shares ??= pass?.stressShares
    tests.push(pass)
  }
  const sides: PreparedSide[] = []
  try {
    for (const [i, t] of trees.entries()) {
      sides.push(await prepareSide(deps, config.run, { label: t.label, moduleDir: t.moduleDir, outDir: t.outDir, commit: t.commit, hung: tests[i]?.hung }))
    }
    const results = await measureSides(deps, config.run, sides, config.tests.ignore, adaptiveFor(config, trees.length))
    const loads = await loadPass(deps, config, trees)
    for (const [i, r] of results.entries()) {
      const t = tests[i]
      if (t) {
        r.tests = t.tests
        r.errors.push(...t.errors)
      }
      const l = loads?.[i]
      if (l) {
        r.loads = l.loads
        r.errors.push(...l.errors)
        r.finishedAt = new Date().toISOString()
      }
      await writeResult(trees[i].outDir, r)
    }
    return results
  } finally {
    for (const s of sides) await cleanupSide(s)
  }
}
