// Flame graphs of the profile engine turned into the page's compact form, with the bounds that keep the
// file small for large profiles: a pruning threshold that rises until a graph fits, and a budget of frames
// for the whole page.

import { flameGraph, type FlameGraph, type FlameNode, type StackProfile } from '../../profile/index.js'
import type { FlameFrame, FlameKind, FlameView, MissingFlame } from './model.js'

/** The default threshold: frames under 0.5% of the larger side's total on both sides are cut. */
export const MIN_FRACTION = 0.005
/** The most frames one graph keeps; past it the threshold doubles until the graph fits. */
export const MAX_GRAPH_FRAMES = 3000
/** The most frames the whole page keeps; graphs past it are left out and named on the page. */
export const MAX_PAGE_FRAMES = 60_000
// Function names and files come from the code under test; a name this long is an attack or a bug, and
// either way it must not make the file grow with it.
const TEXT_MAX = 400

/** Values are per-op means: six significant digits are more than any profile's sampling supports. */
export function round6(x: number): number {
  return x === 0 || !Number.isFinite(x) ? 0 : Number(x.toPrecision(6))
}

function clipText(text: string): string {
  return text.length <= TEXT_MAX ? text : `${text.slice(0, TEXT_MAX - 1)}…`
}

export function countFrames(node: FlameNode): number {
  let n = 0
  const stack = [node]
  while (stack.length > 0) {
    const x = stack.pop() as FlameNode
    n++
    for (const c of x.children) stack.push(c)
  }
  return n
}

/** A flame graph of head against base at the default threshold, or a higher one when it has too many frames. */
export function boundedFlameGraph(base: StackProfile, head: StackProfile, sampleType: string, maxFrames = MAX_GRAPH_FRAMES): FlameGraph {
  let minFraction = MIN_FRACTION
  let graph = flameGraph(base, head, sampleType, { minFraction })
  // Each doubling at least halves how many frames can pass on each side, so this ends within a few steps.
  while (countFrames(graph.root) > maxFrames && minFraction < 0.5) {
    minFraction *= 2
    graph = flameGraph(base, head, sampleType, { minFraction })
  }
  return graph
}

/** The page's form of a graph: functions interned, frames as nested arrays, values rounded. */
export function compactFlame(graph: FlameGraph): { functions: [string, string][]; root: FlameFrame; frames: number } {
  const functions: [string, string][] = []
  const ids = new Map<string, number>()
  let frames = 0
  const intern = (name: string, file: string): number => {
    const key = `${name}\u0000${file}`
    let id = ids.get(key)
    if (id === undefined) {
      id = functions.length
      functions.push([clipText(name), clipText(file)])
      ids.set(key, id)
    }
    return id
  }
  // Depth-first with an explicit stack: a deep recursion in a profile must not overflow ours.
  const convert = (root: FlameNode): FlameFrame => {
    const make = (n: FlameNode): FlameFrame => {
      frames++
      const id = intern(n.function, n.file)
      const children: FlameFrame[] = []
      if (!n.pruned) return [id, round6(n.base), round6(n.head), children]
      return [id, round6(n.base), round6(n.head), children, [n.pruned.frames, round6(n.pruned.base), round6(n.pruned.head)]]
    }
    const top = make(root)
    const work: [FlameNode, FlameFrame][] = [[root, top]]
    while (work.length > 0) {
      const [node, frame] = work.pop() as [FlameNode, FlameFrame]
      for (const c of node.children) {
        const child = make(c)
        frame[3].push(child)
        work.push([c, child])
      }
    }
    return top
  }
  const root = convert(graph.root)
  return { functions, root, frames }
}

/** How many frames the page may still take; graphs that do not fit are left out rather than cut further. */
export class FrameBudget {
  constructor(private left: number = MAX_PAGE_FRAMES) {}

  /** Takes `frames` from the budget when they fit. */
  take(frames: number): boolean {
    if (frames > this.left) return false
    this.left -= frames
    return true
  }
}

export interface FlameHeader {
  id: string
  kind: FlameKind
  title: string
  unit: string
  note: string
}

/** A graph for the page, or the reason it is not there when the page's frame budget is spent. */
export function flameView(header: FlameHeader, graph: FlameGraph, budget: FrameBudget): FlameView | MissingFlame {
  const { functions, root, frames } = compactFlame(graph)
  if (!budget.take(frames)) {
    return { id: header.id, kind: header.kind, title: header.title, missing: `left out to keep this file small: the page already holds the most frames it keeps (${MAX_PAGE_FRAMES})` }
  }
  return { ...header, functions, root, minFraction: graph.minFraction, prunedFrames: graph.prunedFrames }
}
