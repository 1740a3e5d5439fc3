// The benchmark job: prepare each side, plan the runs, run the plan (one process at a time, skipping a
// leaf once it failed on its side), and assemble each side's RunResult.
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { PROFILES_DIR } from '../../baseline/result-dir.js'
import type { RunConfig } from '../../config/types.js'
import { errorMessage } from '../../errors.js'
import type { AdaptiveRecord, RunResult } from '../../model/result.js'
import type { GoroutineRule } from '../../parse/goroutine-rules.js'
import { makeDirs } from '../../publish/paths.js'
import type { JobDeps } from '../deps.js'
import { assembleSide, type Observed } from './assemble.js'
import { observeRun, type RunFiles } from './observe.js'
import { runAdaptiveRounds, type Adaptive } from './adaptive.js'
import { cpuSnapshot, othersShare, type CpuSnapshot } from './machine.js'
import { planAfterRounds, planRounds, type MeasurementPlan, type PlannedRun } from './plan.js'
import type { PreparedSide } from './prepare.js'
import { stopAfter } from './process.js'

async function readRunFiles(planned: PlannedRun): Promise<RunFiles> {
  const probe = await readFile(planned.probeFile, 'utf8').catch(() => undefined)
  await rm(planned.probeFile, { force: true })
  const profile = await readFile(join(planned.profileDir, planned.profile)).then(
    (data) => ({ data }),
    (err: unknown) => ({ error: errorMessage(err) })
  )
  return { ...(probe !== undefined ? { probe } : {}), profile }
}

/**
 * Runs a plan (or a slice of one) into `observed`, which keeps what was seen when a later run throws; a
 * leaf that failed on its side is not started again there.
 */
export async function runPlan(
  deps: JobDeps,
  cfg: RunConfig,
  sides: PreparedSide[],
  plan: MeasurementPlan,
  rules: readonly GoroutineRule[],
  observed: Observed[]
): Promise<void> {
  // A leaf that failed in an earlier plan (an adaptive round before this one) stays stopped.
  const failed = new Set(observed.filter((o) => o.observation.kind === 'failed').map((o) => `${o.planned.side}/${o.planned.pkg}/${o.planned.leaf}`))
  for (const dir of new Set(plan.phases.flatMap((p) => p.runs.map((r) => r.profileDir)))) await makeDirs(dir)
  for (const phase of plan.phases) {
    deps.log(phase.title)
    for (const planned of phase.runs) {
      const key = `${planned.side}/${planned.pkg}/${planned.leaf}`
      if (failed.has(key)) continue
      const side = sides[planned.side]
      const pkg = side.packages[planned.pkg]
      const r = await deps.run({ argv: planned.argv, cwd: planned.cwd, env: { ...process.env, ...planned.env }, ...stopAfter(cfg.timeoutMs) })
      const observation = observeRun(
        planned,
        {
          importPath: pkg.built.pkg.importPath,
          relDir: pkg.built.pkg.relDir,
          leafName: pkg.leaves[planned.leaf].name,
          modulePath: side.module.path,
          procs: deps.toolchain.gomaxprocs,
          cfg,
          rules
        },
        r,
        await readRunFiles(planned)
      )
      if (observation.kind === 'failed') failed.add(key)
      observed.push({ planned, observation })
    }
  }
}

/**
 * Measures prepared sides together and assembles their results, also when measuring stopped half-way:
 * what was measured before an internal error is kept, with the error recorded in each result. With
 * `adaptive` (two sides and a time budget) the timed rounds follow adaptive.ts instead of a fixed count.
 */
export async function measureSides(deps: JobDeps, cfg: RunConfig, sides: PreparedSide[], rules: readonly GoroutineRule[], adaptive?: Adaptive): Promise<RunResult[]> {
  const observed: Observed[] = []
  let stopped: string | undefined
  let record: AdaptiveRecord | undefined
  const assembleAll = (seen: Observed[], finishedAt: string): RunResult[] => sides.map((s, i) => assembleSide(s, i, seen, cfg, deps.toolchain, finishedAt))
  const before = cpuSnapshot()
  let after: CpuSnapshot | undefined
  try {
    for (const s of sides) await makeDirs(join(s.spec.outDir, PROFILES_DIR))
    const runPhases = (plan: MeasurementPlan) => runPlan(deps, cfg, sides, plan, rules, observed)
    if (adaptive && sides.length === 2) {
      record = await runAdaptiveRounds(deps, cfg, sides, rules, adaptive, runPhases, (seen) => assembleAll(seen, new Date().toISOString()), observed)
    } else {
      await runPhases({ phases: planRounds(sides, cfg, deps.toolchain, rules, cfg.count) })
    }
    after = cpuSnapshot()
    await runPhases({ phases: planAfterRounds(sides, cfg, deps.toolchain, rules) })
  } catch (err) {
    stopped = `measuring stopped: ${errorMessage(err)}`
  }
  const otherCpu = othersShare(before, after ?? cpuSnapshot())
  return assembleAll(observed, new Date().toISOString()).map((result) => {
    if (stopped) result.errors.push({ kind: 'internal', subject: 'measure', message: stopped })
    if (record) result.env.adaptive = record
    if (otherCpu !== undefined) result.env.otherCpu = otherCpu
    return result
  })
}
