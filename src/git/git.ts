// The one way go-leak-gate runs git. Every call goes through `git()`, with an argv array and settings
// that the user's git config cannot change; a missing git is an IncompleteRunError everywhere, any other
// failure is a result the caller decides about.
import { spawnSync } from 'node:child_process'
import { IncompleteRunError } from '../errors.js'
import { describeExit, type Runner } from '../go/process.js'

export interface GitResult {
  ok: boolean
  /** stdout with surrounding whitespace kept (diffs need their last newline). */
  stdout: string
  /** stderr, or how the process ended when git printed nothing: for messages. */
  why: string
}

export interface GitOptions {
  env?: NodeJS.ProcessEnv
  timeoutMs?: number
}

// No pager, no colour, no external diff driver, no hooks: output and side effects must not depend on
// the user's configuration.
const FIXED = ['-c', 'core.pager=cat', '-c', 'color.ui=false', '-c', 'core.hooksPath=/dev/null']
const DEFAULT_TIMEOUT_MS = 300_000

export async function git(run: Runner, cwd: string, args: string[], opts: GitOptions = {}): Promise<GitResult> {
  const r = await run({ argv: ['git', ...FIXED, ...args], cwd, env: opts.env, timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS })
  if (r.spawnError?.code === 'ENOENT') throw new IncompleteRunError('git is not on PATH: the gate needs git to check out and diff the base commit')
  return { ok: r.code === 0, stdout: r.stdout, why: r.stderr.trim() || describeExit(r) }
}

/** git's trimmed stdout; a failure is an IncompleteRunError with git's message as the detail. */
export async function gitOrFail(run: Runner, cwd: string, args: string[], opts: GitOptions = {}): Promise<string> {
  const r = await git(run, cwd, args, opts)
  if (!r.ok) throw new IncompleteRunError(`git ${args.join(' ')} failed in ${cwd}`, r.why)
  return r.stdout.trim()
}

/**
 * For cleanups that run inside a signal handler, where nothing asynchronous gets to finish: bounded,
 * and silent on failure (a cleanup that cannot run leaves what the next run's sweep removes).
 */
export function gitSync(cwd: string, args: string[]): boolean {
  const r = spawnSync('git', [...FIXED, ...args], { cwd, stdio: 'ignore', timeout: 10_000 })
  return r.status === 0
}

/** The repository's top directory, or undefined when dir is not inside a git work tree. */
export async function repoTop(run: Runner, dir: string): Promise<string | undefined> {
  const r = await git(run, dir, ['rev-parse', '--show-toplevel'])
  return r.ok ? r.stdout.trim() : undefined
}

/** The commit a directory is checked out at, or undefined outside git (or without git). */
export async function currentCommit(run: Runner, dir: string): Promise<string | undefined> {
  const r = await git(run, dir, ['rev-parse', 'HEAD']).catch(() => undefined)
  return r?.ok ? r.stdout.trim() : undefined
}

/** The commit a ref names, or undefined when the repository does not have it. */
export async function resolveCommit(run: Runner, dir: string, ref: string): Promise<string | undefined> {
  const r = await git(run, dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])
  const sha = r.stdout.trim()
  return r.ok && sha !== '' ? sha : undefined
}

/**
 * `git diff -U0 base head` from dir (head 'worktree': against the working tree, uncommitted edits
 * included), with paths relative to the repository top, and dir's path below the top. Undefined when
 * a commit is unknown there.
 */
export async function diffZeroContext(run: Runner, dir: string, base: string, head: string | 'worktree'): Promise<{ text: string; prefix: string } | undefined> {
  const prefix = await git(run, dir, ['rev-parse', '--show-prefix'])
  if (!prefix.ok) return undefined
  // Fixed prefixes and no external diff driver: the user's git config must not change the format.
  const diff = await git(run, dir, [
    'diff', '-U0', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/', base, ...(head === 'worktree' ? [] : [head]), '--'
  ], { timeoutMs: 120_000 })
  return diff.ok ? { text: diff.stdout, prefix: prefix.stdout.trim() } : undefined
}

export interface Worktree {
  path: string
  /** HEAD of the worktree; absent for a bare entry. */
  head?: string
  /** git marks a worktree prunable when its directory is gone. */
  prunable: boolean
}

/** `git worktree list --porcelain`: the main tree first, then the linked ones. */
export async function listWorktrees(run: Runner, top: string): Promise<Worktree[]> {
  const r = await git(run, top, ['worktree', 'list', '--porcelain'])
  if (!r.ok) return []
  const trees: Worktree[] = []
  for (const block of r.stdout.split('\n\n')) {
    const lines = block.split('\n')
    const path = lines.find((l) => l.startsWith('worktree '))?.slice('worktree '.length)
    if (path === undefined) continue
    const head = lines.find((l) => l.startsWith('HEAD '))?.slice('HEAD '.length)
    trees.push({ path, ...(head ? { head } : {}), prunable: lines.some((l) => l.startsWith('prunable')) })
  }
  return trees
}

export async function addWorktree(run: Runner, top: string, path: string, commit: string): Promise<GitResult> {
  return git(run, top, ['worktree', 'add', '--detach', '--force', path, commit])
}

/**
 * Removes a linked worktree and its registration, also when its directory is already gone. Never a
 * blanket `git worktree prune`: the user's other worktrees (on a drive not mounted now) are not ours.
 */
export async function removeWorktree(run: Runner, top: string, path: string): Promise<void> {
  await git(run, top, ['worktree', 'remove', '--force', path]).catch(() => undefined)
}
