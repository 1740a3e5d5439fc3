import { readFile } from 'node:fs/promises'
import { gunzipSync } from 'node:zlib'

import { Profile } from 'pprof-format'

// A deliberately small reader of Go heap profiles, independent of src/parse, so fixture tests have their
// own oracle.

export interface Frame {
  function: string
  file: string
  line: number
}

export interface HeapSample {
  /** Leaf first; inlined frames expanded, innermost first. */
  stack: Frame[]
  /** Values by sample type: alloc_objects, alloc_space, inuse_objects, inuse_space. */
  values: Record<string, number>
}

export async function readHeapProfile(path: string): Promise<HeapSample[]> {
  const profile = Profile.decode(gunzipSync(await readFile(path)))
  const str = (i: number | bigint) => profile.stringTable.strings[Number(i)] ?? ''
  const types = profile.sampleType.map((t) => str(t.type))
  const functions = new Map(profile.function.map((f) => [Number(f.id), f]))
  const locations = new Map(
    profile.location.map((loc) => [
      Number(loc.id),
      loc.line.map((ln): Frame => {
        const fn = functions.get(Number(ln.functionId))
        return { function: fn ? str(fn.name) : '?', file: fn ? str(fn.filename) : '?', line: Number(ln.line) }
      })
    ])
  )
  return profile.sample.map((s) => ({
    stack: s.locationId.flatMap((id) => locations.get(Number(id)) ?? []),
    values: Object.fromEntries(types.map((t, i) => [t, Number(s.value[i] ?? 0)]))
  }))
}

/** Sum of one sample type over the samples whose stack has a frame that matches. */
export function sumWhere(samples: HeapSample[], type: string, match: (f: Frame) => boolean): number {
  let total = 0
  for (const s of samples) if (s.stack.some(match)) total += s.values[type] ?? 0
  return total
}

/** Sum of one sample type over the samples whose leaf frame matches. */
export function sumAtLeaf(samples: HeapSample[], type: string, match: (f: Frame) => boolean): number {
  let total = 0
  for (const s of samples) if (s.stack.length > 0 && match(s.stack[0])) total += s.values[type] ?? 0
  return total
}

/** Leaf sites (file:line) by one sample type, largest first. */
export function leafSites(samples: HeapSample[], type: string): { frame: Frame; value: number }[] {
  const sites = new Map<string, { frame: Frame; value: number }>()
  for (const s of samples) {
    const leaf = s.stack[0]
    if (!leaf) continue
    const key = `${leaf.file}:${leaf.line}`
    const site = sites.get(key) ?? { frame: leaf, value: 0 }
    site.value += s.values[type] ?? 0
    sites.set(key, site)
  }
  return [...sites.values()].filter((s) => s.value > 0).sort((a, b) => b.value - a.value)
}
