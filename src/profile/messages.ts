import { grownInt32, ProfileTables, ROOT } from './tables.js'
import { LEN, packedEnd, VARINT, WireReader } from './wire.js'

/** A string label of a sample (`key: value`, as pprof -tags shows). */
export interface Label {
  key: string
  value: string
}

/** What the first pass over a profile found at its top level; see decode.ts. */
export interface TopLevel {
  strings: string[]
  sampleTypes: [number, number, number][]
  periodType?: [number, number, number]
  period: number
  timeNanos: number
  durationNanos: number
  defaultSampleType: number
  /** Samples are counted here and read in a second pass over the message, so no list of them is kept. */
  sampleCount: number
  locations: Ranges
  functions: Ranges
}

/** Byte ranges [start, end) of the messages of one repeated field, collected before they can be resolved. */
export class Ranges {
  private a = new Int32Array(64)
  count = 0

  push(start: number, end: number): void {
    if (this.count * 2 + 2 > this.a.length) {
      const b = new Int32Array(this.a.length * 2)
      b.set(this.a)
      this.a = b
    }
    this.a[this.count * 2] = start
    this.a[this.count * 2 + 1] = end
    this.count++
  }

  start(i: number): number {
    return this.a[i * 2]
  }

  end(i: number): number {
    return this.a[i * 2 + 1]
  }
}

/** The position of each id among its messages (Go numbers ids 1..n, so usually a dense table). */
class IdIndex {
  private readonly dense?: Int32Array
  private readonly sparse?: Map<number, number>

  constructor(ids: Float64Array, what: string, r: WireReader, at: Ranges) {
    let max = 0
    for (const id of ids) max = Math.max(max, id)
    if (max <= ids.length * 4 + 1024) this.dense = new Int32Array(max + 1).fill(-1)
    else this.sparse = new Map()
    ids.forEach((id, i) => {
      if (this.at(id) >= 0) r.fail(`${what} id ${id} appears twice`, at.start(i))
      if (this.dense) this.dense[id] = i
      else this.sparse?.set(id, i)
    })
  }

  /** The position of `id`, or -1. */
  at(id: number): number {
    if (this.dense !== undefined) return id < this.dense.length ? this.dense[id] : -1
    return this.sparse?.get(id) ?? -1
  }
}

export interface Functions {
  index: IdIndex
  /** Per function message: its function in the shared tables. */
  shared: Int32Array
}

export function readFunctions(raw: Uint8Array, source: string, top: TopLevel, tables: ProfileTables): Functions {
  const { functions, strings } = top
  const ids = new Float64Array(functions.count)
  const shared = new Int32Array(functions.count)
  const r = new WireReader(raw, source, 0, 0)
  for (let i = 0; i < functions.count; i++) {
    r.reset(functions.start(i), functions.end(i))
    let name = 0
    let systemName = 0
    let file = 0
    while (r.pos < r.end) {
      const tag = r.tag()
      const field = tag >>> 3
      if (field >= 1 && field <= 4) r.expect(tag, VARINT, 'a function field')
      if (field === 1) ids[i] = r.id('function id')
      else if (field === 2) name = r.stringIndex(strings.length, 'function.name')
      else if (field === 3) systemName = r.stringIndex(strings.length, 'function.system_name')
      else if (field === 4) file = r.stringIndex(strings.length, 'function.filename')
      else r.skip(tag)
    }
    shared[i] = tables.functionId(strings[name], strings[file], strings[systemName])
  }
  return { index: new IdIndex(ids, 'function', r, functions), shared }
}

export interface Locations {
  index: IdIndex
  /** Location i's frames are frames[frameStart[i] .. frameStart[i + 1]), innermost (inlined) first. */
  frameStart: Int32Array
  frames: Int32Array
}

/** An unsymbolised location's address in hex, exact over all 64 bits. */
function hexAddress(lo: number, hi: number): string {
  return hi === 0 ? `0x${lo.toString(16)}` : `0x${hi.toString(16)}${lo.toString(16).padStart(8, '0')}`
}

export function readLocations(raw: Uint8Array, source: string, top: TopLevel, tables: ProfileTables, fns: Functions): Locations {
  const { locations } = top
  const ids = new Float64Array(locations.count)
  const frameStart = new Int32Array(locations.count + 1)
  let frames = new Int32Array(Math.max(64, locations.count * 2))
  let nFrames = 0
  const r = new WireReader(raw, source, 0, 0)
  const line = new WireReader(raw, source, 0, 0)
  for (let i = 0; i < locations.count; i++) {
    r.reset(locations.start(i), locations.end(i))
    frameStart[i] = nFrames
    let addressLo = 0
    let addressHi = 0
    while (r.pos < r.end) {
      const tag = r.tag()
      const field = tag >>> 3
      if (field === 1) {
        r.expect(tag, VARINT, 'location.id')
        ids[i] = r.id('location id')
      } else if (field === 3) {
        r.expect(tag, VARINT, 'location.address')
        addressLo = r.varint()
        addressHi = r.hi
      } else if (field === 4) {
        r.expect(tag, LEN, 'location.line')
        const end = r.lengthEnd()
        line.reset(r.pos, end)
        r.pos = end
        let fn = -1
        let at = line.pos
        let number = 0
        while (line.pos < end) {
          const t = line.tag()
          if (t >>> 3 === 1) {
            line.expect(t, VARINT, 'line.function_id')
            at = line.pos
            const id = line.id('function id')
            fn = fns.index.at(id)
            if (fn < 0) line.fail(`location message ${i} refers to function ${id}, which is missing (truncated?)`, at)
          } else if (t >>> 3 === 2) {
            line.expect(t, VARINT, 'line.line')
            number = line.int64()
          } else line.skip(t)
        }
        if (fn < 0) line.fail('a line of a location names no function', at)
        if (nFrames === frames.length) frames = grownInt32(frames)
        frames[nFrames++] = tables.frameId(fns.shared[fn], number)
      } else r.skip(tag)
    }
    if (nFrames === frameStart[i]) {
      // Never symbolised: pprof names such a frame by its address.
      if (nFrames === frames.length) frames = grownInt32(frames)
      frames[nFrames++] = tables.frameId(tables.functionId(hexAddress(addressLo, addressHi), '', '', true), 0)
    }
  }
  frameStart[locations.count] = nFrames
  return { index: new IdIndex(ids, 'location', r, locations), frameStart, frames }
}

