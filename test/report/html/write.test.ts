// writeHtmlReport on result directories with recorded Go profiles: what it reads, and what it refuses.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { main } from '../../../src/cli.js'
import { readReport, readResult, writeResult } from '../../../src/baseline/result-dir.js'
import type { RunResult } from '../../../src/model/result.js'
import type { FlameView, MissingFlame } from '../../../src/report/html/model.js'
import type { PageData } from '../../../src/report/html/page.js'
import { writeHtmlReport } from '../../../src/publish/html.js'
import { bench, result } from '../../compare/build-result.js'
import { RECORDED_PROFILES } from '../../profile/oracle.js'
import { sampleReport } from '../sample-report.js'

const PKG = 'example.com/shop/cart'
const NAME = 'BenchmarkAddItem'
let work: string

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'glg-html-write-'))
})
afterEach(async () => {
  await rm(work, { recursive: true, force: true })
})

/** A result dir whose benchmark's runs name the recorded profiles of `side`, copied in. */
async function side(name: 'base' | 'head', runs: number, cpu: boolean): Promise<{ dir: string; result: RunResult }> {
  const dir = join(work, name)
  await mkdir(join(dir, 'profiles'), { recursive: true })
  const r = result({ [PKG]: [bench(NAME, Array.from({ length: runs }, () => ({ iterations: 1000 })))] })
  for (const run of r.packages[0].benchmarks[0].runs) {
    await copyFile(join(RECORDED_PROFILES, 'go1.26', `heap-${name}.pprof`), join(dir, run.heap?.profile ?? ''))
    if (cpu) {
      await copyFile(join(RECORDED_PROFILES, 'go1.26', `cpu-${name}.pprof`), join(dir, 'profiles', `cpu${run.index}.pprof`))
      Object.assign(run, { cpuProfile: `profiles/cpu${run.index}.pprof` })
    }
  }
  return { dir, result: r }
}

async function page(base: { dir: string; result: RunResult }, head: { dir: string; result: RunResult }): Promise<{ data: PageData; html: string }> {
  const out = join(work, 'out', 'report.html')
  const written = await writeHtmlReport(sampleReport(), base.result, head.result, { baseDir: base.dir, headDir: head.dir, out })
  const html = await readFile(out, 'utf8')
  expect(written).toEqual({ path: out, bytes: Buffer.byteLength(html) })
  return { data: pageData(html), html }
}

function pageData(html: string): PageData {
  const json = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)?.[1] ?? ''
  return JSON.parse(json) as PageData
}

const flamesOf = (data: PageData): Map<string, FlameView | MissingFlame> =>
  new Map(data.benchmarks.find((b) => b.pkg === PKG && b.benchmark === NAME)?.flames.map((f) => [f.kind, f]) ?? [])

describe('writeHtmlReport', () => {
  it('draws heap in use and allocations per op from every run, and CPU when the runs have a CPU profile', async () => {
    const { data } = await page(await side('base', 2, true), await side('head', 3, true))
    const flames = flamesOf(data)
    for (const kind of ['heap-inuse', 'heap-alloc', 'cpu']) expect(flames.get(kind as never), kind).toHaveProperty('root')
    const cpu = flames.get('cpu') as FlameView
    expect(cpu.unit).toBe('ns/op')
    expect(cpu.note).toContain('base 2, head 3')
    // The runs are copies of one profile per side: the mean per op is that profile's total / 1000.
    const heap = flames.get('heap-alloc') as FlameView
    expect(heap.root[1]).toBeGreaterThan(0)
    expect(heap.root[2]).toBeGreaterThan(0)
  })

  it('says "no CPU profile recorded" when no run has one', async () => {
    const { data } = await page(await side('base', 2, false), await side('head', 2, false))
    expect(flamesOf(data).get('cpu')).toEqual({ id: 'bench-0-cpu', kind: 'cpu', title: 'CPU, per op', missing: 'no CPU profile recorded' })
  })

  it('skips a profile outside its result directory and a corrupt one, names both, and draws the rest', async () => {
    const base = await side('base', 2, false)
    const head = await side('head', 2, false)
    await writeFile(join(work, 'secret.pprof'), 'not for the page')
    const [outside, corrupt] = head.result.packages[0].benchmarks[0].runs
    if (outside.heap) outside.heap.profile = '../secret.pprof'
    if (corrupt.heap) await writeFile(join(head.dir, corrupt.heap.profile), Buffer.from([0x1f, 0x8b, 1, 2, 3]))
    const { html } = await page(base, head)
    expect(html).toContain('head heap profile ../secret.pprof is outside the result directory')
    expect(html).toMatch(/head heap profile \S+p1\.pprof could not be read, the graphs leave it out: /)
    expect(html).not.toContain('not for the page')
    // Head has no readable profile left, base still has two: the graph is drawn from base against nothing.
    expect(html).toContain('base 2, head 0')
  })
  it('draws the CPU graph of a recorded slowdown from each side\'s CPU-profiled run, not its timed runs', async () => {
    // scripts/record-results.ts 'cpu': slow.BenchmarkContains, 4 timed runs and one CPU-profiled run per side.
    const recorded = join(import.meta.dirname, '..', '..', 'fixtures', 'recorded-results', 'cpu')
    const [base, head] = await Promise.all([readResult(join(recorded, 'base')), readResult(join(recorded, 'head'))])
    const out = join(work, 'cpu.html')
    await writeHtmlReport(await readReport(join(recorded, 'report.json')), base, head, { baseDir: join(recorded, 'base'), headDir: join(recorded, 'head'), out })
    const data = pageData(await readFile(out, 'utf8'))
    const cpu = data.benchmarks.find((b) => b.benchmark === 'BenchmarkContains')?.flames.find((f) => f.kind === 'cpu')
    if (!cpu || !('root' in cpu)) throw new Error(`no CPU graph: ${JSON.stringify(cpu)}`)
    expect(cpu.note).toContain('base 1, head 1')
    expect(cpu.functions.map(([name]) => name)).toContain('example.com/gatefixture/slow.(*Set).Contains')
  })

  it('is what `compare --html FILE` writes, from the result directories given', async () => {
    const base = await side('base', 4, false)
    const head = await side('head', 4, false)
    await writeResult(base.dir, base.result)
    await writeResult(head.dir, head.result)
    const out = join(work, 'cli', 'report.html')
    const code = await main(['compare', '--base', base.dir, '--head', head.dir, '--dir', work, '--html', out, '--quiet'])
    expect(code).toBeLessThan(2)
    const html = await readFile(out, 'utf8')
    expect(html).toContain('<code>BenchmarkAddItem</code>')
    expect(html).toContain('Heap allocations (alloc_space), per op')
    expect(html).toContain('base 4, head 4')
  })
})
