import type { Report, Reproduce } from '../model/report.js'
import type { BenchmarkResult, RunResult } from '../model/result.js'
import { benchmarkPattern } from '../parse/benchfmt.js'

/** Quotes one argument for a POSIX shell: these commands are shown to people to paste, never run by us. */
export function shellQuote(arg: string): string {
  if (/^[A-Za-z0-9_./=:@%+,-]+$/.test(arg)) return arg
  return `'${arg.replace(/'/g, `'\\''`)}'`
}

function find(r: RunResult, pkg: string, name: string): { dir: string; bench: BenchmarkResult } | undefined {
  const p = r.packages.find((x) => x.importPath === pkg)
  const bench = p?.benchmarks.find((b) => b.name === name)
  return p && bench ? { dir: p.dir, bench } : undefined
}

function lastProfile(b: BenchmarkResult): string | undefined {
  for (let i = b.runs.length - 1; i >= 0; i--) {
    const p = b.runs[i].heap?.profile
    if (p) return p
  }
  return undefined
}

function joinPath(dir: string, rel: string): string {
  return dir.endsWith('/') ? dir + rel : `${dir}/${rel}`
}

const TEST_PASS_KINDS = new Set(['race', 'goroutine-leak', 'hang', 'panic'])

/** `go test` and `dlv test` lines for a finding of the test pass (a test, or a benchmark under -race). */
function testPassCommands(f: Report['findings'][number], head: RunResult): Reproduce[] {
  const dir = head.tests?.find((t) => t.importPath === f.pkg)?.dir ?? head.packages.find((p) => p.importPath === f.pkg)?.dir
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

export function reproduceCommands(report: Report, base: RunResult, head: RunResult): Reproduce[] {
  const out: Reproduce[] = []
  const seen = new Set<string>()
  for (const f of report.findings) {
    if (f.severity !== 'fail' || f.kind === 'build-failure') continue
    if (TEST_PASS_KINDS.has(f.kind)) {
      const key = `${f.pkg}\u0000${f.subject}\u0000test-pass`
      if (!seen.has(key)) out.push(...testPassCommands(f, head))
      seen.add(key)
      continue
    }
    const key = `${f.pkg}\u0000${f.subject}\u0000${f.kind}`
    if (seen.has(key)) continue
    seen.add(key)
    const h = find(head, f.pkg, f.subject)
    if (!h) continue
    const pkgArg = h.dir === '.' ? '.' : `./${h.dir}`
    const count = Math.max(1, head.env.count)
    const argv = ['go', 'test', '-run=^$', `-bench=${benchmarkPattern(f.subject)}`, '-benchmem', `-count=${count}`, `-benchtime=${head.env.benchtime}`, pkgArg]
    out.push({ title: `Run ${f.subject} (${f.pkg})`, command: argv.map(shellQuote).join(' ') })
    if (f.kind === 'heap-leak' || (f.kind === 'regression' && (f.unit === 'B/op' || f.unit === 'allocs/op'))) {
      const b = find(base, f.pkg, f.subject)
      const bp = b && lastProfile(b.bench)
      const hp = lastProfile(h.bench)
      if (bp && hp) {
        const index = f.kind === 'heap-leak' ? 'inuse_space' : f.unit === 'allocs/op' ? 'alloc_objects' : 'alloc_space'
        const argv2 = ['go', 'tool', 'pprof', `-sample_index=${index}`, '-top', `-diff_base=${joinPath(report.base.dir, bp)}`, joinPath(report.head.dir, hp)]
        out.push({ title: `Profile diff for ${f.subject} (${index})`, command: argv2.map(shellQuote).join(' ') })
      }
    }
  }
  out.push({
    title: 'Compare the two results again',
    command: ['npx', 'go-leak-gate', 'compare', '--base', report.base.dir, '--head', report.head.dir].map(shellQuote).join(' ')
  })
  return out
}
