import { sampleTypeIndex, type StackProfile } from './aggregate.js'
import { ROOT, type ProfileTables } from './tables.js'

/** `function`: one row per function, as `go tool pprof -top`; `line`: per function and line, as `-lines`. */
export type Granularity = 'function' | 'line'

export interface FrameRow {
  function: string
  file: string
  /** Only at `line` granularity. */
  line?: number
  /** Samples whose leaf is this frame. */
  flat: number
  /** Samples with this frame anywhere on their stack, counted once per stack however often it recurs. */
  cum: number
}

/** Each node's children, in one array: node n's are list[start[n] .. start[n + 1]). */
export interface Children {
  start: Int32Array
  list: Int32Array
}

export function childrenOf(tables: ProfileTables, nodes: number = tables.nodeCount): Children {
  const start = new Int32Array(nodes + 1)
  const parent = tables.nodeParent
  for (let n = 1; n < nodes; n++) start[parent[n] + 1]++
  for (let n = 0; n < nodes; n++) start[n + 1] += start[n]
  const fill = start.slice(0, nodes)
  const list = new Int32Array(Math.max(0, nodes - 1))
  for (let n = 1; n < nodes; n++) list[fill[parent[n]]++] = n
  return { start, list }
}

/** Every node's value plus its descendants': parents precede children, so one backward pass adds up. */
export function subtreeSums(tables: ProfileTables, own: Float64Array): Float64Array {
  const sums = new Float64Array(tables.nodeCount)
  sums.set(own.subarray(0, Math.min(own.length, sums.length)))
  const parent = tables.nodeParent
  for (let n = sums.length - 1; n > 0; n--) sums[parent[n]] += sums[n]
  return sums
}

/** The key a node is counted under: its function, or its frame (function and line). */
function keyOf(tables: ProfileTables, granularity: Granularity): { key: (node: number) => number; count: number } {
  const frame = tables.nodeFrame
  if (granularity === 'line') return { key: (n) => frame[n], count: tables.frameCount }
  const fn = tables.frameFunction
  return { key: (n) => fn[frame[n]], count: tables.functions.length }
}

export interface FrameTotals {
  flat: Float64Array
  cum: Float64Array
  /** The row of key k (a function or a frame id, per granularity). */
  row: (k: number) => FrameRow
}

/**
 * Flat and cumulative values of one sample type per function (or per line), as `go tool pprof -top`
 * computes them. Cumulative values come from one depth-first walk of the trie: a node adds its subtree
 * to its key unless the key is already on the path above it, so a recursive function counts once per
 * stack.
 */
export function frameTotals(p: StackProfile, type: string, granularity: Granularity = 'function'): FrameTotals {
  const { tables } = p
  const own = p.values[sampleTypeIndex(p, type)]
  const nodes = Math.min(own.length, tables.nodeCount)
  const { key, count } = keyOf(tables, granularity)
  const flat = new Float64Array(count)
  const cum = new Float64Array(count)
  for (let n = 1; n < nodes; n++) if (own[n] !== 0) flat[key(n)] += own[n]
  const sums = subtreeSums(tables, own)
  const { start, list } = childrenOf(tables, nodes)
  const onPath = new Int32Array(count)
  // The walk's stack holds nodes to enter (>= 0) and nodes to leave (~node, < 0).
  const stack: number[] = []
  for (let i = start[ROOT]; i < start[ROOT + 1]; i++) stack.push(list[i])
  while (stack.length > 0) {
    const item = stack.pop() as number
    if (item < 0) {
      onPath[key(~item)]--
      continue
    }
    const k = key(item)
    if (onPath[k] === 0) cum[k] += sums[item]
    onPath[k]++
    stack.push(~item)
    for (let i = start[item]; i < start[item + 1]; i++) stack.push(list[i])
  }
  const row = (k: number): FrameRow => {
    const fnId = granularity === 'line' ? tables.frameFunction[k] : k
    const f = tables.functions[fnId]
    const base = { function: f.name, file: f.file }
    return granularity === 'line'
      ? { ...base, line: tables.frameLine[k], flat: flat[k], cum: cum[k] }
      : { ...base, flat: flat[k], cum: cum[k] }
  }
  return { flat, cum, row }
}

export interface TopOptions {
  by?: 'flat' | 'cum'
  /** How many rows; all that are non-zero when not given. */
  top?: number
  granularity?: Granularity
  /**
   * `growth`: largest positive values first (what a diff's regression needs); `magnitude`: largest absolute
   * values first, as `go tool pprof -top` sorts.
   */
  order?: 'growth' | 'magnitude'
}

/** The frames with the largest flat (or cumulative) values, ties broken by name so the order is stable. */
export function topFrames(p: StackProfile, type: string, opts: TopOptions = {}): FrameRow[] {
  return rankFrames(frameTotals(p, type, opts.granularity ?? 'function'), opts)
}

/** topFrames on totals already computed, so that one walk of the trie serves both orders. */
export function rankFrames(totals: FrameTotals, opts: Omit<TopOptions, 'granularity'> = {}): FrameRow[] {
  const primary = (opts.by ?? 'flat') === 'flat' ? totals.flat : totals.cum
  const growth = opts.order === 'growth'
  const keys: number[] = []
  for (let k = 0; k < primary.length; k++) if (growth ? primary[k] > 0 : primary[k] !== 0) keys.push(k)
  const rank = (k: number): number => (growth ? primary[k] : Math.abs(primary[k]))
  const rows = keys.map((k) => ({ k, row: totals.row(k) }))
  rows.sort((a, b) => rank(b.k) - rank(a.k) || a.row.function.localeCompare(b.row.function) || (a.row.line ?? 0) - (b.row.line ?? 0))
  return rows.slice(0, opts.top ?? rows.length).map((r) => r.row)
}
