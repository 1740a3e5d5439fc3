// run.settle (flag --settle, input settle) end to end: the bundled CLI, a real benchmark whose goroutines
// outlive it by two seconds, and the probe that waits, or does not, before counting what is left.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runProcess } from '../../src/go/process.js'

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js')
const BENCH = `package l

import (
	"testing"
	"time"
)

// Each op starts a goroutine that finishes on its own two seconds later: not a leak, given time.
func BenchmarkLinger(b *testing.B) {
	for i := 0; i < b.N; i++ {
		go func() { time.Sleep(2 * time.Second) }()
	}
}
`
let mod: string

beforeAll(async () => {
  mod = await mkdtemp(join(tmpdir(), 'glg-settle-'))
  await mkdir(join(mod, 'l'))
  await writeFile(join(mod, 'go.mod'), 'module example.com/linger\n\ngo 1.21\n')
  await writeFile(join(mod, 'l', 'l_test.go'), BENCH)
})

afterAll(async () => {
  await rm(mod, { recursive: true, force: true })
})

async function leftAfter(settle: string): Promise<{ count: number }[]> {
  const out = join(mod, `out-${settle}`)
  const r = await runProcess({ argv: [process.execPath, CLI, 'run', '--dir', mod, '--out', out, '--count', '1', '--benchtime', '40x', '--no-tests', '--settle', settle], cwd: mod, timeoutMs: 300_000 })
  expect(r.code, r.stderr).toBe(0)
  const result = JSON.parse(await readFile(join(out, 'result.json'), 'utf8')) as { packages: { benchmarks: { leaks?: { count: number }[] }[] }[] }
  return result.packages[0].benchmarks[0].leaks ?? []
}

describe('the settle time of the benchmark leak check', () => {
  it('counts goroutines that are still finishing as left behind when --settle is 0s', async () => {
    // The memory-only run does a quarter of 40 ops, plus the b.N=1 probe run of the benchmark.
    expect((await leftAfter('0s')).map((g) => g.count)).toEqual([11])
  }, 300_000)

  it('lets them finish when --settle is longer than they take', async () => {
    expect(await leftAfter('4s')).toEqual([])
  }, 300_000)
})
