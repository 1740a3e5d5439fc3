// The service under load: built by the gate (go build [-race], the same way for base and head),
// started from an argv in a process group of its own, and stopped whatever happened: SIGTERM to it
// and everything it started, SIGKILL after a grace period to what is left.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { StringDecoder } from 'node:string_decoder'
import type { BuildInfo } from '../../model/result.js'
import { describeExit, type Runner } from '../../go/process.js'
import type { Toolchain } from '../../go/toolchain.js'
import { onStop } from '../../stop.js'
import { leakProfileEnv } from '../test.js'
import { LoadConfigError, LoadRunError } from './errors.js'
import { isAlive, listensOn, processId, serviceProcesses, type ProcessId } from './procfs.js'

// gctrace and race reports are all the gate reads from stderr; a service that logs more than this is
// cut, and later rounds then miss their GC pauses (said in the result).
const MAX_STDERR_CHARS = 32 * 1024 * 1024
const TAIL_CHARS = 4096
const KILL_WAIT_MS = 3_000
const POLL_MS = 50

export interface ServiceExit {
  code: number | null
  signal: NodeJS.Signals | null
}

function signal(p: ProcessId, sig: NodeJS.Signals): void {
  if (!isAlive(p)) return
  try {
    process.kill(p.pid, sig)
  } catch {
    // gone meanwhile
  }
}

function signalGroup(pgid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pgid, sig)
  } catch {
    // an empty group
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

export class RunningService {
  /** Every process of the service seen so far (the leader first). */
  private known: ProcessId[]
  private stderr: string[] = []
  private stderrChars = 0
  private tail = ''
  stderrTruncated = false
  exit?: ServiceExit
  readonly exited: Promise<ServiceExit>
  /** Drops the kill that runs if the gate stops (a signal, or its exit) while the service runs. */
  private readonly releaseStop: () => void

  constructor(
    readonly job: string,
    readonly argv: string[],
    readonly leader: ProcessId,
    child: ReturnType<typeof spawn>
  ) {
    this.known = [leader]
    const err = new StringDecoder('utf8')
    const out = new StringDecoder('utf8')
    child.stderr?.on('data', (c: Buffer) => this.onStderr(err.write(c)))
    child.stdout?.on('data', (c: Buffer) => this.keepTail(out.write(c)))
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, sig) => {
        this.exit = { code, signal: sig }
        resolve(this.exit)
      })
    })
    // Stopping is synchronous there (a signal handler or 'exit': nothing asynchronous finishes), so the
    // service and every process of it seen so far get SIGKILL at once.
    this.releaseStop = onStop(() => this.killNow())
  }

  private keepTail(text: string): void {
    this.tail = (this.tail + text).slice(-TAIL_CHARS)
  }

  private onStderr(text: string): void {
    this.keepTail(text)
    if (this.stderrChars + text.length > MAX_STDERR_CHARS) {
      this.stderrTruncated = true
      return
    }
    this.stderr.push(text)
    this.stderrChars += text.length
  }

  /** How much stderr has arrived: a mark to cut a phase's gctrace lines out of it. */
  stderrMark(): number {
    return this.stderrChars
  }

  stderrText(from = 0, to = this.stderrChars): string {
    return this.stderr.join('').slice(from, to)
  }

  /** The last few KiB of stdout and stderr, for messages. */
  outputTail(): string {
    return this.tail
  }

  /** Every live process of the service: the leader, its group, its descendants (even re-parented ones). */
  processes(): ProcessId[] {
    this.known = serviceProcesses(this.leader, this.known)
    return this.known
  }

  /**
   * The process that holds the listening socket on `port`: with a start command the leader may be a
   * wrapper, and its descriptors and memory are not the service's. undefined when none of ours does.
   */
  listener(port: number): number | undefined {
    return this.processes().find((p) => listensOn(p.pid, port))?.pid
  }

  killNow(): void {
    for (const p of this.known) signal(p, 'SIGKILL')
    signalGroup(this.leader.pid, 'SIGKILL')
    this.releaseStop()
  }

  private async waitGone(ms: number): Promise<boolean> {
    const until = performance.now() + ms
    for (;;) {
      // Re-scan each time: a process may start children while it shuts down.
      const alive = this.processes().filter(isAlive)
      if (alive.length === 0 && this.exit !== undefined) return true
      if (performance.now() >= until) return false
      await sleep(POLL_MS)
    }
  }

  /**
   * SIGTERM to the group and to every known process outside it, then SIGKILL after `graceMs` to what
   * survives. Returns whether SIGKILL was needed and the pids that would not die even then.
   */
  async stop(graceMs: number): Promise<{ killed: boolean; survivors: number[] }> {
    const procs = this.processes()
    signalGroup(this.leader.pid, 'SIGTERM')
    for (const p of procs) signal(p, 'SIGTERM')
    let killed = false
    if (!(await this.waitGone(graceMs))) {
      killed = true
      this.killNow()
      await this.waitGone(KILL_WAIT_MS)
    }
    this.releaseStop()
    return { killed, survivors: this.known.filter(isAlive).map((p) => p.pid) }
  }
}

