import { ProfileError } from './errors.js'
import type { CompactProfile, SampleType } from './decode.js'
import type { ProfileTables } from './tables.js'

/**
 * Values per stack of one profile or of several merged: for each sample type, the sum of the samples at
 * each node of the shared trie (its own samples, not its callees'). Nodes the trie gained after this was
 * made read as 0 (the arrays are shorter than the trie).
 */
export interface StackProfile {
  tables: ProfileTables
  sampleTypes: SampleType[]
  values: Float64Array[]
  /** The profiles that went in, for messages. */
  sources: string[]
}

export interface WeightedProfile {
  profile: CompactProfile
  /** Each sample's values are multiplied by this (1 unless given). */
  scale?: number
}

function describe(types: SampleType[]): string {
  return types.map((t) => `${t.type}/${t.unit}`).join(', ')
}

/** The index of `type` in a profile's sample types; a ProfileError naming what it has otherwise. */
export function sampleTypeIndex(p: { sampleTypes: SampleType[]; sources?: string[]; source?: string }, type: string): number {
  const i = p.sampleTypes.findIndex((t) => t.type === type)
  if (i < 0) throw new ProfileError(p.source ?? p.sources?.join(', ') ?? 'profile', `has no sample type ${type} (it has ${describe(p.sampleTypes)})`)
  return i
}

/**
 * Sums profiles stack by stack, as `go tool pprof` merges the files it is given. Every profile must come
 * from `tables` and have the chosen sample types (the first profile's, unless `sampleTypes` names them),
 * in the same units. No input gives zeros, which is what a side without profiles weighs.
 */
export function mergeProfiles(tables: ProfileTables, inputs: WeightedProfile[], opts: { sampleTypes?: string[] } = {}): StackProfile {
  const names = opts.sampleTypes ?? inputs[0]?.profile.sampleTypes.map((t) => t.type) ?? []
  const values = names.map(() => new Float64Array(tables.nodeCount))
  let types: SampleType[] | undefined
  for (const { profile, scale = 1 } of inputs) {
    if (profile.tables !== tables) throw new ProfileError(profile.source, 'was decoded with other tables than the profiles it is merged with')
    const at = names.map((name) => sampleTypeIndex(profile, name))
    const mine = at.map((i) => profile.sampleTypes[i])
    types ??= mine
    if (describe(mine) !== describe(types)) {
      throw new ProfileError(profile.source, `has sample types ${describe(mine)}, unlike ${describe(types)} of the profiles it is merged with`)
    }
    const stacks = profile.stacks
    at.forEach((i, k) => {
      const from = profile.values[i]
      const to = values[k]
      for (let s = 0; s < stacks.length; s++) to[stacks[s]] += from[s] * scale
    })
  }
  return { tables, sampleTypes: types ?? names.map((type) => ({ type, unit: '' })), values, sources: inputs.map((i) => i.profile.source) }
}

export interface Run {
  profile: CompactProfile
  /** b.N of the benchmark run that wrote the profile. */
  iterations: number
}

/**
 * The mean per op over the runs: each run's values divided by its iterations, averaged over the runs
 * (a run that did no iteration says nothing per op and is left out), so runs with different b.N compare.
 */
export function perOpMean(tables: ProfileTables, runs: Run[], opts: { sampleTypes?: string[] } = {}): StackProfile {
  const used = runs.filter((r) => r.iterations > 0)
  return mergeProfiles(
    tables,
    used.map((r) => ({ profile: r.profile, scale: 1 / r.iterations / used.length })),
    opts
  )
}

/** head - base, stack by stack: `go tool pprof -diff_base=base head`. */
export function diffProfiles(head: StackProfile, base: StackProfile): StackProfile {
  if (head.tables !== base.tables) throw new ProfileError(head.sources.join(', '), 'cannot be diffed against profiles decoded with other tables')
  if (describe(head.sampleTypes) !== describe(base.sampleTypes)) {
    throw new ProfileError(head.sources.join(', '), `has sample types ${describe(head.sampleTypes)}, the base has ${describe(base.sampleTypes)}`)
  }
  const values = head.values.map((h, k) => {
    const b = base.values[k]
    const d = new Float64Array(Math.max(h.length, b.length))
    d.set(h)
    for (let n = 0; n < b.length; n++) d[n] -= b[n]
    return d
  })
  return { tables: head.tables, sampleTypes: head.sampleTypes, values, sources: [...head.sources, ...base.sources.map((s) => `-${s}`)] }
}

/** The total of one sample type: what pprof's header calls "of N total". */
export function totalOf(p: StackProfile, type: string): number {
  let sum = 0
  for (const v of p.values[sampleTypeIndex(p, type)]) sum += v
  return sum
}
