import { sampleTypeIndex, type StackProfile } from './aggregate.js'
import { ProfileError } from './errors.js'
import { childrenOf, subtreeSums } from './frames.js'
import { ROOT } from './tables.js'

/** One frame of a differential flame graph: a function reached through the path of its ancestors. */
export interface FlameNode {
  function: string
  file: string
  /** This frame and everything it called, in the base and in the head. */
  base: number
  head: number
  /** Callees, by function name. */
  children: FlameNode[]
  /** Callees cut because they were below the graph's threshold on both sides: their sums and how many. */
  pruned?: { base: number; head: number; frames: number }
}

export interface FlameGraph {
  sampleType: string
  unit: string
  /** The root stands for all samples; its children are the outermost frames. */
  root: FlameNode
  /** A frame below this share of the larger side's total on both sides is cut (and counted as pruned). */
  minFraction: number
  prunedFrames: number
}

/**
 * A trie of frames by function for a differential flame graph of `head` against `base` (Brendan Gregg's
 * convention: widths from head, colour from the change). Frames that differ only by line merge into
 * one. Frames smaller than `minFraction` (default 0.5%) of the larger total on both sides are cut, so the
 * graph of a 1M-sample profile stays small; their amount stays in the parent's `pruned`, so a
 * reader can see what is missing.
 */
export function flameGraph(base: StackProfile, head: StackProfile, type: string, opts: { minFraction?: number } = {}): FlameGraph {
  const { tables } = head
  if (base.tables !== tables) throw new ProfileError(base.sources.join(', '), 'cannot be drawn against profiles decoded with other tables')
  const minFraction = opts.minFraction ?? 0.005
  const k = sampleTypeIndex(head, type)
  const baseSums = subtreeSums(tables, base.values[sampleTypeIndex(base, type)])
  const headSums = subtreeSums(tables, head.values[k])
  const threshold = minFraction * Math.max(Math.abs(baseSums[ROOT]), Math.abs(headSums[ROOT]))
  const { start, list } = childrenOf(tables)
  const fnOf = tables.frameFunction
  const frameOf = tables.nodeFrame
  let prunedFrames = 0

  const root: FlameNode = { function: 'root', file: '', base: baseSums[ROOT], head: headSums[ROOT], children: [] }
  // Work items: a flame node and the trie nodes it stands for (one per line of the function).
  const work: { node: FlameNode; trie: number[] }[] = [{ node: root, trie: [ROOT] }]
  while (work.length > 0) {
    const { node, trie } = work.pop() as { node: FlameNode; trie: number[] }
    const byFunction = new Map<number, number[]>()
    for (const t of trie) {
      for (let i = start[t]; i < start[t + 1]; i++) {
        const c = list[i]
        if (baseSums[c] === 0 && headSums[c] === 0) continue
        const fn = fnOf[frameOf[c]]
        const group = byFunction.get(fn)
        if (group === undefined) byFunction.set(fn, [c])
        else group.push(c)
      }
    }
    for (const [fn, group] of byFunction) {
      let b = 0
      let h = 0
      for (const c of group) {
        b += baseSums[c]
        h += headSums[c]
      }
      if (Math.abs(b) < threshold && Math.abs(h) < threshold) {
        node.pruned ??= { base: 0, head: 0, frames: 0 }
        node.pruned.base += b
        node.pruned.head += h
        node.pruned.frames++
        prunedFrames++
        continue
      }
      const f = tables.functions[fn]
      const child: FlameNode = { function: f.name, file: f.file, base: b, head: h, children: [] }
      node.children.push(child)
      work.push({ node: child, trie: group })
    }
    node.children.sort((x, y) => x.function.localeCompare(y.function) || x.file.localeCompare(y.file))
  }
  return { sampleType: type, unit: head.sampleTypes[k].unit, root, minFraction, prunedFrames }
}
