import type { SampleType } from '../parse/pprof.js'
import { ProfileDecodeError } from './errors.js'
import { MAX_PROFILE_BYTES, profileBytes } from './inflate.js'
import { readFunctions, readLocations, readSamples, Ranges, type Label, type TopLevel } from './messages.js'
import { ProfileTables } from './tables.js'
import { LEN, VARINT, WireReader } from './wire.js'

export type { SampleType }

/**
 * The most sample values (samples x sample types) a profile may hold: 2^25, a 256 MiB Float64Array.
 * A heap profile of a million stacks holds 4M. Each value can cost a single byte of protobuf, so
 * without this a 256 MiB profile (from a gzip of a few hundred KiB) could ask for 2 GiB of arrays.
 */
export const MAX_SAMPLE_VALUES = 2 ** 25

/**
 * The most strings, locations, functions or sample types a profile may have: 2^22 of each. A large Go
 * binary's CPU profile has some 10^5 locations; an empty message is two bytes, so without a bound a
 * 256 MiB profile could list 10^8 of them, each costing far more than its two bytes.
 */
export const MAX_TABLE_ENTRIES = 2 ** 22

/** A string label of a sample (pprof.Do labels on goroutine and CPU profiles). */
/**
 * One decoded profile: each sample is its stack (a node of `tables`' trie) and its values, one typed
 * array per sample type, so a profile of a million samples is a few flat arrays rather than a million
 * objects. Numeric labels (heap profiles' `bytes`) are not kept: no query needs them.
 */
export interface CompactProfile {
  source: string
  tables: ProfileTables
  sampleTypes: SampleType[]
  /** '' when the profile names none (pprof then shows the last sample type). */
  defaultSampleType: string
  periodType?: SampleType
  period: number
  timeNanos: number
  durationNanos: number
  /** Per sample: the trie node of its leaf frame (ROOT for a sample without locations). */
  stacks: Int32Array
  /** Per sample type, per sample. */
  values: Float64Array[]
  /** Distinct label sets; entry 0 is the empty set. */
  labelSets: Label[][]
  /** Per sample: its label set; absent when no sample has a string label. */
  sampleLabels?: Int32Array
}

export interface DecodeOptions {
  /** Share tables between the profiles that will be merged or diffed. */
  tables?: ProfileTables
  /** The most the profile may gunzip to; MAX_PROFILE_BYTES unless given. */
  maxBytes?: number
}

/**
 * Decodes a pprof profile, gzipped (as Go writes it) or not. Throws ProfileDecodeError on bad input; a
 * profile refused half-way may leave functions, frames and trie nodes in shared tables, which hold no
 * values and so change no sum.
 */
export function decodePprof(data: Uint8Array, source: string, opts: DecodeOptions = {}): CompactProfile {
  const raw = profileBytes(data, source, opts.maxBytes ?? MAX_PROFILE_BYTES)
  return decodeProto(raw, source, opts.tables ?? new ProfileTables())
}


/** A ValueType message: [type, unit] string indexes, and where it was, for errors. */
function valueType(r: WireReader): [number, number, number] {
  const at = r.pos
  const end = r.lengthEnd()
  const m = new WireReader(r.buf, r.source, r.pos, end)
  let type = 0
  let unit = 0
  while (m.pos < end) {
    const tag = m.tag()
    if (tag >>> 3 === 1) (m.expect(tag, VARINT, 'value_type.type'), (type = m.int64()))
    else if (tag >>> 3 === 2) (m.expect(tag, VARINT, 'value_type.unit'), (unit = m.int64()))
    else m.skip(tag)
  }
  r.pos = end
  return [type, unit, at]
}

type Scalar = 'timeNanos' | 'durationNanos' | 'period' | 'defaultSampleType'

/** The int64 fields of Profile the gate keeps, by field number, with their names in profile.proto. */
const SCALARS = new Map<number, [Scalar, string]>([
  [9, ['timeNanos', 'time_nanos']],
  [10, ['durationNanos', 'duration_nanos']],
  [12, ['period', 'period']],
  [14, ['defaultSampleType', 'default_sample_type']]
])

