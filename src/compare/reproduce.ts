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

export function reproduceCommands(report: Report, base: RunResult, head: RunResult): Reproduce[] {
  const out: Reproduce[] = []
  const seen = new Set<string>()
  for (const f of report.findings) {
    if (f.severity !== 'fail' || f.kind === 'build-failure') continue
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
