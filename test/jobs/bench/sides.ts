// Prepared sides built by hand, for the pure stages of the benchmark job (plan, observe, assemble).
import type { Leaf, PreparedPackage, PreparedSide } from '../../../src/jobs/bench/prepare.js'
import type { Toolchain } from '../../../src/go/toolchain.js'

export const TOOLCHAIN: Toolchain = { go: 'go', goVersion: 'go1.26.8', goos: 'linux', goarch: 'amd64', gomaxprocs: 2, numCPU: 2, minor: 26 }
export const MODULE = 'example.com/m'

export function preparedPackage(dir: string, leaves: Leaf[], opts: { binary?: boolean; topFailures?: PreparedPackage['topFailures'] } = {}): PreparedPackage {
  const importPath = `${MODULE}/${dir}`
  return {
    built: {
      pkg: { importPath, name: dir, dir: `/src/${dir}`, relDir: dir, testFiles: [`${dir}_test.go`] },
      build: { ok: opts.binary !== false, command: ['go', 'test', '-c'] },
      ...(opts.binary === false ? {} : { binary: `/scratch/${dir}.test` }),
      probe: true
    },
    leaves,
    topFailures: opts.topFailures ?? []
  }
}

export function preparedSide(label: string, packages: PreparedPackage[], extra: Partial<PreparedSide> = {}): PreparedSide {
  return {
    spec: { label, moduleDir: `/src-${label}`, outDir: `/out/${label}`, commit: `${label}-sha` },
    module: { path: MODULE, dir: `/src-${label}` },
    packages,
    errors: [],
    cpu: '',
    startedAt: '2026-01-01T00:00:00.000Z',
    scratch: { path: `/scratch-${label}`, remove: async () => {} },
    ...extra
  }
}
