// Measurement 6: how noisy a paired round is on this machine, as it is. A/A: the same test binary of
// fixtures/power/base on both sides, so the true log ratio of every round is 0 and its spread is the noise
// the timing decision must see through.
//   npm run bench:noise            (npx tsx bench/noise.ts)
// (a) By benchtime (BENCH_NOISE_BENCHTIMES, default 20ms,100ms,300ms,1s) under alternation, as the gate
//     runs a round: b.N calibrated once per benchmark, then A and B back to back, the order flipped each round.
// (b) Alternation against duet (both at once, each pinned to its own CPU with taskset, GOMAXPROCS = its
//     CPUs) and shared (both at once, both pinned to the same one CPU, GOMAXPROCS 1) at one benchtime
//     (BENCH_NOISE_DUET_BENCHTIME, default 100ms), each with and without a CPU hog (`yes` writing to
//     /dev/null) taking one core.
// Every run is timed twice: ns/op (wall) and its CPU time per op (cpu-ns/op, from the gate's probe, built
// in as the gate builds it). A shared run's wall time includes the other run's turns on the CPU, so its
// ns/op spread says nothing of one side: the gate judges shared rounds on CPU time alone.
// The conditions take their rounds in turn (round-robin), so that a busier spell of the machine falls on
// all of them alike rather than on whichever ran then. Per condition and benchmark: the robust spread
// (1.4826 x MAD) of the per-round log ratios, the wall time of a round, and power per wall-second,
// 1 / (spread x sqrt(seconds per round)) (the interval's half-width falls with spread / sqrt(rounds), and
// rounds per second is 1 / seconds per round).
// Progress on stderr, a table on stdout, everything in bench/out/noise.json.
import { startHog, stopHogs } from './hog.js'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { robustSpread } from '../src/compare/interval.js'
import { median } from '../src/compare/stats.js'
import { readFile } from 'node:fs/promises'
import { buildTestBinaries } from '../src/go/build.js'
import { listTestPackages } from '../src/go/packages.js'
import { probeEnv, parseProbeOutput } from '../src/go/probe-env.js'
import { runProcess, type ProcessResult } from '../src/go/process.js'
import { probeToolchain } from '../src/go/toolchain.js'
import { allowedCpus, pinnedArgv, probeDuet, probeShared, type DuetSetup } from '../src/jobs/bench/duet.js'
import { cpuSnapshot, othersShare } from '../src/jobs/bench/machine.js'
import { parseBenchOutput } from '../src/parse/benchfmt.js'

const here = dirname(fileURLToPath(import.meta.url))
const FIXTURE = join(here, '..', 'fixtures', 'power', 'base')
const env = (k: string, d: string): string => process.env[k] ?? d
const ROUNDS = Number(env('BENCH_NOISE_ROUNDS', '20'))
const BENCHTIMES = env('BENCH_NOISE_BENCHTIMES', '20ms,100ms,300ms,1s').split(',').filter(Boolean)
const DUET_BENCHTIME = env('BENCH_NOISE_DUET_BENCHTIME', '100ms')
/** Of different kinds: pure compute, regular expressions on text, allocation and GC, channel hand-offs. */
const BENCHMARKS = env('BENCH_NOISE_BENCHMARKS', 'compute.BenchmarkCollatz,text.BenchmarkRegexp,alloc.BenchmarkGarbage,concur.BenchmarkChanPingPong')
  .split(',')
  .map((s) => {
    const [pkg, name] = s.split('.')
    return { pkg, name }
  })
const log = (line: string): void => void process.stderr.write(`${line}\n`)
const DEFAULT_PROCS = availableParallelism()

