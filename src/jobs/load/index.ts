// Load jobs: a Go service under traffic, round after round, with a snapshot of its goroutines, heap
// and descriptors after each round, so that growth that continues with the traffic (a leak) can be
// told apart from growth that stops after the warm-up (a cache, a pool).
//
// What the pipeline calls:
//   loadJobsFrom(raw, source)                 the config file's `load:` list -> LoadJobConfig[]; a mistake
//                                             throws a UsageError naming the job and the key (exit code 2)
//   runLoadJobs(deps, jobs, side)             every job on one side -> LoadJobResult[] (RunResult.loads);
//                                             never throws for a job's own failure: see result.error
//   runLoadJobsPaired(deps, jobs, base, head) both sides on this machine, their rounds alternating, so that
//                                             a machine getting busier or quieter does not read as a change
//   loadRunErrors(results)                    the failed jobs as RunResult.errors entries
//   loadExitCode(results)                     2 when a job failed on a configuration mistake, 3 when a run
//                                             could not complete, 0 otherwise
//   compareLoadJobs(base, head, config)       src/compare/load.ts: findings and per-job comparisons (pure)
//   loadSections(jobs)                        src/report/markdown-load.ts: a markdown section per job (pure)
// Every service started is stopped before these return (SIGTERM, then SIGKILL after the grace
// period, its children included), and on the gate's own exit.
import { EXIT } from '../../exit.js'
import { readModule } from '../../go/packages.js'
import type { LoadJobResult, RunError } from '../../model/result.js'
import { scratchDir } from '../../scratch.js'
import type { LoadJobConfig } from './config.js'
import { LoadJobRun, runLoadJob, type BuildCache, type LoadDeps, type LoadSide } from './run.js'

export { loadJobsFrom, LOAD_DEFAULTS, MIN_ROUNDS, type LoadJobConfig } from './config.js'
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

/** Failed jobs as RunResult.errors: kind 'build' for a service that does not build (a build-failure finding), else 'load'. */
export function loadRunErrors(results: LoadJobResult[]): RunError[] {
  return results.flatMap((r) =>
    r.error
      ? [{ kind: r.error.phase === 'build' && r.error.kind === 'run' ? ('build' as const) : ('load' as const), subject: r.name, message: r.error.message, ...(r.error.detail ? { detail: r.error.detail } : {}) }]
      : []
  )
}

/** The exit code the load jobs ask for on their own: a configuration mistake (2) wins over a failed run (3). */
export function loadExitCode(results: LoadJobResult[]): number {
  if (results.some((r) => r.error?.kind === 'config')) return EXIT.usage
  if (results.some((r) => r.error?.kind === 'run')) return EXIT.incomplete
  return EXIT.pass
}
