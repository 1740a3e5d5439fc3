import { join } from 'node:path'
import { readSourceDiff } from '../baseline/linemap.js'
import { checkoutBase, currentCommit } from '../baseline/worktree.js'
import type { Config, RunConfig } from '../config/types.js'
import { compareWithSites } from './compare.js'
import { errorMessage } from '../errors.js'
import { cleanupSide, finishSide, measureSides, prepareSide, type BenchDeps, type PreparedSide } from '../jobs/bench.js'
import type { Report } from '../model/report.js'
import type { RunResult } from '../model/result.js'
import { runTestPass, type TestPassResult } from '../jobs/test.js'
import { writeResult } from './results.js'

/**
 * Measures the prepared sides and writes each side's result.json, also when measuring stopped half-way:
 * what was measured before an internal error is kept, with the error recorded in the result.
 */
async function measureAndWrite(deps: BenchDeps, cfg: RunConfig, sides: PreparedSide[], tests: (TestPassResult | undefined)[]): Promise<RunResult[]> {
  try {
    await measureSides(deps, cfg, sides)
  } catch (err) {
    for (const s of sides) s.errors.push({ kind: 'internal', subject: 'measure', message: `measuring stopped: ${errorMessage(err)}` })
  }
  const results = sides.map((s, i) => {
    const r = finishSide(s, cfg, deps.toolchain)
    const t = tests[i]
    if (t) {
      r.tests = t.tests
      r.errors.push(...t.errors)
    }
    return r
  })
  for (const [i, s] of sides.entries()) await writeResult(s.spec.outDir, results[i])
  return results
}

/** The test pass of one side, or undefined when it is switched off; a crash of the pass is an error, not a stop. */
async function testPass(deps: BenchDeps, config: Config, label: string, moduleDir: string): Promise<TestPassResult | undefined> {
  if (!config.tests.enabled) return undefined
  try {
    return await runTestPass(deps, config.tests, { label, moduleDir, packages: config.run.packages })
  } catch (err) {
    return { tests: [], errors: [{ kind: 'internal', subject: 'tests', message: `the test pass stopped: ${errorMessage(err)}` }] }
  }
}

/** `go-leak-gate run`: one side (tests, then benchmarks), written to outDir. */
export async function runOnce(deps: BenchDeps, config: Config, outDir: string): Promise<RunResult> {
  const cfg = config.run
  const commit = await currentCommit(deps.run, cfg.dir)
  const tests = await testPass(deps, config, 'run', cfg.dir)
  const side = await prepareSide(deps, cfg, { label: 'run', moduleDir: cfg.dir, outDir, commit })
  try {
    const [result] = await measureAndWrite(deps, cfg, [side], [tests])
    return result
  } finally {
    await cleanupSide(side)
  }
}

export interface GateOutcome {
  report: Report
  base: RunResult
  head: RunResult
}

/** `go-leak-gate gate`: base from a git worktree and head from the working tree, interleaved, then compared. */
export async function gate(deps: BenchDeps, config: Config, baseRef: string, outDir: string): Promise<GateOutcome> {
  const cfg = config.run
  const checkout = await checkoutBase(deps.run, cfg.dir, baseRef)
  const sides: PreparedSide[] = []
  try {
    const baseDir = join(outDir, 'base')
    const headDir = join(outDir, 'head')
    const tests = [await testPass(deps, config, 'base', checkout.moduleDir), await testPass(deps, config, 'head', cfg.dir)]
    sides.push(await prepareSide(deps, cfg, { label: 'base', moduleDir: checkout.moduleDir, outDir: baseDir, commit: checkout.commit }))
    const headCommit = await currentCommit(deps.run, cfg.dir)
    sides.push(await prepareSide(deps, cfg, { label: 'head', moduleDir: cfg.dir, outDir: headDir, commit: headCommit }))
    const [base, head] = await measureAndWrite(deps, cfg, sides, tests)
    // Head is the working tree, uncommitted edits included: diff the base commit against it.
    const report = await compareWithSites({ base, head, baseDir, headDir, config: config.compare }, () =>
      readSourceDiff(deps.run, cfg.dir, checkout.commit, 'worktree')
    )
    return { report, base, head }
  } finally {
    for (const s of sides) await cleanupSide(s)
    await checkout.remove()
  }
}
