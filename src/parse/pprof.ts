import { gunzipSync } from 'node:zlib'
import { Profile } from 'pprof-format'
import { inModule, type SourceFrame } from './gofunc.js'

/** A memory or other profile that could not be read; `source` names the file or run it came from. */
export class ProfileError extends Error {
  override readonly name = 'ProfileError'
  constructor(
    readonly source: string,
    message: string
  ) {
    super(`${source}: ${message}`)
  }
}

export interface SampleType {
  type: string
  unit: string
}

/** A decoded pprof profile whose references (strings, locations, functions) have been checked. */
export interface PprofProfile {
  source: string
  sampleTypes: SampleType[]
  /** The protobuf as pprof-format decodes it: ids and values are number | bigint. */
  proto: Profile
}

export interface HeapValues {
  allocObjects: number
  allocBytes: number
  inuseObjects: number
  inuseBytes: number
}

/**
 * One allocation site: the leaf frame (the innermost, possibly inlined, function that allocated)
 * with the values of every sample allocated there.
 */
export interface HeapSite extends HeapValues, SourceFrame {
  /** When the allocating frame is outside the module: the first frame up the stack inside it. */
  caller?: SourceFrame
}

export interface HeapSites {
  totals: HeapValues
  /** Largest in-use bytes first, then largest allocated bytes. */
  sites: HeapSite[]
}

/**
 * The most a profile may inflate to. A heap profile of a large service is a few MB of protobuf; 256 MiB is
 * ample for any real one, yet a gzip bomb (1 MB that inflates 1000-fold) is stopped there instead of taking
 * the process's memory: a profile comes from the code under test, or from a result made elsewhere.
 */
export const MAX_PROFILE_BYTES = 256 * 1024 * 1024

const GZIP_MAGIC_0 = 0x1f
const GZIP_MAGIC_1 = 0x8b
const HEAP_SAMPLE_TYPES = ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'] as const

/** pprof-format returns large varints as bigint, and negative int64s as their unsigned bigint form. */
function toInt(v: number | bigint): number {
  return typeof v === 'number' ? v : Number(BigInt.asIntN(64, v))
}

/**
 * Decodes a (gzipped, as Go writes it, or plain) pprof protobuf and checks its cross-references. `maxBytes`
 * bounds the profile before and after inflating (default MAX_PROFILE_BYTES).
 */
export function decodeProfile(data: Uint8Array, source: string, maxBytes = MAX_PROFILE_BYTES): PprofProfile {
  if (data.length > maxBytes) throw new ProfileError(source, `${data.length} bytes: larger than the ${maxBytes} a profile may be`)
  let raw = data
  if (data.length >= 2 && data[0] === GZIP_MAGIC_0 && data[1] === GZIP_MAGIC_1) {
    try {
      raw = gunzipSync(data, { maxOutputLength: maxBytes })
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ProfileError(source, `inflates to more than ${maxBytes} bytes: not a profile Go writes (a gzip bomb?)`)
      }
      throw new ProfileError(source, `truncated or corrupt gzip data (${errorText(err)})`)
    }
  }
  let proto: Profile
  try {
    proto = Profile.decode(raw)
  } catch (err) {
    throw new ProfileError(source, `not a pprof profile: the protobuf does not decode (${errorText(err)})`)
  }
  return { source, sampleTypes: checkProfile(proto, source), proto }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/**
 * The protobuf decoder accepts most byte strings (truncated fields are cut short, not refused), so a
 * profile is only trusted once every index it holds points at something that exists.
 */
function checkProfile(proto: Profile, source: string): SampleType[] {
  const strings = proto.stringTable.strings
  if (proto.sampleType.length === 0) throw new ProfileError(source, 'not a pprof profile: it has no sample types')
  if (strings.length === 0 || strings[0] !== '') {
    throw new ProfileError(source, 'not a pprof profile: its string table does not start with ""')
  }
  const text = (index: number | bigint, what: string): string => {
    const i = toInt(index)
    if (i < 0 || i >= strings.length) throw new ProfileError(source, `${what} names string ${i}, beyond the string table`)
    return strings[i]
  }
  const sampleTypes = proto.sampleType.map((t) => ({ type: text(t.type, 'a sample type'), unit: text(t.unit, 'a sample type') }))
  for (const fn of proto.function) {
    text(fn.name, `function ${fn.id}`)
    text(fn.filename, `function ${fn.id}`)
  }
  const functionAt = positionsById(proto.function.map((f) => toInt(f.id)))
  for (const loc of proto.location) {
    for (const line of loc.line) {
      if (functionAt(toInt(line.functionId)) < 0) {
        throw new ProfileError(source, `location ${loc.id} refers to function ${line.functionId}, which is missing (truncated?)`)
      }
    }
  }
  const locationAt = positionsById(proto.location.map((l) => toInt(l.id)))
  for (const sample of proto.sample) {
    if (sample.value.length !== sampleTypes.length) {
      throw new ProfileError(source, `a sample has ${sample.value.length} values for ${sampleTypes.length} sample types`)
    }
    for (const id of sample.locationId) {
      if (locationAt(toInt(id)) < 0) throw new ProfileError(source, `a sample refers to location ${id}, which is missing (truncated?)`)
    }
  }
  return sampleTypes
}

