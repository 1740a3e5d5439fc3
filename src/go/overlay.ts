import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { GoPackage } from './packages.js'
import { PROBE_CPU_FILES, PROBE_CPU_OTHER_SOURCE, PROBE_CPU_UNIX_SOURCE, PROBE_FILE, PROBE_SOURCE, USER_TEST_MAIN } from './probe-source.js'

export { PROBE_FILE } from './probe-source.js'

const TEST_MAIN = /^func\s+TestMain\s*\(/m
const PACKAGE_CLAUSE = /^package\s+([A-Za-z_][A-Za-z0-9_]*)/m

export interface ProbeFiles {
  /** Files to add or replace: absolute path in the package directory -> Go source. */
  files: Map<string, string>
  /** How the probe hooks in: its own TestMain, or around the package's TestMain. */
  mode: 'own-testmain' | 'wraps-testmain'
}

/**
 * What to overlay on one package so that, after its tests or benchmarks, the probe records the live heap
 * and every goroutine still alive. A package's own TestMain is kept: it is renamed and called from ours,
 * and its os.Exit goes through the probe first (teardown in TestMain may stop goroutines legitimately).
 */
export async function probeFilesFor(pkg: GoPackage & { name: string }): Promise<ProbeFiles> {
  const files = new Map<string, string>()
  for (const f of pkg.testFiles) {
    const path = join(pkg.dir, f)
    const text = await readFile(path, 'utf8').catch(() => '')
    if (!TEST_MAIN.test(text)) continue
    const clause = PACKAGE_CLAUSE.exec(text)?.[1] ?? pkg.name
    const wrapped = text.replace(TEST_MAIN, `func ${USER_TEST_MAIN}(`).replace(/\bos\.Exit\(/g, 'glgExit(os.Exit)(')
    files.set(path, wrapped)
    const probe = PROBE_SOURCE.replace('__PACKAGE__', clause) + `\nfunc TestMain(m *testing.M) {\n\t${USER_TEST_MAIN}(m)\n\tglgProbe()\n}\n`
    files.set(join(pkg.dir, PROBE_FILE), probe)
    addCpuClock(files, pkg.dir, clause)
    return { files, mode: 'wraps-testmain' }
  }
  // Returning from TestMain makes the test binary exit with m.Run's code (Go 1.15 and later).
  const probe = PROBE_SOURCE.replace('__PACKAGE__', pkg.name) + '\nfunc TestMain(m *testing.M) {\n\tm.Run()\n\tglgProbe()\n}\n'
  files.set(join(pkg.dir, PROBE_FILE), probe)
  addCpuClock(files, pkg.dir, pkg.name)
  return { files, mode: 'own-testmain' }
}

function addCpuClock(files: Map<string, string>, dir: string, clause: string): void {
  files.set(join(dir, PROBE_CPU_FILES.unix), PROBE_CPU_UNIX_SOURCE.replace('__PACKAGE__', clause))
  files.set(join(dir, PROBE_CPU_FILES.other), PROBE_CPU_OTHER_SOURCE.replace('__PACKAGE__', clause))
}

/** Writes the backing files and the overlay JSON for go build -overlay; returns the JSON's path. */
export async function writeOverlay(all: Map<string, string>, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true })
  const replace: Record<string, string> = {}
  let i = 0
  for (const [target, source] of all) {
    const backing = join(dir, `${i++}-${target.split('/').pop() ?? 'file.go'}`)
    await writeFile(backing, source)
    replace[target] = backing
  }
  const path = join(dir, 'overlay.json')
  await writeFile(path, JSON.stringify({ Replace: replace }, null, 2))
  return path
}
