// Regenerates test/fixtures/recorded-results/: result.json pairs and report.json files of real gate runs on
// the fixtures, and the git diff between each fixture's base and head, for the tests that feed them
// (mutated) to readResult, compare, the renderers and the unified-diff parser.
//
//   npx tsx scripts/record-results.ts
//
// Each case is `gate` on a fixture repository (base and head interleaved, this machine's Go), with few runs:
// the files need the structure of real results, not good statistics. Temporary paths are replaced by
// /tmp/glg-record so a re-run differs only where Go or the gate changed. Only the profiles a finding reads
// are kept (an allocation finding's memory profiles, a slowdown's CPU profiles; the rest would be megabytes
// of near-identical bytes); the results still name every profile, so a compare of them reports the missing
// ones like any other unreadable profile.
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_COMPARE, DEFAULT_LOAD, DEFAULT_RUN, DEFAULT_TESTS } from '../src/config/defaults.js'
import type { Config } from '../src/config/types.js'
import { worktreeBaseline } from '../src/baseline/worktree.js'
import { loadJobsFrom } from '../src/jobs/load/index.js'
import { gate } from '../src/pipeline/gate.js'
import { reportJson } from '../src/publish/files.js'
import { makeFixtureRepo } from '../src/fixture-repo.js'
import { runProcess } from '../src/go/process.js'
import { probeToolchain } from '../src/go/toolchain.js'
import type { Finding } from '../src/model/report.js'
import type { RunResult } from '../src/model/result.js'
import { slowdownFindings } from '../src/compare/cpu-sites.js'
import { allocationProfiledRuns, cpuProfiledRuns } from '../src/compare/profiled-runs.js'

// The job of fixtures/load/base/go-leak-gate.yml (and expectations.json).
const LOAD_JOB = {
  name: 'api',
  service: { package: './cmd/api', args: ['-addr', '{addr}'] },
  traffic: { requests: ['/work', '/audit', '/journal', '/proxy', '/visit', '/render'].map((url, i) => ({ url, weight: [12, 1, 1, 1, 1, 4][i] })), count: 300, concurrency: 4 },
  cooldown: '1s'
}

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'recorded-results')
const PLACEHOLDER = '/tmp/glg-record'

interface Case {
  name: string
  fixture: string
  config: (dir: string) => Config
}

const CASES: Case[] = [
  {
    // Regressions, a retained-heap leak, failures, a package that stops building, hostile names.
    name: 'gate',
    fixture: 'gate',
    config: (dir) => ({
      run: { ...DEFAULT_RUN, dir, count: 3, benchtime: '100x', timeoutMs: 120_000 },
      compare: { ...DEFAULT_COMPARE, metricDirections: { 'items/op': 'lower' } },
      tests: { ...DEFAULT_TESTS, enabled: false },
      load: DEFAULT_LOAD
    })
  },
  {
    // A slowdown whose CPU-profiled runs hold enough samples to name the function (the benchtime of slow's
    // cpu expectation in fixtures/gate/expectations.json).
    name: 'cpu',
    fixture: 'gate',
    config: (dir) => ({
      run: { ...DEFAULT_RUN, dir, packages: ['./slow'], count: 4, benchtime: '40000x', timeoutMs: 120_000 },
      compare: DEFAULT_COMPARE,
      tests: { ...DEFAULT_TESTS, enabled: false },
      load: DEFAULT_LOAD
    })
  },
  {
    // Metrics Go printed as +Inf and NaN, lines a benchmark forged, a result line no reader can read.
    name: 'untrusted',
    fixture: 'untrusted',
    config: (dir) => ({
      run: { ...DEFAULT_RUN, dir, count: 3, benchtime: '100x', timeoutMs: 120_000 },
      compare: DEFAULT_COMPARE,
      tests: { ...DEFAULT_TESTS, enabled: false },
      load: DEFAULT_LOAD
    })
  },
  {
    // The test pass: races, goroutine leaks, a hang, panics.
    name: 'leaks',
    fixture: 'leaks',
    config: (dir) => ({
      // The benchmark timeout bounds the test pass's -race run of the benchmarks too: benchhang's head waits it out.
      run: { ...DEFAULT_RUN, dir, bench: '^$', count: 1, timeoutMs: 10_000 },
      compare: DEFAULT_COMPARE,
      tests: { ...DEFAULT_TESTS, timeoutMs: 10_000, raceBenchtime: '100x', ignore: [] },
      load: DEFAULT_LOAD
    })
  },
  {
    // A load job (fixtures/load: leaks of goroutines, heap and descriptors, a race, slower work), at the
    // fewest rounds and requests that still tell its leaks from warm-up.
    name: 'load',
    fixture: 'load',
    config: (dir) => ({
      run: { ...DEFAULT_RUN, dir, count: 1 },
      compare: DEFAULT_COMPARE,
      tests: { ...DEFAULT_TESTS, enabled: false },
      load: { enabled: true, jobs: loadJobsFrom([{ ...LOAD_JOB, traffic: { ...LOAD_JOB.traffic, count: 200 }, warmup: 200, rounds: 3 }]) }
    })
  }
]