/** Interns label sets by their keys and values in order. */
class LabelSets {
  readonly sets: Label[][] = [[]]
  private readonly ids = new Map<string, number>([['', 0]])

  id(labels: Label[]): number {
    const key = labels.map((l) => `${l.key}\u0000${l.value}`).join('\u0000')
    let id = this.ids.get(key)
    if (id === undefined) {
      id = this.sets.length
      this.sets.push(labels)
      this.ids.set(key, id)
    }
    return id
  }
}

/** A label message's string label; undefined for a numeric one. */
function readLabel(r: WireReader, strings: string[]): Label | undefined {
  const end = r.lengthEnd()
  const outer = r.end
  r.end = end
  let key = 0
  let value = 0
  while (r.pos < end) {
    const tag = r.tag()
    const field = tag >>> 3
    if (field === 1) (r.expect(tag, VARINT, 'label.key'), (key = r.stringIndex(strings.length, 'label.key')))
    else if (field === 2) (r.expect(tag, VARINT, 'label.str'), (value = r.stringIndex(strings.length, 'label.str')))
    else r.skip(tag)
  }
  r.end = outer
  return value === 0 ? undefined : { key: strings[key], value: strings[value] }
}

/**
 * Moves a cursor over the profile's top level to the next sample message: returns where it ends, with
 * the cursor at its start. The first pass checked the top level, so the samples it counted are there.
 */
function nextSample(cursor: WireReader): number {
  for (;;) {
    const tag = cursor.tag()
    if (tag >>> 3 === 2) return cursor.lengthEnd()
    cursor.skip(tag)
  }
}

export interface Samples {
  stacks: Int32Array
  values: Float64Array[]
  labelSets: Label[][]
  sampleLabels?: Int32Array
}

export function readSamples(raw: Uint8Array, source: string, top: TopLevel, tables: ProfileTables, locs: Locations, types: number): Samples {
  const { strings } = top
  const n = top.sampleCount
  const stacks = new Int32Array(n)
  const values = Array.from({ length: types }, () => new Float64Array(n))
  const { frameStart, frames, index } = locs
  const labelSets = new LabelSets()
  let sampleLabels: Int32Array | undefined
  const r = new WireReader(raw, source, 0, 0)
  const cursor = new WireReader(raw, source, 0, raw.length)
  let stack = new Int32Array(64)
  for (let s = 0; s < n; s++) {
    const end = nextSample(cursor)
    const start = cursor.pos
    cursor.pos = end
    r.reset(start, end)
    let depth = 0
    let nValues = 0
    let labels: Label[] | undefined
    while (r.pos < r.end) {
      const tag = r.tag()
      const field = tag >>> 3
      if (field === 1 || field === 2) {
        const what = field === 1 ? 'sample.location_id' : 'sample.value'
        const end = packedEnd(r, tag, VARINT, what)
        // Unpacked (end < 0): the one value here, which takes at least a byte. Packed: the reader ends
        // with the field, so no varint runs across into the next one. Inlined: this is the hot loop.
        const outer = r.end
        const stop = end < 0 ? r.pos + 1 : end
        if (end >= 0) r.end = end
        while (r.pos < stop) {
          if (field === 1) {
            const at = r.pos
            const id = r.id('location id')
            const loc = index.at(id)
            if (loc < 0) r.fail(`sample ${s} refers to location ${id}, which is missing (truncated?)`, at)
            if (depth === stack.length) stack = grownInt32(stack)
            stack[depth++] = loc
          } else {
            const v = r.int64()
            if (nValues < types) values[nValues][s] = v
            nValues++
          }
        }
        r.end = outer
      } else if (field === 3) {
        r.expect(tag, LEN, 'sample.label')
        const label = readLabel(r, strings)
        if (label) (labels ??= []).push(label)
      } else r.skip(tag)
    }
    if (nValues !== types) r.fail(`sample ${s} has ${nValues} values for ${types} sample types`, start)
    let node = ROOT
    for (let i = depth - 1; i >= 0; i--) {
      const loc = stack[i]
      for (let j = frameStart[loc + 1] - 1; j >= frameStart[loc]; j--) node = tables.child(node, frames[j])
    }
    stacks[s] = node
    if (labels) (sampleLabels ??= new Int32Array(n))[s] = labelSets.id(labels)
  }
  return { stacks, values, labelSets: labelSets.sets, ...(sampleLabels ? { sampleLabels } : {}) }
}
