import { gunzipSync } from 'node:zlib'
import { Profile } from 'pprof-format'
import type { CompactProfile, Label } from '../../src/profile/index.js'
import type { RawSample } from './oracle.js'

// The same profile seen three ways, in one shape, so tests compare them: as the engine decodes it, as
// pprof-format decodes it, and (see oracle.ts) as go tool pprof -raw prints it.

/** pprof's rendering of string labels: `key:[v1 v2]` per key, sorted, joined by spaces. */
export function labelText(labels: Label[]): string {
  const byKey = new Map<string, string[]>()
  for (const l of labels) byKey.set(l.key, [...(byKey.get(l.key) ?? []), l.value])
  return [...byKey].map(([k, v]) => `${k}:[${v.join(' ')}]`).sort().join(' ')
}

export function engineSamples(p: CompactProfile): RawSample[] {
  const { tables } = p
  return Array.from(p.stacks, (node, s) => ({
    values: p.values.map((v) => v[s]),
    stack: tables.stackFrames(node).map((frame) => {
      const f = tables.functions[tables.frameFunction[frame]]
      return `${f.name} ${f.file}:${tables.frameLine[frame]}`
    }),
    labels: labelText(p.labelSets[p.sampleLabels?.[s] ?? 0])
  }))
}

/** pprof-format's integers are number | bigint, negative int64s as unsigned bigints. */
function num(v: number | bigint): number {
  return typeof v === 'number' ? v : Number(BigInt.asIntN(64, v))
}

export interface ReferenceProfile {
  sampleTypes: { type: string; unit: string }[]
  periodType?: { type: string; unit: string }
  period: number
  timeNanos: number
  durationNanos: number
  defaultSampleType: string
  samples: RawSample[]
}

export function referenceDecode(gz: Uint8Array): ReferenceProfile {
  const proto = Profile.decode(gunzipSync(gz))
  const str = (i: number | bigint): string => proto.stringTable.strings[num(i)]
  const functions = new Map(proto.function.map((f) => [num(f.id), f]))
  const locations = new Map(
    proto.location.map((l) => [
      num(l.id),
      l.line.map((line) => {
        const f = functions.get(num(line.functionId))
        if (f === undefined) throw new Error(`location ${l.id} names a missing function`)
        return `${str(f.name)} ${str(f.filename)}:${num(line.line)}`
      })
    ])
  )
  const valueType = (t: { type: number | bigint; unit: number | bigint }): { type: string; unit: string } => ({ type: str(t.type), unit: str(t.unit) })
  return {
    sampleTypes: proto.sampleType.map(valueType),
    ...(proto.periodType ? { periodType: valueType(proto.periodType) } : {}),
    period: num(proto.period),
    timeNanos: num(proto.timeNanos),
    durationNanos: num(proto.durationNanos),
    defaultSampleType: str(proto.defaultSampleType),
    samples: proto.sample.map((s) => ({
      values: s.value.map(num),
      stack: s.locationId.flatMap((id) => locations.get(num(id)) ?? [`missing ${id}`]),
      labels: labelText(s.label.filter((l) => num(l.str) !== 0).map((l) => ({ key: str(l.key), value: str(l.str) })))
    }))
  }
}
