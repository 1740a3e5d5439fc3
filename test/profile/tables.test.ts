import { describe, expect, it } from 'vitest'
import { ProfileTables, ROOT } from '../../src/profile/index.js'

describe('the stack trie', () => {
  it('finds every (parent, frame) it created again, narrow nodes and wide ones alike', () => {
    const tables = new ProfileTables()
    const reference = new Map<string, number>()
    let seed = 3
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    // A few parents get thousands of children (past the list into the hash, and through its rehashes);
    // most get a handful.
    for (let i = 0; i < 60_000; i++) {
      const parent = i % 3 === 0 ? next(4) : next(tables.nodeCount)
      const frame = i % 3 === 0 ? next(5000) : next(12)
      const key = `${parent}/${frame}`
      const node = tables.child(parent, frame)
      const seen = reference.get(key)
      if (seen === undefined) {
        expect(node).toBe(tables.nodeCount - 1)
        reference.set(key, node)
      } else expect(node).toBe(seen)
      expect([tables.nodeParent[node], tables.nodeFrame[node]]).toEqual([parent, frame])
    }
    expect(tables.nodeCount).toBe(reference.size + 1)
    for (const [key, node] of reference) {
      const [parent, frame] = key.split('/').map(Number)
      expect(tables.child(parent, frame)).toBe(node)
    }
    expect(tables.nodeCount).toBe(reference.size + 1)
  })

  it('lists a stack from the leaf outwards, as profile.proto lists locations', () => {
    const tables = new ProfileTables()
    const outer = tables.child(ROOT, 7)
    const leaf = tables.child(tables.child(outer, 8), 9)
    expect(tables.stackFrames(leaf)).toEqual([9, 8, 7])
    expect(tables.stackFrames(ROOT)).toEqual([])
  })
})
