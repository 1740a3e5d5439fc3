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
import { runTestPass, type TestPassResult } from '../jobs/test.js'
import type { LoadJobResult, RunError, RunResult } from '../model/result.js'
import { sweepAbandonedScratch } from '../scratch.js'

export interface MeasuredTree extends Tree {
  /** Result directory: result.json and profiles/. */
  outDir: string
  /** Its test pass comes from elsewhere (a stored baseline): measure only its benchmarks. */
  skipTests?: boolean
}

/** The test pass of one tree, or undefined when it is switched off; a crash of the pass is an error, not a stop. */
async function testPass(deps: JobDeps, config: Config, tree: MeasuredTree): Promise<TestPassResult | undefined> {
  if (!config.tests.enabled || tree.skipTests === true) return undefined
  try {
    return await runTestPass(deps, config.tests, { label: tree.label, moduleDir: tree.moduleDir, packages: config.run.packages, shard: config.run.shard }, { benchTimeoutMs: config.run.timeoutMs })
  } catch (err) {
    return { tests: [], errors: [{ kind: 'internal', subject: 'tests', message: `the test pass stopped: ${errorMessage(err)}` }], hung: [] }
  }
}

/** Adaptive rounds when a time budget is set and base and head are measured here together. */
function adaptiveFor(config: Config, sides: number): Adaptive | undefined {
  if (config.run.timeBudgetMs <= 0 || sides !== 2) return undefined
  return { budgetMs: config.run.timeBudgetMs, clock: () => performance.now(), open: (results) => openDecisions(results, config.compare) }
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

export async function measureTrees(deps: JobDeps, config: Config, trees: MeasuredTree[]): Promise<RunResult[]> {
  for (const dir of await sweepAbandonedScratch()) deps.log(`removed ${dir}, left by a gate that was killed`)
  const tests: (TestPassResult | undefined)[] = []
  for (const t of trees) tests.push(await testPass(deps, config, t))
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
