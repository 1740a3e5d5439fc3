// Load jobs measured on fixtures/load: detection of one leaked goroutine and of one leaked descriptor per
// 100 requests at default settings, false positives over repeated runs of the clean service against
// itself, the embedded generator's request rate and latency next to wrk's on the same endpoint in the same
// run, and the time a default load job adds to the gate.
//
//   npm run bench:load          (npx tsx bench/load.ts)
//
// Settings (environment):
//   BENCH_LOAD_DETECT_RUNS     paired base/head runs per leak kind (5)
//   BENCH_LOAD_FP_RUNS         paired runs of the clean service against itself (20)
//   BENCH_LOAD_SECONDS         seconds per measurement of the generator and of wrk (5)
//   BENCH_LOAD_REPEATS         alternations of the generator and wrk (3)
//   BENCH_LOAD_ONLY            comma list of detect, fp, accuracy, cost (all)
//
// Every job runs through the gate's own code (loadJobsFrom, runLoadJobsPaired, compareLoadJobs) with the
// defaults of src/config/load-jobs-schema.ts; only the traffic mix is set. The table goes to stdout, progress to
// stderr, everything to bench/out/load.json.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compareLoadJobs } from '../src/compare/load.js'
import { DEFAULT_COMPARE } from '../src/config/defaults.js'
import { median } from '../src/compare/stats.js'
import { runProcess } from '../src/go/process.js'
import { probeToolchain } from '../src/go/toolchain.js'
import { Schedule, sendTraffic } from '../src/jobs/load/generator.js'
import { exchange } from '../src/jobs/load/http.js'
import { freePort } from '../src/jobs/load/address.js'
import { loadJobsFrom, runLoadJobs, runLoadJobsPaired, type LoadDeps } from '../src/jobs/load/index.js'
import { buildService, startService } from '../src/jobs/load/service.js'
import type { Finding } from '../src/model/report.js'
import { intEnv } from './env.js'

const here = dirname(fileURLToPath(import.meta.url))
const OUT = join(here, 'out', 'load.json')
const FIXTURE = join(here, '..', 'fixtures', 'load')
// As the gate passes it (result.json's env.module): which allocation sites are the service's own.
const MODULE = 'example.com/loadfixture'

const DETECT_RUNS = intEnv('BENCH_LOAD_DETECT_RUNS', 5)
const FP_RUNS = intEnv('BENCH_LOAD_FP_RUNS', 20)
const SECONDS = intEnv('BENCH_LOAD_SECONDS', 5)
const REPEATS = intEnv('BENCH_LOAD_REPEATS', 3)
const ONLY = new Set((process.env.BENCH_LOAD_ONLY ?? 'detect,fp,accuracy,cost').split(',').map((s) => s.trim()))

const t0 = performance.now()
const log = (line: string): void => {
  process.stderr.write(`[load ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${line}\n`)
}

const MIX = [
  { url: '/work', weight: 12 },
  { url: '/audit', weight: 1 },
  { url: '/journal', weight: 1 },
  { url: '/proxy', weight: 1 },
  { url: '/visit', weight: 1 },
  { url: '/render', weight: 4 }
]

/** A job at the gate's defaults but for its traffic mix. */
function defaultJob(name: string, requests: { url: string; weight: number }[]) {
  return loadJobsFrom([{ name, service: { package: './cmd/api', args: ['-addr', '{addr}'] }, traffic: { requests } }])
}

function table(header: string[], rows: (string | number)[][]): string {
  const all = [header, ...rows].map((r) => r.map(String))
  const w = header.map((_, i) => Math.max(...all.map((r) => r[i].length)))
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ')
  return [line(all[0]), w.map((n) => '-'.repeat(n)).join('  '), ...all.slice(1).map(line)].join('\n')
}

const pct = (n: number, of: number) => `${n}/${of} (${((100 * n) / Math.max(1, of)).toFixed(0)}%)`
const ms = (x: number | undefined) => (x === undefined ? '-' : `${x.toFixed(x < 10 ? 2 : 1)} ms`)

interface DetectRun {
  detected: boolean
  perRequest: number | null
  otherFailing: string[]
  wallMs: number
}

