// How module-relative file names (as -trimpath gives them) map onto the base..head diff of the repository.
import type { Runner } from '../go/process.js'
import { lineMapFrom, parseUnifiedDiff } from '../parse/unidiff.js'
import { diffZeroContext } from './git.js'

export interface SourceDiff {
  /** Base line -> head line for a module-relative file. */
  toHead(file: string, line: number): number | undefined
  /** Whether the pull request added or rewrote this module-relative head line. */
  changedInHead(file: string, line: number): boolean
}

/**
 * Reads `git diff -U0 base head` in the module's repository; head 'worktree' diffs against the working
 * tree, which is what `gate` measured (uncommitted edits included). Returns undefined when a commit is
 * unknown there (a compare of results from elsewhere): attribution then matches sites by function.
 */
export async function readSourceDiff(
  run: Runner,
  moduleDir: string,
  baseCommit: string | undefined,
  head: string | 'worktree' | undefined
): Promise<SourceDiff | undefined> {
  if (!baseCommit || !head) return undefined
  const diff = await diffZeroContext(run, moduleDir, baseCommit, head).catch(() => undefined)
  if (diff === undefined) return undefined
  const map = lineMapFrom(parseUnifiedDiff(diff.text))
  return {
    toHead: (file, line) => map.toHead(diff.prefix + file, line),
    changedInHead: (file, line) => map.changedInHead(diff.prefix + file, line)
  }
}

/**
 * Module-relative paths of the files that differ between baseCommit and head (both names of a rename),
 * or undefined when the diff cannot be had. Files outside the module are left out.
 */
export async function changedFiles(run: Runner, moduleDir: string, baseCommit: string | undefined, head: string | 'worktree'): Promise<string[] | undefined> {
  if (!baseCommit) return undefined
  const diff = await diffZeroContext(run, moduleDir, baseCommit, head).catch(() => undefined)
  if (diff === undefined) return undefined
  const files = new Set<string>()
  for (const f of parseUnifiedDiff(diff.text)) {
    for (const path of [f.oldPath, f.newPath]) if (path !== null && path.startsWith(diff.prefix)) files.add(path.slice(diff.prefix.length))
  }
  return [...files]
}
