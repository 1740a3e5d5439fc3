import { describe, expect, it } from 'vitest'
import { decodePprof, flameGraph, frameTotals, mergeProfiles, ProfileTables, totalOf, type FlameNode, type StackProfile } from '../../src/profile/index.js'
import { recorded, recordedVersions } from './oracle.js'

function sides(version: string, base: string, head: string): { base: StackProfile; head: StackProfile } {
  const tables = new ProfileTables()
  const one = (name: string): StackProfile => mergeProfiles(tables, [{ profile: decodePprof(recorded(version, `${name}.pprof`), name, { tables }) }])
  return { base: one(base), head: one(head) }
}

function* walk(node: FlameNode, depth = 0): Generator<{ node: FlameNode; depth: number }> {
  yield { node, depth }
  for (const c of node.children) yield* walk(c, depth + 1)
}

const sum = (nodes: FlameNode[], side: 'base' | 'head'): number => nodes.reduce((n, c) => n + c[side], 0)

describe.each(recordedVersions())('flame graphs of profiles recorded with %s', (version) => {
  it('spans the totals of both sides at the root, and no child is wider than its parent', () => {
    const { base, head } = sides(version, 'heap-base', 'heap-head')
    const g = flameGraph(base, head, 'alloc_space', { minFraction: 0 })
    expect(g.root.base).toBe(totalOf(base, 'alloc_space'))
    expect(g.root.head).toBe(totalOf(head, 'alloc_space'))
    expect(g.prunedFrames).toBe(0)
    for (const { node } of walk(g.root)) {
      expect(node.pruned).toBeUndefined()
      for (const side of ['base', 'head'] as const) expect(sum(node.children, side)).toBeLessThanOrEqual(node[side])
    }
  })

  it("adds up to a function's cumulative value wherever it appears (a CPU profile without recursion)", () => {
    const { base, head } = sides(version, 'cpu-base', 'cpu-head')
    const g = flameGraph(base, head, 'cpu', { minFraction: 0 })
    const totals = frameTotals(head, 'cpu')
    let compared = 0
    totals.cum.forEach((cum, k) => {
      const row = totals.row(k)
      const nodes = [...walk(g.root)].filter(({ node }) => node.function === row.function).map(({ node }) => node)
      if (cum === 0 || nodes.length === 0) return
      const nested = nodes.some((n) => [...walk(n)].slice(1).some(({ node }) => node.function === row.function))
      if (nested) return
      expect({ fn: row.function, head: sum(nodes, 'head') }).toEqual({ fn: row.function, head: cum })
      compared++
    })
    expect(compared).toBeGreaterThanOrEqual(3)
  })

  it('cuts frames below the fraction on both sides, and keeps what it cut in the parent', () => {
    const { base, head } = sides(version, 'heap-base', 'heap-head')
    const full = flameGraph(base, head, 'alloc_objects', { minFraction: 0 })
    const cut = flameGraph(base, head, 'alloc_objects', { minFraction: 0.05 })
    const threshold = 0.05 * Math.max(full.root.base, full.root.head)
    expect(cut.prunedFrames).toBeGreaterThan(0)
    expect([...walk(cut.root)].length).toBeLessThan([...walk(full.root)].length)
    let prunedHead = 0
    for (const { node, depth } of walk(cut.root)) {
      if (depth > 0) expect(Math.max(node.base, node.head)).toBeGreaterThanOrEqual(threshold)
      // What a frame holds is its own samples, its children and what was cut below it.
      const own = node.head - sum(node.children, 'head') - (node.pruned?.head ?? 0)
      expect(own).toBeGreaterThanOrEqual(0)
      prunedHead += node.pruned?.head ?? 0
    }
    expect(prunedHead).toBeGreaterThan(0)
    expect(cut.root.head).toBe(full.root.head)
  })

  it('draws the goroutines where they are parked, the recursion seven frames deep', () => {
    const { base, head } = sides(version, 'goroutine', 'goroutine')
    const g = flameGraph(base, head, 'goroutine', { minFraction: 0 })
    const top = new Map(g.root.children.map((c) => [c.function, c.head]))
    expect(top.get('main.receive')).toBe(5)
    expect(top.get('main.selectTwo')).toBe(3)
    expect(top.get('main.lock')).toBe(2)
    let node = g.root.children.find((c) => c.function === 'main.recurse')
    let depth = 0
    while (node?.function === 'main.recurse') {
      depth++
      expect(node.children).toHaveLength(1)
      node = node.children[0]
    }
    expect(depth).toBe(7)
    expect(node?.function).toBe('main.receive')
  })
})
