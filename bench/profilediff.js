// Measurement 2: `go-leak-gate compare` on a retained-heap regression, whose cost is decoding every run's
// memory profile and attributing the growth to allocation sites, against `go tool pprof -top -diff_base`
// on the same pair of profiles.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run, runChecked, runWithPeakRss } from './lib/proc.js'
import { bytes, median, mib, millis, seconds, table, verdict } from './lib/format.js'
import { buildProfilegen, generatePair, PROFILE_TOOL } from './lib/profilegen.js'

const MODULE = 'example.com/profilegen'
const BENCHMARK = 'BenchmarkRetain'

/** Samples in a profile as `go tool pprof -raw` lists them: the reference tool's own count. */
async function countSamples(file) {
  const r = await runChecked(['go', 'tool', 'pprof', '-raw', file], {})
  let samples = 0
  let nonZero = 0
  for (const line of r.stdout.split('\n')) {
    const m = /^\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)\s+(-?\d+):/.exec(line)
    if (!m) continue
    samples++
    if (m.slice(1).some((v) => v !== '0')) nonZero++
  }
  return { samples, nonZero }
}

/**
 * A result directory as `go-leak-gate run` writes it, with `runs` runs of one benchmark whose memory profiles
 * are copies of `profile`. Iterations differ a little between runs so the per-op samples are not all tied;
 * the time and allocation metrics are identical on both sides so only the retained heap can change.
 */
function writeResultDir(dir, { profile, totals, runs, iterations, goVersion, gomaxprocs }) {
  mkdirSync(join(dir, 'profiles'), { recursive: true })
  const now = new Date().toISOString()
  const benchRuns = []
  for (let i = 0; i < runs; i++) {
    const name = `p0-${BENCHMARK}.${i}.pprof`
    copyFileSync(profile, join(dir, 'profiles', name))
    const n = iterations + i
    benchRuns.push({
      index: i,
      command: [`./${PROFILE_TOOL}.test`, '-test.run=^$', `-test.bench=^${BENCHMARK}$`, `-test.benchtime=${n}x`, '-test.count=1', '-test.benchmem', `-test.memprofile=${name}`],
      cwd: '.',
      iterations: n,
      metrics: { 'ns/op': 1000 + ((i * 7) % 5), 'B/op': 64, 'allocs/op': 1 },
      gc: { stwPausesMs: [], cycles: 0, measuredCycles: 0, forcedCycles: 1 },
      heap: { inuseBytes: totals.inuseBytes, inuseObjects: totals.inuseObjects, profile: `profiles/${name}` },
      wallMs: 1000
    })
  }
  const result = {
    schemaVersion: 1,
    tool: { name: 'go-leak-gate', version: 'bench' },
    env: { goVersion, goos: process.platform, goarch: process.arch === 'x64' ? 'amd64' : process.arch, cpu: '', gomaxprocs, race: false, module: MODULE, benchtime: `${iterations}x`, count: runs },
    startedAt: now,
    finishedAt: now,
    packages: [{ importPath: MODULE, dir: '.', build: { ok: true, command: ['go', 'test', '-c', '-trimpath'] }, benchmarks: [{ name: BENCHMARK, procs: gomaxprocs, runs: benchRuns }] }],
    errors: []
  }
  writeFileSync(join(dir, 'result.json'), JSON.stringify(result, null, 2) + '\n')
}

/**
 * Our decode and aggregation of the same profile files, in compare's order and in one process, timed
 * through tsx (the bundle exports neither step), once per reader: pprof-format and the profile engine.
 */
async function decodeTiming(repoDir, reader, files) {
  const r = await run([join(repoDir, 'node_modules', '.bin', 'tsx'), join(repoDir, 'bench', 'decode.ts'), MODULE, reader, ...files], { cwd: repoDir })
  if (r.code !== 0) return { error: `bench/decode.ts exited ${r.code}: ${r.stderr.trim().split('\n').slice(-3).join(' ')}` }
  try {
    return JSON.parse(r.stdout.trim().split('\n').pop())
  } catch (err) {
    return { error: `bench/decode.ts printed no JSON (${err.message})` }
  }
}

function profilesOf(dir, runs) {
  return Array.from({ length: runs }, (_, i) => join(dir, 'profiles', `p0-${BENCHMARK}.${i}.pprof`))
}