async function detect(deps: LoadDeps, trees: { base: string; head: string }, kind: 'goroutine' | 'fd'): Promise<DetectRun[]> {
  const leaky = kind === 'goroutine' ? '/audit' : '/proxy'
  const jobs = defaultJob(`detect-${kind}`, [{ url: '/work', weight: 99 }, { url: leaky, weight: 1 }])
  const runs: DetectRun[] = []
  for (let i = 0; i < DETECT_RUNS; i++) {
    const started = performance.now()
    const r = await runLoadJobsPaired(deps, jobs, { label: `bb${kind}${i}`, moduleDir: trees.base }, { label: `bh${kind}${i}`, moduleDir: trees.head })
    const findings = compareLoadJobs(r.base, r.head, DEFAULT_COMPARE, MODULE).findings.filter((f) => f.severity === 'fail')
    const isIt = (f: Finding) =>
      kind === 'goroutine' ? f.kind === 'goroutine-leak' && f.locations.some((l) => l.role === 'blocking' && l.function.endsWith('.(*Server).audit.func1')) : f.kind === 'fd-leak'
    const hit = findings.find(isIt)
    // Growth per request is computed by the gate itself: always a finite number.
    const perRequest = typeof hit?.head === 'number' ? hit.head : null
    // The head's /work also waits 3 ms and allocates more (a latency and an allocation regression), and an
    // unclosed body leaks its connection's two goroutines too: expected, listed, not counted as misses.
    runs.push({ detected: hit !== undefined, perRequest, otherFailing: findings.filter((f) => !isIt(f)).map((f) => `${f.kind} ${f.metric}`), wallMs: performance.now() - started })
    log(`detect ${kind} ${i + 1}/${DETECT_RUNS}: ${hit ? `found, ${perRequest?.toFixed(4)} per request` : 'MISSED'}${r.head[0].error ? ` (head error: ${r.head[0].error.message})` : ''}`)
  }
  return runs
}

async function falsePositives(deps: LoadDeps, base: string): Promise<{ fail: string[]; warn: string[]; errors: string[] }[]> {
  const jobs = defaultJob('clean', MIX)
  const out = []
  for (let i = 0; i < FP_RUNS; i++) {
    const r = await runLoadJobsPaired(deps, jobs, { label: `fpa${i}`, moduleDir: base }, { label: `fpb${i}`, moduleDir: base })
    const findings = compareLoadJobs(r.base, r.head, DEFAULT_COMPARE, MODULE).findings
    const names = (s: string) => findings.filter((f) => f.severity === s).map((f) => `${f.kind} ${f.metric}: ${f.message}`)
    const errors = [...r.base, ...r.head].flatMap((x) => (x.error ? [x.error.message] : []))
    out.push({ fail: names('fail'), warn: names('warn'), errors })
    log(`clean ${i + 1}/${FP_RUNS}: ${out[i].fail.length} failing, ${out[i].warn.length} warnings${errors.length ? `, errors: ${errors.join('; ')}` : ''}`)
  }
  return out
}

