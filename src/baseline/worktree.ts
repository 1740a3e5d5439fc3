import { mkdtemp, realpath, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { RunError, UsageError } from '../errors.js'
import { describeExit, type Runner } from '../go/process.js'

async function git(run: Runner, cwd: string, args: string[]): Promise<{ ok: boolean; out: string; err: string }> {
  const r = await run({ argv: ['git', ...args], cwd, timeoutMs: 300_000 })
  if (r.spawnError?.code === 'ENOENT') throw new RunError('git is not on PATH: the gate needs git to check out the base commit')
  return { ok: r.code === 0, out: r.stdout.trim(), err: r.stderr.trim() || describeExit(r) }
}

/** The commit a directory is checked out at, or undefined outside git. */
export async function currentCommit(run: Runner, dir: string): Promise<string | undefined> {
  const r = await git(run, dir, ['rev-parse', 'HEAD']).catch(() => undefined)
  return r?.ok ? r.out : undefined
}

export interface BaseCheckout {
  commit: string
  /** The module directory inside the checkout (the module may live below the repository root). */
  moduleDir: string
  remove(): Promise<void>
}

/**
 * Checks the base commit out into a temporary git worktree, so base and head binaries can be built and
 * run side by side on this machine without touching the user's working tree.
 */
export async function checkoutBase(run: Runner, moduleDir: string, ref: string): Promise<BaseCheckout> {
  const top = await git(run, moduleDir, ['rev-parse', '--show-toplevel'])
  if (!top.ok) throw new UsageError(`${moduleDir} is not inside a git repository, so base ref '${ref}' cannot be checked out`)
  const resolved = await git(run, moduleDir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])
  if (!resolved.ok || !resolved.out) {
    throw new UsageError(
      `base ref '${ref}' does not exist in ${top.out}. In GitHub Actions, check out with 'fetch-depth: 0' (actions/checkout) so the base commit is present.`
    )
  }
  const commit = resolved.out
  const parent = await mkdtemp(join(tmpdir(), 'glg-base-'))
  const wt = join(parent, 'base')
  const added = await git(run, top.out, ['worktree', 'add', '--detach', '--force', wt, commit])
  if (!added.ok) {
    await rm(parent, { recursive: true, force: true })
    throw new RunError(`could not check out base commit ${commit.slice(0, 12)}: ${added.err}`)
  }
  return {
    commit,
    moduleDir: join(wt, relative(top.out, await realpath(moduleDir))),
    remove: async () => {
      await git(run, top.out, ['worktree', 'remove', '--force', wt]).catch(() => undefined)
      await rm(parent, { recursive: true, force: true })
      await git(run, top.out, ['worktree', 'prune']).catch(() => undefined)
    }
  }
}
