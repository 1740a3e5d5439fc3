import { access, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { BuildInfo } from '../model/result.js'
import { probeFilesFor, writeOverlay } from './overlay.js'
import type { GoPackage } from './packages.js'
import { describeExit, type Runner } from './process.js'
import type { Toolchain } from './toolchain.js'

export interface BuiltPackage {
  pkg: GoPackage
  build: BuildInfo
  /** Absolute path of the test binary when the build succeeded. */
  binary?: string
  /** Whether the binary carries the probe (live heap and goroutines after the run). */
  probe: boolean
  /** Why the probe could not be added, when it could not. */
  probeError?: string
}

export interface BuildOptions {
  race: boolean
  /** Add the probe through -overlay (see overlay.ts). */
  probe: boolean
  /** Extra environment for go test -c (GOEXPERIMENT for the goroutineleak profile). */
  env?: Record<string, string>
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

function buildArgv(tc: Toolchain, opts: BuildOptions, overlay: string | undefined, out: string, importPaths: string[]): string[] {
  // No '--' here: go test hands everything after it to the test binary, not to the package list.
  // -trimpath names files module-relative, identical for the base worktree and the head checkout, so the
  // two sides' allocation sites line up in a profile diff.
  const flags = [...(opts.race ? ['-race'] : []), ...(overlay ? [`-overlay=${overlay}`] : [])]
  return [tc.go, 'test', '-c', '-trimpath', ...flags, '-o', out, ...importPaths]
}

async function probeOverlay(pkgs: GoPackage[], outDir: string): Promise<string | undefined> {
  if (pkgs.length === 0) return undefined
  const all = new Map<string, string>()
  for (const p of pkgs) for (const [path, text] of (await probeFilesFor(p)).files) all.set(path, text)
  return writeOverlay(all, join(outDir, 'overlay'))
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
    results.push({ pkg: p, probe: false, build: { ok: false, command: ['go', 'list', p.importPath], error: p.loadError } })
    return false
  })
  const overlay = opts.probe ? await probeOverlay(loadable, outDir) : undefined
  const failed: GoPackage[] = []
  for (const [i, batch] of batchesByName(loadable).entries()) {
    const dir = join(outDir, `batch${i}`)
    await mkdir(dir, { recursive: true })
    const argv = buildArgv(tc, opts, overlay, dir + '/', batch.map((p) => p.importPath))
    await run({ argv, cwd: moduleDir, env: { ...process.env, ...opts.env }, timeoutMs: 30 * 60_000 })
    for (const p of batch) {
      const binary = join(dir, defaultBinaryName(p.importPath))
      if (await exists(binary)) results.push({ pkg: p, binary, probe: overlay !== undefined, build: { ok: true, command: argv } })
      else failed.push(p)
    }
  }
  // Build the failures one by one: the message then belongs to exactly one package. A package that builds
  // only without the probe (a name clash with the probe's, say) is measured without it.
  for (const p of failed) {
    const out = join(outDir, 'single', p.importPath.replace(/[^A-Za-z0-9._-]/g, '_') + '.test')
    const attempt = async (withOverlay: string | undefined) => {
      const argv = buildArgv(tc, opts, withOverlay, out, [p.importPath])
      const r = await run({ argv, cwd: moduleDir, env: { ...process.env, ...opts.env }, timeoutMs: 30 * 60_000 })
      return { argv, ok: r.code === 0 && (await exists(out)), error: (r.stderr + r.stdout).trim() || describeExit(r) }
    }
    const first = await attempt(overlay)
    if (first.ok) {
      results.push({ pkg: p, binary: out, probe: overlay !== undefined, build: { ok: true, command: first.argv } })
      continue
    }
    const plain = overlay ? await attempt(undefined) : first
    if (plain.ok) {
      results.push({ pkg: p, binary: out, probe: false, probeError: first.error, build: { ok: true, command: plain.argv } })
    } else {
      results.push({ pkg: p, probe: false, build: { ok: false, command: plain.argv, error: plain.error } })
    }
  }
  const order = new Map(pkgs.map((p, i) => [p.importPath, i]))
  return results.sort((a, b) => (order.get(a.pkg.importPath) ?? 0) - (order.get(b.pkg.importPath) ?? 0))
}
