// Publishing: every sink on its own, so one that fails keeps neither the others nor the verdict from the
// user; output paths checked before any work, without Node's recursive mkdir (which spins under /proc).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UsageError } from '../../src/errors.js'
import { actionOutputs, reportOutputs } from '../../src/publish/action.js'
import { jsonFile, markdownFile } from '../../src/publish/files.js'
import { checkOutputs } from '../../src/publish/outputs.js'
import { dirProblem, fileProblem, makeDirs } from '../../src/publish/paths.js'
import { publish, type Sink } from '../../src/publish/sinks.js'
import { terminalText } from '../../src/publish/terminal.js'
import { sampleReport } from '../report/sample-report.js'

let dir: string
let aFile: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glg-pub-'))
  aFile = join(dir, 'a-file')
  await writeFile(aFile, 'x')
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('publish', () => {
  it('writes every sink that can be written when one in the middle fails, and says which failed', async () => {
    const printed: string[] = []
    const broken: Sink = { name: 'the broken one', write: async () => Promise.reject(new Error('disk on fire')) }
    const report = sampleReport()
    const failed = await publish(report, [jsonFile(join(dir, 'r.json')), broken, markdownFile(join(dir, 'r.md')), terminalText((t) => printed.push(t), { quiet: true })])
    expect(failed).toEqual([{ name: 'the broken one', problem: 'disk on fire' }])
    expect(JSON.parse(await readFile(join(dir, 'r.json'), 'utf8'))).toEqual(report)
    expect(await readFile(join(dir, 'r.md'), 'utf8')).toMatch(/go-leak-gate: fail/)
    expect(printed).toEqual([expect.stringMatching(/^go-leak-gate: FAIL.*\n$/)])
  })

  it('sets every action output from the report; an incomplete run says so in the verdict', async () => {
    const files = { json: '/o/report.json', markdown: '/o/report.md' }
    const outputs = async (report: ReturnType<typeof sampleReport>) => {
      const set = new Map<string, string | number>()
      await publish(report, [actionOutputs((n, v) => set.set(n, v), files)])
      return set
    }
    const incomplete = sampleReport()
    expect(incomplete.incomplete).toBe(true)
    const set = await outputs(incomplete)
    expect(Object.fromEntries(set)).toEqual(reportOutputs(incomplete, files))
    expect(set.get('verdict')).toBe('incomplete')
    expect(set.get('report-json')).toBe('/o/report.json')
    expect(set.get('failures')).toBe(incomplete.counts.fail)
    expect((await outputs({ ...incomplete, incomplete: false })).get('verdict')).toBe('fail')
  })
})

describe('output checks', () => {
  it('says why a path cannot be written, in a phrase with the code', async () => {
    expect(await fileProblem(join(aFile, 'r.json'))).toBe('a part of the path is a file, not a directory (ENOTDIR)')
    expect(await fileProblem(dir)).toBe('it is a directory (EISDIR)')
    expect(await fileProblem('/proc/glg-x/r.json')).toBe('the directory cannot be created there (ENOENT)')
    expect(await dirProblem('/sys/kernel')).toBe('permission denied (EACCES)')
    expect(await fileProblem(join(dir, 'new', 'deeper', 'r.json'))).toBeUndefined()
    // An existing file is checked without being truncated.
    expect(await fileProblem(aFile)).toBeUndefined()
    expect(await readFile(aFile, 'utf8')).toBe('x')
  })

  it('makes nested directories and stops at the first level that cannot be made, under /proc too', async () => {
    await makeDirs(join(dir, 'a', 'b', 'c'))
    expect(await dirProblem(join(dir, 'a', 'b', 'c'))).toBeUndefined()
    const started = performance.now()
    await expect(makeDirs('/proc/glg-x/y/z')).rejects.toMatchObject({ code: 'ENOENT' })
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('stops before any work on a results directory it cannot write, and lets the run go on without a bad report sink', async () => {
    await expect(checkOutputs(join(aFile, 'out'), [], '--out x')).rejects.toThrow(UsageError)
    await expect(checkOutputs(join(aFile, 'out'), [], '--out x')).rejects.toThrow('cannot write --out x: a part of the path is a file, not a directory (ENOTDIR)')
    const good = markdownFile(join(dir, 'ok.md'))
    const bad = jsonFile('/proc/glg-r.json', '--json /proc/glg-r.json')
    const checked = await checkOutputs(join(dir, 'results'), [bad, good])
    expect(checked.ready).toEqual([good])
    expect(checked.problems).toEqual([{ name: '--json /proc/glg-r.json', problem: 'the directory cannot be created there (ENOENT)' }])
  })
})

describe('the job summary', () => {
  it('stays within 1 MiB of UTF-8 when names take three bytes a character', async () => {
    const { summaryMarkdown, SUMMARY_MAX_BYTES } = await import('../../src/publish/action.js')
    const { finding, sampleReport, withCounts } = await import('../report/sample-report.js')
    const wide = '漢'.repeat(2000)
    const sites = (i: number) => Array.from({ length: 5 }, (_, j) => ({ file: `${wide}${i}_${j}.go`, line: j + 1, function: `${wide}.F${i}_${j}`, role: 'allocation' as const }))
    const findings = Array.from({ length: 3000 }, (_, i) => finding({ kind: 'regression', severity: 'fail', subject: `Benchmark${i}${wide}`, metric: 'allocs/op', message: wide, locations: sites(i) }))
    const report = withCounts({ ...sampleReport(), findings })
    const md = summaryMarkdown(report)
    expect(md.length).toBeLessThan(SUMMARY_MAX_BYTES)
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(SUMMARY_MAX_BYTES)
    // It was cut by bytes, not by characters alone: a million characters of it would be three times too big.
    expect(Buffer.byteLength(md, 'utf8')).toBeGreaterThan(SUMMARY_MAX_BYTES * 0.9)
    expect(md).toMatch(/This report was cut/)
  })
})
