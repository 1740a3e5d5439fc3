import type { Finding, Report, Reproduce } from '../model/report.js'
import type { BenchmarkResult, LoadJobResult, RunResult } from '../model/result.js'
import { benchmarkPattern } from '../parse/benchfmt.js'
import { slowdownFindings } from './cpu-sites.js'
import { allocationProfiledRuns, cpuProfiledRuns } from './profiled-runs.js'

/** Quotes one argument for a POSIX shell: these commands are shown to people to paste, never run by us. */
export function shellQuote(arg: string): string {
  if (/^[A-Za-z0-9_./=:@%+,-]+$/.test(arg)) return arg
  return `'${arg.replace(/'/g, `'\\''`)}'`
}

type Found = { dir: string; bench: BenchmarkResult }

/** Benchmarks by package and name, built once: a scan per finding is quadratic in a large (or hostile) result. */
function indexOf(r: RunResult): (pkg: string, name: string) => Found | undefined {
  const m = new Map<string, Found>()
  for (const p of r.packages) {
    for (const bench of p.benchmarks) {
      const key = `${p.importPath}\u0000${bench.name}`
      if (!m.has(key)) m.set(key, { dir: p.dir, bench })
    }
  }
  return (pkg, name) => m.get(`${pkg}\u0000${name}`)
}

function last<T>(list: T[]): T | undefined {
  return list.length === 0 ? undefined : list[list.length - 1]
}

/** The memory profile to diff: the exact-allocation run's when there is one (see allocationProfiledRuns). */
function heapProfile(b: BenchmarkResult): string | undefined {
  return last(allocationProfiledRuns(b).runs)?.heap?.profile
}

function joinPath(dir: string, rel: string): string {
  return dir.endsWith('/') ? dir + rel : `${dir}/${rel}`
}

const TEST_PASS_KINDS = new Set(['race', 'goroutine-leak', 'hang', 'panic'])

/** `go test` and `dlv test` lines for a finding of the test pass (a test, or a benchmark under -race). */
function testPassCommands(f: Report['findings'][number], dirOf: Map<string, string>): Reproduce[] {
  const dir = dirOf.get(f.pkg)
  if (dir === undefined) return []
  const pkgArg = dir === '.' ? '.' : `./${dir}`
  const names = f.subject.split(', ').map((n) => n.split('/')[0])
  const tests = names.filter((n) => n.startsWith('Test'))
  const bench = names.find((n) => n.startsWith('Benchmark'))
  if (bench) {
    const race = f.kind === 'race' ? ['-race'] : []
    const argv = ['go', 'test', ...race, '-run=^$', `-bench=^${bench}$`, '-benchtime=100x', pkgArg]
    return [{ title: `Run ${bench} (${f.pkg})`, command: argv.map(shellQuote).join(' ') }]
  }
  const run = tests.length === 0 ? '.' : tests.length === 1 ? `^${tests[0]}$` : `^(${tests.join('|')})$`
  const out: Reproduce[] = [
    { title: `Run ${tests.join(', ') || 'the tests'} (${f.pkg})`, command: ['go', 'test', '-race', '-count=1', '-v', `-run=${run}`, pkgArg].map(shellQuote).join(' ') }
  ]
  if (f.kind !== 'race') {
    // A debugger shows every goroutine and where it waits: 'goroutines' then 'goroutine N bt' in dlv.
    out.push({ title: `Debug it with Delve (${f.pkg})`, command: ['dlv', 'test', pkgArg, '--', `-test.run=${run}`].map(shellQuote).join(' ') })
  }
  return out
}

/**
 * The `go tool pprof -diff_base` line for a finding whose profiles explain it: the memory profiles of an
 * allocation or retained-heap finding, the CPU profiles of a slowdown.
 */
function profileDiff(f: Finding, base: BenchmarkResult, head: BenchmarkResult, slowdown: boolean, report: Report): Reproduce | undefined {
  const pprof = (flags: string[], bp: string, hp: string): string =>
    ['go', 'tool', 'pprof', ...flags, '-top', `-diff_base=${joinPath(report.base.dir, bp)}`, joinPath(report.head.dir, hp)].map(shellQuote).join(' ')
  if (slowdown) {
    const bp = last(cpuProfiledRuns(base))
    const hp = last(cpuProfiledRuns(head))
    if (!bp?.cpuProfile || !hp?.cpuProfile) return undefined
    // The gate runs both CPU profiles at one b.N (jobs/bench/plan.ts), so their raw totals compare; a
    // result from elsewhere may not have.
    const work = bp.iterations === hp.iterations ? `both at b.N=${hp.iterations}` : `b.N base ${bp.iterations}, head ${hp.iterations}: divide by them to compare per op`
    return { title: `CPU profile diff for ${f.subject} (${work})`, command: pprof([], bp.cpuProfile, hp.cpuProfile) }
  }
  if (f.kind !== 'heap-leak' && f.kind !== 'regression') return undefined
  const index = f.kind === 'heap-leak' ? 'inuse_space' : f.unit === 'allocs/op' ? 'alloc_objects' : f.unit === 'B/op' ? 'alloc_space' : undefined
  const bp = heapProfile(base)
  const hp = heapProfile(head)
  if (!index || !bp || !hp) return undefined
  return { title: `Profile diff for ${f.subject} (${index})`, command: pprof([`-sample_index=${index}`], bp, hp) }
}

/**
 * What a failing load job grew on head, profile against profile: the warm-up's heap and goroutines
 * against the last round's (a leak is what the rounds added; the warm-up's own growth is left out).
 */
function loadCommands(job: LoadJobResult, headDir: string): Reproduce[] {
  const measured = job.snapshots.filter((s) => s.phase !== 'ready')
  const first = measured[0]?.profiles
  const last = measured[measured.length - 1]?.profiles
  const out: Reproduce[] = []
  for (const [what, index] of [['heap', 'inuse_space'], ['goroutine', '']] as const) {
    const from = first?.[what]
    const to = last?.[what]
    if (from === undefined || to === undefined || from === to) continue
    const argv = ['go', 'tool', 'pprof', ...(index ? [`-sample_index=${index}`] : []), '-top', `-diff_base=${joinPath(headDir, from)}`, joinPath(headDir, to)]
    out.push({ title: `What load job ${job.name} added on head over its rounds (${what === 'heap' ? 'live heap' : 'goroutines'})`, command: argv.map(shellQuote).join(' ') })
  }
  return out
}

export function reproduceCommands(report: Report, base: RunResult, head: RunResult): Reproduce[] {
  const out: Reproduce[] = []
  const seen = new Set<string>()
  const findHead = indexOf(head)
  const findBase = indexOf(base)
  // A package's directory: the test pass's first, then the bench pass's.
  const dirOf = new Map<string, string>()
  for (const p of [...(head.tests ?? []), ...head.packages]) if (!dirOf.has(p.importPath)) dirOf.set(p.importPath, p.dir)
  const slowdowns = new Set(slowdownFindings(report))
  const loadJobs = new Map((head.loads ?? []).map((j) => [j.name, j]))
  for (const f of report.findings) {
    if (f.severity !== 'fail' || f.kind === 'build-failure') continue
    // A load job's findings name the job, not a package of the test pass.
    const job = dirOf.has(f.pkg) ? undefined : loadJobs.get(f.subject)
    if (job) {
      const key = `${f.subject}\u0000load`
      if (!seen.has(key)) out.push(...loadCommands(job, report.head.dir))
      seen.add(key)
      continue
    }
    if (TEST_PASS_KINDS.has(f.kind)) {
      const key = `${f.pkg}\u0000${f.subject}\u0000test-pass`
      if (!seen.has(key)) out.push(...testPassCommands(f, dirOf))
      seen.add(key)
      continue
    }
    const h = findHead(f.pkg, f.subject)
    if (!h) continue
    const runKey = `${f.pkg}\u0000${f.subject}`
    if (!seen.has(runKey)) {
      seen.add(runKey)
      const pkgArg = h.dir === '.' ? '.' : `./${h.dir}`
      const count = Math.max(1, head.env.count)
      const argv = ['go', 'test', '-run=^$', `-bench=${benchmarkPattern(f.subject)}`, '-benchmem', `-count=${count}`, `-benchtime=${head.env.benchtime}`, pkgArg]
      out.push({ title: `Run ${f.subject} (${f.pkg})`, command: argv.map(shellQuote).join(' ') })
    }
    const b = findBase(f.pkg, f.subject)
    const diff = b && profileDiff(f, b.bench, h.bench, slowdowns.has(f), report)
    if (diff && !seen.has(diff.command)) {
      seen.add(diff.command)
      out.push(diff)
    }
  }
  out.push({
    title: 'Compare the two results again',
    command: ['npx', 'go-leak-gate', 'compare', '--base', report.base.dir, '--head', report.head.dir].map(shellQuote).join(' ')
  })
  return out
}
