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
  // Open addressing over (parent, frame) -> node + 1, kept at most half full. Each slot holds its key
  // as well, so that a probe reads one cache line: the trie of a large profile is far bigger than the cache.
  private slots = new Int32Array(INITIAL_NODES * 2 * SLOT)

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
    const slots = this.slots
    const mask = (slots.length / SLOT) - 1
    let h = slotOf(parent, frame, mask) * SLOT
    for (;;) {
      const at = slots[h + 2]
      if (at === 0) break
      if (slots[h] === parent && slots[h + 1] === frame) return at - 1
      h = h + SLOT === slots.length ? 0 : h + SLOT
    }
    const node = this.nodeCount++
    if (node >= this.nodeParent.length) {
      this.nodeParent = grownInt32(this.nodeParent, node + 1)
      this.nodeFrame = grownInt32(this.nodeFrame, this.nodeParent.length)
    }
    this.nodeParent[node] = parent
    this.nodeFrame[node] = frame
    slots[h] = parent
    slots[h + 1] = frame
    slots[h + 2] = node + 1
    if (this.nodeCount * 2 * SLOT > slots.length) this.rehash()
    return node
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
    const slots = new Int32Array(this.slots.length * 2)
    const mask = slots.length / SLOT - 1
    for (let node = 1; node < this.nodeCount; node++) {
      const parent = this.nodeParent[node]
      const frame = this.nodeFrame[node]
      let h = slotOf(parent, frame, mask) * SLOT
      while (slots[h + 2] !== 0) h = h + SLOT === slots.length ? 0 : h + SLOT
      slots[h] = parent
      slots[h + 1] = frame
      slots[h + 2] = node + 1
    }
    this.slots = slots
  }
}
