// What the HTML report's page script draws, as it is embedded in the page (JSON). Kept flat and small:
// a flame graph of a large profile is thousands of frames, so frames are arrays and names are interned.

import type { Report } from '../../model/report.js'

/**
 * One frame of a differential flame graph: [function index, base, head, children, pruned?]. `base` and
 * `head` include the callees; `pruned` is [frames, base, head] of the callees cut below the graph's
 * threshold on both sides.
 */
export type FlameFrame = [number, number, number, FlameFrame[]] | [number, number, number, FlameFrame[], [number, number, number]]

/** The kinds of flame graph a benchmark has. Adding a kind is one entry here and one in graphs.ts. */
export type FlameKind = 'heap-inuse' | 'heap-alloc' | 'cpu' | 'goroutines'

export interface FlameView {
  /** Our own id for links (`bench-3-heap-inuse`); never derived from names of the code under test. */
  id: string
  kind: FlameKind
  title: string
  /** The unit of the values: `B/op`, `ns/op`, `goroutines`. */
  unit: string
  /** [name, file] per function index. */
  functions: [string, string][]
  root: FlameFrame
  /** Frames below this share of the larger side's total on both sides were cut. */
  minFraction: number
  prunedFrames: number
  /** How the values were made, in our words (`mean per op over 8 runs`). */
  note: string
}

/** A flame graph the page cannot draw, and why (no profile, unreadable profile, left out for size). */
export interface MissingFlame {
  id: string
  kind: FlameKind
  title: string
  missing: string
}

export interface SampleSide {
  samples: number[]
  median: number | null
  /** The distribution-free confidence interval of the median, from order statistics; null without samples. */
  interval: { lo: number; hi: number; confidence: number } | null
}

export interface MetricChart {
  metric: string
  unit: string
  base: SampleSide
  head: SampleSide
  change: number | null
  pValue: number | null
  status: string
}

export interface PauseSide {
  /** Pauses in ms, sorted; quantiles of them when there were too many to embed (see `count`). */
  quantiles: number[]
  count: number
  p50: number | null
  p99: number | null
  max: number | null
}

export interface BenchmarkView {
  /** Our own id (`bench-3`), the anchor of the benchmark's section. */
  id: string
  pkg: string
  benchmark: string
  /** Whether a finding is about this benchmark: its section starts open. */
  hasFindings: boolean
  metrics: MetricChart[]
  gc: { base: PauseSide; head: PauseSide } | null
  flames: (FlameView | MissingFlame)[]
}

export interface HtmlReportData {
  report: Report
  benchmarks: BenchmarkView[]
  /** Goroutines still alive after the test pass (the leak probe's stacks), base against head. */
  goroutines: FlameView | MissingFlame
  /** The default pruning threshold, for the page's note. */
  minFraction: number
  /** Page-level notes in our words: graphs left out to bound the size, profiles that could not be read. */
  notes: string[]
  version: string
}
