import { access, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { BuildInfo } from '../model/result.js'
import type { GoPackage } from './packages.js'
import { describeExit, type Runner } from './process.js'
import type { Toolchain } from './toolchain.js'

export interface BuiltPackage {
  pkg: GoPackage
  build: BuildInfo
  /** Absolute path of the test binary when the build succeeded. */
  binary?: string
}

export interface BuildOptions {
  race: boolean
  /** Extra flags for go test -c (e.g. -overlay in later stages). */
  flags?: string[]
}

/** The file name go test -c -o DIR/ gives a package's test binary: its last path element, skipping a /vN suffix. */
export function defaultBinaryName(importPath: string): string {
  const parts = importPath.split('/')
  let last = parts[parts.length - 1]
  if (/^v\d+$/.test(last) && parts.length > 1) last = parts[parts.length - 2]
  return `${last}.test`
}

/**
 * Go refuses to write two test binaries of the same name into one -o directory, so packages are split
 * into batches whose default names are unique; one go invocation per batch shares the package loading.
 */
function batchesByName(pkgs: GoPackage[]): GoPackage[][] {
  const batches: { names: Set<string>; pkgs: GoPackage[] }[] = []
  for (const p of pkgs) {
    const name = defaultBinaryName(p.importPath)
    let b = batches.find((x) => !x.names.has(name))
    if (!b) {
      b = { names: new Set(), pkgs: [] }
      batches.push(b)
    }
    b.names.add(name)
    b.pkgs.push(p)
  }
  return batches.map((b) => b.pkgs)
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false
  )
}

function buildArgv(tc: Toolchain, opts: BuildOptions, out: string, importPaths: string[]): string[] {
  // No '--' here: go test hands everything after it to the test binary, not to the package list.
  // -trimpath names files module-relative, identical for the base worktree and the head checkout, so the
  // two sides' allocation sites line up in a profile diff.
  return [tc.go, 'test', '-c', '-trimpath', ...(opts.race ? ['-race'] : []), ...(opts.flags ?? []), '-o', out, ...importPaths]
}

export async function buildTestBinaries(
  run: Runner,
  tc: Toolchain,
  moduleDir: string,
  pkgs: GoPackage[],
  outDir: string,
  opts: BuildOptions
): Promise<BuiltPackage[]> {
  const results: BuiltPackage[] = []
  const loadable = pkgs.filter((p) => {
    if (!p.loadError) return true
    results.push({ pkg: p, build: { ok: false, command: ['go', 'list', p.importPath], error: p.loadError } })
    return false
  })
  const failed: GoPackage[] = []
  for (const [i, batch] of batchesByName(loadable).entries()) {
    const dir = join(outDir, `batch${i}`)
    await mkdir(dir, { recursive: true })
    const argv = buildArgv(tc, opts, dir + '/', batch.map((p) => p.importPath))
    await run({ argv, cwd: moduleDir, timeoutMs: 30 * 60_000 })
    for (const p of batch) {
      const binary = join(dir, defaultBinaryName(p.importPath))
      if (await exists(binary)) results.push({ pkg: p, binary, build: { ok: true, command: argv } })
      else failed.push(p)
    }
  }
  // Build the failures one by one: the message then belongs to exactly one package.
  for (const p of failed) {
    const out = join(outDir, 'single', p.importPath.replace(/[^A-Za-z0-9._-]/g, '_') + '.test')
    const argv = buildArgv(tc, opts, out, [p.importPath])
    const r = await run({ argv, cwd: moduleDir, timeoutMs: 30 * 60_000 })
    if (r.code === 0 && (await exists(out))) {
      results.push({ pkg: p, binary: out, build: { ok: true, command: argv } })
    } else {
      const error = (r.stderr + r.stdout).trim() || describeExit(r)
      results.push({ pkg: p, build: { ok: false, command: argv, error } })
    }
  }
  const order = new Map(pkgs.map((p, i) => [p.importPath, i]))
  return results.sort((a, b) => (order.get(a.pkg.importPath) ?? 0) - (order.get(b.pkg.importPath) ?? 0))
}
