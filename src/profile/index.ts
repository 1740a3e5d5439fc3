// The profile engine: decode a pprof profile once into a compact form, merge runs, scale per op, diff
// head against base, and answer attribution tables and flame graphs. Pure: bytes in, data out.
export { ProfileDecodeError, ProfileError } from './errors.js'
export { MAX_PROFILE_BYTES } from './inflate.js'
export { decodePprof, MAX_SAMPLE_VALUES, MAX_TABLE_ENTRIES, type CompactProfile, type DecodeOptions, type SampleType } from './decode.js'
export type { Label } from './messages.js'
export { ProfileTables, ROOT, type FunctionInfo } from './tables.js'
export { diffProfiles, mergeProfiles, perOpMean, sampleTypeIndex, totalOf, type Run, type StackProfile, type WeightedProfile } from './aggregate.js'
export { frameTotals, rankFrames, topFrames, type FrameRow, type FrameTotals, type Granularity, type TopOptions } from './frames.js'
export { heapSitesOf, ModuleFrames, sourceFrame } from './sites.js'
export { flameGraph, type FlameGraph, type FlameNode } from './flame.js'
