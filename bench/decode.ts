// Times the steps `compare` runs for every run's memory profile, on the same files in the same order and in
// one process as compare does, plus the garbage collection that happened meanwhile. Two readers:
//   pprof-format  decodeProfile (gunzip, pprof-format's protobuf decode, reference checks) + heapSites
//   engine        decodePprof (src/profile: gunzip, lean reader, compact form) + heapSitesOf
// Run through tsx because the bundle exports neither: npx tsx bench/decode.ts MODULE READER FILE...
// Prints one JSON object.
import { readFileSync } from 'node:fs'
import { PerformanceObserver } from 'node:perf_hooks'
import { decodeProfile, heapSites, type HeapSites } from '../src/parse/pprof.js'
import { decodePprof, heapSitesOf } from '../src/profile/index.js'

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = process.hrtime.bigint()
  const value = f()
  return { value, ms: Number(process.hrtime.bigint() - t) / 1e6 }
}

const READERS: Record<string, (data: Uint8Array, file: string, modulePath: string) => { samples: number; sites: () => HeapSites }> = {
  'pprof-format': (data, file, modulePath) => {
    const p = decodeProfile(data, file)
    return { samples: p.proto.sample.length, sites: () => heapSites(p, { modulePath }) }
  },
  engine: (data, file, modulePath) => {
    const p = decodePprof(data, file)
    return { samples: p.stacks.length, sites: () => heapSitesOf(p, { modulePath }) }
  }
}

async function main(): Promise<void> {
  const [modulePath, reader, ...files] = process.argv.slice(2)
  const read = READERS[reader]
  if (!modulePath || read === undefined || files.length === 0) {
    process.stderr.write(`usage: tsx bench/decode.ts MODULE ${Object.keys(READERS).join('|')} FILE...\n`)
    process.exit(2)
  }
  let gcMs = 0
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMs += e.duration
  })
  observer.observe({ entryTypes: ['gc'] })
  const started = process.hrtime.bigint()
  const results = []
  for (const file of files) {
    const data = readFileSync(file)
    const decoded = timed(() => read(data, file, modulePath))
    const aggregated = timed(() => decoded.value.sites())
    results.push({ file, bytes: data.length, samples: decoded.value.samples, sites: aggregated.value.sites.length, decodeMs: decoded.ms, heapSitesMs: aggregated.ms })
  }
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6
  // GC entries arrive asynchronously: let the observer drain before reading the sum.
  await new Promise((resolve) => setTimeout(resolve, 50))
  observer.disconnect()
  process.stdout.write(JSON.stringify({ reader, files: results, totalMs, gcMs, maxRssKiB: process.resourceUsage().maxRSS }) + '\n')
}

void main()
