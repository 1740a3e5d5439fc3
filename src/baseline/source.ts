// Where the base side of a comparison comes from. The compare stage takes a base RunResult and does not
// care how it was had; only the measure stage needs to know whether the base still has to be measured.
//
// Sources today: worktree.ts (the base commit checked out on this runner and measured interleaved with
// head, the only way timing can be trusted on a shared runner) and result-dir.ts (a directory written by
// `go-leak-gate run`). A stored artifact (the default branch's push workflow uploads its result
// directory) is the next one: download and unpack it into a directory, then read it as result-dir.ts
// does and return a StoredBaseline.
import type { Runner } from '../go/process.js'
import type { RunResult } from '../model/result.js'

/** A source tree to measure on this runner. */
export interface Tree {
  /** 'base', 'head', or 'run' for a side measured alone; prefixes progress lines and scratch names. */
  label: string
  /** The Go module's directory inside the tree. */
  moduleDir: string
  /** The commit the tree is at, when it is a git checkout. */
  commit?: string
}

/** A base still to be measured, alongside head, from a tree made for it; release() removes the tree. */
export interface TreeBaseline {
  kind: 'tree'
  tree: Tree
  release(): Promise<void>
}

/** A base measured before: its result and the directory its profiles are in. */
export interface StoredBaseline {
  kind: 'stored'
  result: RunResult
  dir: string
}

export type Baseline = TreeBaseline | StoredBaseline

export interface BaselineSource {
  /** For progress lines: 'origin/main in a temporary worktree', 'the results in DIR'. */
  describe: string
  obtain(run: Runner): Promise<Baseline>
}

/** A source whose base is always measured already (a results directory, an artifact). */
export interface StoredBaselineSource extends BaselineSource {
  obtain(run: Runner): Promise<StoredBaseline>
}
