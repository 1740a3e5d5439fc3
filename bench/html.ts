// The HTML report's cost: the file's size, the time to write it, and the time headless chromium takes to show
// it (navigation to the load event, to the page script's mark once the graphs are in the DOM, and to the
// first contentful paint), for the demo and for the 200k-stack pair of bench/profilegen.
//
//   npm run bench:html          (npx tsx bench/html.ts)
//
// Settings (environment):
//   BENCH_HTML_STACKS   distinct stacks per profile of the generated pair (200000)
//   BENCH_HTML_LOADS    page loads per file; the medians are reported (5)
//   BENCH_HTML_ONLY     comma list of demo, pair (both)
//
// The demo is the gate run on fixtures/demo as `npm run demo` runs it. The pair's results have one benchmark
// with 4 runs per side, each naming that side's profile (so the writer decodes 8 profiles, as compare
// does). Needs /usr/bin/chromium (scripts/install-browser.sh). Table to stdout, JSON to bench/out/html.json.
import { execFile } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { DEFAULT_COMPARE } from '../src/config/defaults.js'
import { compareResults } from '../src/compare/compare.js'
import { runDemo } from '../src/demo.js'
import { readResult } from '../src/baseline/result-dir.js'
import { runProcess } from '../src/go/process.js'
import { probeToolchain } from '../src/go/toolchain.js'
import type { Report } from '../src/model/report.js'
import { RESULT_SCHEMA_VERSION, type BenchRun, type RunResult } from '../src/model/result.js'
import { writeHtmlReport } from '../src/publish/html.js'
import { browserMissing, launch, openFile } from '../test/report/html/browser.js'

const exec = promisify(execFile)
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const STACKS = Number(process.env.BENCH_HTML_STACKS ?? 200_000)
const LOADS = Number(process.env.BENCH_HTML_LOADS ?? 5)
const ONLY = new Set((process.env.BENCH_HTML_ONLY ?? 'demo,pair').split(','))
const MODULE = 'example.com/profilegen'

const log = (line: string): void => void process.stderr.write(`bench:html: ${line}\n`)
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]

interface Case {
  name: string
  report: Report
  base: RunResult
  head: RunResult
  baseDir: string
  headDir: string
}

async function demoCase(work: string): Promise<Case> {
  log('running the gate on the demo (about a minute)')
  const toolchain = await probeToolchain(runProcess)
  const { report } = await runDemo({ run: runProcess, toolchain, log: () => {} }, join(work, 'demo'), [])
  const baseDir = join(work, 'demo', 'results', 'base')
  const headDir = join(work, 'demo', 'results', 'head')
  return { name: 'demo', report, base: await readResult(baseDir), head: await readResult(headDir), baseDir, headDir }
}

/** A side with one benchmark of 4 runs, each naming a copy of `profile`. */
async function pairSide(dir: string, profile: string, nsPerOp: number): Promise<RunResult> {
  await mkdir(join(dir, 'profiles'), { recursive: true })
  const runs: BenchRun[] = []
  for (let i = 0; i < 4; i++) {
    const name = `profiles/p0-BenchmarkRetain.${i}.pprof`
    await copyFile(profile, join(dir, name))
    runs.push({
      index: i,
      command: [],
      cwd: '.',
      iterations: 1000,
      metrics: { 'ns/op': nsPerOp + i, 'B/op': 64, 'allocs/op': 1 },
      gc: { stwPausesMs: [0.02 + i / 100, 0.05, 0.11], cycles: 3, measuredCycles: 3, forcedCycles: 1 },
      heap: { inuseBytes: 0, inuseObjects: 0, profile: name },
      wallMs: 1000
    })
  }
  const now = new Date().toISOString()
  const env = { goVersion: 'go', goos: 'linux', goarch: 'amd64', cpu: '', gomaxprocs: 2, race: false, module: MODULE, benchtime: '1000x', count: 4 }
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    tool: { name: 'go-leak-gate', version: 'bench' },
    env,
    startedAt: now,
    finishedAt: now,
    packages: [{ importPath: MODULE, dir: '.', build: { ok: true, command: [] }, benchmarks: [{ name: 'BenchmarkRetain', procs: 2, runs }] }],
    errors: []
  }
}

