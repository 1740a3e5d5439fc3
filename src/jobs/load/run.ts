// One load job on one side, step by step: build, start, wait until ready, snapshot, warm up,
// snapshot, then rounds of traffic with a snapshot after each, and the service stopped at the end
// whatever happened. The steps are separate so that two sides can alternate rounds (run-pairs.ts).
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { Agent } from 'node:http'
import { join } from 'node:path'
import type { Runner } from '../../go/process.js'
import type { Toolchain } from '../../go/toolchain.js'
import type { BuildInfo, LoadJobResult } from '../../model/result.js'
import { isCrashStart, readCrash } from '../../parse/panic.js'
import { racesIn, relativeFrame } from '../observations.js'
import { expandPlaceholders, loopbackUrl, usesPprofPort, type ServicePorts } from '../../config/loopback.js'
import type { LoadJobConfig } from '../../config/types.js'
import { freePort, portInUse } from './address.js'
import { isLoadJobError, LoadConfigError, LoadRunError, type LoadPhaseName } from './errors.js'
import { Schedule, type PreparedRequest } from './generator.js'
import { ExchangeError, exchange } from './http.js'
import { buildService, describeServiceExit, startService, type RunningService } from './service.js'
import { settle, takeSnapshot, type SnapshotContext } from './snapshot.js'
import { checkUrlsAnswer, trafficPhase, type PhaseContext } from './traffic.js'

export interface LoadDeps {
  run: Runner
  toolchain: Toolchain
  log: (line: string) => void
}

export interface LoadSide {
  /** 'base' or 'head', for messages. */
  label: string
  moduleDir: string
  /** Module path from go.mod: files in findings are relative to it. */
  modulePath: string
  /** Where result.json goes: profiles are written to load/<job>/ below it when set. */
  outDir?: string
  /** A scratch directory for the service binaries. */
  workDir: string
}

/** Builds of one side, shared by the jobs that start the same package the same way. */
export type BuildCache = Map<string, Promise<{ binary: string; build: BuildInfo }>>

const MEM_PROFILE_RATE = 8192
const READY_POLL_MS = [50, 100, 200, 250]
const READY_ATTEMPT_MS = 2_000

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

export class LoadJobRun {
  readonly result: LoadJobResult
  private service?: RunningService
  private snapshot?: SnapshotContext
  private phaseContext?: PhaseContext
  private ports: ServicePorts = { port: 0, pprofPort: 0 }
  private requestsSent: number | null = 0
  private failed = false
  private readonly started = performance.now()

  constructor(
    private readonly deps: LoadDeps,
    readonly job: LoadJobConfig,
    private readonly side: LoadSide,
    private readonly builds: BuildCache
  ) {
    const svc = job.service
    this.result = {
      name: job.name,
      service: { ...(svc.package !== undefined ? { package: svc.package } : {}), command: [], race: svc.package !== undefined && svc.race, leakProfile: false },
      traffic: job.traffic.kind === 'embedded'
        ? { kind: 'embedded', concurrency: job.traffic.concurrency, ...(job.traffic.rate !== undefined ? { rate: job.traffic.rate } : {}) }
        : { kind: 'command' },
      phases: [],
      snapshots: [],
      races: [],
      notes: [],
      wallMs: 0
    }
  }

  get ok(): boolean {
    return !this.failed
  }

  /** Runs a step unless an earlier one failed; a failure is recorded and ends the job's measuring. */
  private async step(name: LoadPhaseName, body: () => Promise<void>): Promise<void> {
    if (this.failed) return
    try {
      await body()
    } catch (e) {
      this.failed = true
      const err = isLoadJobError(e) ? e : new LoadRunError(this.job.name, name, e instanceof Error ? e.message : String(e))
      this.result.error = { kind: err.kind, phase: err.phase, message: err.message, ...(err.detail ? { detail: err.detail } : {}) }
      this.deps.log(`[${this.side.label}] ${err.message}`)
    }
  }

  private async prepare(): Promise<string[]> {
    const svc = this.job.service
    if (svc.command !== undefined) return svc.command
    const pkg = svc.package ?? '.'
    const key = `${pkg}\u0000${svc.race}`
    let build = this.builds.get(key)
    if (!build) {
      this.deps.log(`[${this.side.label}] load job '${this.job.name}': go build${svc.race ? ' -race' : ''} ${pkg}`)
      build = buildService(this.deps, this.job.name, this.side.moduleDir, pkg, svc.race, this.side.workDir)
      this.builds.set(key, build)
    }
    const built = await build
    this.result.service.build = built.build
    return [built.binary]
  }

  private async choosePorts(): Promise<void> {
    const svc = this.job.service
    const texts = [...svc.args, ...Object.values(svc.env), this.job.pprof.url, this.job.ready.url]
    let port = svc.port
    if (port !== undefined) {
      if (await portInUse(port)) {
        throw new LoadRunError(this.job.name, 'start', `port ${port} (service.port) is already in use on 127.0.0.1: another process listens there, and its answers would be taken for the service's`)
      }
    } else {
      port = await freePort()
    }
    this.ports = { port, pprofPort: usesPprofPort(texts) ? await freePort() : port }
  }

