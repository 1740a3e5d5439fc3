// The probe gets the gate's one list of goroutine rules (built-in and the user's) and decides with it
// how long to wait for finishing goroutines: a goroutine the user ignores must not cost the settle wait,
// and the probe must never ignore a goroutine the gate itself would report (it may only wait longer).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { probeFilesFor, writeOverlay } from '../../src/go/overlay.js'
import { probeEnv } from '../../src/go/probe-env.js'
import { PROBE_CPU_FILES, PROBE_CPU_OTHER_SOURCE, PROBE_CPU_UNIX_SOURCE, PROBE_SOURCE } from '../../src/go/probe-source.js'
import { runProcess } from '../../src/go/process.js'
import { parseGoroutineDump } from '../../src/parse/goroutines.js'
import { isIgnorable, type GoroutineRule } from '../../src/parse/goroutine-rules.js'
import { recordedLeaks } from '../parse/recorded-leaks.js'

let dir: string
let sleeper: string
let agree: string

const SLEEPER_TEST = `package sleeper

import "testing"

func park(ch chan struct{}) { <-ch }

func TestLeavesOne(t *testing.T) {
	go park(make(chan struct{}))
}
`
// Prints, for every goroutine of a dump, whether the probe's own rules ignore it.
const AGREE_TEST = `package agree

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDecisions(t *testing.T) {
	rules := glgRules()
	data, err := os.ReadFile(os.Getenv("DUMP"))
	if err != nil {
		t.Fatal(err)
	}
	for _, block := range strings.Split(string(data), "\\n\\n") {
		block = strings.TrimSpace(block)
		if !strings.HasPrefix(block, "goroutine ") {
			continue
		}
		g, ok := glgParse(block)
		ignored := false
		for _, r := range rules {
			if ok && r.matches(g) {
				ignored = true
			}
		}
		fmt.Printf("%s\\t%v\\n", strings.SplitN(block, "\\n", 2)[0], ignored)
	}
}
`

async function goTestC(pkg: string, extra: string[]): Promise<string> {
  const binary = join(dir, `${pkg}.test`)
  const r = await runProcess({ argv: ['go', 'test', '-c', ...extra, '-o', binary, `./${pkg}`], cwd: dir, timeoutMs: 180_000 })
  expect(r.code, r.stderr).toBe(0)
  return binary
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glg-rules-'))
  await writeFile(join(dir, 'go.mod'), 'module example.com/probe\n\ngo 1.21\n')
  await mkdir(join(dir, 'sleeper'))
  await writeFile(join(dir, 'sleeper', 'sleeper_test.go'), SLEEPER_TEST)
  const files = await probeFilesFor({ importPath: 'example.com/probe/sleeper', name: 'sleeper', dir: join(dir, 'sleeper'), relDir: 'sleeper', testFiles: ['sleeper_test.go'] })
  sleeper = await goTestC('sleeper', [`-overlay=${await writeOverlay(files.files, join(dir, '.overlay'))}`])
  await mkdir(join(dir, 'agree'))
  await writeFile(join(dir, 'agree', 'zz_probe_test.go'), PROBE_SOURCE.replace('__PACKAGE__', 'agree'))
  await writeFile(join(dir, 'agree', PROBE_CPU_FILES.unix), PROBE_CPU_UNIX_SOURCE.replace('__PACKAGE__', 'agree'))
  await writeFile(join(dir, 'agree', PROBE_CPU_FILES.other), PROBE_CPU_OTHER_SOURCE.replace('__PACKAGE__', 'agree'))
  await writeFile(join(dir, 'agree', 'agree_test.go'), AGREE_TEST)
  agree = await goTestC('agree', [])
}, 300_000)

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function settled(rules: GoroutineRule[]): Promise<{ settledMs: number; goroutines: string }> {
  const file = join(dir, `probe-${Math.random().toString(36).slice(2)}.json`)
  const r = await runProcess({ argv: [sleeper], cwd: join(dir, 'sleeper'), env: { ...process.env, ...probeEnv({ file, settleMs: 2000, rules }) }, timeoutMs: 60_000 })
  expect(r.code, r.stdout + r.stderr).toBe(0)
  return JSON.parse(await readFile(file, 'utf8')) as { settledMs: number; goroutines: string }
}