/** wrk's `Requests/sec:` and its --latency percentiles, in ms. */
function parseWrk(text: string): { rps: number; p50?: number; p99?: number } {
  const unit = (v: string, u: string) => Number(v) * ({ us: 0.001, ms: 1, s: 1000 }[u] ?? Number.NaN)
  const at = (p: string) => {
    const m = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s)$`, 'm').exec(text)
    return m ? unit(m[1], m[2]) : undefined
  }
  return { rps: Number(/^Requests\/sec:\s+([\d.]+)/m.exec(text)?.[1] ?? Number.NaN), p50: at('50'), p99: at('99') }
}

async function accuracy(deps: LoadDeps, base: string, work: string) {
  const wrk = await runProcess({ argv: ['wrk', '--version'], cwd: work, timeoutMs: 10_000 })
  const haveWrk = wrk.spawnError === undefined
  if (!haveWrk) log('wrk is not installed (apt-get install -y wrk): the generator is measured alone, with nothing to compare it with')
  const { binary } = await buildService(deps, 'accuracy', base, './cmd/api', true, work)
  const port = await freePort()
  const service = await startService('accuracy', [binary, '-addr', `127.0.0.1:${port}`], base, process.env)
  const url = new URL(`http://127.0.0.1:${port}/work`)
  for (let i = 0; i < 100; i++) {
    const ok = await exchange(url, { timeoutMs: 1000 }).then((a) => a.status === 200, () => false)
    if (ok) break
    await new Promise((r) => setTimeout(r, 100))
  }
  const rows: { tool: string; connections: number; rps: number; p50?: number; p99?: number; cpuMsPer1k?: number }[] = []
  try {
    // Four connections saturate the service (two cores shared by it and the tool): the figures then say
    // how much CPU each tool leaves the service. One connection queues nothing: the latency difference
    // is each tool's own cost per request.
    for (const connections of [4, 1]) {
      for (let i = 0; i < REPEATS; i++) {
        const cpu = process.cpuUsage()
        const s = await sendTraffic({ requests: [{ method: 'GET', url, headers: {}, weight: 1, label: 'GET /work' }], durationMs: SECONDS * 1000, concurrency: connections, timeoutMs: 10_000 }, new Schedule([1]))
        const used = process.cpuUsage(cpu)
        rows.push({ tool: 'embedded', connections, rps: (s.requests * 1000) / s.durationMs, p50: s.latency?.p50, p99: s.latency?.p99, cpuMsPer1k: ((used.user + used.system) / 1000 / s.requests) * 1000 })
        log(`generator c${connections} ${i + 1}/${REPEATS}: ${rows[rows.length - 1].rps.toFixed(0)} req/s`)
        if (!haveWrk) continue
        const w = await runProcess({ argv: ['wrk', `-t${Math.min(2, connections)}`, `-c${connections}`, `-d${SECONDS}s`, '--latency', url.href], cwd: work, timeoutMs: (SECONDS + 30) * 1000 })
        rows.push({ tool: 'wrk', connections, ...parseWrk(w.stdout) })
        log(`wrk c${connections} ${i + 1}/${REPEATS}: ${rows[rows.length - 1].rps.toFixed(0)} req/s`)
      }
    }
  } finally {
    await service.stop(5000)
  }
  return { haveWrk, rows }
}

