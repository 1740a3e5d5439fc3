// Times the two steps `compare` runs for every run's memory profile, on the same files in the same order and
// in one process as compare does: decodeProfile (gunzip, protobuf decode, reference checks) and heapSites
// (aggregation by allocation site), plus the garbage collection that happened meanwhile.
// Run through tsx because the bundle exports neither: npx tsx bench/decode.ts MODULE FILE...
// Prints one JSON object.
import { readFileSync } from 'node:fs'
import { PerformanceObserver } from 'node:perf_hooks'
import { decodeProfile, heapSites } from '../src/parse/pprof.js'

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = process.hrtime.bigint()
  const value = f()
  return { value, ms: Number(process.hrtime.bigint() - t) / 1e6 }
}

async function main(): Promise<void> {
  const [modulePath, ...files] = process.argv.slice(2)
  if (!modulePath || files.length === 0) {
    process.stderr.write('usage: tsx bench/decode.ts MODULE FILE...\n')
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
    const decoded = timed(() => decodeProfile(data, file))
    const aggregated = timed(() => heapSites(decoded.value, { modulePath }))
    results.push({ file, bytes: data.length, samples: decoded.value.proto.sample.length, sites: aggregated.value.sites.length, decodeMs: decoded.ms, heapSitesMs: aggregated.ms })
  }
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6
  // GC entries arrive asynchronously: let the observer drain before reading the sum.
  await new Promise((resolve) => setTimeout(resolve, 50))
  observer.disconnect()
  process.stdout.write(JSON.stringify({ files: results, totalMs, gcMs }) + '\n')
}

void main()