type Pairing = 'alternate' | 'duet' | 'shared'
interface Bench {
  pkg: string
  name: string
  binary: string
  /** Where its runs' probe files go. */
  probeDir: string
}
interface Row {
  part: 'a' | 'b'
  benchmark: string
  benchtime: string
  pairing: Pairing
  hog: boolean
  rounds: number
  iterations: number
  /** Of ns/op (wall time). */
  spread: number
  /** Of cpu-ns/op (the probe's CPU time per op); null when the probe reported none. */
  cpuSpread: number | null
  medianNs: number
  secondsPerRound: number
  powerPerSecond: number
  otherCpu: number | null
  failedRuns: number
}

function argvOf(b: Bench, benchtime: string): string[] {
  return [b.binary, '-test.run=^$', `-test.bench=^${b.name}$`, `-test.benchtime=${benchtime}`, '-test.count=1']
}

interface Timed {
  ns: number
  cpuNs?: number
  iterations: number
}

function nsOf(r: ProcessResult, b: Bench, procs: number, probe: string | undefined): Timed | undefined {
  const line = parseBenchOutput(r.stdout, { procs }).results.find((l) => l.name === b.name)
  const ns = line?.metrics['ns/op']
  if (!line || typeof ns !== 'number' || r.code !== 0) return undefined
  const cpu = probe === undefined ? undefined : parseProbeOutput(probe)?.cpuNs
  return { ns, iterations: line.iterations, ...(cpu !== undefined && line.iterations > 0 ? { cpuNs: cpu / line.iterations } : {}) }
}

let probeFiles = 0
async function runOne(b: Bench, argv: string[], procs: number): Promise<Timed | undefined> {
  const file = join(b.probeDir, `probe-${probeFiles++}.json`)
  const r = await runProcess({ argv, cwd: join(FIXTURE, b.pkg), env: { ...process.env, ...probeEnv({ file, rules: [] }), GOMAXPROCS: String(procs) }, timeoutMs: 120_000 })
  const probe = await readFile(file, 'utf8').catch(() => undefined)
  await rm(file, { force: true })
  return nsOf(r, b, procs, probe)
}

interface Setups {
  duet?: DuetSetup
  shared?: DuetSetup
}

/** One A/A round: both runs of the same binary, one after the other (order flipped) or together, pinned. */
async function round(b: Bench, n: number, i: number, pairing: Pairing, setups: Setups): Promise<{ wall: number; cpu?: number } | undefined> {
  const argv = argvOf(b, `${n}x`)
  let pair: (Timed | undefined)[]
  const together = pairing === 'duet' ? setups.duet : pairing === 'shared' ? setups.shared : undefined
  if (together) {
    pair = await Promise.all(together.cpus.map((c) => runOne(b, pinnedArgv(together.taskset, c, argv), c.length)))
  } else {
    const first = await runOne(b, argv, DEFAULT_PROCS)
    const second = await runOne(b, argv, DEFAULT_PROCS)
    pair = i % 2 === 0 ? [first, second] : [second, first]
  }
  const [x, y] = pair
  if (!x || !y) return undefined
  return { wall: Math.log(y.ns / x.ns), ...(x.cpuNs !== undefined && y.cpuNs !== undefined ? { cpu: Math.log(y.cpuNs / x.cpuNs) } : {}) }
}

interface Condition {
  part: Row['part']
  bench: Bench
  benchtime: string
  pairing: Pairing
  hog: boolean
  iterations: number
  medianNs: number
  ratios: number[]
  cpuRatios: number[]
  seconds: number
  /** Other processes' CPU share in each of its rounds, weighted by the round's seconds. */
  othersSeconds: number
  failedRuns: number
}

async function calibrate(part: Row['part'], bench: Bench, benchtime: string, pairing: Pairing, hog: boolean): Promise<Condition> {
  const calibrated = await runOne(bench, argvOf(bench, benchtime), DEFAULT_PROCS)
  return { part, bench, benchtime, pairing, hog, iterations: calibrated?.iterations ?? 1, medianNs: calibrated?.ns ?? NaN, ratios: [], cpuRatios: [], seconds: 0, othersSeconds: 0, failedRuns: 0 }
}