/** Repeated message fields located in the first pass, by field number. */
const LOCATED = new Map<number, ['locations' | 'functions', string]>([
  [4, ['locations', 'location']],
  [5, ['functions', 'function']]
])

/**
 * First pass: strings, sample types and scalars are read; locations and functions are only located and
 * samples counted, because Go writes samples before the locations and functions they refer to, and
 * strings last.
 */
function scan(r: WireReader): TopLevel {
  const top: TopLevel = {
    strings: [],
    sampleTypes: [],
    period: 0,
    timeNanos: 0,
    durationNanos: 0,
    defaultSampleType: 0,
    sampleCount: 0,
    locations: new Ranges(),
    functions: new Ranges()
  }
  const room = (n: number, what: string): void => {
    if (n >= MAX_TABLE_ENTRIES) r.fail(`more than ${MAX_TABLE_ENTRIES} ${what}: more than a profile may hold`)
  }
  while (r.pos < r.end) {
    const tag = r.tag()
    const field = tag >>> 3
    const located = LOCATED.get(field)
    const scalar = SCALARS.get(field)
    if (field === 2) {
      r.expect(tag, LEN, 'sample')
      r.pos = r.lengthEnd()
      top.sampleCount++
    } else if (located !== undefined) {
      r.expect(tag, LEN, located[1])
      room(top[located[0]].count, located[0])
      const end = r.lengthEnd()
      top[located[0]].push(r.pos, end)
      r.pos = end
    } else if (scalar !== undefined) {
      r.expect(tag, VARINT, scalar[1])
      top[scalar[0]] = r.int64()
    } else if (field === 6) {
      r.expect(tag, LEN, 'string_table')
      room(top.strings.length, 'strings')
      top.strings.push(r.string())
    } else if (field === 1 || field === 11) {
      r.expect(tag, LEN, field === 1 ? 'sample_type' : 'period_type')
      room(top.sampleTypes.length, 'sample types')
      const t = valueType(r)
      if (field === 1) top.sampleTypes.push(t)
      else top.periodType = t
    } else r.skip(tag)
  }
  return top
}

function decodeProto(raw: Uint8Array, source: string, tables: ProfileTables): CompactProfile {
  const r = new WireReader(raw, source, 0, raw.length)
  const top = scan(r)
  const { strings } = top
  if (top.sampleTypes.length === 0) throw new ProfileDecodeError(source, raw.length, 'not a pprof profile: it has no sample types')
  if (strings.length === 0 || strings[0] !== '') {
    throw new ProfileDecodeError(source, raw.length, 'not a pprof profile: its string table does not start with ""')
  }
  const str = (i: number, at: number, what: string): string => {
    if (i < 0 || i >= strings.length) throw new ProfileDecodeError(source, at, `${what} names string ${i}, beyond the string table of ${strings.length}`)
    return strings[i]
  }
  const valueTypeOf = ([type, unit, at]: [number, number, number], what: string): SampleType => ({
    type: str(type, at, what),
    unit: str(unit, at, what)
  })
  const sampleTypes = top.sampleTypes.map((t) => valueTypeOf(t, 'a sample type'))
  const values = top.sampleCount * sampleTypes.length
  if (values > MAX_SAMPLE_VALUES) {
    throw new ProfileDecodeError(source, 0, `${top.sampleCount} samples of ${sampleTypes.length} sample types are more values than a profile may hold (${MAX_SAMPLE_VALUES})`)
  }
  const functions = readFunctions(raw, source, top, tables)
  const locations = readLocations(raw, source, top, tables, functions)
  const samples = readSamples(raw, source, top, tables, locations, sampleTypes.length)
  return {
    source,
    tables,
    sampleTypes,
    defaultSampleType: str(top.defaultSampleType, 0, 'default_sample_type'),
    ...(top.periodType ? { periodType: valueTypeOf(top.periodType, 'period_type') } : {}),
    period: top.period,
    timeNanos: top.timeNanos,
    durationNanos: top.durationNanos,
    ...samples
  }
}
