// The profile engine's own measurement: decode a base and a head profile into shared tables, merge each
// side, diff head against base, and list the top frames by flat and by cumulative value of the default
// sample type: what `go tool pprof -top -diff_base=BASE HEAD` computes, in one process.
// Usage: node bench/engine.js ENGINE_DIR BASE HEAD   (ENGINE_DIR: src/profile compiled by tsc, see
// profilediff.js). Prints one JSON object: in-process times, GC time, the top rows, peak RSS.
import { readFileSync } from 'node:fs'
import { PerformanceObserver } from 'node:perf_hooks'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const [engineDir, baseFile, headFile] = process.argv.slice(2)
if (!engineDir || !baseFile || !headFile) {
  process.stderr.write('usage: node bench/engine.js ENGINE_DIR BASE HEAD\n')
  process.exit(2)
}
const engine = await import(pathToFileURL(join(engineDir, 'src', 'profile', 'index.js')).href)

let gcMs = 0
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration
})
observer.observe({ entryTypes: ['gc'] })

const ms = (since) => Number(process.hrtime.bigint() - since) / 1e6
const started = process.hrtime.bigint()
const tables = new engine.ProfileTables()
const base = engine.decodePprof(readFileSync(baseFile), baseFile, { tables })
const decodedBase = ms(started)
const head = engine.decodePprof(readFileSync(headFile), headFile, { tables })
const decodedMs = ms(started)
// pprof's default sample type: the one the profile names, else the last. Like pprof, only that one is
// aggregated (both decode every sample's values of all types).
const type = head.defaultSampleType || head.sampleTypes[head.sampleTypes.length - 1].type
const t = process.hrtime.bigint()
const side = (profile) => engine.mergeProfiles(tables, [{ profile }], { sampleTypes: [type] })
const diff = engine.diffProfiles(side(head), side(base))
const mergeDiffMs = ms(t)
const t2 = process.hrtime.bigint()
const totals = engine.frameTotals(diff, type)
const flat = engine.rankFrames(totals, { by: 'flat', top: 10 })
const cum = engine.rankFrames(totals, { by: 'cum', top: 10 })
const topMs = ms(t2)
const totalMs = ms(started)

await new Promise((resolve) => setTimeout(resolve, 50))
observer.disconnect()
process.stdout.write(
  JSON.stringify({
    node: process.version,
    sampleType: type,
    samples: { base: base.stacks.length, head: head.stacks.length },
    trieNodes: tables.nodeCount,
    ms: { decodeBase: decodedBase, decodeHead: decodedMs - decodedBase, mergeDiff: mergeDiffMs, top: topMs, total: totalMs, gc: gcMs },
    flat: flat.map((r) => ({ function: r.function, flat: r.flat, cum: r.cum })),
    cum: cum.map((r) => ({ function: r.function, flat: r.flat, cum: r.cum })),
    maxRssKiB: process.resourceUsage().maxRSS
  }) + '\n'
)