export async function measureProfileDiff({ repoDir, stacks, runs, repeats, goVersion, gomaxprocs, log }) {
  const cli = join(repoDir, 'dist', 'cli.js')
  const work = mkdtempSync(join(tmpdir(), 'glg-bench-profile-'))
  try {
    log(`profile diff: building bench/profilegen and writing two heap profiles of ${stacks} stacks`)
    const binary = await buildProfilegen(repoDir, work)
    const { base: baseProfile, head: headProfile, baseTotals, headTotals } = await generatePair(binary, work, stacks)

    log('profile diff: counting samples with go tool pprof -raw (also builds and caches the pprof tool)')
    const baseCount = await countSamples(baseProfile)
    const headCount = await countSamples(headProfile)

    // Iterations: the same on both sides; head retains 512 B instead of 64 B at one stack in four.
    const iterations = 1000
    const baseDir = join(work, 'base')
    const headDir = join(work, 'head')
    writeResultDir(baseDir, { profile: baseProfile, totals: baseTotals, runs, iterations, goVersion, gomaxprocs })
    writeResultDir(headDir, { profile: headProfile, totals: headTotals, runs, iterations, goVersion, gomaxprocs })

    const oursArgv = [process.execPath, cli, 'compare', '--base', baseDir, '--head', headDir]
    const pprofArgv = ['go', 'tool', 'pprof', '-top', `-diff_base=${baseProfile}`, headProfile]

    log('profile diff: checking that compare finds the retained-heap growth and names its sites')
    const reportFile = join(work, 'report.json')
    // Exit 1: the gate failed, which is the expected verdict here.
    await runChecked([...oursArgv, '--json', reportFile], { cwd: work }, [1])
    const report = JSON.parse(readFileSync(reportFile, 'utf8'))
    const leak = report.findings.find((f) => f.kind === 'heap-leak')
    if (!leak) throw new Error(`compare found no heap-leak finding: ${JSON.stringify(report.findings.map((f) => f.kind))}`)
    if (leak.locations.length === 0) throw new Error('compare found the heap leak but named no allocation site')
    await runChecked(pprofArgv, { cwd: work })

    const ours = []
    const pprof = []
    for (let i = 0; i < repeats; i++) {
      log(`profile diff: repeat ${i + 1}/${repeats}`)
      const a = await runWithPeakRss(oursArgv, { cwd: work })
      if (a.code !== 1) throw new Error(`compare exited ${a.code}, expected 1 (gate failed)\n${a.stderr}`)
      ours.push({ wallMs: a.wallMs, peakRssKiB: a.peakRssKiB, rssMethod: a.rssMethod })
      const b = await runWithPeakRss(pprofArgv, { cwd: work })
      if (b.code !== 0) throw new Error(`go tool pprof exited ${b.code}\n${b.stderr}`)
      pprof.push({ wallMs: b.wallMs, peakRssKiB: b.peakRssKiB, rssMethod: b.rssMethod, topLine: b.stdout.split('\n').find((l) => /main\.retainLarge/.test(l))?.trim() })
    }

    log(`profile diff: timing our decode of the ${2 * runs} profiles in one process (tsx)`)
    const files = [...profilesOf(baseDir, runs), ...profilesOf(headDir, runs)]
    const decode = { pprofFormat: await decodeTiming(repoDir, 'pprof-format', files), engine: await decodeTiming(repoDir, 'engine', files) }

    const oursMs = median(ours.map((x) => x.wallMs))
    const pprofMs = median(pprof.map((x) => x.wallMs))
    return {
      profiles: {
        stacks,
        base: { bytes: statSync(baseProfile).size, ...baseCount, inuseBytes: baseTotals.inuseBytes },
        head: { bytes: statSync(headProfile).size, ...headCount, inuseBytes: headTotals.inuseBytes }
      },
      runsPerSide: runs,
      profilesDecodedByOurs: 2 * runs,
      profilesDecodedByPprof: 2,
      commands: {
        ours: `node dist/cli.js compare --base BASE --head HEAD  (BASE, HEAD: result dirs, ${runs} runs each)`,
        pprof: 'go tool pprof -top -diff_base=base.pprof head.pprof'
      },
      finding: {
        kind: leak.kind,
        message: leak.message,
        locations: leak.locations.map((l) => ({ function: l.function, file: l.file, line: l.line, role: l.role, deltaPerOp: l.deltaPerOp, deltaUnit: l.deltaUnit }))
      },
      repeats,
      ours,
      pprof,
      medianMs: { ours: oursMs, pprof: pprofMs },
      medianPeakRssKiB: { ours: median(ours.map((x) => x.peakRssKiB)), pprof: median(pprof.map((x) => x.peakRssKiB)) },
      decode,
      pass: oursMs < pprofMs
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

export function renderProfileDiff(m) {
  const lines = []
  const p = m.profiles
  lines.push(
    `profiles (bench/profilegen, MemProfileRate=1, ${p.stacks} distinct allocating stacks, samples counted by go tool pprof -raw):`
  )
  lines.push(
    table(
      ['profile', 'file size', 'samples', 'non-zero', 'inuse'],
      [
        ['base.pprof', bytes(p.base.bytes), String(p.base.samples), String(p.base.nonZero), bytes(p.base.inuseBytes)],
        ['head.pprof', bytes(p.head.bytes), String(p.head.samples), String(p.head.nonZero), bytes(p.head.inuseBytes)]
      ]
    )
  )
  lines.push('')
  lines.push(`ours:  ${m.commands.ours}`)
  lines.push(`       decodes ${m.profilesDecodedByOurs} profiles (one per run; every run's file is a copy of its side's profile)`)
  lines.push(`pprof: ${m.commands.pprof}`)
  lines.push(`       decodes ${m.profilesDecodedByPprof} profiles`)
  lines.push('')
  const runsRow = (list) => list.map((x) => seconds(x.wallMs)).join(', ')
  lines.push(
    table(
      ['command', 'median wall', 'median peak RSS', 'runs'],
      [
        ['go-leak-gate compare', seconds(m.medianMs.ours), mib(m.medianPeakRssKiB.ours), runsRow(m.ours)],
        ['go tool pprof -diff_base', seconds(m.medianMs.pprof), mib(m.medianPeakRssKiB.pprof), runsRow(m.pprof)]
      ]
    )
  )
  lines.push(`peak RSS: ${m.ours[0]?.rssMethod ?? '-'}`)
  lines.push('')
  lines.push(
    `ratio ours / pprof: ${(m.medianMs.ours / m.medianMs.pprof).toFixed(3)}x   target: ours faster   ${verdict(m.pass)}`
  )
  const perProfile = (ms, n) => millis(ms / n)
  lines.push(
    `per decoded profile: ours ${perProfile(m.medianMs.ours, m.profilesDecodedByOurs)}, pprof ${perProfile(m.medianMs.pprof, m.profilesDecodedByPprof)} (wall / profiles; context, not the target)`
  )
  const { pprofFormat, engine } = m.decode
  const failed = [pprofFormat, engine].find((d) => d.error)
  if (failed) lines.push(`(no breakdown: ${failed.error})`)
  else {
    const n = engine.files.length
    const sum = (d, k) => d.files.reduce((t, f) => t + f[k], 0)
    const cells = (d, k) => [millis(sum(d, k)), millis(sum(d, k) / n)]
    lines.push('')
    lines.push(`where our time goes: the same ${n} decodes in one process, in compare's order (through tsx), with each reader:`)
    lines.push(
      table(
        ['step', 'pprof-format', 'per profile', 'engine', 'per profile'],
        [
          ['decode (gunzip, protobuf, checks)', ...cells(pprofFormat, 'decodeMs'), ...cells(engine, 'decodeMs')],
          ['heap sites (aggregate by site)', ...cells(pprofFormat, 'heapSitesMs'), ...cells(engine, 'heapSitesMs')],
          ['garbage collection (within the above)', millis(pprofFormat.gcMs), millis(pprofFormat.gcMs / n), millis(engine.gcMs), millis(engine.gcMs / n)],
          ['all decodes', millis(pprofFormat.totalMs), '', millis(engine.totalMs), ''],
          ['peak RSS of the process', mib(pprofFormat.maxRssKiB), '', mib(engine.maxRssKiB), '']
        ]
      )
    )
    lines.push(`  the whole compare took ${seconds(m.medianMs.ours)} (a different process and heap sizing, so the figures do not subtract exactly).`)
  }
  lines.push('')
  lines.push(`finding: ${m.finding.kind}: ${m.finding.message}`)
  for (const l of m.finding.locations) {
    lines.push(`  ${l.role} ${l.function} ${l.file}:${l.line}  +${Math.round(l.deltaPerOp)} ${l.deltaUnit}/op`)
  }
  const top = m.pprof[0]?.topLine
  if (top) lines.push(`pprof's top line for the same site: ${top}`)
  return lines.join('\n')
}
