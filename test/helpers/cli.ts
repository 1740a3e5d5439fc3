// Runs the CLI as a user does: the committed bundle (dist/cli.js) under this Node, real processes.
// GO_LEAK_GATE_TEST_CLI points the tests at another bundle, e.g. an older dist/ to show a test failing
// before a fix.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { runProcess, type ProcessResult } from '../../src/go/process.js'
import { repoRoot } from './fixture-repo.js'

export const CLI = process.env.GO_LEAK_GATE_TEST_CLI ?? join(repoRoot, 'dist', 'cli.js')

export function cli(args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<ProcessResult> {
  return runProcess({ argv: [process.execPath, CLI, ...args], cwd: opts.cwd, env: opts.env ?? process.env, timeoutMs: opts.timeoutMs ?? 300_000 })
}

export interface Started {
  child: ChildProcess
  stderr: () => string
  /** Resolves once stderr has a line matching `re`; rejects when the CLI exits first. */
  waitFor(re: RegExp, timeoutMs: number): Promise<void>
  /** Resolves with the exit code (null after a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** Starts the CLI to be signalled mid-run. */
export function startCli(args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Started {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'ignore', 'pipe'] })
  let err = ''
  const listeners: (() => void)[] = []
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString('utf8')
    for (const l of listeners) l()
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })))
  return {
    child,
    stderr: () => err,
    exited,
    waitFor: (re, timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no line matching ${re} within ${timeoutMs} ms; stderr:\n${err}`)), timeoutMs)
        const check = (): void => {
          if (re.test(err)) {
            clearTimeout(timer)
            resolve()
          }
        }
        listeners.push(check)
        check()
        void exited.then(() => {
          clearTimeout(timer)
          if (re.test(err)) resolve()
          else reject(new Error(`the CLI exited before a line matching ${re}; stderr:\n${err}`))
        })
      })
  }
}
