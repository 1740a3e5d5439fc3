import type { Runner } from '../go/process.js'
import { lineMapFrom, parseUnifiedDiff, type LineMap } from '../parse/unidiff.js'

/** How module-relative file names (as -trimpath gives them) map onto the base..head diff of the repository. */
export interface SourceDiff {
  /** Base line -> head line for a module-relative file. */
  toHead(file: string, line: number): number | undefined
  /** Whether the pull request added or rewrote this module-relative head line. */
  changedInHead(file: string, line: number): boolean
}

async function git(run: Runner, cwd: string, args: string[]): Promise<string | undefined> {
  const r = await run({ argv: ['git', ...args], cwd, timeoutMs: 120_000 })
  return r.code === 0 ? r.stdout : undefined
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
  const prefix = await git(run, moduleDir, ['rev-parse', '--show-prefix'])
  if (prefix === undefined) return undefined
  // Fixed prefixes and no external diff driver: the user's git config must not change the format.
  const text = await git(run, moduleDir, [
    'diff', '-U0', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/', baseCommit, ...(head === 'worktree' ? [] : [head]), '--'
  ])
  if (text === undefined) return undefined
  const map: LineMap = lineMapFrom(parseUnifiedDiff(text))
  const dir = prefix.trim()
  return {
    toHead: (file, line) => map.toHead(dir + file, line),
    changedInHead: (file, line) => map.changedInHead(dir + file, line)
  }
}