/** Starts argv[0] with the rest as arguments (never a shell), in a process group of its own. */
export async function startService(job: string, argv: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunningService> {
  const [program, ...args] = argv
  const child = spawn(program, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  const started = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    child.once('spawn', () => resolve(undefined))
    child.once('error', (e: NodeJS.ErrnoException) => resolve(e))
  })
  if (started !== undefined || child.pid === undefined) {
    throw new LoadConfigError(job, 'start', `could not start ${program}: ${started?.message ?? 'no pid'}`)
  }
  // Errors after the start (a pipe closing) must not become uncaught exceptions; the exit says enough.
  child.on('error', () => {})
  const leader = processId(child.pid) ?? { pid: child.pid, start: -1 }
  return new RunningService(job, argv, leader, child)
}

/** Exit code or signal, as a phrase. */
export function describeServiceExit(e: ServiceExit): string {
  return e.signal !== null ? `killed by ${e.signal}` : `exit code ${e.code ?? '?'}`
}

// What go build says when the package named in the config does not exist: a typo, not a broken PR.
const NO_SUCH_PACKAGE = /directory not found|cannot find package|no required module provides package|is not in std|matched no packages|no Go files in/

/**
 * go build -trimpath [-race] of the service's package into dir. -trimpath names files module-relative,
 * the same in the base worktree and the head checkout, as the test pass does. On Go 1.26 the build
 * asks for the goroutineleak experiment (the profile then exists), and falls back to a plain build.
 */
export async function buildService(
  deps: { run: Runner; toolchain: Toolchain },
  job: string,
  moduleDir: string,
  pkg: string,
  race: boolean,
  dir: string
): Promise<{ binary: string; build: BuildInfo }> {
  const binary = join(dir, `${job}.service`)
  const argv = [deps.toolchain.go, 'build', '-trimpath', ...(race ? ['-race'] : []), '-o', binary, pkg]
  const attempt = (extra: Record<string, string> | undefined) =>
    deps.run({ argv, cwd: moduleDir, env: { ...process.env, ...extra }, timeoutMs: 15 * 60_000 })
  const experiment = leakProfileEnv(deps.toolchain)
  let r = await attempt(experiment)
  if (r.code !== 0 && experiment !== undefined) r = await attempt(undefined)
  // The binary lived in a scratch directory that is gone by now: the result names it by its file name.
  const command = ['go', ...argv.slice(1)].map((a) => (a === binary ? `${job}.service` : a))
  if (r.code === 0) return { binary, build: { ok: true, command } }
  const output = (r.stderr + r.stdout).trim() || describeExit(r)
  if (NO_SUCH_PACKAGE.test(output)) {
    throw new LoadConfigError(job, 'build', `service.package '${pkg}' is not a package of the module in ${moduleDir}`, output)
  }
  throw new LoadRunError(job, 'build', `go build of service.package '${pkg}' failed (${describeExit(r)})`, output)
}
