// Goroutines a benchmark leaves behind: caught by the probe at the end of the small runs, compared with
// the base, reported with the blocking and creation sites.
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_COMPARE, DEFAULT_LOAD, DEFAULT_RUN, DEFAULT_TESTS } from '../../src/config/defaults.js'
import { worktreeBaseline } from '../../src/baseline/worktree.js'
import { gate, type GateOutcome } from '../../src/pipeline/gate.js'
import { runProcess } from '../../src/go/process.js'
import { probeToolchain } from '../../src/go/toolchain.js'

const CODE = (leak: boolean) => `package dial

// Dial starts a reader for the connection; Close must stop it.
func Dial() (stop func()) {
	done := make(chan struct{})
	go func() {
		<-done
	}()
	if ${leak} {
		return func() {}
	}
	return func() { close(done) }
}
`
const TEST = `package dial

import "testing"

func BenchmarkDial(b *testing.B) {
	for i := 0; i < b.N; i++ {
		stop := Dial()
		stop()
	}
}
`

let dir: string
let outcome: GateOutcome

function git(args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' }).trim()
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glg-benchleak-'))
  await mkdir(join(dir, 'dial'))
  await writeFile(join(dir, 'go.mod'), 'module example.com/benchleak\n\ngo 1.21\n')
  await writeFile(join(dir, 'dial', 'dial_test.go'), TEST)
  await writeFile(join(dir, 'dial', 'dial.go'), CODE(false))
  git(['init', '-q'])
  git(['add', '-A'])
  git(['commit', '-qm', 'base'])
  const baseSha = git(['rev-parse', 'HEAD'])
  await writeFile(join(dir, 'dial', 'dial.go'), CODE(true))
  git(['commit', '-qam', 'head'])
  const toolchain = await probeToolchain(runProcess)
  outcome = await gate(
    { run: runProcess, toolchain, log: () => {} },
    { run: { ...DEFAULT_RUN, dir, count: 2, benchtime: '400x' }, compare: DEFAULT_COMPARE, tests: { ...DEFAULT_TESTS, enabled: false }, load: DEFAULT_LOAD },
    worktreeBaseline(dir, baseSha),
    join(dir, '.out')
  )
}, 300_000)

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('goroutines leaked by a benchmark', () => {
  it('fails with the count, the blocking and the creation site, and leaves the base clean', () => {
    const f = outcome.report.findings.find((x) => x.kind === 'goroutine-leak')
    // The small runs do a quarter of 400 ops, plus the b.N=1 run: one goroutine left per op.
    expect(f).toMatchObject({ severity: 'fail', subject: 'BenchmarkDial', metric: 'goroutines [chan receive]', base: 0, head: 101 })
    expect(f?.locations.map((l) => `${l.role} ${l.file}:${l.line}`)).toEqual(['blocking dial/dial.go:7', 'creation dial/dial.go:6'])
    const base = outcome.base.packages[0].benchmarks[0]
    expect(base.leaks ?? []).toEqual([])
  })
})