describe('goroutine rules in the probe', () => {
  it('waits the whole settle time for a goroutine nobody ignores', async () => {
    const p = await settled([])
    expect(p.settledMs).toBeGreaterThanOrEqual(1500)
    expect(p.goroutines).toContain('sleeper.park')
  })

  it('does not wait for a goroutine a user rule ignores, by any of the three kinds of rule, and still dumps it', async () => {
    for (const rule of [
      { anyFunction: 'example.com/probe/sleeper.park' },
      { topFunction: 'example.com/probe/sleeper.park' },
      { createdBy: 'example.com/probe/sleeper.TestLeavesOne' }
    ]) {
      const p = await settled([rule])
      expect(p.settledMs, JSON.stringify(rule)).toBeLessThan(1000)
      // Not waited for, so it may not have started yet (runnable, in its go statement's wrapper).
      expect(p.goroutines).toContain('created by example.com/probe/sleeper.TestLeavesOne')
    }
  })

  const USER_RULES: GoroutineRule[] = [
    { anyFunction: 'example.com/leaks/leaky.waitOn' },
    { createdBy: 'example.com/leaks/leaky.SelectNoCases' },
    { topFunction: 'sync.runtime_SemacquireWaitGroup' },
    { topFunction: 'example.com/leaks/leaky.BlockedReceive.func1', anyFunction: 'no.such.Function' }
  ]

  async function decisions(name: string, text = recordedLeaks(name)): Promise<{ go: Map<string, boolean>; ts: Map<string, boolean> }> {
    const path = join(dir, name)
    await writeFile(path, text)
    const r = await runProcess({ argv: [agree, '-test.run=^TestDecisions$'], cwd: join(dir, 'agree'), env: { ...process.env, DUMP: path, GO_LEAK_GATE_RULES: probeEnv({ file: '', rules: USER_RULES }).GO_LEAK_GATE_RULES }, timeoutMs: 60_000 })
    expect(r.code, r.stdout).toBe(0)
    const go = new Map(r.stdout.split('\n').filter((l) => l.includes('\t')).map((l) => [l.split('\t')[0], l.endsWith('true')]))
    const lines = text.split('\n')
    const ts = new Map(parseGoroutineDump(text).goroutines.map((g) => [lines[g.line - 1], isIgnorable(g, USER_RULES)]))
    return { go, ts }
  }

  it('decides exactly as the gate does on runtime.Stack dumps and goroutineleak profiles', async () => {
    for (const name of ['leaks-stack.txt', 'leakprofile-stack.txt', 'leakprofile-debug2.txt']) {
      const { go, ts } = await decisions(name)
      expect(go.size, name).toBeGreaterThan(10)
      expect(Object.fromEntries(go), name).toEqual(Object.fromEntries(ts))
      expect([...go.values()].filter(Boolean).length, name).toBeGreaterThanOrEqual(6)
    }
  })

  it('ignores the probe’s own goroutines and not those of the user’s TestMain, which the overlay renamed', async () => {
    const block = (id: number, state: string, fns: string[], creator: string): string =>
      [`goroutine ${id} [${state}]:`, ...fns.flatMap((fn, i) => [`${fn}()`, `\t/src/pkg/x_test.go:${10 + i} +0x1d`]), `created by ${creator} in goroutine 1`, '\t/src/pkg/x_test.go:40 +0x2a'].join('\n')
    const PKG = 'example.com/m/pkg'
    const text = [
      block(1, 'running', ['runtime.Stack', `${PKG}.glgStacks`, `${PKG}.glgProbe.func1`], 'testing.tRunner'),
      block(2, 'chan receive', [`${PKG}.glgUserTestMain.func1`], `${PKG}.glgUserTestMain`),
      block(3, 'sync.WaitGroup.Wait', ['sync.(*WaitGroup).Wait', `${PKG}.glgUserTestMain`, `${PKG}.TestMain`], 'runtime.main'),
      block(4, 'chan send', [`${PKG}.glgood`], `${PKG}.Start`),
      block(5, 'select', [`${PKG}.(*T).glgRun`], `${PKG}.Start`),
      block(6, 'chan receive', [`${PKG}.worker`, `${PKG}.glgExit.func1`], `${PKG}.glgExit`)
    ].join('\n\n')
    const { go, ts } = await decisions('probe-frames.txt', text + '\n')
    expect(Object.fromEntries(go)).toEqual(Object.fromEntries(ts))
    expect([...go.values()]).toEqual([true, false, false, false, false, true])
  })

  it('on a crash dump, which it is never given, ignores nothing the gate would report', async () => {
    const { go, ts } = await decisions('sigquit.stderr')
    for (const [header, ignored] of go) if (ignored) expect(ts.get(header), header).toBe(true)
  })
})