/** One more round of a condition, with its hog running for just that round. */
async function roundOf(c: Condition, i: number, setups: Setups): Promise<void> {
  const hogProc = c.hog ? startHog() : undefined
  const before = cpuSnapshot()
  const t = performance.now()
  try {
    const d = await round(c.bench, c.iterations, i, c.pairing, setups)
    if (d === undefined) c.failedRuns++
    else {
      c.ratios.push(d.wall)
      if (d.cpu !== undefined) c.cpuRatios.push(d.cpu)
    }
  } finally {
    hogProc?.kill('SIGKILL')
  }
  const seconds = (performance.now() - t) / 1000
  c.seconds += seconds
  c.othersSeconds += (othersShare(before, cpuSnapshot()) ?? 0) * seconds
}

function rowOf(c: Condition): Row {
  const secondsPerRound = c.seconds / Math.max(1, c.ratios.length + c.failedRuns)
  const spread = robustSpread(c.ratios)
  return {
    part: c.part,
    benchmark: `${c.bench.pkg}.${c.bench.name}`,
    benchtime: c.benchtime,
    pairing: c.pairing,
    hog: c.hog,
    rounds: c.ratios.length,
    iterations: c.iterations,
    spread,
    cpuSpread: c.cpuRatios.length === c.ratios.length && c.ratios.length > 0 ? robustSpread(c.cpuRatios) : null,
    medianNs: c.medianNs,
    secondsPerRound,
    powerPerSecond: spread > 0 ? 1 / (spread * Math.sqrt(secondsPerRound)) : Infinity,
    otherCpu: c.seconds > 0 ? c.othersSeconds / c.seconds : null,
    failedRuns: c.failedRuns
  }
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`

function table(rows: Row[]): string {
  const head = '| part | benchmark | benchtime | pairing | hog | rounds | spread (ns/op) | spread (cpu-ns/op) | s/round | power/s (ns/op) | power/s (cpu-ns/op) | others CPU |'
  const lines = rows.map(
    (r) =>
      `| ${r.part} | ${r.benchmark} | ${r.benchtime} | ${r.pairing} | ${r.hog ? 'yes' : 'no'} | ${r.rounds} | ${pct(r.spread)} | ${r.cpuSpread === null ? '?' : pct(r.cpuSpread)} | ${r.secondsPerRound.toFixed(2)} | ${r.powerPerSecond.toFixed(1)} | ${r.cpuSpread ? (1 / (r.cpuSpread * Math.sqrt(r.secondsPerRound))).toFixed(1) : '?'} | ${r.otherCpu === null ? '?' : pct(r.otherCpu)} |`
  )
  return [head, '|---|---|---|---|---|---|---|---|---|---|---|---|', ...lines].join('\n')
}

/** Per condition, the median over the benchmarks: one line per benchtime or pairing to read the answer off. */
function summary(rows: Row[]): { condition: string; medianSpread: number; medianCpuSpread: number | null; medianPowerPerSecond: number }[] {
  const groups = new Map<string, Row[]>()
  for (const r of rows) {
    const key = `${r.part} ${r.benchtime} ${r.pairing}${r.hog ? ' +hog' : ''}`
    groups.set(key, [...(groups.get(key) ?? []), r])
  }
  return [...groups].map(([condition, rs]) => ({
    condition,
    medianSpread: median(rs.map((r) => r.spread)),
    medianCpuSpread: rs.every((r) => r.cpuSpread !== null) ? median(rs.map((r) => r.cpuSpread ?? 0)) : null,
    medianPowerPerSecond: median(rs.map((r) => r.powerPerSecond))
  }))
}

async function main(): Promise<void> {
  const started = new Date().toISOString()
  const startLoad = loadavg()
  const dir = await mkdtemp(join(tmpdir(), 'glg-noise-'))
  try {
    const pkgs = [...new Set(BENCHMARKS.map((b) => b.pkg))]
    // Built as the gate builds them, with its probe: every run also reports its CPU time.
    const tc = await probeToolchain(runProcess)
    const listed = await listTestPackages(runProcess, tc, FIXTURE, pkgs.map((p) => `./${p}`), 'benchmarks')
    const built = await buildTestBinaries(runProcess, tc, FIXTURE, listed, dir, { race: false, probe: true })
    const binaryOf = (pkg: string): string => {
      const b = built.find((x) => x.pkg.relDir === pkg)
      if (!b?.binary || !b.probe) throw new Error(`building ${pkg} in ${FIXTURE} with the probe failed: ${b && !b.build.ok ? b.build.error : 'no binary'}`)
      return b.binary
    }
    const probeDir = join(dir, 'probe')
    await mkdir(probeDir, { recursive: true })
    const benches: Bench[] = BENCHMARKS.map((b) => ({ ...b, binary: binaryOf(b.pkg), probeDir }))
    const allowed = await allowedCpus()
    const probe = await probeDuet(runProcess, allowed)
    const sharedProbe = await probeShared(runProcess, allowed)
    const setups: Setups = { ...('duet' in probe ? { duet: probe.duet } : {}), ...('duet' in sharedProbe ? { shared: sharedProbe.duet } : {}) }
    const { duet, shared } = setups
    log(
      `fixtures/power: ${availableParallelism()} CPUs (${cpus()[0]?.model ?? '?'}), load ${startLoad.map((l) => l.toFixed(2)).join(' ')}; ${ROUNDS} A/A rounds per condition; duet: ${duet ? `CPUs ${duet.cpus.map((c) => c.join(',')).join(' | ')}` : `no (${'fallback' in probe ? probe.fallback : ''})`}; shared: ${shared ? `CPU ${shared.cpus[0].join(',')}` : `no (${'fallback' in sharedProbe ? sharedProbe.fallback : ''})`}`
    )
    const conditions: Condition[] = []
    for (const benchtime of BENCHTIMES) for (const b of benches) conditions.push(await calibrate('a', b, benchtime, 'alternate', false))
    const pairings: Pairing[] = ['alternate', ...(duet ? (['duet'] as const) : []), ...(shared ? (['shared'] as const) : [])]
    for (const hog of [false, true]) for (const pairing of pairings) for (const b of benches) conditions.push(await calibrate('b', b, DUET_BENCHTIME, pairing, hog))
    // Round-robin over the conditions, so that the machine's mood over the run falls on all of them alike.
    for (let i = 0; i < ROUNDS; i++) {
      for (const c of conditions) await roundOf(c, i, setups)
      log(`round ${i + 1}/${ROUNDS} of ${conditions.length} conditions, load ${loadavg()[0].toFixed(2)}`)
    }
    const rows = conditions.map(rowOf)
    const out = {
      started,
      finished: new Date().toISOString(),
      machine: { cpus: availableParallelism(), model: cpus()[0]?.model ?? null, loadStart: startLoad, loadEnd: loadavg() },
      rounds: ROUNDS,
      duet: duet ?? null,
      shared: shared ?? null,
      rows,
      summary: summary(rows)
    }
    await mkdir(join(here, 'out'), { recursive: true })
    await writeFile(join(here, 'out', 'noise.json'), JSON.stringify(out, null, 2) + '\n')
    process.stdout.write(`${table(rows)}\n\n`)
    process.stdout.write(
      out.summary
        .map((s) => `${s.condition}: median spread ${pct(s.medianSpread)} (ns/op), ${s.medianCpuSpread === null ? '?' : pct(s.medianCpuSpread)} (cpu-ns/op), median power/s ${s.medianPowerPerSecond.toFixed(1)} (ns/op)`)
        .join('\n') + '\n'
    )
    log(`load at the end ${out.machine.loadEnd.map((l) => l.toFixed(2)).join(' ')}; wrote bench/out/noise.json`)
  } finally {
    stopHogs()
    await rm(dir, { recursive: true, force: true })
  }
}

await main()
