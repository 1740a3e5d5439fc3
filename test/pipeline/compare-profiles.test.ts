// A memory profile that a comparison needs and cannot read: on recorded results of the gate fixture, whose
// allocation findings read the head's profiles. The run must say so where a developer looks (the terminal,
// report.json's errors) and exit 3, as the README promises, instead of a note in report.md and exit 1.
import { cp, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_COMPARE } from '../../src/config/defaults.js'
import { resultDirBaseline } from '../../src/baseline/result-dir.js'
import { compareStored } from '../../src/pipeline/compare.js'
import { exitCodeForReport } from '../../src/exit.js'
import { runProcess } from '../../src/go/process.js'
import type { RunResult } from '../../src/model/result.js'
import { renderText } from '../../src/report/text.js'

const RECORDED = join(import.meta.dirname, '..', 'fixtures', 'recorded-results', 'gate')
const PROFILE = 'profiles/p0-BenchmarkEncode.alloc.pprof'
let work = ''

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'glg-profiles-'))
  await cp(RECORDED, work, { recursive: true })
  // Without the package that stops building, the recorded run is complete: exit 3 can only come from the profile.
  const path = join(work, 'head', 'result.json')
  const head = JSON.parse(await readFile(path, 'utf8')) as RunResult
  head.errors = head.errors.filter((e) => e.kind !== 'build')
  head.packages = head.packages.filter((p) => p.build.ok)
  await writeFile(path, JSON.stringify(head))
})

afterEach(async () => {
  await rm(work, { recursive: true, force: true })
})

const compare = () => compareStored(runProcess, DEFAULT_COMPARE, resultDirBaseline(join(work, 'base')), resultDirBaseline(join(work, 'head')), work)

describe('a memory profile compare cannot read', () => {
  it('is nothing to report while every profile reads: the run fails on its findings and exits 1', async () => {
    const report = await compare()
    expect(report.errors).toEqual([])
    expect(report.incomplete).toBe(false)
    expect(exitCodeForReport(report)).toBe(1)
    expect(report.findings.find((f) => f.subject === 'BenchmarkEncode' && f.metric === 'allocs/op')?.locations.length).toBeGreaterThan(0)
  })

  it('is an error of its side, on the terminal, and makes the run incomplete (exit 3)', async () => {
    await truncate(join(work, 'head', PROFILE), 100)
    const report = await compare()
    const file = join(work, 'head', PROFILE)
    expect(report.errors).toEqual([
      {
        side: 'head',
        kind: 'profile',
        subject: 'example.com/gatefixture/alloc.BenchmarkEncode',
        message: expect.stringMatching(new RegExp(`^memory profile unusable, left out of the allocation sites: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: truncated or corrupt gzip data`))
      }
    ])
    expect(report.incomplete).toBe(true)
    expect(exitCodeForReport(report)).toBe(3)
    const text = renderText(report)
    expect(text).toContain('Errors (1):')
    expect(text).toContain(`head profile example.com/gatefixture/alloc.BenchmarkEncode: memory profile unusable`)
    // The finding itself stands: it rests on the result, not on the profile.
    expect(report.findings.find((f) => f.subject === 'BenchmarkEncode' && f.metric === 'allocs/op')?.severity).toBe('fail')
  })

  it('is an error too when it is missing, and the error names the file', async () => {
    await rm(join(work, 'base', PROFILE))
    const report = await compare()
    expect(report.errors.map((e) => [e.side, e.kind, e.message])).toEqual([['base', 'profile', `memory profile unusable, left out of the allocation sites: ${join(work, 'base', PROFILE)} is missing (result.json names it)`]])
    expect(exitCodeForReport(report)).toBe(3)
  })
})
