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