async function cost(deps: LoadDeps, trees: { base: string; head: string }) {
  const jobs = defaultJob('cost', MIX)
  let started = performance.now()
  const [one] = await runLoadJobs(deps, jobs, { label: 'cost1', moduleDir: trees.base })
  const singleMs = performance.now() - started
  started = performance.now()
  await runLoadJobsPaired(deps, jobs, { label: 'cost2b', moduleDir: trees.base }, { label: 'cost2h', moduleDir: trees.head })
  const pairedMs = performance.now() - started
  const trafficMs = one.phases.reduce((n, p) => n + p.durationMs, 0)
  return { singleMs, pairedMs, trafficMs, requests: one.phases.reduce((n, p) => n + (p.requests ?? 0), 0), error: one.error?.message }
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'glg-loadbench-'))
  const report: Record<string, unknown> = { loadavgStart: loadavg() }
  const lines: string[] = []
  try {
    const head = join(work, 'head')
    await cp(join(FIXTURE, 'base'), head, { recursive: true })
    await cp(join(FIXTURE, 'head'), head, { recursive: true })
    const trees = { base: join(FIXTURE, 'base'), head }
    const toolchain = await probeToolchain(runProcess)
    const deps: LoadDeps = { run: runProcess, toolchain, log }
    report.go = toolchain.goVersion
    lines.push(`Go ${toolchain.goVersion}, ${toolchain.numCPU} CPUs, load average at start ${loadavg().map((x) => x.toFixed(1)).join(' ')}`)

    if (ONLY.has('detect')) {
      const rows: (string | number)[][] = []
      for (const kind of ['goroutine', 'fd'] as const) {
        const runs = await detect(deps, trees, kind)
        report[`detect-${kind}`] = runs
        const rates = runs.map((r) => r.perRequest).filter((x): x is number => x !== null)
        rows.push([`1 leaked ${kind === 'goroutine' ? 'goroutine' : 'descriptor'} / 100 requests`, pct(runs.filter((r) => r.detected).length, runs.length), rates.length ? median(rates).toFixed(4) : '-', `${(median(runs.map((r) => r.wallMs)) / 1000).toFixed(1)} s`])
      }
      lines.push('\n== detection at default settings (5 rounds of 1000 requests after a 1000-request warm-up, 4 connections)\n')
      lines.push(table(['leak', 'detected', 'measured per request', 'paired run'], rows))
    }
    if (ONLY.has('fp')) {
      const runs = await falsePositives(deps, trees.base)
      report.fp = runs
      const withFail = runs.filter((r) => r.fail.length > 0).length
      const withWarn = runs.filter((r) => r.warn.length > 0).length
      lines.push(`\n== false positives: the clean service (base) against itself, ${runs.length} paired runs, full mix\n`)
      lines.push(table(['runs with', 'count'], [['a failing finding', pct(withFail, runs.length)], ['a warning', pct(withWarn, runs.length)], ['an error', pct(runs.filter((r) => r.errors.length > 0).length, runs.length)]]))
      for (const r of runs) for (const f of [...r.fail, ...r.warn]) lines.push(`  ${f}`)
    }
    if (ONLY.has('accuracy')) {
      const a = await accuracy(deps, trees.base, work)
      report.accuracy = a
      lines.push(`\n== generator vs wrk: GET /work of the base service (-race), ${SECONDS} s each, alternating ${REPEATS}x (medians)\n`)
      if (!a.haveWrk) lines.push('wrk is NOT installed (apt-get install -y wrk): no reference figures')
      type Row = (typeof a.rows)[number]
      const med = (tool: string, c: number, pick: (r: Row) => number | undefined) => {
        const xs = a.rows.filter((r) => r.tool === tool && r.connections === c).map(pick).filter((x): x is number => x !== undefined && Number.isFinite(x))
        return xs.length ? median(xs) : undefined
      }
      const rows = [4, 1].flatMap((c) =>
        ['embedded', ...(a.haveWrk ? ['wrk'] : [])].map((t) => [t, c, (med(t, c, (r) => r.rps) ?? 0).toFixed(0), ms(med(t, c, (r) => r.p50)), ms(med(t, c, (r) => r.p99)), t === 'embedded' ? `${(med(t, c, (r) => r.cpuMsPer1k) ?? 0).toFixed(0)} ms` : '-'])
      )
      lines.push(table(['tool', 'connections', 'requests/s', 'p50', 'p99', 'own CPU per 1000 requests'], rows))
      if (a.haveWrk) {
        for (const c of [4, 1]) {
          const ratio = (pick: (r: Row) => number | undefined) => ((med('embedded', c, pick) ?? 0) / (med('wrk', c, pick) ?? 1)).toFixed(2)
          const extra = (med('embedded', c, (r) => r.p50) ?? 0) - (med('wrk', c, (r) => r.p50) ?? 0)
          lines.push(`${c} connection${c === 1 ? '' : 's'}: embedded / wrk requests/s ${ratio((r) => r.rps)}x, p50 ${ratio((r) => r.p50)}x (${extra >= 0 ? '+' : ''}${extra.toFixed(3)} ms), p99 ${ratio((r) => r.p99)}x`)
        }
      }
    }
    if (ONLY.has('cost')) {
      const c = await cost(deps, trees)
      report.cost = c
      lines.push('\n== time a default load job adds (full mix, build cache warm)\n')
      lines.push(table(['', 'wall'], [['one side (build, start, warm-up, 5 rounds, snapshots, stop)', `${(c.singleMs / 1000).toFixed(1)} s`], ['  of which traffic', `${(c.trafficMs / 1000).toFixed(1)} s (${c.requests} requests)`], ['both sides, rounds alternating (what the gate adds)', `${(c.pairedMs / 1000).toFixed(1)} s`]]))
    }
    report.loadavgEnd = loadavg()
    lines.push(`\nload average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`)
  } finally {
    await rm(work, { recursive: true, force: true })
  }
  await mkdir(dirname(OUT), { recursive: true })
  await writeFile(OUT, JSON.stringify(report, null, 2) + '\n')
  process.stdout.write(lines.join('\n') + '\n')
}

await main()
