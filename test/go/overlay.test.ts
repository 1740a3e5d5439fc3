// The probe added through go test -overlay, built and run with the machine's Go: it must compile into a
// package with or without its own TestMain, leave the user's files untouched, keep the exit code, and
// report the live heap and the goroutines left behind.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { probeFilesFor, writeOverlay, PROBE_FILE } from '../../src/go/overlay.js'
import { parseProbeOutput } from '../../src/go/probe-env.js'
import { PROBE_CPU_FILES } from '../../src/go/probe-source.js'
import { runProcess } from '../../src/go/process.js'

let dir: string

const GO_MOD = 'module example.com/probe\n\ngo 1.21\n'
const LEAKY = `package leaky

import "testing"

var Keep [][]byte

func TestLeaks(t *testing.T) {
	ch := make(chan int)
	go func() { <-ch }() // blocked forever: nobody sends
	Keep = append(Keep, make([]byte, 1<<20))
}
`
// A goroutine that is busy four fifths of the time: a single dump would catch it running or runnable.
const BUSY = `package busy

import (
	"testing"
	"time"
)

var Sum int

func TestBusy(t *testing.T) {
	go func() {
		for {
			for start := time.Now(); time.Since(start) < 4*time.Millisecond; {
				Sum++
			}
			time.Sleep(time.Millisecond)
		}
	}()
}
`
const OWN_MAIN = `package withmain_test

import (
	"fmt"
	"os"
	"testing"
)

func TestFails(t *testing.T) { t.Fatal("on purpose") }

func TestMain(m *testing.M) {
	code := m.Run()
	fmt.Println("user teardown ran")
	os.Exit(code)
}
`

// Sleeps for longer than it works: CPU time tells the two apart, wall time does not.
const CPU = `package cpu

import (
	"testing"
	"time"
)

var Sink uint64

func TestSleep(t *testing.T) { time.Sleep(400 * time.Millisecond) }

func TestWork(t *testing.T) {
	x := uint64(1)
	for i := 0; i < 300_000_000; i++ {
		x = x*6364136223846793005 + 1442695040888963407
	}
	Sink = x
}
`

async function build(pkgDir: string, name: string, testFiles: string[]): Promise<{ binary: string; mode: string }> {
  const probe = await probeFilesFor({ importPath: `example.com/probe/${pkgDir}`, name, dir: join(dir, pkgDir), relDir: pkgDir, testFiles })
  const overlay = await writeOverlay(probe.files, join(dir, `.overlay-${pkgDir}`))
  const binary = join(dir, `${pkgDir}.test`)
  const r = await runProcess({ argv: ['go', 'test', '-c', `-overlay=${overlay}`, '-o', binary, `./${pkgDir}`], cwd: dir, timeoutMs: 120_000 })
  expect(r.code, r.stderr).toBe(0)
  return { binary, mode: probe.mode }
}

