// The base commit checked out into a temporary git worktree on this runner, so base and head binaries are
// built and run side by side (interleaved) without touching the user's working tree. A stopped gate
// removes the worktree and its registration (stop.ts); one that was killed outright leaves them, and the
// next run removes them before it adds its own.
import { realpath } from 'node:fs/promises'
import { basename, dirname, join, relative } from 'node:path'
import { IncompleteRunError, UsageError } from '../errors.js'
import { addWorktree, gitSync, listWorktrees, removeWorktree, repoTop, resolveCommit } from '../git/git.js'
import type { Runner } from '../go/process.js'
import { isAbandonedScratch, scratchDir } from '../scratch.js'
import { onStop } from '../stop.js'
import type { BaselineSource, TreeBaseline } from './source.js'

const SCRATCH_PURPOSE = 'base'
const TREE_NAME = 'base'

/** Our worktrees, abandoned by a gate that was killed: `<tmp>/glg-base-XXXX/base`, owner gone. */
async function removeAbandonedWorktrees(run: Runner, top: string): Promise<string[]> {
  const removed: string[] = []
  for (const w of await listWorktrees(run, top)) {
    const scratch = dirname(w.path)
    if (basename(w.path) !== TREE_NAME || !basename(scratch).startsWith(`glg-${SCRATCH_PURPOSE}-`)) continue
    if (!isAbandonedScratch(scratch)) continue
    await removeWorktree(run, top, w.path)
    removed.push(w.path)
  }
  return removed
}

export async function checkoutBase(run: Runner, moduleDir: string, ref: string, log: (line: string) => void = () => {}): Promise<TreeBaseline> {
  const top = await repoTop(run, moduleDir)
  if (top === undefined) throw new UsageError(`${moduleDir} is not inside a git repository, so base ref '${ref}' cannot be checked out`)
  const commit = await resolveCommit(run, moduleDir, ref)
  if (commit === undefined) {
    throw new UsageError(
      `base ref '${ref}' does not exist in ${top}. In GitHub Actions, check out with 'fetch-depth: 0' (actions/checkout) so the base commit is present.`
    )
  }
  for (const path of await removeAbandonedWorktrees(run, top)) log(`removed the worktree ${path}, left by a gate that was killed`)
  const scratch = await scratchDir(SCRATCH_PURPOSE)
  const wt = join(scratch.path, TREE_NAME)
  const added = await addWorktree(run, top, wt, commit)
  if (!added.ok) {
    await scratch.remove()
    throw new IncompleteRunError(`could not check out base commit ${commit.slice(0, 12)}: ${added.why}`)
  }
  // Registered after the scratch directory, so a stop undoes it first: git forgets the worktree, then
  // the directory goes.
  const release = onStop(() => gitSync(top, ['worktree', 'remove', '--force', wt]))
  return {
    kind: 'tree',
    tree: { label: 'base', moduleDir: join(wt, relative(top, await realpath(moduleDir))), commit },
    release: async () => {
      release()
      await removeWorktree(run, top, wt)
      await scratch.remove()
    }
  }
}

/** The base ref, checked out and measured on this runner together with head. */
export function worktreeBaseline(moduleDir: string, ref: string, log?: (line: string) => void): BaselineSource {
  return {
    describe: `${ref} in a temporary worktree`,
    obtain: (run) => checkoutBase(run, moduleDir, ref, log)
  }
}
