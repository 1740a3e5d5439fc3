// Proves that fixtures/exits does what fixtures/EXPECTATIONS.md says, with plain `go test` and test binaries
// and no code from src/: base passes, and head's os.Exit and log.Fatalf end their processes the way the
// fault table's rows rely on.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js'
import { runGo, runProcess } from '../helpers/go-run.js'

let repo: FixtureRepo
let bin: string
const PROCS = '2'
const LOG_LINE = /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /

const binary = (pkg: string, args: string[]) =>
  runProcess(join(bin, `${pkg}.test`), args, { cwd: join(repo.dir, pkg), env: { GOMAXPROCS: PROCS } })
const lastLine = (text: string): string => text.trimEnd().split('\n').pop() ?? ''

beforeAll(async () => {
  repo = await makeFixtureRepo('exits')
  bin = await mkdtemp(join(tmpdir(), 'glg-exits-bin-'))
  const built = await runGo(['test', '-c', '-o', `${bin}/`, './...'], repo.dir)
  expect(built.code, built.stderr).toBe(0)
}, 180_000)

afterAll(async () => {
  await repo?.cleanup()
  if (bin) await rm(bin, { recursive: true, force: true })
})

describe('fixtures/exits', () => {
  it('passes every test and benchmark on base', async () => {
    const base = await mkdtemp(join(tmpdir(), 'glg-exits-base-'))
    try {
      await runProcess('git', ['worktree', 'add', '--quiet', '--detach', base, repo.baseSha], { cwd: repo.dir })
      const r = await runGo(['test', '-count=1', '-bench=.', '-benchtime=2000x', './...'], base)
      expect(r.code, r.stdout + r.stderr).toBe(0)
      expect(r.stdout.match(/^ok\s/gm)).toHaveLength(3)
    } finally {
      await runProcess('git', ['worktree', 'remove', '--force', base], { cwd: repo.dir })
      await rm(base, { recursive: true, force: true })
    }
  })

  it('head: log.Fatalf in TestParseBadLine ends the binary with code 1, no FAIL line, and the tests after it unrun', async () => {
    const r = await binary('settings', ['-test.v', '-test.count=1'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('=== RUN   TestParseBadLine')
    expect(r.stdout).not.toMatch(/--- FAIL|^FAIL$|TestParseEmpty/m)
    expect(lastLine(r.stderr)).toMatch(new RegExp(`${LOG_LINE.source}settings: line 2: no '=' in "oops"$`))
  })

  it('head: os.Exit(0) in TestHelp exits 0 without -test.paniconexit0, and panics at cli/cli.go:16 with it', async () => {
    const plain = await binary('cli', ['-test.v', '-test.count=1'])
    expect(plain.code).toBe(0)
    expect(plain.stdout).not.toMatch(/^(PASS|FAIL)$/m)
    const flagged = await binary('cli', ['-test.v', '-test.count=1', '-test.paniconexit0'])
    expect(flagged.code, flagged.stdout + flagged.stderr).toBe(2)
    expect(flagged.stdout + flagged.stderr).toMatch(/panic: unexpected call to os\.Exit\(0\) during test[^]*cli\.Run\(.*\)\n\s+\S*cli\/cli\.go:16 /)
  })

  it('head: BenchmarkFieldsOrEmpty passes at b.N = 1 and exits 1 mid-benchmark at 2000x, its half line on stdout', async () => {
    const bench = ['-test.run=^$', '-test.bench=^BenchmarkFieldsOrEmpty$', '-test.count=1']
    expect((await binary('parse', [...bench, '-test.benchtime=1x'])).code).toBe(0)
    const r = await binary('parse', [...bench, '-test.benchtime=2000x'])
    expect(r.code).toBe(1)
    expect(lastLine(r.stdout)).toMatch(new RegExp(`^BenchmarkFieldsOrEmpty-${PROCS}\\s*$`))
    expect(lastLine(r.stderr)).toMatch(new RegExp(`${LOG_LINE.source}parse: empty line$`))
  })

  it('head: BenchmarkHelp vanishes without -test.paniconexit0 (exit 0, no result) and panics with it', async () => {
    const bench = ['-test.run=^$', '-test.bench=^BenchmarkHelp$', '-test.count=1']
    const plain = await binary('parse', [...bench, '-test.benchtime=1x'])
    expect(plain.code).toBe(0)
    expect(plain.stdout).not.toMatch(/ns\/op/)
    // Not 1x: a panic in the last b.N run races testing's summary, and under load the binary can exit 0
    // (fact 13). At 2000x the b.N = 1 run's panic has the whole second run to win.
    const flagged = await binary('parse', [...bench, '-test.benchtime=2000x', '-test.paniconexit0'])
    expect(flagged.code, flagged.stdout + flagged.stderr).toBe(2)
    expect(flagged.stderr).toMatch(/^panic: unexpected call to os\.Exit\(0\) during test/m)
  })

  it('head: BenchmarkFields and TestFields are unchanged and pass', async () => {
    const r = await binary('parse', ['-test.run=^TestFields$', '-test.bench=^BenchmarkFields$', '-test.benchtime=2000x', '-test.count=1'])
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.stdout).toMatch(new RegExp(`^BenchmarkFields-${PROCS}\\s+2000\\s+\\S+ ns/op`, 'm'))
  })
})
