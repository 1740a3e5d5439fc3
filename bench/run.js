// `npm run bench`: the gate's speed measured against named reference tools in the same run.
//   1. overhead of `go-leak-gate run` against `go test -bench` on the demo module
//   2. `go-leak-gate compare` on a heap-leak finding against `go tool pprof -diff_base`
//   3. Mann-Whitney U throughput (no reference tool: benchstat's implementation would need a download)
//   5. the time the CPU-profiled and exact-allocation runs add per benchmark, against a timed run
// Figures go to stdout, progress to stderr, everything as JSON to bench/out/latest.json.
//
// Environment: BENCH_COUNT (10), BENCH_BENCHTIME (200ms), BENCH_REPEATS (3), BENCH_STACKS (200000),
// BENCH_PROFILE_RUNS (4 runs per side in compare), BENCH_ENGINE_STACKS (200000,1000000: the profile engine's
// pairs), BENCH_ONLY (comma list of overhead,profile,engine,stats,profiled).
import { mkdirSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { capture, hasGnuTime, run } from './lib/proc.js'
import { cpuSnapshot, othersShare } from './lib/cpu.js'
import { heading, table } from './lib/format.js'
import { measureOverhead, renderOverhead } from './overhead.js'
import { measureProfileDiff, renderProfileDiff } from './profilediff.js'
import { measureProfileEngine, renderProfileEngine } from './profileengine.js'
import { measureProfiledRuns, renderProfiledRuns } from './profiled.js'
import { MAX_STACKS } from './lib/profilegen.js'

const repoDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')

function intEnv(name, fallback, min = 1) {
  const v = process.env[name]
  if (v === undefined || v === '') return fallback
  if (!/^\d+$/.test(v) || Number(v) < min) throw new Error(`${name} must be a whole number of at least ${min}, like ${fallback} (got '${v}')`)
  return Number(v)
}

function stacksListEnv(name, fallback) {
  const v = process.env[name]
  if (v === undefined || v === '') return fallback
  const list = v.split(',').map((x) => x.trim())
  for (const x of list) {
    if (!/^\d+$/.test(x) || Number(x) < 1 || Number(x) > MAX_STACKS) throw new Error(`${name} takes stack counts from 1 to ${MAX_STACKS}, like 200000,1000000 (got '${x}')`)
  }
  return list.map(Number)
}

function benchtimeEnv() {
  const v = process.env.BENCH_BENCHTIME ?? '200ms'
  if (!/^([0-9]+x|[0-9]+(\.[0-9]+)?(ns|us|ms|s|m))$/.test(v)) throw new Error(`BENCH_BENCHTIME must be like 200ms, 1s or 1000x (got '${v}')`)
  return v
}

function onlyEnv() {
  const all = ['overhead', 'profile', 'engine', 'stats', 'profiled']
  const v = process.env.BENCH_ONLY
  if (!v) return new Set(all)
  const picked = v.split(',').map((s) => s.trim()).filter(Boolean)
  for (const p of picked) if (!all.includes(p)) throw new Error(`BENCH_ONLY takes ${all.join(', ')} (got '${p}')`)
  return new Set(picked)
}

// Above this share of the CPUs used by other processes, the figures measure them too.
const BUSY_SHARE = 0.1

function othersText(share) {
  if (share === null) return 'other processes: unknown (no /proc/stat)'
  const pct = `${(share * 100).toFixed(0)}%`
  return share > BUSY_SHARE
    ? `other processes used ${pct} of the CPUs meanwhile: BUSY, these figures are not reliable`
    : `other processes used ${pct} of the CPUs meanwhile`
}

/** Runs one measurement and measures how much of the machine something else took while it ran. */
async function section(nproc, ticks, f) {
  const before = cpuSnapshot()
  const value = await f()
  return { value, othersCpuShare: othersShare(before, cpuSnapshot(), nproc, ticks) }
}

function log(line) {
  process.stderr.write(`bench: ${line}\n`)
}

function say(text) {
  process.stdout.write(text + '\n')
}

function machineFacts() {
  const goVersion = capture(['go', 'version'])
  const gomaxprocs = Number(capture(['go', 'env', 'GOMAXPROCS'])) || availableParallelism()
  return {
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model ?? '',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    kernel: `${process.platform} ${release()}`,
    go: goVersion,
    goVersion: /go version (go\S+)/.exec(goVersion)?.[1] ?? '',
    gomaxprocs,
    node: process.version,
    commit: capture(['git', 'rev-parse', '--short', 'HEAD'], { cwd: repoDir }),
    dirty: capture(['git', 'status', '--porcelain', '--', 'src'], { cwd: repoDir }) !== '',
    gnuTime: hasGnuTime(),
    clockTicks: Number(capture(['getconf', 'CLK_TCK'])) || 100,
    loadAtStart: loadavg()
  }
}

async function measureStats() {
  const r = await run([join(repoDir, 'node_modules', '.bin', 'tsx'), join(repoDir, 'bench', 'stats.ts'), '1000'], { cwd: repoDir })
  if (r.code !== 0) throw new Error(`bench/stats.ts exited ${r.code}\n${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').pop())
}

function renderStats(s) {
  const row = (name, c) => [
    name,
    String(c.comparisons),
    String(c.withTies),
    String(c.exact),
    `${c.medianMsPerPass.toFixed(1)} ms`,
    `${c.usPerComparison.toFixed(1)} us`
  ]
  return [
    'mannWhitneyU from src/compare/stats.ts (through tsx), samples on a coarse grid so every pair has ties;',
    'median of 5 timed passes after one warm-up pass. No reference tool in this run (benchstat needs a download).',
    '',
    table(['samples', 'comparisons', 'with ties', 'exact p', 'per 1000', 'per comparison'], [row('10 vs 10', s['10v10']), row('25 vs 25', s['25v25'])])
  ].join('\n')
}

async function main() {
  const count = intEnv('BENCH_COUNT', 10)
  const benchtime = benchtimeEnv()
  const repeats = intEnv('BENCH_REPEATS', 3)
  const stacks = intEnv('BENCH_STACKS', 200000)
  if (stacks > MAX_STACKS) throw new Error(`BENCH_STACKS must be at most ${MAX_STACKS} (got ${stacks})`)
  const engineStacks = stacksListEnv('BENCH_ENGINE_STACKS', [200000, 1000000])
  const profileRuns = intEnv('BENCH_PROFILE_RUNS', 4)
  const only = onlyEnv()
  const started = Date.now()

  const facts = machineFacts()
  say('go-leak-gate bench')
  const machineRows = [
    ['nproc', String(facts.nproc)],
    ['cpu', facts.cpu],
    ['memory', `${facts.memoryGiB} GiB`],
    ['kernel', facts.kernel],
    ['go', facts.go],
    ['GOMAXPROCS', String(facts.gomaxprocs)],
    ['node', `${facts.node} (${process.execPath}; also runs dist/cli.js)`],
    ['repo', `${facts.commit}${facts.dirty ? ' (src/ has uncommitted changes)' : ''}`],
    ['load avg', `${facts.loadAtStart.map((x) => x.toFixed(2)).join(' ')} (1, 5, 15 min, at the start)`]
  ]
  for (const [k, v] of machineRows) say(`${k.padEnd(11)} ${v}`)

  const out = { startedAt: new Date(started).toISOString(), machine: facts, settings: { count, benchtime, repeats, stacks, profileRuns, engineStacks }, results: {} }

  if (only.has('overhead')) {
    say(heading('1. gate overhead: go-leak-gate run vs go test -bench'))
    const { value: m, othersCpuShare } = await section(facts.nproc, facts.clockTicks, () => measureOverhead({ repoDir, count, benchtime, repeats, log }))
    out.results.overhead = { ...m, othersCpuShare }
    say(renderOverhead(m))
    say(othersText(othersCpuShare))
  }
  if (only.has('profile')) {
    say(heading('2. profile diff: go-leak-gate compare vs go tool pprof -diff_base'))
    const { value: m, othersCpuShare } = await section(facts.nproc, facts.clockTicks, () =>
      measureProfileDiff({ repoDir, stacks, runs: profileRuns, repeats, goVersion: facts.goVersion, gomaxprocs: facts.gomaxprocs, log })
    )
    out.results.profileDiff = { ...m, othersCpuShare }
    say(renderProfileDiff(m))
    say(othersText(othersCpuShare))
  }
  if (only.has('engine')) {
    say(heading('2b. profile engine: src/profile vs go tool pprof -diff_base'))
    const engine = await section(facts.nproc, facts.clockTicks, () => measureProfileEngine({ repoDir, stacksList: engineStacks, repeats, log }))
    out.results.profileEngine = { ...engine.value, othersCpuShare: engine.othersCpuShare }
    say(renderProfileEngine(engine.value))
    say(othersText(engine.othersCpuShare))
  }
  if (only.has('stats')) {
    say(heading('3. statistics: Mann-Whitney U throughput'))
    const { value: s, othersCpuShare } = await section(facts.nproc, facts.clockTicks, measureStats)
    out.results.stats = { ...s, othersCpuShare }
    say(renderStats(s))
    say(othersText(othersCpuShare))
  }
  if (only.has('profiled')) {
    say(heading('5. profiled runs: the CPU-profiled run per benchmark vs a timed run'))
    const { value: m, othersCpuShare } = await section(facts.nproc, facts.clockTicks, () => measureProfiledRuns({ repoDir, count, benchtime, repeats, log }))
    out.results.profiledRuns = { ...m, othersCpuShare }
    say(renderProfiledRuns(m))
    say(othersText(othersCpuShare))
  }

  out.finishedAt = new Date().toISOString()
  out.totalSeconds = (Date.now() - started) / 1000
  const targets = []
  const busy = (r) => (r.othersCpuShare !== null && r.othersCpuShare > BUSY_SHARE ? `BUSY (others used ${(r.othersCpuShare * 100).toFixed(0)}%)` : 'quiet')
  if (out.results.overhead) targets.push(['gate overhead <= 1.15x go test', out.results.overhead.pass, busy(out.results.overhead)])
  if (out.results.profileDiff) targets.push(['compare faster than go tool pprof', out.results.profileDiff.pass, busy(out.results.profileDiff)])
  for (const p of out.results.profileEngine?.pairs ?? []) {
    const t = p.target
    const speed = t.speedup === null ? '' : `>= ${t.speedup}x pprof, `
    targets.push([`engine at ${p.stacks} stacks: ${speed}RSS < ${(t.rssBytes / 1e6).toFixed(0)} MB`, p.pass, busy(out.results.profileEngine)])
  }
  out.targets = Object.fromEntries(targets.map(([t, p, b]) => [t, { pass: p, machine: b }]))
  say(heading('targets'))
  if (targets.length === 0) say('(no measurement with a target ran)')
  else say(table(['target', 'result', 'machine'], targets.map(([t, p, b]) => [t, p ? 'PASS' : 'MISS', b])))

  const outDir = join(repoDir, 'bench', 'out')
  mkdirSync(outDir, { recursive: true })
  writeFileSync(join(outDir, 'latest.json'), JSON.stringify(out, null, 2) + '\n')
  say(`\nbench took ${out.totalSeconds.toFixed(0)} s; JSON in bench/out/latest.json`)
}

main().catch((err) => {
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
