// Runs the whole test suite once per supported Go release. Every Go-dependent test runs the `go` that the
// environment selects, so GOTOOLCHAIN picks the release: the one on PATH when it matches, otherwise the go
// command fetches it through the module proxy (a few seconds, cached in GOMODCACHE afterwards).
// GLG_GO_VERSIONS="go1.27.3" narrows the list; extra arguments go to vitest (e.g. a test file).
import { spawnSync } from 'node:child_process'

// The supported range, oldest first; README's "Supported Go versions" names the same releases.
export const GO_VERSIONS = ['go1.26.8', 'go1.27.3']

const wanted = process.env.GLG_GO_VERSIONS?.split(/[\s,]+/).filter(Boolean) ?? GO_VERSIONS
const failed = []
for (const version of wanted) {
  const env = { ...process.env, GOTOOLCHAIN: version }
  const probe = spawnSync('go', ['version'], { env, encoding: 'utf8' })
  if (probe.status !== 0) {
    process.stderr.write(`test-go-versions: cannot select ${version}: ${(probe.stderr || probe.error?.message || '').trim()}\n`)
    failed.push(version)
    continue
  }
  process.stdout.write(`\n== tests on ${probe.stdout.trim()}\n`)
  const run = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { env, stdio: 'inherit' })
  if (run.status !== 0) failed.push(version)
}
if (failed.length > 0) {
  process.stderr.write(`test-go-versions: tests failed on ${failed.join(', ')}\n`)
  process.exit(1)
}
process.stdout.write(`\n== tests passed on ${wanted.join(' and ')}\n`)
