// Where the base side of a comparison comes from. The compare stage takes a base RunResult and does not
// care how it was had; only the measure stage needs to know whether the base still has to be measured.
//
// Sources: worktree.ts (the base commit checked out on this runner and measured interleaved with head, the
// only way timing can be trusted on a shared runner), result-dir.ts (a directory written by `go-leak-gate
// run`) and artifact.ts (the result directory a push run on the default branch uploaded with `mode:
// record`); choose.ts picks one from the action's `baseline` input.
import type { Runner } from '../go/process.js'
import type { BaselineInfo } from '../model/report.js'
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
  /**
   * The base's test pass (leaks, races, hangs: deterministic) from a stored result, so only the benchmarks,
   * whose timings need this runner, are measured here (baseline 'auto').
   */
  storedTests?: RunResult
  info?: BaselineInfo
}

/** A base measured before: its result and the directory its profiles are in. */
export interface StoredBaseline {
  kind: 'stored'
  result: RunResult
  dir: string
  /** False when the result was measured on another machine: timings then only warn (compare.ts). */
  timingsComparable?: boolean
  info?: BaselineInfo
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
