// The benchmark job: prepare each side, plan the runs, run the plan (one process at a time, or a duet's
// two at once, skipping a leaf once it failed on its side), and assemble each side's RunResult.
import { randomInt } from 'node:crypto'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { PROFILES_DIR } from '../../baseline/result-dir.js'
import type { RunConfig } from '../../config/types.js'
import { errorMessage } from '../../errors.js'
import type { AdaptiveRecord, AlternatedBenchmark, PairingRecord, RunResult } from '../../model/result.js'
import type { GoroutineRule } from '../../parse/goroutine-rules.js'
import { makeDirs } from '../../publish/paths.js'
import type { JobDeps } from '../deps.js'
import { assembleSide, type Observed } from './assemble.js'
import { observeRun, type RunFiles } from './observe.js'
import { runAdaptiveRounds, type Adaptive } from './adaptive.js'
import { cpuSnapshot, othersShare, stealShare, type CpuSnapshot } from './machine.js'
import { allowedCpus, asDuet, probeDuet, probeShared, shareVerdict, type DuetProbe, type DuetSetup } from './duet.js'
import { leafKey, leavesBySide, planAfterRounds, planRounds, type MeasurementPlan, type PlannedRun } from './plan.js'
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
  const failed = new Set(observed.filter((o) => o.observation.kind === 'failed').map((o) => runKey(o.planned)))
  for (const dir of new Set(plan.phases.flatMap((p) => p.runs.map((r) => r.profileDir)))) await makeDirs(dir)
  const observe = async (planned: PlannedRun): Promise<Observed> => {
    const side = sides[planned.side]
    const pkg = side.packages[planned.pkg]
    const argv = [...(planned.duet?.launch ?? []), ...planned.argv]
    const r = await deps.run({ argv, cwd: planned.cwd, env: { ...process.env, ...planned.env }, ...stopAfter(cfg.timeoutMs) })
    const observation = observeRun(
      planned,
      {
        importPath: pkg.built.pkg.importPath,
        relDir: pkg.built.pkg.relDir,
        leafName: pkg.leaves[planned.leaf].name,
        modulePath: side.module.path,
        procs: planned.duet?.procs ?? deps.toolchain.gomaxprocs,
        cfg,
        rules
      },
      r,
      await readRunFiles(planned)
    )
    return { planned, observation }
  }
  for (const phase of plan.phases) {
    deps.log(phase.title)
    for (const group of startGroups(phase.runs)) {
      // A duet's runs start at the same moment; every other run is a group of one.
      const seen = await Promise.all(group.filter((planned) => !failed.has(runKey(planned))).map(observe))
      for (const o of seen) {
        if (o.observation.kind === 'failed') failed.add(runKey(o.planned))
        observed.push(o)
      }
    }
  }
}

const runKey = (planned: PlannedRun): string => `${planned.side}/${planned.pkg}/${planned.leaf}`

/** Consecutive runs of one duet group together; any other run alone. */
function startGroups(runs: PlannedRun[]): PlannedRun[][] {
  const groups: PlannedRun[][] = []
  for (const run of runs) {
    const last = groups[groups.length - 1]
    const prev = last?.[last.length - 1]
    if (prev?.duet && run.duet && prev.duet.group === run.duet.group) last.push(run)
    else groups.push([run])
  }
  return groups
}

interface Pairing {
  record: PairingRecord
  setup?: DuetSetup
  /** Which benchmarks (leafKey) run together; all when absent. */
  together?: (key: string) => boolean
}

/**
 * Auto pairing: which benchmarks share the CPU (duet.ts, shareVerdict), from both sides' calibration runs;
 * a benchmark measured on one side only alternates (it has no pair anyway).
 */
function autoShare(sides: PreparedSide[]): { together: (key: string) => boolean; alternated: AlternatedBenchmark[] } {
  const shared = new Set<string>()
  const alternated: AlternatedBenchmark[] = []
  for (const refs of leavesBySide(sides)) {
    if (refs.length !== sides.length) continue
    const leaves = refs.map((r) => sides[r.side].packages[r.pkg].leaves[r.leaf])
    const v = shareVerdict(leaves)
    if (v.shared) shared.add(leafKey(sides, refs[0]))
    else {
      const pkg = sides[refs[0].side].packages[refs[0].pkg]
      alternated.push({ benchmark: `${pkg.built.pkg.importPath}.${leaves[0].name}`, why: v.why, ...(v.cpuShare !== undefined ? { cpuShare: Math.round(v.cpuShare * 100) / 100 } : {}) })
    }
  }
  return { together: (key) => shared.has(key), alternated }
}

