import { readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { IncompleteRunError } from '../errors.js'
import { describeExit, type Runner } from './process.js'
import type { Toolchain } from './toolchain.js'
import type { Shard } from '../config/types.js'
import { ALL_PACKAGES, inShard } from './shard.js'

export interface GoPackage {
  importPath: string
  /** Package clause name ('main', 'foo'); the probe file is added under it. */
  name: string
  /** Absolute source directory. */
  dir: string
  /** Directory relative to the module root, '.' for the root. */
  relDir: string
  testFiles: string[]
  /** Set when go list could not load the package; it is reported, not built. */
  loadError?: string
}

export interface ModuleInfo {
  path: string
  dir: string
}

interface ListedPackage {
  ImportPath: string
  Name?: string
  Dir: string
  TestGoFiles?: string[]
  XTestGoFiles?: string[]
  Module?: { Path: string; Dir: string; Main?: boolean }
  Error?: { Err: string; Pos?: string }
  DepsErrors?: { Err: string }[]
}

/** go list -json prints a stream of JSON objects, not an array. */
function splitJsonStream<T>(text: string): T[] {
  const out: T[] = []
  let depth = 0
  let start = -1
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
      continue
    }
    if (c === '"') inString = true
    else if (c === '{') {
      if (depth === 0) start = i
      depth++
    } else if (c === '}') {
      depth--
      if (depth === 0 && start >= 0) out.push(JSON.parse(text.slice(start, i + 1)) as T)
    }
  }
  return out
}

export async function readModule(run: Runner, tc: Toolchain, dir: string): Promise<ModuleInfo> {
  const r = await run({ argv: [tc.go, 'list', '-m', '-json'], cwd: dir, timeoutMs: 120_000 })
  if (r.code !== 0) {
    throw new IncompleteRunError(`${dir} is not a Go module (go list -m: ${describeExit(r)})`, r.stderr.trim())
  }
  const [mod] = splitJsonStream<{ Path: string; Dir: string }>(r.stdout)
  if (!mod) throw new IncompleteRunError(`go list -m printed no module for ${dir}`)
  return { path: mod.Path, dir: mod.Dir }
}

/**
 * Lists the packages matching the patterns and keeps those with test files ('tests'), or those whose test
 * files declare a benchmark ('benchmarks'). Reading the files is only a filter that saves building test
 * binaries for nothing; the binary's own -test.list is the truth about which benchmarks exist.
 */
export async function listTestPackages(
  run: Runner,
  tc: Toolchain,
  moduleDir: string,
  patterns: string[],
  want: 'tests' | 'benchmarks',
  shard: Shard = ALL_PACKAGES
): Promise<GoPackage[]> {
  const r = await run({
    argv: [tc.go, 'list', '-e', '-json=ImportPath,Name,Dir,TestGoFiles,XTestGoFiles,Error,DepsErrors,Module', ...patterns],
    cwd: moduleDir,
    timeoutMs: 300_000
  })
  if (r.code !== 0 && r.stdout.trim() === '') {
    throw new IncompleteRunError(`go list ${patterns.join(' ')} failed in ${moduleDir} (${describeExit(r)})`, r.stderr.trim())
  }
  const listed = splitJsonStream<ListedPackage>(r.stdout)
  const pkgs: GoPackage[] = []
  for (const p of listed) {
    const testFiles = [...(p.TestGoFiles ?? []), ...(p.XTestGoFiles ?? [])]
    const relDir = relative(moduleDir, p.Dir) || '.'
    if (testFiles.length === 0 || !inShard(p.ImportPath, shard)) continue
    if (want === 'benchmarks' && !(await declaresBenchmark(p.Dir, testFiles))) continue
    const pkg: GoPackage = { importPath: p.ImportPath, name: p.Name ?? p.ImportPath.split('/').pop() ?? 'main', dir: p.Dir, relDir, testFiles }
    if (p.Error?.Err) pkg.loadError = p.Error.Err
    pkgs.push(pkg)
  }
  return pkgs
}

const BENCH_DECL = /^func\s+Benchmark\w*\s*\(/m

async function declaresBenchmark(dir: string, files: string[]): Promise<boolean> {
  for (const f of files) {
    const text = await readFile(join(dir, f), 'utf8').catch(() => '')
    if (BENCH_DECL.test(text)) return true
  }
  return false
}

/** A package of the module and what it imports, as go list says: its own imports, and its tests'. */
export interface ImportNode {
  importPath: string
  /** Directory relative to the module root, '.' for the root. */
  relDir: string
  imports: string[]
  /** TestImports and XTestImports: what only the package's test binary links in. */
  testImports: string[]
}

/** The module's import graph (`go list -e -json=... ./...` in the module's directory). */
export async function listImportGraph(run: Runner, tc: Toolchain, moduleDir: string): Promise<ImportNode[]> {
  const r = await run({ argv: [tc.go, 'list', '-e', '-json=ImportPath,Dir,Imports,TestImports,XTestImports', './...'], cwd: moduleDir, timeoutMs: 300_000 })
  if (r.code !== 0 && r.stdout.trim() === '') {
    throw new IncompleteRunError(`go list ./... failed in ${moduleDir} (${describeExit(r)})`, r.stderr.trim())
  }
  return splitJsonStream<ListedPackage & { Imports?: string[]; TestImports?: string[]; XTestImports?: string[] }>(r.stdout).map((p) => ({
    importPath: p.ImportPath,
    relDir: relative(moduleDir, p.Dir) || '.',
    imports: p.Imports ?? [],
    testImports: [...(p.TestImports ?? []), ...(p.XTestImports ?? [])]
  }))
}
