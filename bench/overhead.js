// Measurement 1: the head side of the gate (`go-leak-gate run`) against plain `go test -bench` on the same
// module, same count and benchtime. Both commands alternate so that drift on the machine hits both alike.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run, runChecked } from './lib/proc.js'
import { childrenSupported, classifyChild, watchChildren } from './lib/proctree.js'
import { median, millis, seconds, table, verdict } from './lib/format.js'

export const OVERHEAD_TARGET = 1.15

function oursArgv(cli, moduleDir, outDir, count, benchtime) {
  return [process.execPath, cli, 'run', '--dir', moduleDir, '--out', outDir, '--count', String(count), '--benchtime', benchtime]
}

function goTestArgv(count, benchtime) {
  return ['go', 'test', '-run', '^$', '-bench', '.', '-benchmem', '-count', String(count), '-benchtime', benchtime, './...']
}

function benchKey(importPath, name) {
  return `${importPath.split('/').pop()}.${name}`
}

/** Every repeat's values of one benchmark pooled, as medians of N and ns/op. */
function pooledPerBenchmark(list) {
  const pooled = {}
  for (const x of list) {
    for (const [k, v] of Object.entries(x.perBenchmark)) {
      const e = (pooled[k] ??= { n: [], nsPerOp: [] })
      e.n.push(...v.n)
      e.nsPerOp.push(...v.nsPerOp)
    }
  }
  return Object.fromEntries(Object.entries(pooled).map(([k, v]) => [k, { n: median(v.n), nsPerOp: median(v.nsPerOp) }]))
}

/**
 * When each progress line of the CLI arrived (ms since spawn); null when a line is missing. The phases of
 * `run`: a test pass (a -race build, then the tests of each package), the benchmark binaries' build and
 * calibration, the measured rounds, then memory runs at a quarter of b.N.
 */
function progressMarks(stderrLines) {
  const at = (re) => stderrLines.find((l) => re.test(l.text))?.ms ?? null
  return {
    first: stderrLines.find((l) => /^go-leak-gate: /.test(l.text))?.ms ?? null,
    testPass: at(/\] (building \d+ test binaries with -race|testing \S+)/),
    listing: at(/\] listing packages with benchmarks/),
    discovered: at(/\] \d+ benchmarks in \d+ packages/),
    firstRound: at(/round 1\//),
    memoryRuns: at(/memory runs at/)
  }
}

function runSums(runs) {
  let wallMs = 0
  let loopMs = 0
  for (const r of runs) {
    wallMs += r.wallMs
    loopMs += (r.iterations * (r.metrics['ns/op'] ?? 0)) / 1e6
  }
  return { count: runs.length, wallMs, loopMs }
}

/** Sums over result.json: the measured runs and the memory (quarter b.N) runs, wall time and b.N loop time. */
function resultSums(outDir) {
  const result = JSON.parse(readFileSync(join(outDir, 'result.json'), 'utf8'))
  const full = []
  const small = []
  const perBenchmark = {}
  let benchmarks = 0
  for (const p of result.packages) {
    for (const b of p.benchmarks) {
      if (b.runs.length > 0) benchmarks++
      const e = (perBenchmark[benchKey(p.importPath, b.name)] ??= { n: [], nsPerOp: [] })
      for (const r of b.runs) {
        e.n.push(r.iterations)
        e.nsPerOp.push(r.metrics['ns/op'])
      }
      full.push(...b.runs)
      small.push(...(b.smallRuns ?? []))
    }
  }
  return { full: runSums(full), small: runSums(small), benchmarks, perBenchmark, errors: result.errors.length }
}

const span = (from, to) => (from === null || to === null ? null : to - from)

function analyseOurs(r, outDir) {
  const m = progressMarks(r.stderrLines)
  const sums = resultSums(outDir)
  const prepStart = m.testPass ?? m.listing
  const roundsEnd = m.memoryRuns ?? r.wallMs
  const rounds = span(m.discovered, roundsEnd)
  const memory = span(m.memoryRuns, r.wallMs)
  return {
    wallMs: r.wallMs,
    startupMs: prepStart,
    testPassMs: m.testPass === null ? 0 : span(m.testPass, m.listing),
    buildAndCalibrateMs: span(m.listing, m.discovered),
    loopMs: sums.full.loopMs,
    inProcessRestMs: sums.full.wallMs - sums.full.loopMs,
    betweenProcessesMs: rounds === null ? null : rounds - sums.full.wallMs,
    // Everything after the memory-runs line: their processes, node's work between them, writing result.json.
    memoryRunsMs: memory ?? 0,
    memoryRunsInProcessMs: sums.small.wallMs,
    runs: sums.full.count,
    memoryRuns: sums.small.count,
    perBenchmark: sums.perBenchmark,
    benchmarks: sums.benchmarks,
    errors: sums.errors
  }
}