/**
 * Profiles a finding of the report reads, both sides: the memory profiles of an allocation or retained-heap
 * finding's benchmark (its exact-allocation run's), and the CPU profiles of a slowdown's.
 */
function profilesToKeep(result: RunResult, allocation: Set<string>, slowdown: Set<string>): Set<string> {
  const keep = new Set<string>()
  for (const p of result.packages) {
    for (const b of p.benchmarks) {
      const key = `${p.importPath}\u0000${b.name}`
      if (allocation.has(key)) for (const r of allocationProfiledRuns(b).runs) if (r.heap) keep.add(r.heap.profile)
      if (slowdown.has(key)) for (const r of cpuProfiledRuns(b)) if (r.cpuProfile) keep.add(r.cpuProfile)
    }
  }
  return keep
}

async function record(c: Case, toolchain: Awaited<ReturnType<typeof probeToolchain>>): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), `glg-record-${c.name}-`))
  try {
    const repo = await makeFixtureRepo(runProcess, c.fixture, join(work, 'repo'))
    const results = join(work, 'results')
    const log = (line: string): void => void process.stderr.write(`[${c.name}] ${line}\n`)
    const { report, base, head } = await gate({ run: runProcess, toolchain, log }, c.config(repo.dir), worktreeBaseline(repo.dir, repo.baseSha), results)
    const dest = join(OUT, c.name)
    await rm(dest, { recursive: true, force: true })
    const attributed = report.findings.filter((f) => f.kind === 'heap-leak' || (f.kind === 'regression' && (f.unit === 'B/op' || f.unit === 'allocs/op')))
    const subjectsOf = (findings: Finding[]): Set<string> => new Set(findings.map((f) => `${f.pkg}\u0000${f.subject}`))
    const subjects = subjectsOf(attributed)
    const slowdowns = subjectsOf(slowdownFindings(report))
    const placeholder = (text: string): string => text.split(work).join(PLACEHOLDER)
    for (const [side, result] of [['base', base], ['head', head]] as const) {
      await mkdir(join(dest, side, 'profiles'), { recursive: true })
      await writeFile(join(dest, side, 'result.json'), placeholder(JSON.stringify(result, null, 2)) + '\n')
      const keep = profilesToKeep(result, subjects, slowdowns)
      for (const f of await readdir(join(results, side, 'profiles')).catch(() => [])) {
        if (keep.has(`profiles/${f}`)) await copyFile(join(results, side, 'profiles', f), join(dest, side, 'profiles', f))
      }
    }
    // The source diff compare reads (as src/baseline/linemap.ts asks git for it), for the unified-diff parser.
    const diff = await runProcess({
      argv: ['git', 'diff', '-U0', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/', repo.baseSha, repo.headSha, '--'],
      cwd: repo.dir,
      timeoutMs: 60_000
    })
    if (diff.code !== 0) throw new Error(`git diff failed: ${diff.stderr}`)
    await writeFile(join(dest, 'source.diff'), diff.stdout)
    report.base.dir = 'base'
    report.head.dir = 'head'
    await writeFile(join(dest, 'report.json'), placeholder(reportJson(report)))
    log(`${report.verdict}${report.incomplete ? ' (incomplete)' : ''}, ${report.findings.length} findings -> ${dest}`)
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

const toolchain = await probeToolchain(runProcess)
await mkdir(OUT, { recursive: true })
const only = process.argv.slice(2)
for (const c of CASES) if (only.length === 0 || only.includes(c.name)) await record(c, toolchain)
await writeFile(join(OUT, 'go-version.txt'), `${toolchain.goVersion}\n`)
