import { spawn } from 'node:child_process'
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { stopChildrenWith } from '../stop.js'

export interface ProcessSpec {
  /** argv[0] is the program; never a shell string. */
  argv: string[]
  cwd: string
  env?: NodeJS.ProcessEnv
  /** Kill the whole process group after this long. */
  timeoutMs?: number
  /**
   * On timeout, send SIGQUIT first and give the process this long to die by itself: a Go program then
   * prints every goroutine's stack, the material for a hang report. testing's -test.timeout does not
   * cover benchmarks, so this is the only dump a hung benchmark leaves.
   */
  quitGraceMs?: number
  /** Keep at most this many bytes of each stream; the rest is dropped and `truncated` is set. */
  maxOutputBytes?: number
  /**
   * Write stdout and stderr into this one file, in the order the program wrote them, and return them as
   * stdout. Race reports (stderr) can then be placed between the test lines (stdout) they belong to.
   */
  mergedOutputFile?: string
}

export interface ProcessResult {
  argv: string[]
  cwd: string
  /** Exit code, or null when the process was killed by a signal. */
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  timedOut: boolean
  truncated: boolean
  wallMs: number
  /** Set when the program could not be started at all (ENOENT for a missing go). */
  spawnError?: NodeJS.ErrnoException
}

/** Starts processes and kills what is still running when the gate is interrupted or finishes. */
export type Runner = (spec: ProcessSpec) => Promise<ProcessResult>

const DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024
const TERM_GRACE_MS = 3_000
const live = new Set<number>()

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    // Negative pid: the whole group, so a test binary's own children die with it.
    process.kill(-pid, signal)
  } catch {
    try {
      process.kill(pid, signal)
    } catch {
      // already gone
    }
  }
}

/** Every child lives in a process group of its own (detached), so nothing kills them for us. */
function killAll(): void {
  for (const pid of live) killGroup(pid, 'SIGKILL')
  live.clear()
}

class Capture {
  private chunks: Buffer[] = []
  private size = 0
  truncated = false
  constructor(private readonly limit: number) {}
  push(chunk: Buffer): void {
    if (this.size >= this.limit) {
      this.truncated = true
      return
    }
    const room = this.limit - this.size
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk
    if (part.length < chunk.length) this.truncated = true
    this.chunks.push(part)
    this.size += part.length
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8')
  }
  /** Reads at most the limit from a file the child wrote. */
  pushFile(path: string): void {
    let fd: number | undefined
    try {
      fd = openSync(path, 'r')
      const size = fstatSync(fd).size
      const buf = Buffer.alloc(Math.min(size, this.limit))
      readSync(fd, buf, 0, buf.length, 0)
      this.push(buf)
      if (size > this.limit) this.truncated = true
    } catch {
      // nothing written
    } finally {
      if (fd !== undefined) closeSync(fd)
    }
  }
}

export const runProcess: Runner = (spec) => {
  stopChildrenWith(killAll)
  const started = performance.now()
  const limit = spec.maxOutputBytes ?? DEFAULT_MAX_OUTPUT
  return new Promise((resolve) => {
    const out = new Capture(limit)
    const err = new Capture(limit)
    let timedOut = false
    let spawnError: NodeJS.ErrnoException | undefined
    const [program, ...args] = spec.argv
    const merged = spec.mergedOutputFile !== undefined ? openSync(spec.mergedOutputFile, 'w') : undefined
    const child = spawn(program, args, {
      cwd: spec.cwd,
      env: spec.env ?? process.env,
      stdio: merged !== undefined ? ['ignore', merged, merged] : ['ignore', 'pipe', 'pipe'],
      detached: true
    })
    if (merged !== undefined) closeSync(merged)
    if (child.pid !== undefined) live.add(child.pid)
    let grace: NodeJS.Timeout | undefined
    const timer =
      spec.timeoutMs !== undefined
        ? setTimeout(() => {
            timedOut = true
            const pid = child.pid
            if (pid === undefined) return
            // A Go binary gets SIGQUIT (it prints every goroutine); anything else SIGTERM, so that a
            // program like our own CLI can stop its children, which live in process groups of their own.
            const first: NodeJS.Signals = spec.quitGraceMs !== undefined ? 'SIGQUIT' : 'SIGTERM'
            try {
              process.kill(pid, first)
            } catch {
              // already gone
            }
            grace = setTimeout(() => killGroup(pid, 'SIGKILL'), spec.quitGraceMs ?? TERM_GRACE_MS)
          }, spec.timeoutMs)
        : undefined
    child.stdout?.on('data', (c: Buffer) => out.push(c))
    child.stderr?.on('data', (c: Buffer) => err.push(c))
    child.on('error', (e: NodeJS.ErrnoException) => {
      spawnError = e
    })
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer)
      if (grace) clearTimeout(grace)
      if (child.pid !== undefined) {
        // The group may still hold grandchildren that kept running after the leader exited.
        killGroup(child.pid, 'SIGKILL')
        live.delete(child.pid)
      }
      if (spec.mergedOutputFile !== undefined) out.pushFile(spec.mergedOutputFile)
      resolve({
        argv: spec.argv,
        cwd: spec.cwd,
        code,
        signal,
        stdout: out.text(),
        stderr: err.text(),
        timedOut,
        truncated: out.truncated || err.truncated,
        wallMs: performance.now() - started,
        spawnError
      })
    })
  })
}

/** One line for messages: the exit code or signal, and whether we killed it. */
export function describeExit(r: ProcessResult): string {
  if (r.spawnError) return `could not start ${r.argv[0]}: ${r.spawnError.message}`
  if (r.timedOut) return `killed after the timeout`
  if (r.signal) return `killed by ${r.signal}`
  return `exit code ${r.code ?? '?'}`
}