/** Duets or shared rounds when asked for and the machine allows them; undefined when alternation was asked for. */
async function choosePairing(deps: JobDeps, cfg: RunConfig, sides: PreparedSide[]): Promise<Pairing | undefined> {
  if (cfg.pairing === 'alternate') return undefined
  // Auto is the default, and a job measuring one side has nothing to pair: no fallback to report.
  if (cfg.pairing === 'auto' && sides.length !== 2) return undefined
  const asked = cfg.pairing
  const probe: DuetProbe =
    sides.length !== 2
      ? { fallback: `${asked} pairing needs base and head measured together here (gate)` }
      : asked === 'duet'
        ? await probeDuet(deps.run, await allowedCpus())
        : await probeShared(deps.run, await allowedCpus())
  if ('fallback' in probe) {
    deps.log(`${probe.fallback}: the timed rounds alternate`)
    return { record: { used: 'alternate', asked, why: probe.fallback } }
  }
  const [base, head] = probe.duet.cpus
  if (asked === 'auto') {
    const { together, alternated } = autoShare(sides)
    deps.log(`timed rounds share CPU ${base.join(',')} (base and head together, judged on CPU time), but for ${alternated.length} benchmarks that alternate`)
    return { record: { used: 'shared', asked: 'auto', cpu: base[0], alternated }, setup: probe.duet, together }
  }
  if (probe.duet.shared) {
    deps.log(`timed rounds share CPU ${base.join(',')}: base and head together, judged on CPU time`)
    return { record: { used: 'shared', cpu: base[0] }, setup: probe.duet }
  }
  deps.log(`timed rounds as duets: base on CPU ${base.join(',')}, head on CPU ${head.join(',')}`)
  return { record: { used: 'duet', cpus: probe.duet.cpus }, setup: probe.duet }
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
  let pairing: Pairing | undefined
  const assembleAll = (seen: Observed[], finishedAt: string): RunResult[] => sides.map((s, i) => assembleSide(s, i, seen, cfg, deps.toolchain, finishedAt))
  const before = cpuSnapshot()
  let after: CpuSnapshot | undefined
  try {
    for (const s of sides) await makeDirs(join(s.spec.outDir, PROFILES_DIR))
    const runPhases = (plan: MeasurementPlan) => runPlan(deps, cfg, sides, plan, rules, observed)
    pairing = await choosePairing(deps, cfg, sides)
    const setup = pairing?.setup
    const together = pairing?.together
    const timed = setup ? (plan: MeasurementPlan) => runPhases({ phases: plan.phases.map((p) => asDuet(p, setup, (r) => leafKey(sides, r), together)) }) : runPhases
    // A fresh order of the benchmarks in every round (plan.ts, roundOrder), from a seed drawn per job.
    const seed = randomInt(2 ** 31)
    deps.log(`timed rounds take the benchmarks in a shuffled order, seed ${seed}`)
    if (adaptive && sides.length === 2) {
      record = await runAdaptiveRounds(deps, cfg, sides, rules, adaptive, timed, (seen) => assembleAll(seen, new Date().toISOString()), observed, seed)
    } else {
      await timed({ phases: planRounds(sides, cfg, deps.toolchain, rules, cfg.count, seed) })
    }
    after = cpuSnapshot()
    await runPhases({ phases: planAfterRounds(sides, cfg, deps.toolchain, rules) })
  } catch (err) {
    stopped = `measuring stopped: ${errorMessage(err)}`
  }
  const end = after ?? cpuSnapshot()
  const otherCpu = othersShare(before, end)
  const cpuSteal = stealShare(before, end)
  return assembleAll(observed, new Date().toISOString()).map((result) => {
    if (stopped) result.errors.push({ kind: 'internal', subject: 'measure', message: stopped })
    if (record) result.env.adaptive = record
    if (pairing) result.env.pairing = pairing.record
    if (otherCpu !== undefined) result.env.otherCpu = otherCpu
    if (cpuSteal !== undefined) result.env.cpuSteal = cpuSteal
    return result
  })
}