  private url(text: string, key: string): URL {
    const u = loopbackUrl(text, this.ports)
    if (typeof u === 'string') throw new LoadConfigError(this.job.name, 'config', `${key}: ${u}`)
    return u
  }

  private addressEnv(): Record<string, string> {
    const e = (t: string): string => expandPlaceholders(t, this.ports)
    return { GO_LEAK_GATE_URL: e('{url}'), GO_LEAK_GATE_ADDR: e('{addr}'), GO_LEAK_GATE_PORT: e('{port}'), GO_LEAK_GATE_PPROF_ADDR: e('{pprofAddr}') }
  }

  private serviceEnv(): NodeJS.ProcessEnv {
    const svc = this.job.service
    const user = Object.fromEntries(Object.entries(svc.env).map(([k, v]) => [k, expandPlaceholders(v, this.ports)]))
    const join = (...parts: (string | undefined)[]): string => parts.filter((p) => p !== undefined && p !== '').join(',')
    return {
      ...process.env,
      PORT: String(this.ports.port),
      ...this.addressEnv(),
      ...user,
      // On the service only: the go command and compiler would trace their own GCs too. The heap is
      // sampled every 8 KiB instead of 512: a leak of a few KiB per request then shows at its own
      // allocation sites after a round, not as one or two samples anywhere.
      GODEBUG: join(process.env.GODEBUG, /memprofilerate=/.test(user.GODEBUG ?? '') ? undefined : `memprofilerate=${MEM_PROFILE_RATE}`, user.GODEBUG, 'gctrace=1'),
      // The race runtime sleeps a second before exiting to flush reports it has already written.
      GORACE: [process.env.GORACE, user.GORACE, 'atexit_sleep_ms=0'].filter(Boolean).join(' ')
    }
  }

  private async waitReady(url: URL, service: RunningService): Promise<void> {
    const timeout = this.job.ready.timeoutMs
    const until = performance.now() + timeout
    // The last answer says more than a refusal or a timeout after it (the last attempt may get only
    // the milliseconds that were left).
    let answer: { status: number; text: string } | undefined
    let failure = 'no answer'
    for (let attempt = 0; ; attempt++) {
      if (service.exit !== undefined) {
        throw new LoadRunError(this.job.name, 'ready', `the service exited before it was ready (${describeServiceExit(service.exit)})`, service.outputTail())
      }
      try {
        const left = Math.max(1, Math.min(READY_ATTEMPT_MS, until - performance.now()))
        const a = await exchange(url, { timeoutMs: left, keepBytes: 64 * 1024 })
        if (a.status >= 200 && a.status < 300) return
        answer = { status: a.status, text: a.body.toString('utf8').split('\n')[0].slice(0, 120) }
      } catch (e) {
        failure = e instanceof ExchangeError ? e.code : String(e)
      }
      if (performance.now() >= until) break
      await sleep(READY_POLL_MS[Math.min(attempt, READY_POLL_MS.length - 1)])
    }
    const seconds = `${(timeout / 1000).toFixed(timeout < 10_000 ? 1 : 0)}s`
    if (answer?.status === 404) throw new LoadConfigError(this.job.name, 'ready', `${url.href} answered 404 for ${seconds}: is ready.url right?`)
    const last = answer ? `answered ${answer.status}${answer.text ? `: ${answer.text}` : ''}` : `failed: ${failure}`
    throw new LoadRunError(this.job.name, 'ready', `the service was not ready within ${seconds}: ${url.href} last ${last}`, service.outputTail())
  }

