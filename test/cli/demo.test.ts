// The README's first command ends in `go-leak-gate demo`: on the bundled demo it must reach the failing verdict
// the demo is built to show, with exactly the planted findings, and then exit 0 (a real run would exit 1).
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { judgeDemo, readDemoExpectations } from '../../src/demo.js'
import type { Report } from '../../src/model/report.js'
import { cli } from '../helpers/cli.js'

let work: string
let r: Awaited<ReturnType<typeof cli>>

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'glg-demo-test-'))
  r = await cli(['demo', '--out', work], { cwd: work, timeoutMs: 300_000 })
}, 320_000)

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

describe('go-leak-gate demo', () => {
  it('exits 0 and says on its last line that it reached its verdict and what a real run would exit', () => {
    expect(r.code, r.stdout + r.stderr).toBe(0)
    const last = r.stdout.trimEnd().split('\n').pop()
    expect(last).toBe('demo: OK, the gate reached the verdict the demo is built to show (FAIL); a real run would exit 1 here')
  })

  it('wrote a report with exactly the planted failing findings', async () => {
    const report = JSON.parse(await readFile(join(work, 'report.json'), 'utf8')) as Report
    expect(judgeDemo(report, await readDemoExpectations())).toEqual({ asDesigned: true, differences: [] })
    expect(r.stdout).toContain(report.findings.find((f) => f.kind === 'heap-leak')?.subject ?? 'no heap leak')
  })
})
