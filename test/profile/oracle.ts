import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// Readers of go tool pprof's text output, the oracle the engine is checked against; and the recorded
// profiles that scripts/record-profiles.sh wrote with each Go release.

export const RECORDED_PROFILES = fileURLToPath(new URL('../fixtures/recorded-profiles/', import.meta.url))
export const OLDER_RECORDED = fileURLToPath(new URL('../fixtures/recorded/', import.meta.url))

/** The Go releases profiles were recorded with: go1.26, go1.27. */
export function recordedVersions(): string[] {
  return readdirSync(RECORDED_PROFILES).filter((d) => /^go\d+\.\d+$/.test(d))
}

export function recorded(version: string, name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(RECORDED_PROFILES, version, name)))
}

export function recordedText(version: string, name: string): string {
  return readFileSync(join(RECORDED_PROFILES, version, name), 'utf8')
}

/** Every heap profile on record: the ones above and the older ones from test/fixtures/recorded. */
export function allHeapProfiles(): { name: string; bytes: Uint8Array }[] {
  const out = recordedVersions().flatMap((v) => ['heap-base.pprof', 'heap-head.pprof'].map((f) => ({ name: `${v}/${f}`, bytes: recorded(v, f) })))
  for (const f of readdirSync(OLDER_RECORDED).filter((f) => f.endsWith('.pprof'))) {
    out.push({ name: `recorded/${f}`, bytes: new Uint8Array(readFileSync(join(OLDER_RECORDED, f))) })
  }
  return out
}

export interface TopRow {
  flat: number
  cum: number
}

/** A value as -top prints it with -unit=B or -unit=ns (or a plain count). */
function topValue(text: string): number {
  const m = /^(-?\d+)(B|ns)?$/.exec(text)
  if (m === null) throw new Error(`not a -top value in base units: ${text}`)
  return Number(m[1])
}

/**
 * `go tool pprof -top`: the total ("of N total", for a diff the base's) and flat and cum per function.
 * pprof marks a function all of whose calls were inlined with " (inline)"; the name is the function's.
 */
export function parseTop(text: string): { total: number; rows: Map<string, TopRow> } {
  const total = / of (-?\d+)(?:B|ns)? total\)?$/m.exec(text)
  if (total === null) throw new Error('no total in -top output')
  const rows = new Map<string, TopRow>()
  for (const line of text.split('\n')) {
    const m = /^\s*(-?\d+(?:B|ns)?)\s+\S+%\s+\S+%\s+(-?\d+(?:B|ns)?)\s+\S+%\s+(.+?)(?: \(inline\))?$/.exec(line)
    if (m === null) continue
    if (rows.has(m[3])) throw new Error(`-top lists ${m[3]} twice: the oracle cannot key rows by name`)
    rows.set(m[3], { flat: topValue(m[1]), cum: topValue(m[2]) })
  }
  return { total: Number(total[1]), rows }
}

export interface RawSample {
  values: number[]
  /** Frames leaf first, inlined ones expanded: `function file:line`. */
  stack: string[]
  /** String labels as pprof prints them: `key:[value value] key:[value]`, sorted; '' for none. */
  labels: string
}

/** `go tool pprof -raw`: sample types, samples with their stacks resolved through the locations. */
export function parseRaw(text: string): { sampleTypes: string[]; samples: RawSample[] } {
  const lines = text.split('\n')
  const samplesAt = lines.indexOf('Samples:')
  const locationsAt = lines.indexOf('Locations')
  const mappingsAt = lines.indexOf('Mappings')
  if (samplesAt < 0 || locationsAt < 0) throw new Error('not -raw output')
  const sampleTypes = lines[samplesAt + 1].split(' ').map((t) => t.replace(/\/.*/, ''))

  const locations = new Map<number, string[]>()
  let current: string[] = []
  for (const line of lines.slice(locationsAt + 1, mappingsAt < 0 ? undefined : mappingsAt)) {
    const head = /^\s*(\d+): 0x[0-9a-f]+ (?:M=\d+ )?(?:\[F\] )?(.*)$/.exec(line)
    const frame = head ? head[2] : line.trim()
    if (head) {
      current = []
      locations.set(Number(head[1]), current)
    }
    // `function file:line:column s=startLine`; the file (no spaces in these profiles) ends the name.
    const m = /^(.*) (\S*):(-?\d+):-?\d+ s=\d+/.exec(frame)
    if (m !== null) current.push(`${m[1]} ${m[2]}:${m[3]}`)
  }

  const samples: RawSample[] = []
  for (const line of lines.slice(samplesAt + 2, locationsAt)) {
    const m = /^\s+(-?\d+(?:\s+-?\d+)*): ([\d ]*)$/.exec(line)
    if (m !== null) {
      const ids = m[2].trim() === '' ? [] : m[2].trim().split(' ').map(Number)
      const stack = ids.flatMap((id) => {
        const frames = locations.get(id)
        if (frames === undefined) throw new Error(`-raw sample names location ${id}, which it does not list`)
        // An unsymbolised location: pprof prints no line; the engine names it by its address.
        return frames.length > 0 ? frames : [`?${id}`]
      })
      samples.push({ values: m[1].trim().split(/\s+/).map(Number), stack, labels: '' })
    } else if (/^ {16}\S+:\[/.test(line) && !/^\s+\S+:\[-?\d+\]/.test(line)) {
      // String labels; numeric ones (a heap profile's bytes:[96]) are not part of the comparison.
      const last = samples[samples.length - 1]
      if (last) last.labels = line.trim()
    }
  }
  return { sampleTypes, samples }
}

/** Samples summed by stack and labels, as `key -> values`, so that two listings compare as multisets. */
export function bySignature(samples: RawSample[]): Map<string, number[]> {
  const out = new Map<string, number[]>()
  for (const s of samples) {
    const key = `${s.stack.join(' <- ')} ${s.labels}`
    const sum = out.get(key)
    if (sum === undefined) out.set(key, [...s.values])
    else s.values.forEach((v, i) => (sum[i] += v))
  }
  return out
}