  private prepareRequests(): PreparedRequest[] {
    const t = this.job.traffic
    if (t.kind !== 'embedded') return []
    return t.requests.map((r, i) => ({
      method: r.method,
      url: this.url(r.url, `traffic.requests[${i}].url`),
      headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, expandPlaceholders(v, this.ports)])),
      ...(r.body !== undefined ? { body: Buffer.from(expandPlaceholders(r.body, this.ports)) } : {}),
      weight: r.weight,
      label: `${r.method} ${r.url}`
    }))
  }

  /** Build, start, wait until ready, and take the first snapshot (which checks the pprof handlers). */
  async start(): Promise<void> {
    await this.step('build', async () => {
      const program = await this.prepare()
      await this.choosePorts()
      const readyUrl = this.url(this.job.ready.url, 'ready.url')
      const pprof = this.url(this.job.pprof.url, 'pprof.url')
      const requests = this.prepareRequests()
      const argv = [...program, ...this.job.service.args.map((a) => expandPlaceholders(a, this.ports))]
      this.result.service.command = this.job.service.package !== undefined ? [`./${this.job.name}.service`, ...argv.slice(1)] : argv
      this.service = await startService(this.job.name, argv, this.side.moduleDir, this.serviceEnv())
      await this.waitReady(readyUrl, this.service)
      const pid = this.service.listener(this.ports.port)
      if (pid === undefined && existsSync('/proc/self/fd')) {
        throw new LoadRunError(this.job.name, 'ready', `${readyUrl.href} answers, but no process the gate started listens on port ${this.ports.port}`)
      }
      let profiles: SnapshotContext['profiles']
      if (this.side.outDir !== undefined) {
        const relative = `load/${this.job.name}`
        profiles = { dir: join(this.side.outDir, relative), relative }
        await mkdir(profiles.dir, { recursive: true })
      }
      const agent = new Agent({ keepAlive: true, maxSockets: 1 })
      this.snapshot = { job: this.job.name, pprof, modulePath: this.side.modulePath, rules: this.job.ignore, pid, agent, ...(profiles ? { profiles } : {}) }
      const t = this.job.traffic
      this.phaseContext = {
        job: this.job,
        run: this.deps.run,
        moduleDir: this.side.moduleDir,
        service: this.service,
        snapshot: this.snapshot,
        requests,
        schedule: new Schedule(requests.map((r) => r.weight)),
        addressEnv: this.addressEnv()
      }
      if (t.kind === 'command' && t.requests === undefined) this.requestsSent = null
      this.result.snapshots.push(await takeSnapshot(this.snapshot, { phase: 'ready', round: 0, requestsBefore: this.requestsSent }, 'ready'))
      this.result.service.leakProfile = this.snapshot.leakProfile === true
    })
  }

  private async phase(kind: 'warmup' | 'round', round: number): Promise<void> {
    await this.step(kind, async () => {
      const ctx = this.phaseContext
      const snap = this.snapshot
      if (!ctx || !snap) return
      const skip = kind === 'warmup' && this.job.warmup.count === 0
      this.deps.log(`[${this.side.label}] load job '${this.job.name}': ${kind === 'warmup' ? 'warm-up' : `round ${round} of ${this.job.rounds}`}`)
      if (!skip) {
        const out = await trafficPhase(ctx, kind, round)
        this.result.phases.push(out.phase)
        if (this.requestsSent !== null && out.phase.requests !== null) this.requestsSent += out.phase.requests
        // The first phase with traffic shows whether every configured URL exists.
        if (out.tallies && this.result.phases.length === 1) checkUrlsAnswer(this.job.name, out.tallies, kind)
      }
      await settle(snap, this.job.cooldownMs)
      this.result.snapshots.push(await takeSnapshot(snap, { phase: kind, round, requestsBefore: this.requestsSent }, kind === 'warmup' ? 'warmup' : `round-${round}`))
      // Note the service's processes now: a child that leaves the process group and outlives its parent
      // can only be found through a parent seen alive.
      ctx.service.processes()
    })
  }

  warmup(): Promise<void> {
    return this.phase('warmup', 0)
  }

  round(n: number): Promise<void> {
    return this.phase('round', n)
  }

  /** Stops the service (SIGTERM, then SIGKILL after the grace period, children included) and reads its stderr. */
  async finish(): Promise<LoadJobResult> {
    this.snapshot?.agent?.destroy()
    const service = this.service
    if (service) {
      const diedByItself = service.exit !== undefined
      const stopped = await service.stop(this.job.service.stopGraceMs)
      const exit = service.exit
      this.result.service.stop = { killed: stopped.killed, exitCode: exit?.code ?? null, signal: exit?.signal ?? null }
      if (stopped.survivors.length > 0) this.result.notes.push(`processes ${stopped.survivors.join(', ')} of the service survived SIGKILL`)
      const stderr = service.stderrText()
      if (service.stderrTruncated) this.result.notes.push('the service wrote more to stderr than the gate keeps: GC pauses and races of the later rounds are missing')
      this.result.races = racesIn(stderr, 'load', this.side.modulePath)
      if (diedByItself) this.result.crash = crashIn(stderr, this.side.modulePath)
    }
    this.result.wallMs = Math.round(performance.now() - this.started)
    return this.result
  }
}

function crashIn(stderr: string, modulePath: string): LoadJobResult['crash'] {
  const lines = stderr.split('\n')
  const at = lines.findIndex(isCrashStart)
  if (at < 0) return undefined
  const { crash } = readCrash(lines, at)
  return { value: crash.value, frames: crash.frames.map((f) => relativeFrame(f, modulePath)) }
}

/** Runs a job start to finish; never throws for what went wrong in the job (see result.error). */
export async function runLoadJob(deps: LoadDeps, job: LoadJobConfig, side: LoadSide, builds: BuildCache = new Map()): Promise<LoadJobResult> {
  const run = new LoadJobRun(deps, job, side, builds)
  try {
    await run.start()
    await run.warmup()
    for (let i = 1; i <= job.rounds && run.ok; i++) await run.round(i)
  } finally {
    await run.finish()
  }
  return run.result
}