/** go test's own accounting: per-package binary time ("ok pkg 1.234s") and every result line's N × ns/op. */
function analyseGoTest(r) {
  let pkgMs = 0
  let loopMs = 0
  let results = 0
  let iterations = 0
  let pkg = ''
  const perBenchmark = {}
  for (const line of r.stdout.split('\n')) {
    const header = /^pkg: (\S+)/.exec(line)
    if (header) pkg = header[1]
    const ok = /^ok\s+\S+\s+([0-9.]+)s/.exec(line)
    if (ok) pkgMs += Number(ok[1]) * 1000
    const bench = /^(Benchmark\S+?)(-\d+)?\s+(\d+)\s+([0-9.]+) ns\/op/.exec(line)
    if (bench) {
      const e = (perBenchmark[benchKey(pkg, bench[1])] ??= { n: [], nsPerOp: [] })
      e.n.push(Number(bench[3]))
      e.nsPerOp.push(Number(bench[4]))
      results++
      iterations += Number(bench[3])
      loopMs += (Number(bench[3]) * Number(bench[4])) / 1e6
    }
  }
  return { wallMs: r.wallMs, goCommandMs: r.wallMs - pkgMs, loopMs, iterations, perBenchmark, inBinaryRestMs: pkgMs - loopMs, results }
}

/** One extra run of ours with /proc polling: how long the build and the calibration processes live. */
async function instrumentedRun(argv, cwd) {
  let watcher
  const r = await runChecked(argv, { cwd, onSpawn: (pid) => (watcher = watchChildren(pid, 5)) })
  const children = watcher ? watcher.stop() : []
  const byKind = new Map()
  for (const c of children) {
    const kind = classifyChild(c.argv)
    const e = byKind.get(kind) ?? { processes: 0, ms: 0 }
    e.processes++
    e.ms += c.lastMs - c.firstMs
    byKind.set(kind, e)
  }
  return { wallMs: r.wallMs, kinds: Object.fromEntries(byKind) }
}

/** The repeat whose wall time is the median (the lower middle one for an even count). */
function medianRun(list) {
  const sorted = [...list].sort((a, b) => a.wallMs - b.wallMs)
  return sorted[Math.floor((sorted.length - 1) / 2)]
}

function medianOf(list, key) {
  return median(list.map((x) => x[key]))
}

