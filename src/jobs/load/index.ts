// Load jobs: a Go service under traffic, round after round, with a snapshot of its goroutines, heap
// and descriptors after each round, so that growth that continues with the traffic (a leak) can be
// told apart from growth that stops after the warm-up (a cache, a pool).
//
// How the gate uses them:
//   config/load-jobs.ts                       the config file's `load:` list -> LoadJobConfig[] (the option
//                                             table's `load` kind); a mistake is a UsageError naming the job
//                                             and the key (exit code 2)
//   runLoadJobs(deps, jobs, side)             every job on one side -> LoadJobResult[] (RunResult.loads);
//                                             never throws for a job's own failure: see result.error
//   runLoadJobsPaired(deps, jobs, base, head) both sides on this machine, their rounds alternating, so that
//                                             a machine getting busier or quieter does not read as a change
//   loadRunErrors(results)                    the failed jobs as RunResult.errors entries
//   exitCodeForLoads(results)                 src/exit.ts: 2 for a configuration mistake, 3 for a run that
//                                             could not complete
//   compareLoadJobs(base, head, config)       src/compare/load.ts: findings and Report.loads (pure)
//   loadSections(report.loads)                src/report/markdown-load.ts: a markdown section per job (pure)
// Every service started is stopped before these return (SIGTERM, then SIGKILL after the grace
// period, its children included), and when the gate is stopped or exits (stop.ts).
import type { LoadJobConfig } from '../../config/types.js'
import { readModule } from '../../go/packages.js'
import type { LoadJobResult, RunError } from '../../model/result.js'
import { scratchDir } from '../../scratch.js'
import { LoadJobRun, runLoadJob, type BuildCache, type LoadDeps, type LoadSide } from './run.js'

export { loadJobsFrom } from '../../config/load-jobs.js'
export { LOAD_DEFAULTS, MIN_ROUNDS } from '../../config/load-jobs-schema.js'
export type { LoadJobConfig } from '../../config/types.js'
export { LoadConfigError, LoadRunError, isLoadJobError } from './errors.js'
export type { LoadDeps } from './run.js'

export interface LoadSideSpec {
  label: string
  moduleDir: string
  /** The side's result directory: profiles go to load/<job>/ below it. */
  outDir?: string
}

async function openSide<T>(deps: LoadDeps, spec: LoadSideSpec, body: (side: LoadSide) => Promise<T>): Promise<T> {
  const module = await readModule(deps.run, deps.toolchain, spec.moduleDir)
  // The service binaries live here; a gate that is stopped removes it, a gate that was killed leaves it
  // to the next run's sweep.
  const work = await scratchDir(`load-${spec.label}`)
  try {
    return await body({ label: spec.label, moduleDir: module.dir, modulePath: module.path, workDir: work.path, ...(spec.outDir !== undefined ? { outDir: spec.outDir } : {}) })
  } finally {
    await work.remove()
  }
}

/** Every job on one side, one after the other. */
export async function runLoadJobs(deps: LoadDeps, jobs: LoadJobConfig[], spec: LoadSideSpec): Promise<LoadJobResult[]> {
  if (jobs.length === 0) return []
  return openSide(deps, spec, async (side) => {
    const builds: BuildCache = new Map()
    const out: LoadJobResult[] = []
    for (const job of jobs) out.push(await runLoadJob(deps, job, side, builds))
    return out
  })
}

/**
 * Both sides of every job with the two services running side by side: warm-ups, then round 1 of
 * base and head, round 2 of head and base, and so on (the order flips each round, as the benchmark
 * rounds do). Latency and GC figures then share the machine's ups and downs.
 */
export async function runLoadJobsPaired(
  deps: LoadDeps,
  jobs: LoadJobConfig[],
  baseSpec: LoadSideSpec,
  headSpec: LoadSideSpec
): Promise<{ base: LoadJobResult[]; head: LoadJobResult[] }> {
  const base: LoadJobResult[] = []
  const head: LoadJobResult[] = []
  if (jobs.length === 0) return { base, head }
  await openSide(deps, baseSpec, (bs) =>
    openSide(deps, headSpec, async (hs) => {
      const builds: Record<'base' | 'head', BuildCache> = { base: new Map(), head: new Map() }
      for (const job of jobs) {
        const b = new LoadJobRun(deps, job, bs, builds.base)
        const h = new LoadJobRun(deps, job, hs, builds.head)
        try {
          await b.start()
          await h.start()
          await b.warmup()
          await h.warmup()
          for (let i = 1; i <= job.rounds && (b.ok || h.ok); i++) {
            const order = i % 2 === 1 ? [b, h] : [h, b]
            for (const run of order) await run.round(i)
          }
        } finally {
          base.push(await b.finish())
          head.push(await h.finish())
        }
      }
    })
  )
  return { base, head }
}

/**
 * Failed jobs as RunResult.errors, of kind 'load' (the job's own result says whether it was a
 * configuration mistake, which exitCodeForLoads reads; a service that does not build becomes a
 * build-failure finding in compareLoadJobs).
 */
export function loadRunErrors(results: LoadJobResult[]): RunError[] {
  return results.flatMap((r) => (r.error ? [{ kind: 'load' as const, subject: r.name, message: r.error.message, ...(r.error.detail ? { detail: r.error.detail } : {}) }] : []))
}