async function pairCase(work: string): Promise<Case> {
  log(`generating the ${STACKS}-stack pair with bench/profilegen`)
  const binary = join(work, 'profilegen')
  await exec('go', ['build', '-trimpath', '-o', binary, '.'], { cwd: join(ROOT, 'bench', 'profilegen') })
  const profiles = { base: join(work, 'base.pprof'), head: join(work, 'head.pprof') }
  await exec(binary, ['-out', profiles.base, '-stacks', String(STACKS)])
  await exec(binary, ['-out', profiles.head, '-stacks', String(STACKS), '-head'])
  const baseDir = join(work, 'pair', 'base')
  const headDir = join(work, 'pair', 'head')
  const base = await pairSide(baseDir, profiles.base, 1000)
  const head = await pairSide(headDir, profiles.head, 1000)
  const report = compareResults({ base, head, baseDir, headDir, config: DEFAULT_COMPARE })
  return { name: `${STACKS / 1000}k-stack pair`, report, base, head, baseDir, headDir }
}

interface Measured {
  case: string
  bytes: number
  writeMs: number
  loads: { loadMs: number; renderedMs: number; firstPaintMs: number }[]
  median: { loadMs: number; renderedMs: number; firstPaintMs: number }
  errors: string[]
}

async function measure(c: Case, work: string): Promise<Measured> {
  const out = join(work, `${c.name.replace(/\W+/g, '-')}.html`)
  const started = process.hrtime.bigint()
  await writeHtmlReport(c.report, c.base, c.head, { baseDir: c.baseDir, headDir: c.headDir, out })
  const writeMs = Number(process.hrtime.bigint() - started) / 1e6
  const bytes = (await stat(out)).size
  const browser = await launch()
  const loads: Measured['loads'] = []
  const errors: string[] = []
  try {
    for (let i = 0; i < LOADS; i++) {
      log(`${c.name}: load ${i + 1}/${LOADS}`)
      const page = await openFile(browser, out)
      errors.push(...page.errors, ...page.blocked.map((u) => `request: ${u}`))
      // The browser's own clock, from navigation start: the load event, our mark, the first contentful paint.
      const t = (await page.page.evaluate(`(() => {
        const nav = performance.getEntriesByType('navigation')[0]
        const mark = performance.getEntriesByName('go-leak-gate:rendered')[0]
        const paint = performance.getEntriesByName('first-contentful-paint')[0]
        return { loadMs: nav.loadEventEnd, renderedMs: mark ? mark.startTime : -1, firstPaintMs: paint ? paint.startTime : -1 }
      })()`)) as Measured['loads'][number]
      loads.push(t)
      await page.page.context().close()
    }
  } finally {
    await browser.close()
  }
  const med = (k: keyof Measured['loads'][number]): number => median(loads.map((l) => l[k]))
  return { case: c.name, bytes, writeMs, loads, median: { loadMs: med('loadMs'), renderedMs: med('renderedMs'), firstPaintMs: med('firstPaintMs') }, errors }
}

async function main(): Promise<void> {
  const missing = browserMissing()
  if (missing !== undefined) {
    process.stderr.write(`bench:html: ${missing}\n`)
    process.exit(2)
  }
  const work = await mkdtemp(join(tmpdir(), 'glg-bench-html-'))
  const results: Measured[] = []
  try {
    if (ONLY.has('demo')) results.push(await measure(await demoCase(work), work))
    if (ONLY.has('pair')) results.push(await measure(await pairCase(work), work))
  } finally {
    await rm(work, { recursive: true, force: true })
  }
  const ms = (x: number): string => `${x.toFixed(0)} ms`
  process.stdout.write(`HTML report (node ${process.version}, ${LOADS} loads per file, medians; times from navigation start)\n`)
  process.stdout.write('| case | file size | write | load event | graphs in DOM | first paint | console errors / requests |\n|---|---|---|---|---|---|---|\n')
  for (const r of results) {
    process.stdout.write(`| ${r.case} | ${(r.bytes / 1024).toFixed(1)} KiB | ${ms(r.writeMs)} | ${ms(r.median.loadMs)} | ${ms(r.median.renderedMs)} | ${ms(r.median.firstPaintMs)} | ${r.errors.length} |\n`)
  }
  await mkdir(join(ROOT, 'bench', 'out'), { recursive: true })
  await writeFile(join(ROOT, 'bench', 'out', 'html.json'), JSON.stringify(results, null, 2) + '\n')
}

void main()