export async function measureOverhead({ repoDir, count, benchtime, repeats, log }) {
  const cli = join(repoDir, 'dist', 'cli.js')
  const work = mkdtempSync(join(tmpdir(), 'glg-bench-overhead-'))
  const moduleDir = join(work, 'module')
  cpSync(join(repoDir, 'fixtures', 'demo', 'base'), moduleDir, { recursive: true })
  try {
    log(`overhead: warming the build cache in ${moduleDir}`)
    await runChecked(['go', 'test', '-run', '^$', '-bench', '^$', './...'], { cwd: moduleDir })
    // Throwaway runs at count 1: they compile what each command needs (ours builds with -trimpath, a
    // different cache key than go test's) and load both into the page cache.
    await runChecked(oursArgv(cli, moduleDir, join(work, 'warm'), 1, benchtime), { cwd: moduleDir })
    await runChecked(goTestArgv(1, benchtime), { cwd: moduleDir })

    const ours = []
    const goTest = []
    for (let i = 0; i < repeats; i++) {
      const outDir = join(work, `out-${i}`)
      log(`overhead: repeat ${i + 1}/${repeats}: go-leak-gate run`)
      const a = await runChecked(oursArgv(cli, moduleDir, outDir, count, benchtime), { cwd: moduleDir })
      ours.push(analyseOurs(a, outDir))
      log(`overhead: repeat ${i + 1}/${repeats}: go test (${(a.wallMs / 1000).toFixed(1)} s for ours)`)
      const b = await runChecked(goTestArgv(count, benchtime), { cwd: moduleDir })
      goTest.push(analyseGoTest(b))
    }

    let instrumented = null
    if (childrenSupported()) {
      const n = Math.min(2, count)
      log(`overhead: one instrumented run (count ${n}) to split build from calibration`)
      instrumented = { count: n, ...(await instrumentedRun(oursArgv(cli, moduleDir, join(work, 'instrumented'), n, benchtime), moduleDir)) }
    }

    const oursMs = medianOf(ours, 'wallMs')
    const goMs = medianOf(goTest, 'wallMs')
    const ratio = oursMs / goMs
    return {
      module: 'fixtures/demo/base (copied to a temp dir)',
      commands: {
        ours: oursArgv('dist/cli.js', 'MODULE', 'OUT', count, benchtime).slice(1).join(' '),
        goTest: goTestArgv(count, benchtime).join(' ')
      },
      count,
      benchtime,
      repeats,
      ours,
      goTest,
      instrumented,
      medianMs: { ours: oursMs, goTest: goMs },
      ratio,
      target: OVERHEAD_TARGET,
      pass: ratio <= OVERHEAD_TARGET
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

export function renderOverhead(m) {
  const lines = []
  lines.push(`module: ${m.module}; count ${m.count}, benchtime ${m.benchtime}; ${m.repeats} alternating repeats each, medians`)
  lines.push(`ours:    node ${m.commands.ours}`)
  lines.push(`go test: ${m.commands.goTest}  (cwd MODULE)`)
  lines.push('')
  const runsRow = (list) => list.map((x) => seconds(x.wallMs)).join(', ')
  lines.push(
    table(
      ['command', 'median wall', 'runs'],
      [
        ['go-leak-gate run', seconds(m.medianMs.ours), runsRow(m.ours)],
        ['go test -bench', seconds(m.medianMs.goTest), runsRow(m.goTest)]
      ]
    )
  )
  lines.push('')
  lines.push(`ratio ours / go test: ${m.ratio.toFixed(3)}x   target <= ${m.target}x   ${verdict(m.pass)}`)
  const withoutTests = median(m.ours.map((x) => x.wallMs - (x.testPassMs ?? 0)))
  if (m.ours.some((x) => x.testPassMs > 0)) {
    lines.push(
      `context, not the target: ours without its test pass (which go test -run '^$' does not do) ${seconds(withoutTests)}, ${(withoutTests / m.medianMs.goTest).toFixed(3)}x`
    )
  }

  // The run with the median wall time of each command, so that its rows add up to its total.
  const mo = medianRun(m.ours)
  const mg = medianRun(m.goTest)
  const o = (k) => mo[k] ?? null
  const g = (k) => mg[k] ?? null
  const perRun = (total, n) => (total === null || !n ? '' : ` (${millis(total / n)} x ${n})`)
  const oursRuns = o('runs')
  const goResults = g('results')
  const memoryRuns = o('memoryRuns')
  const rows = [
    ['node start-up, toolchain probe', millis(o('startupMs')), '-'],
    ['test pass (-race build, tests, race benchmarks)', millis(o('testPassMs')), '-'],
    ['benchmarks: go list, build, calibration', millis(o('buildAndCalibrateMs')), '-'],
    ['go command: load, vet, build, link, start', '-', millis(g('goCommandMs'))],
    ['benchmark loops (sum of N x ns/op)', millis(o('loopMs')), millis(g('loopMs'))],
    [
      'in benchmark processes, outside the loop',
      millis(o('inProcessRestMs')) + perRun(o('inProcessRestMs'), oursRuns),
      millis(g('inBinaryRestMs')) + perRun(g('inBinaryRestMs'), goResults)
    ],
    ['node between benchmark processes (spawn, parse, profile)', millis(o('betweenProcessesMs')) + perRun(o('betweenProcessesMs'), oursRuns), '-'],
    [
      `memory runs at a quarter of b.N, then result.json`,
      millis(o('memoryRunsMs')) + (memoryRuns ? ` (${memoryRuns} processes, ${millis(o('memoryRunsInProcessMs'))} inside them)` : ''),
      '-'
    ],
    ['total wall', millis(mo.wallMs), millis(mg.wallMs)]
  ]
  lines.push('')
  lines.push('where the time goes, in the median run of each (its rows add up to its total):')
  lines.push(table(['phase', 'ours', 'go test'], rows))
  lines.push(
    '  ours "outside the loop": process start, runtime init, the N=1 run testing does first, gctrace, the probe, writing the profile.'
  )
  lines.push('  go test "outside the loop": the b.N ramp-up every -count repetition does again, inside one process per package.')
  const ob = pooledPerBenchmark(m.ours)
  const gb = pooledPerBenchmark(m.goTest)
  const names = [...new Set([...Object.keys(ob), ...Object.keys(gb)])].sort()
  const num = (v, digits = 0) => (v === null || v === undefined ? '-' : v.toFixed(digits))
  lines.push('')
  lines.push('per benchmark, medians over all runs of all repeats (b.N of the measured loop, and its result):')
  lines.push(
    table(
      ['benchmark', 'N ours', 'N go test', 'ns/op ours', 'ns/op go test'],
      names.map((k) => [k, num(ob[k]?.n), num(gb[k]?.n), num(ob[k]?.nsPerOp, 1), num(gb[k]?.nsPerOp, 1)])
    )
  )
  lines.push('  ours: N = 4 x the N a benchtime/4 calibration run found; go test: the last N of its ramp-up to the benchtime.')
  if (m.instrumented) {
    lines.push('')
    lines.push(`children of one extra run of ours (count ${m.instrumented.count}, not in the medians; wall ${seconds(m.instrumented.wallMs)}):`)
    lines.push('  (/proc polled every 5 ms: lifetimes are +-5 ms, processes shorter than that may be missed or show 0)')
    const kinds = Object.entries(m.instrumented.kinds).sort((a, b) => b[1].ms - a[1].ms)
    lines.push(
      table(
        ['child process', 'processes', 'lifetime sum', 'per process'],
        kinds.map(([k, v]) => [k, String(v.processes), millis(v.ms), millis(v.ms / v.processes)])
      )
    )
  }
  return lines.join('\n')
}
