/** A function as profiles name it; the same name and file in two profiles is one function. */
export interface FunctionInfo {
  name: string
  systemName: string
  file: string
  /** A location without line information, named by its address (`0x4d2`) as pprof shows it. */
  unsymbolised: boolean
}

/** The root of the stack trie: the node of an empty stack. */
export const ROOT = 0

const INITIAL_NODES = 1 << 12
/** Int32s per hash slot: parent, frame, node + 1 (0 when empty). */
const SLOT = 3
/** Int32s per node record: frame, first child, next sibling, unused (so records align to 16 bytes). */
const LINK = 4
const NONE = -1
/** In a record's first-child field: the children are in the hash table. */
const WIDE = -2
/** The most children a node keeps in its list. */
const MAX_LIST = 8

/** `a`, or a copy at least twice as long when it has no room for `need` entries. */
export function grownInt32(a: Int32Array<ArrayBuffer>, need: number = a.length + 1): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a
  const b = new Int32Array(Math.max(need, a.length * 2))
  b.set(a)
  return b
}

function slotOf(parent: number, frame: number, mask: number): number {
  const h = (Math.imul(parent, 0x9e3779b1) ^ Math.imul(frame + 1, 0x85ebca77)) >>> 0
  return (h ^ (h >>> 15)) & mask
}

/**
 * What several decoded profiles share, so that runs of a benchmark merge and diff by plain index
 * arithmetic: interned functions, frames (a function at a line) and a trie of stacks.
 *
 * The trie runs from the outermost frame (runtime.main, goexit) to the leaf, so stacks share their
 * common callers; a stack is the node of its leaf frame, and its callers are the parent chain. A node
 * is always created after its parent, so parents have smaller indexes than their children, which lets
 * subtree sums run as one backward pass.
 */
export class ProfileTables {
  readonly functions: FunctionInfo[] = []
  private readonly functionIds = new Map<string, number>()

  frameFunction = new Int32Array(256)
  /** Source lines are int64 in profile.proto; kept as doubles. */
  frameLine = new Float64Array(256)
  frameCount = 0
  private readonly frameIds = new Map<number, Map<number, number>>()

  nodeParent = new Int32Array(INITIAL_NODES)
  nodeFrame = new Int32Array(INITIAL_NODES)
  nodeCount = 1
  // Children are found two ways. A node with few children keeps them in a list: per node, in one record,
  // [frame, first child, next sibling, unused]. A child is usually created right after its parent (in the
  // same sample), so the records of a path sit together in memory, and walking a stack down the trie reads
  // what the previous step brought into the cache: several times faster than hashing on a large trie.
  // A node with more than MAX_LIST children (a dispatcher, the root of a CPU profile) moves them to a hash
  // table keyed by (parent, frame), so no lookup scans a long list.
  private links = new Int32Array(INITIAL_NODES * LINK).fill(NONE)
  // Open addressing: [parent, frame, node + 1] per slot, 0 in the last for an empty one; at most half full.
  private slots = new Int32Array(64 * SLOT)
  private wideChildren = 0

  constructor() {
    this.nodeParent[ROOT] = -1
    this.nodeFrame[ROOT] = -1
  }

  functionId(name: string, file: string, systemName: string, unsymbolised = false): number {
    const key = (unsymbolised ? '\u0001' : '') + name + '\u0000' + file
    let id = this.functionIds.get(key)
    if (id === undefined) {
      id = this.functions.length
      this.functions.push({ name, systemName, file, unsymbolised })
      this.functionIds.set(key, id)
    }
    return id
  }

  frameId(fn: number, line: number): number {
    let byLine = this.frameIds.get(fn)
    if (byLine === undefined) {
      byLine = new Map()
      this.frameIds.set(fn, byLine)
    }
    let id = byLine.get(line)
    if (id === undefined) {
      id = this.frameCount++
      if (id >= this.frameFunction.length) {
        this.frameFunction = grownInt32(this.frameFunction, id + 1)
        const lines = new Float64Array(this.frameFunction.length)
        lines.set(this.frameLine)
        this.frameLine = lines
      }
      this.frameFunction[id] = fn
      this.frameLine[id] = line
      byLine.set(line, id)
    }
    return id
  }

  /** The node for `frame` called from `parent`, created on first use. */
  child(parent: number, frame: number): number {
    const links = this.links
    const first = links[parent * LINK + 1]
    if (first === WIDE) return this.wideChild(parent, frame)
    let count = 0
    for (let c = first; c !== NONE; c = links[c * LINK + 2]) {
      if (links[c * LINK] === frame) return c
      count++
    }
    const node = this.newNode(parent, frame)
    if (count < MAX_LIST) {
      const l = this.links
      l[node * LINK + 2] = l[parent * LINK + 1]
      l[parent * LINK + 1] = node
      return node
    }
    // The list is full: move the parent's children to the hash table, the new one with them.
    for (let c = first; c !== NONE; c = this.links[c * LINK + 2]) this.insertWide(parent, this.nodeFrame[c], c)
    this.links[parent * LINK + 1] = WIDE
    this.insertWide(parent, frame, node)
    return node
  }

  private newNode(parent: number, frame: number): number {
    const node = this.nodeCount++
    if (node >= this.nodeParent.length) {
      this.nodeParent = grownInt32(this.nodeParent, node + 1)
      this.nodeFrame = grownInt32(this.nodeFrame, this.nodeParent.length)
      const links = new Int32Array(this.nodeParent.length * LINK).fill(NONE)
      links.set(this.links)
      this.links = links
    }
    this.nodeParent[node] = parent
    this.nodeFrame[node] = frame
    this.links[node * LINK] = frame
    return node
  }

  private wideChild(parent: number, frame: number): number {
    const slots = this.slots
    const mask = slots.length / SLOT - 1
    for (let h = slotOf(parent, frame, mask) * SLOT; ; h = h + SLOT === slots.length ? 0 : h + SLOT) {
      const at = slots[h + 2]
      if (at === 0) break
      if (slots[h] === parent && slots[h + 1] === frame) return at - 1
    }
    const node = this.newNode(parent, frame)
    this.insertWide(parent, frame, node)
    return node
  }

  private insertWide(parent: number, frame: number, node: number): void {
    if (++this.wideChildren * 2 * SLOT > this.slots.length) this.rehash()
    const slots = this.slots
    const mask = slots.length / SLOT - 1
    let h = slotOf(parent, frame, mask) * SLOT
    while (slots[h + 2] !== 0) h = h + SLOT === slots.length ? 0 : h + SLOT
    slots[h] = parent
    slots[h + 1] = frame
    slots[h + 2] = node + 1
  }

  /** The function of a node's frame; -1 for the root. */
  nodeFunction(node: number): number {
    return node === ROOT ? -1 : this.frameFunction[this.nodeFrame[node]]
  }

  /** A node's frames from the leaf outwards, as profile.proto lists a sample's locations. */
  stackFrames(node: number): number[] {
    const frames: number[] = []
    for (let n = node; n !== ROOT; n = this.nodeParent[n]) frames.push(this.nodeFrame[n])
    return frames
  }

  private rehash(): void {
    const old = this.slots
    this.slots = new Int32Array(old.length * 2)
    const slots = this.slots
    const mask = slots.length / SLOT - 1
    for (let o = 0; o < old.length; o += SLOT) {
      if (old[o + 2] === 0) continue
      let h = slotOf(old[o], old[o + 1], mask) * SLOT
      while (slots[h + 2] !== 0) h = h + SLOT === slots.length ? 0 : h + SLOT
      slots.set(old.subarray(o, o + SLOT), h)
    }
  }
}
