// Runs the whole test suite once per supported Go release. Every Go-dependent test runs the `go` that the
// environment selects, so GOTOOLCHAIN picks the release: the one on PATH when it matches, otherwise the go
// command fetches it through the module proxy (a few seconds, cached in GOMODCACHE afterwards).
// GLG_GO_VERSIONS="go1.27.3" narrows the list; extra arguments go to vitest (e.g. a test file).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

// The supported range, oldest first; README's "Supported Go versions" names the same releases.
export const GO_VERSIONS = ['go1.26.8', 'go1.27.3']

// Test files whose verdicts rest on timing measurements (benchmark ns/op judged, fixture timing ratios).
const TIMING = [
  'test/pipeline/gate.test.ts',
  'test/fixtures-sanity.test.ts',
  'test/cli/demo.test.ts',
  'test/action/action.e2e.test.ts',
  'test/pipeline/untrusted.test.ts',
  // A slowdown named from CPU profiles: the other files' builds on the second core would thin its samples.
  'test/pipeline/attribution.test.ts',
  // Judged on CPU time from rounds pinned to one CPU: another file's pinned rounds there would crowd it.
  'test/pipeline/shared.test.ts',
  'test/pipeline/auto-pairing.test.ts'
]

// A renamed file would silently run in parallel again.
for (const f of TIMING) {
  if (!existsSync(f)) {
    process.stderr.write(`test-go-versions: ${f} is listed as timing-sensitive but does not exist: update TIMING\n`)
    process.exit(1)
  }
}

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
  const extra = process.argv.slice(2)
  // Files that judge timing run after the others, one at a time: with two vitest workers on two cores,
  // another file's go builds would otherwise share the CPU with the benchmarks being timed and make an
  // unchanged benchmark look 2x slower (seen: +178% at p=0.002 on a 6 vs 6 comparison).
  const passes = extra.length > 0 ? [extra] : [TIMING.flatMap((f) => ['--exclude', f]), ['--no-file-parallelism', ...TIMING]]
  for (const args of passes) {
    const run = spawnSync('npx', ['vitest', 'run', ...args], { env, stdio: 'inherit' })
    if (run.status !== 0 && !failed.includes(version)) failed.push(version)
  }
}
if (failed.length > 0) {
  process.stderr.write(`test-go-versions: tests failed on ${failed.join(', ')}\n`)
  process.exit(1)
}
process.stdout.write(`\n== tests passed on ${wanted.join(' and ')}\n`)
