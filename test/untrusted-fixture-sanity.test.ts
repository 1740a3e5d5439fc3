// Proves that fixtures/untrusted prints what fixtures/EXPECTATIONS.md says, with plain `go test` and no code
// from src/: the lines Go itself writes for +Inf and NaN metrics and for a numeric unit, and the lines
// BenchmarkPrints forges before testing's own result line.
import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addWorktree, makeFixtureRepo, type FixtureRepo } from './helpers/fixture-repo.js'
import { runGo } from './helpers/go-run.js'

let repo: FixtureRepo
let baseDir = ''
const out: Record<'base' | 'head', string> = { base: '', head: '' }

beforeAll(async () => {
  repo = await makeFixtureRepo('untrusted')
  baseDir = `${repo.dir}-base`
  await addWorktree(repo.dir, repo.baseSha, baseDir)
  for (const [side, dir] of [['base', baseDir], ['head', repo.dir]] as const) {
    const r = await runGo(['test', '-run=^$', '-bench=.', '-benchtime=100x', '-count=1', '-cpu=2', './...'], dir)
    expect(r.code, r.stderr).toBe(0)
    out[side] = r.stdout
  }
}, 300_000)

afterAll(async () => {
  await repo?.cleanup()
  if (baseDir) await rm(baseDir, { recursive: true, force: true })
})

const line = (side: 'base' | 'head', name: string): string => out[side].split('\n').find((l) => l.startsWith(`${name}-2 `)) ?? ''

describe('fixture untrusted', () => {
  it('prints +Inf and NaN for the metrics head divides by zero, 1.000 on base', () => {
    expect(line('base', 'BenchmarkLookup')).toMatch(/\s1\.000 hits\/lookup$/)
    expect(line('head', 'BenchmarkLookup')).toMatch(/\s\+Inf hits\/lookup$/)
    expect(line('base', 'BenchmarkMissRatio')).toMatch(/\s1\.000 misses\/lookup$/)
    expect(line('head', 'BenchmarkMissRatio')).toMatch(/\sNaN misses\/lookup$/)
    for (const side of ['base', 'head'] as const) expect(line(side, 'BenchmarkAlwaysInf')).toMatch(/\s\+Inf ops\/idle$/)
  })

  it('prints a number where head\'s unit should be', () => {
    expect(line('base', 'BenchmarkOddUnit')).toMatch(/\s3\.000 items\/op$/)
    expect(line('head', 'BenchmarkOddUnit')).toMatch(/\s3\.000 1000$/)
  })

  it('has BenchmarkPrints forge two result-like lines on both sides, before its real result line with b.N = 100', () => {
    for (const side of ['base', 'head'] as const) {
      const lines = out[side].split('\n')
      const huge = lines.indexOf('BenchmarkHuge 99999999999999999999999 1 ns/op')
      const own = lines.indexOf('BenchmarkPrints 1 1e999 ns/op')
      const real = lines.findIndex((l) => /^BenchmarkPrints-2\s+100\s+\d+(\.\d+)? ns\/op$/.test(l))
      expect([huge >= 0, own > huge, real > own], side).toEqual([true, true, true])
    }
  })
})
