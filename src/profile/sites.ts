import { inModule, type SourceFrame } from '../parse/gofunc.js'
import { isGateFrame } from '../parse/stackframes.js'
import { bySiteRank, heapSampleIndexes, type HeapSite, type HeapSites, type HeapValues } from '../parse/pprof.js'
import type { CompactProfile } from './decode.js'
import { ROOT, type ProfileTables } from './tables.js'

/**
 * For one module path: the nearest frame at or above a node (towards the root) whose function is in the
 * module. Memoised per node, because a profile's samples share most of their callers.
 */
export class ModuleFrames {
  private readonly functionIn: Uint8Array
  /** Per node: the node found + 1, 0 for none, -1 not yet known. */
  private readonly memo: Int32Array

  constructor(
    readonly tables: ProfileTables,
    readonly modulePath: string
  ) {
    // The probe's overlay file sits in the user's package, but its frames are the gate's, never the user's.
    this.functionIn = Uint8Array.from(tables.functions, (f) => (!f.unsymbolised && inModule(f.name, modulePath) && !isGateFrame(f.name, f.file) ? 1 : 0))
    this.memo = new Int32Array(tables.nodeCount).fill(-1)
  }

  inModule(node: number): boolean {
    return node !== ROOT && this.functionIn[this.tables.nodeFunction(node)] === 1
  }

  /** The node itself when in the module, else its nearest caller in it; -1 when none. */
  atOrAbove(node: number): number {
    const parent = this.tables.nodeParent
    const memo = this.memo
    let n = node
    // Walk up to a known or deciding node, then write the answer along the way walked.
    while (n !== ROOT && memo[n] < 0 && !this.inModule(n)) n = parent[n]
    const found = n === ROOT ? 0 : memo[n] >= 0 ? memo[n] : n + 1
    for (let m = node; m !== n; m = parent[m]) memo[m] = found
    if (n !== ROOT) memo[n] = found
    return found - 1
  }
}

/** A frame of the tables as a source frame: function, file and line. */
export function sourceFrame(tables: ProfileTables, frame: number): SourceFrame {
  const f = tables.functions[tables.frameFunction[frame]]
  return { function: f.name, file: f.file, line: tables.frameLine[frame] }
}

/**
 * A heap profile by allocation site, with the same output as parse/pprof's heapSites (which
 * compare/attribute consumes): the leaf frame of each sample and, when that frame is outside the module,
 * the first frame up the stack inside it. Sites are keyed by frames of the shared tables, which are
 * already one per function name, file and line, so no second merge by name is needed.
 */
export function heapSitesOf(profile: CompactProfile, opts: { modulePath?: string } = {}): HeapSites {
  const { tables, stacks } = profile
  const [iAO, iAB, iIO, iIB] = heapSampleIndexes(profile.sampleTypes, profile.source).map((i) => profile.values[i])
  const modulePath = opts.modulePath ?? ''
  const module = modulePath === '' ? undefined : new ModuleFrames(tables, modulePath)
  const totals: HeapValues = { allocObjects: 0, allocBytes: 0, inuseObjects: 0, inuseBytes: 0 }
  const byKey = new Map<number, HeapValues & { leaf: number; caller: number }>()
  const stride = tables.frameCount + 1
  for (let s = 0; s < stacks.length; s++) {
    const allocObjects = iAO[s]
    const allocBytes = iAB[s]
    const inuseObjects = iIO[s]
    const inuseBytes = iIB[s]
    totals.allocObjects += allocObjects
    totals.allocBytes += allocBytes
    totals.inuseObjects += inuseObjects
    totals.inuseBytes += inuseBytes
    const node = stacks[s]
    if (node === ROOT || (allocObjects === 0 && allocBytes === 0 && inuseObjects === 0 && inuseBytes === 0)) continue
    const leaf = tables.nodeFrame[node]
    const callerNode = module !== undefined && !module.inModule(node) ? module.atOrAbove(tables.nodeParent[node]) : -1
    const caller = callerNode < 0 ? -1 : tables.nodeFrame[callerNode]
    const key = leaf * stride + caller + 1
    const site = byKey.get(key)
    if (site === undefined) byKey.set(key, { allocObjects, allocBytes, inuseObjects, inuseBytes, leaf, caller })
    else {
      site.allocObjects += allocObjects
      site.allocBytes += allocBytes
      site.inuseObjects += inuseObjects
      site.inuseBytes += inuseBytes
    }
  }
  const sites: HeapSite[] = []
  for (const { leaf, caller, ...values } of byKey.values()) {
    const at = sourceFrame(tables, leaf)
    sites.push(caller < 0 ? { ...at, ...values } : { ...at, ...values, caller: sourceFrame(tables, caller) })
  }
  return { totals, sites: sites.sort(bySiteRank) }
}
