// Measurement 5: what the runs made for a profile add per benchmark. `go-leak-gate run` gives each benchmark
// one CPU-profiled run (-test.cpuprofile) and one exact-allocation run (-test.memprofilerate=1) besides its
// timed runs; the reference is the same benchmark's unprofiled timed run of the same binary, in the same
// result.json, which the CPU-profiled run matches in b.N (one side: its full b.N).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runChecked } from './lib/proc.js'
import { median, millis, table } from './lib/format.js'

function oursArgv(cli, moduleDir, outDir, count, benchtime) {
  return [process.execPath, cli, 'run', '--dir', moduleDir, '--out', outDir, '--count', String(count), '--benchtime', benchtime, '--no-tests']
}

/** Per benchmark of one result.json: the timed runs' and the profiled runs' b.N, wall time and ns/op. */
function perBenchmark(outDir) {
  const result = JSON.parse(readFileSync(join(outDir, 'result.json'), 'utf8'))
  const out = {}
  for (const p of result.packages) {
    for (const b of p.benchmarks) {
      const cpu = (b.profileRuns ?? []).find((r) => r.cpuProfile !== undefined)
      const alloc = (b.profileRuns ?? []).find((r) => r.heap?.memProfileRate === 1)
      if (!cpu || b.runs.length === 0) continue
      const total = (runs) => runs.reduce((s, r) => s + r.wallMs, 0)
      out[`${p.importPath.split('/').pop()}.${b.name}`] = {
        timedN: median(b.runs.map((r) => r.iterations)),
        timedWallMs: median(b.runs.map((r) => r.wallMs)),
        timedNsPerOp: median(b.runs.map((r) => r.metrics['ns/op'])),
        // Everything else the benchmark cost: timed runs, memory runs at a quarter of b.N, both profiled runs.
        allRunsWallMs: total(b.runs) + total(b.smallRuns ?? []) + total(b.profileRuns ?? []),
        cpuN: cpu.iterations,
        cpuWallMs: cpu.wallMs,
        cpuNsPerOp: cpu.metrics['ns/op'],
        allocN: alloc?.iterations ?? null,
        allocWallMs: alloc?.wallMs ?? null
      }
    }
  }
  return out
}

/** Medians over the repeats, per benchmark and figure. */
function pooled(list) {
  const names = [...new Set(list.flatMap((x) => Object.keys(x)))].sort()
  return Object.fromEntries(
    names.map((name) => {
      const rows = list.map((x) => x[name]).filter(Boolean)
      const keys = Object.keys(rows[0])
      return [name, Object.fromEntries(keys.map((k) => [k, median(rows.map((r) => r[k]))]))]
    })
  )
}

export async function measureProfiledRuns({ repoDir, count, benchtime, repeats, log }) {
  const cli = join(repoDir, 'dist', 'cli.js')
  const work = mkdtempSync(join(tmpdir(), 'glg-bench-profiled-'))
  try {
    const moduleDir = join(work, 'module')
    cpSync(join(repoDir, 'fixtures', 'demo', 'base'), moduleDir, { recursive: true })
    const results = []
    for (let i = 0; i < repeats; i++) {
      const outDir = join(work, `out-${i}`)
      log(`profiled runs: repeat ${i + 1}/${repeats} (go-leak-gate run --count ${count} --benchtime ${benchtime} --no-tests)`)
      await runChecked(oursArgv(cli, moduleDir, outDir, count, benchtime), { cwd: moduleDir }, [0, 1])
      results.push(perBenchmark(outDir))
    }
    const benchmarks = pooled(results)
    const cpuAdded = Object.values(benchmarks).map((b) => b.cpuWallMs)
    const profilerCost = Object.values(benchmarks).filter((b) => b.cpuN === b.timedN).map((b) => b.cpuWallMs - b.timedWallMs)
    return { module: 'fixtures/demo/base', count, benchtime, repeats, benchmarks, medianCpuRunMs: median(cpuAdded), medianProfilerCostMs: median(profilerCost) }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

const pct = (x) => (x === null || !Number.isFinite(x) ? '-' : `${(x * 100).toFixed(1)}%`)
const signedMillis = (x) => (x === null ? '-' : `${x >= 0 ? '+' : '-'}${millis(Math.abs(x))}`)

export function renderProfiledRuns(m) {
  const rows = Object.entries(m.benchmarks).map(([name, b]) => [
    name,
    `${b.timedN}`,
    millis(b.timedWallMs),
    `${b.cpuN}`,
    millis(b.cpuWallMs),
    signedMillis(b.cpuN === b.timedN ? b.cpuWallMs - b.timedWallMs : null),
    pct(b.timedNsPerOp ? b.cpuNsPerOp / b.timedNsPerOp - 1 : null),
    b.allocN === null ? '-' : `${b.allocN}`,
    millis(b.allocWallMs),
    pct(b.cpuWallMs / b.allRunsWallMs)
  ])
  return [
    `go-leak-gate run on ${m.module}, --count ${m.count} --benchtime ${m.benchtime} --no-tests, medians of ${m.repeats} repeats.`,
    'Per benchmark and side: the CPU-profiled run is one extra process at the timed runs\' b.N, so its wall time is',
    'what CPU attribution adds; "vs timed" is that run against a timed run of the same binary at the same b.N',
    '(the profiler\'s own cost), "ns/op" the loop\'s slowdown under the profiler. "share" is the CPU run\'s part of',
    'all the benchmark\'s runs (timed, memory at a quarter b.N, both profiled runs).',
    '',
    table(['benchmark', 'timed b.N', 'timed wall', 'cpu b.N', 'cpu run', 'vs timed', 'ns/op', 'alloc b.N', 'alloc run', 'share'], rows),
    '',
    `median CPU-profiled run: ${millis(m.medianCpuRunMs)} per benchmark and side; median profiler cost over a timed run: ${signedMillis(m.medianProfilerCostMs)}`
  ].join('\n')
}