/** Maps ids to array positions; Go numbers ids 1..n, so a typed array usually does it. */
function positionsById(ids: number[]): (id: number) => number {
  const max = ids.reduce((m, id) => Math.max(m, id), 0)
  if (max <= ids.length * 4 + 1024) {
    const table = new Int32Array(max + 1).fill(-1)
    ids.forEach((id, i) => {
      if (id >= 0) table[id] = i
    })
    return (id) => (id >= 0 && id <= max ? table[id] : -1)
  }
  const map = new Map<number, number>()
  ids.forEach((id, i) => map.set(id, i))
  return (id) => map.get(id) ?? -1
}

/**
 * Aggregates a heap (-test.memprofile, /debug/pprof/heap or allocs) profile by allocation site.
 * With modulePath, a site outside the module is split by its first caller inside the module, so
 * the two callers of bytes.growSlice stay two sites. Samples whose values are all zero (stacks the
 * runtime still lists after their memory is gone) make no site.
 */
export function heapSites(profile: PprofProfile, opts: { modulePath?: string } = {}): HeapSites {
  const { proto, source } = profile
  const [iAllocObjects, iAllocBytes, iInuseObjects, iInuseBytes] = heapSampleIndexes(profile.sampleTypes, source)
  const modulePath = opts.modulePath ?? ''
  const strings = proto.stringTable.strings

  const functionAt = positionsById(proto.function.map((f) => toInt(f.id)))
  const functionInModule = proto.function.map((f) => inModule(strings[toInt(f.name)], modulePath))

  // A frame is a distinct (function, line) pair; sites are keyed by frame numbers so that the
  // per-sample loop builds no strings.
  const frameFunction: number[] = []
  const frameLine: number[] = []
  const frameByFunctionLine = new Map<number, Map<number, number>>()
  const frameOf = (fnPosition: number, line: number): number => {
    let byLine = frameByFunctionLine.get(fnPosition)
    if (byLine === undefined) {
      byLine = new Map()
      frameByFunctionLine.set(fnPosition, byLine)
    }
    let frame = byLine.get(line)
    if (frame === undefined) {
      frame = frameFunction.length
      frameFunction.push(fnPosition)
      frameLine.push(line)
      byLine.set(line, frame)
    }
    return frame
  }

  const locationAt = positionsById(proto.location.map((l) => toInt(l.id)))
  // Per location: its leaf frame, the first in-module frame among its inlined callers (line[1..]),
  // and the first in-module frame among all its lines; -1 when there is none.
  const leafFrame: number[] = []
  const moduleFrameAboveLeaf: number[] = []
  const moduleFrame: number[] = []
  for (const loc of proto.location) {
    let above = -1
    let any = -1
    loc.line.forEach((line, depth) => {
      const fn = functionAt(toInt(line.functionId))
      const frame = frameOf(fn, toInt(line.line))
      if (depth === 0) leafFrame.push(frame)
      if (fn >= 0 && functionInModule[fn]) {
        if (any < 0) any = frame
        if (depth > 0 && above < 0) above = frame
      }
    })
    // A location that was never symbolised has no lines: it becomes a frame named by its address,
    // recorded as function -1 with the location's position in place of a line number.
    if (loc.line.length === 0) leafFrame.push(frameOf(-1, leafFrame.length))
    moduleFrameAboveLeaf.push(above)
    moduleFrame.push(any)
  }

  const totals: HeapValues = { allocObjects: 0, allocBytes: 0, inuseObjects: 0, inuseBytes: 0 }
  const byKey = new Map<number, HeapValues & { leaf: number; caller: number }>()
  const keyStride = frameFunction.length + 1
  for (const sample of proto.sample) {
    const v = sample.value
    const allocObjects = toInt(v[iAllocObjects])
    const allocBytes = toInt(v[iAllocBytes])
    const inuseObjects = toInt(v[iInuseObjects])
    const inuseBytes = toInt(v[iInuseBytes])
    totals.allocObjects += allocObjects
    totals.allocBytes += allocBytes
    totals.inuseObjects += inuseObjects
    totals.inuseBytes += inuseBytes
    const ids = sample.locationId
    if (ids.length === 0 || (allocObjects === 0 && allocBytes === 0 && inuseObjects === 0 && inuseBytes === 0)) continue

    const leafLocation = locationAt(toInt(ids[0]))
    if (leafLocation < 0) throw new ProfileError(source, `a sample refers to location ${ids[0]}, which is missing`)
    const leaf = leafFrame[leafLocation]
    let caller = -1
    const leafFunction = frameFunction[leaf]
    if (modulePath !== '' && !(leafFunction >= 0 && functionInModule[leafFunction])) {
      caller = moduleFrameAboveLeaf[leafLocation]
      for (let j = 1; caller < 0 && j < ids.length; j++) {
        const at = locationAt(toInt(ids[j]))
        if (at >= 0) caller = moduleFrame[at]
      }
    }
    const key = leaf * keyStride + caller + 1
    const site = byKey.get(key)
    if (site === undefined) {
      byKey.set(key, { allocObjects, allocBytes, inuseObjects, inuseBytes, leaf, caller })
    } else {
      site.allocObjects += allocObjects
      site.allocBytes += allocBytes
      site.inuseObjects += inuseObjects
      site.inuseBytes += inuseBytes
    }
  }

  const frameAt = (frame: number): SourceFrame => {
    const f = proto.function[frameFunction[frame]]
    if (f !== undefined) return { function: strings[toInt(f.name)], file: strings[toInt(f.filename)], line: frameLine[frame] }
    const address = toInt(proto.location[frameLine[frame]]?.address ?? 0)
    return { function: `0x${address.toString(16)}`, file: '', line: 0 }
  }
  // Distinct function ids may share a name and file (merged profiles): merge by name once per site.
  const sites = new Map<string, HeapSite>()
  for (const s of byKey.values()) {
    const at = frameAt(s.leaf)
    const caller = s.caller >= 0 ? frameAt(s.caller) : undefined
    const name = `${at.function}\0${at.file}\0${at.line}` + (caller ? `\0${caller.function}\0${caller.file}\0${caller.line}` : '')
    const site = sites.get(name)
    if (site === undefined) {
      const values = { allocObjects: s.allocObjects, allocBytes: s.allocBytes, inuseObjects: s.inuseObjects, inuseBytes: s.inuseBytes }
      sites.set(name, caller === undefined ? { ...at, ...values } : { ...at, ...values, caller })
    } else {
      site.allocObjects += s.allocObjects
      site.allocBytes += s.allocBytes
      site.inuseObjects += s.inuseObjects
      site.inuseBytes += s.inuseBytes
    }
  }
  return { totals, sites: [...sites.values()].sort(bySiteRank) }
}

/** Where a heap profile keeps alloc_objects, alloc_space, inuse_objects and inuse_space; refuses other profiles. */
export function heapSampleIndexes(sampleTypes: SampleType[], source: string): [number, number, number, number] {
  const names = sampleTypes.map((t) => t.type)
  const [a, b, c, d] = HEAP_SAMPLE_TYPES.map((type) => names.indexOf(type))
  if (a < 0 || b < 0 || c < 0 || d < 0) {
    const have = sampleTypes.map((t) => `${t.type}/${t.unit}`).join(', ')
    throw new ProfileError(source, `not a heap profile: sample types are ${have}, expected ${HEAP_SAMPLE_TYPES.join(', ')}`)
  }
  return [a, b, c, d]
}

/** The order of HeapSites.sites: largest in-use bytes first, then largest allocated bytes, then by name. */
export function bySiteRank(a: HeapSite, b: HeapSite): number {
  return (
    b.inuseBytes - a.inuseBytes ||
    b.allocBytes - a.allocBytes ||
    a.function.localeCompare(b.function) ||
    a.file.localeCompare(b.file) ||
    a.line - b.line
  )
}