async function runProbe(binary: string, cwd: string, settle = '300ms', args: string[] = []) {
  const out = join(dir, `${Math.random().toString(36).slice(2)}.json`)
  const r = await runProcess({ argv: [binary, '-test.v', ...args], cwd, env: { ...process.env, GO_LEAK_GATE_PROBE: out, GO_LEAK_GATE_SETTLE: settle }, timeoutMs: 60_000 })
  const probe = JSON.parse(await readFile(out, 'utf8')) as { heapAllocBytes: number; numGoroutine: number; goroutines: string; settledMs: number; cpuNs: number }
  return { r, probe }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glg-probe-'))
  await writeFile(join(dir, 'go.mod'), GO_MOD)
  await mkdir(join(dir, 'leaky'))
  await writeFile(join(dir, 'leaky', 'leaky_test.go'), LEAKY)
  await mkdir(join(dir, 'busy'))
  await writeFile(join(dir, 'busy', 'busy_test.go'), BUSY)
  await mkdir(join(dir, 'withmain'))
  await writeFile(join(dir, 'withmain', 'main_test.go'), OWN_MAIN)
  await mkdir(join(dir, 'cpu'))
  await writeFile(join(dir, 'cpu', 'cpu_test.go'), CPU)
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('the overlay probe', () => {
  it('adds its own TestMain and reports the blocked goroutine and the retained heap', async () => {
    const { binary, mode } = await build('leaky', 'leaky', ['leaky_test.go'])
    expect(mode).toBe('own-testmain')
    const { r, probe } = await runProbe(binary, join(dir, 'leaky'))
    expect(r.code).toBe(0)
    expect(probe.numGoroutine).toBe(2)
    expect(probe.goroutines).toMatch(/\[chan receive\]/)
    expect(probe.goroutines).toContain('leaky_test.go:9')
    expect(probe.heapAllocBytes).toBeGreaterThan(1 << 20)
    // The leaked goroutine never exits, so the probe waited for the whole settle time.
    expect(probe.settledMs).toBeGreaterThanOrEqual(150)
  })

  it('shows a goroutine that is mostly busy where it waits, not where the dump happened to catch it', async () => {
    const { binary } = await build('busy', 'busy', ['busy_test.go'])
    for (let i = 0; i < 3; i++) {
      const { probe } = await runProbe(binary, join(dir, 'busy'), '50ms')
      const busy = probe.goroutines.split('\n\n').filter((block) => block.includes('busy.TestBusy.func1'))
      expect(busy, probe.goroutines).toHaveLength(1)
      expect(busy[0].split('\n')[0], busy[0]).toMatch(/^goroutine \d+ \[sleep\]:$/)
    }
  })

  it("wraps a package's own TestMain: teardown runs first, the exit code is kept", async () => {
    const { binary, mode } = await build('withmain', 'withmain', ['main_test.go'])
    expect(mode).toBe('wraps-testmain')
    const { r, probe } = await runProbe(binary, join(dir, 'withmain'))
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('user teardown ran')
    expect(probe.numGoroutine).toBe(1)
  })

  it("reports the CPU time the tests spent, not the time they took", async () => {
    const { binary } = await build('cpu', 'cpu', ['cpu_test.go'])
    const sleep = (await runProbe(binary, join(dir, 'cpu'), '0s', ['-test.run', '^TestSleep$'])).probe
    const work = (await runProbe(binary, join(dir, 'cpu'), '0s', ['-test.run', '^TestWork$'])).probe
    // 400 ms asleep costs next to no CPU; 300M multiply-adds cost tens of milliseconds or more on any machine.
    expect(sleep.cpuNs).toBeGreaterThanOrEqual(0)
    expect(sleep.cpuNs).toBeLessThan(100e6)
    expect(work.cpuNs).toBeGreaterThan(sleep.cpuNs + 40e6)
  })

  it('builds where getrusage does not exist, reporting no CPU time there', async () => {
    const probe = await probeFilesFor({ importPath: 'example.com/probe/cpu', name: 'cpu', dir: join(dir, 'cpu'), relDir: 'cpu', testFiles: ['cpu_test.go'] })
    const overlay = await writeOverlay(probe.files, join(dir, '.overlay-windows'))
    // Which of the two clock files a windows build takes (go list reads the build constraints, no compiling).
    const list = await runProcess({
      argv: ['go', 'list', `-overlay=${overlay}`, '-f', '{{join .TestGoFiles " "}}', './cpu'],
      cwd: dir,
      env: { ...process.env, GOOS: 'windows', GOARCH: 'amd64' },
      timeoutMs: 60_000
    })
    expect(list.code, list.stderr).toBe(0)
    expect(list.stdout.trim().split(' ').sort()).toEqual(['cpu_test.go', PROBE_CPU_FILES.other, PROBE_FILE].sort())
    // And that the stub builds with the probe: here, with the stub in place of the unix clock (a windows
    // build would compile the standard library for windows first, a minute of CI for one line).
    const stubbed = new Map([...probe.files].filter(([path]) => !path.endsWith(PROBE_CPU_FILES.unix)))
    const other = join(dir, 'cpu', PROBE_CPU_FILES.other)
    stubbed.set(other, (stubbed.get(other) ?? '').replace('//go:build !unix', ''))
    const binary = join(dir, 'cpu-stub.test')
    const r = await runProcess({ argv: ['go', 'test', '-c', `-overlay=${await writeOverlay(stubbed, join(dir, '.overlay-stub'))}`, '-o', binary, './cpu'], cwd: dir, timeoutMs: 120_000 })
    expect(r.code, r.stderr).toBe(0)
    const { probe: out } = await runProbe(binary, join(dir, 'cpu'), '0s', ['-test.run', '^TestSleep$'])
    expect(out.cpuNs).toBe(-1)
    expect(parseProbeOutput(JSON.stringify(out))?.cpuNs).toBeUndefined()
  })

  it('never writes into the user tree', async () => {
    await expect(readFile(join(dir, 'leaky', PROBE_FILE), 'utf8')).rejects.toThrow()
    expect(await readFile(join(dir, 'withmain', 'main_test.go'), 'utf8')).toBe(OWN_MAIN)
  })

  it('does nothing when GO_LEAK_GATE_PROBE is not set', async () => {
    const { binary } = await build('leaky', 'leaky', ['leaky_test.go'])
    const before = await readdir(dir)
    const r = await runProcess({ argv: [binary], cwd: join(dir, 'leaky'), env: { ...process.env, GO_LEAK_GATE_PROBE: '' }, timeoutMs: 60_000 })
    expect(r.code).toBe(0)
    expect(await readdir(dir)).toEqual(before)
    expect(await readdir(join(dir, 'leaky'))).toEqual(['leaky_test.go'])
  })
})
