// The HTML report in a real browser (Debian's chromium, headless, driven by playwright-core): the page of a
// real gate run on the demo fixture, and a page of hostile names built through the generator.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDemo } from '../../../src/demo.js'
import { runProcess } from '../../../src/go/process.js'
import { probeToolchain } from '../../../src/go/toolchain.js'
import type { Report } from '../../../src/model/report.js'
import { singleLine } from '../../../src/report/escape.js'
import { roundLimits } from '../../../src/jobs/bench/adaptive.js'
import { boxOf, browserMissing, launch, openFile, type LoadedPage } from './browser.js'
import { HOSTILE, HOSTILE_NAMES, hostilePage } from './pages.js'

const missing = browserMissing()
if (missing !== undefined) console.warn(`SKIPPED: ${missing}`)

let work: string
let browser: Browser
let report: Report
let demo: LoadedPage

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** The status line and matched counter of the flame graph in slot `id`. */
const slot = (id: string) => `[data-flame="${id}"]`

async function frames(page: Page, id: string): Promise<{ label: string; width: number; cls: string; fill: string }[]> {
  return page.$$eval(`${slot(id)} g.frame`, (gs) =>
    gs.map((g) => ({
      label: g.querySelector('title')?.textContent ?? '',
      width: Number(g.querySelector('rect')?.getAttribute('width')),
      cls: g.getAttribute('class') ?? '',
      fill: g.querySelector('rect')?.getAttribute('fill') ?? ''
    }))
  )
}

describe.skipIf(missing !== undefined)('the HTML report in headless chromium', () => {
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'glg-html-'))
    browser = await launch()
    const toolchain = await probeToolchain(runProcess)
    // The demo writes report.html next to report.json, as `npm run demo` does.
    const out = await runDemo({ run: runProcess, toolchain, log: () => {} }, join(work, 'demo'), [])
    report = out.report
    expect(out.htmlPath).toBe(join(work, 'demo', 'report.html'))
    demo = await openFile(browser, out.htmlPath)
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    if (work) await rm(work, { recursive: true, force: true })
  })

  it('loads from the file with no console error and no request but the file itself', () => {
    expect(demo.errors).toEqual([])
    expect(demo.blocked).toEqual([])
    expect(demo.requests).toHaveLength(1)
    expect(demo.requests[0]).toMatch(/^file:\/\/.*report\.html$/)
  })

  it('draws every flame graph and chart of the benchmarks with findings, at a size', async () => {
    const { page } = demo
    const flagged = report.findings.filter((f) => f.kind !== 'goroutine-leak').map((f) => f.subject)
    expect(flagged.length).toBeGreaterThan(0)
    for (const id of await page.$$eval('details.benchmark[open]', (ds) => ds.map((d) => d.id))) {
      // CPU too: the CPU-profiled run of each side (BenchmarkResult.profileRuns) is drawn like the heap's.
      for (const kind of ['heap-inuse', 'heap-alloc', 'cpu']) {
        const box = await boxOf(page, `${slot(`${id}-${kind}`)} svg`)
        expect(box?.width, `${id} ${kind}`).toBeGreaterThan(100)
        expect(box?.height, `${id} ${kind}`).toBeGreaterThan(10)
        expect((await frames(page, `${id}-${kind}`)).length).toBeGreaterThan(1)
      }
      expect(await page.locator(`${slot(`${id}-cpu`)} .missing`).count()).toBe(0)
      const charts = page.locator(`#${id}-charts .chart svg`)
      expect(await charts.count()).toBeGreaterThan(0)
      expect((await boxOf(page, `#${id}-charts .chart svg`))?.height).toBeGreaterThan(20)
      const dots = await page.locator(`#${id}-charts .chart`).first().locator('circle').count()
      // One dot per run of each side: the adaptive first pass, and more where rounds went on.
      const runs = (await page.evaluate(`(() => { const m = JSON.parse(document.getElementById('report-data').textContent).benchmarks.find((x) => x.id === '${id}').metrics[0]; return m.base.samples.length + m.head.samples.length })()`)) as number
      expect(dots).toBe(runs)
      expect(runs).toBeGreaterThanOrEqual(2 * roundLimits(report.base.count).first)
      // One distribution per side that had pauses (a benchmark that allocates little may have none).
      const sides = await page.evaluate(`(() => { const b = JSON.parse(document.getElementById('report-data').textContent).benchmarks.find((x) => x.id === '${id}'); return [b.gc.base.count, b.gc.head.count] })()`)
      const withPauses = (sides as number[]).filter((n) => n > 0).length
      expect(await page.locator(`#${id}-gc .gc-chart path.ecdf`).count(), `${id}: ${String(sides)}`).toBe(withPauses)
    }
    const goroutines = await frames(page, 'goroutines-flame')
    expect(goroutines.some((f) => f.label.startsWith('example.com/demo/notify.(*Hub).Subscribe.func1'))).toBe(true)
  })

  it('shows the exact numbers of a frame on hover', async () => {
    const { page } = demo
    const put = report.findings.find((f) => f.kind === 'heap-leak')
    const id = await page.$eval(`a[href^="#bench-"][href$="-heap-inuse"]`, (a) => a.getAttribute('href')?.slice(1) ?? '')
    expect(put).toBeDefined()
    // Put is reached along more than one path (b.N = 1 runs first, from another caller): take the widest.
    const all = await frames(page, id)
    const widest = all.reduce((best, f, i) => (f.label.startsWith('example.com/demo/cache.(*Store).Put') && f.width > (all[best]?.width ?? -1) ? i : best), -1)
    expect(widest).toBeGreaterThanOrEqual(0)
    await page.locator(`${slot(id)} g.frame`).nth(widest).hover()
    const status = (await page.locator(`${slot(id)} .status`).textContent()) ?? ''
    expect(status).toContain('example.com/demo/cache.(*Store).Put')
    // `head 4,160.3 B/op (4.06KiB)`: the per-op figure the finding reports, to the byte.
    const head = /head ([\d,.]+) B\/op/.exec(status)
    expect(head).not.toBeNull()
    expect(Number(head?.[1].replace(/,/g, '')), status).toBeGreaterThan(4000)
  })

  it('highlights the frames a search matches, and says how much they weigh', async () => {
    const { page } = demo
    const id = await page.$eval(`a[href$="-heap-inuse"]`, (a) => a.getAttribute('href')?.slice(1) ?? '')
    await page.locator(`${slot(id)} input[type=search]`).fill('store')
    const all = await frames(page, id)
    const matches = all.filter((f) => f.cls.includes('match'))
    expect(matches.length).toBeGreaterThan(0)
    for (const m of matches) expect(m.label.toLowerCase().split('\n')[0]).toContain('store')
    expect(all.filter((f) => !f.cls.includes('match') && f.label.split('\n')[0].toLowerCase().includes('store'))).toEqual([])
    expect(await page.locator(`${slot(id)} .matched`).textContent()).toMatch(/^matched \d+ frames, [\d.]+% of the head total$/)
    await page.locator(`${slot(id)} input[type=search]`).fill('')
    expect((await frames(page, id)).filter((f) => f.cls.includes('match'))).toEqual([])
  })

  it('zooms to a clicked frame and back', async () => {
    const { page } = demo
    const id = await page.$eval(`a[href$="-heap-alloc"]`, (a) => a.getAttribute('href')?.slice(1) ?? '')
    const svgWidth = Number(await page.locator(`${slot(id)} svg`).getAttribute('width'))
    const before = await frames(page, id)
    // A frame narrower than the whole graph, not the root.
    const narrow = before.find((f) => f.width < svgWidth * 0.9 && f.width > 20 && !f.label.startsWith('all samples'))
    expect(narrow, JSON.stringify(before.map((f) => [f.label.split('\n')[0], f.width]))).toBeDefined()
    const name = (narrow?.label ?? '').split('\n')[0]
    await page.locator(`${slot(id)} g.frame`).filter({ has: page.locator('title', { hasText: name }) }).first().click()
    const zoomed = await frames(page, id)
    const target = zoomed.find((f) => f.label.split('\n')[0] === name && !f.cls.includes('ancestor'))
    expect(target?.width).toBeGreaterThan(svgWidth * 0.99)
    expect(zoomed.some((f) => f.cls.includes('ancestor'))).toBe(true)
    await page.locator(`${slot(id)} button`, { hasText: 'reset zoom' }).click()
    expect((await frames(page, id)).map((f) => f.width)).toEqual(before.map((f) => f.width))
  })

  it('keeps the screenshot of the page, a real PNG', async () => {
    const png = join(work, 'demo-report.png')
    await demo.page.screenshot({ path: png, fullPage: true })
    const bytes = await readFile(png)
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_MAGIC)
    expect((await stat(png)).size).toBeGreaterThan(50_000)
    if (process.env.GLG_KEEP_SCREENSHOTS) await writeFile(join(process.env.GLG_KEEP_SCREENSHOTS, 'demo-report.png'), bytes)
  })

  describe('a page of hostile names, built through the generator', () => {
    let hostile: LoadedPage

    beforeAll(async () => {
      const file = join(work, 'hostile.html')
      await writeFile(file, hostilePage().html)
      hostile = await openFile(browser, file)
    })

    it('shows every hostile benchmark name as text, and runs and loads nothing of theirs', async () => {
      const { page } = hostile
      expect(hostile.errors).toEqual([])
      expect(hostile.blocked).toEqual([])
      expect(hostile.dialogs).toEqual([])
      const names = await page.$$eval('details.benchmark > summary > code', (cs) => cs.map((c) => c.textContent))
      for (const name of HOSTILE_NAMES) expect(names).toContain(singleLine(name))
      expect(names).toContain(HOSTILE)
      // Nothing of the names became an element: our own two scripts, no image, no bold, no injected row.
      expect(await page.locator('script').count()).toBe(2)
      expect(await page.locator('img, b, iframe, object, embed, link').count()).toBe(0)
      const findingRows = await page.locator('table.findings tr.finding').count()
      expect(findingRows).toBe(hostilePage().data.report.findings.length)
    })

    it('draws hostile function names in a flame graph as text', async () => {
      const labels = (await frames(hostile.page, 'goroutines-flame')).map((f) => f.label.split('\n')[0].split('  ')[0])
      expect(labels).toContain('<img src=x onerror=alert(1)>')
      expect(labels).toContain(HOSTILE)
    })

    it('shows frames that vanished on head only in the negated view, in blue', async () => {
      const { page } = hostile
      const vanished = <F extends { label: string }>(fs: F[]): F[] => fs.filter((f) => f.label.startsWith('example.com/shop/leaky.vanished'))
      expect(vanished(await frames(page, 'goroutines-flame'))).toEqual([])
      await page.locator(`${slot('goroutines-flame')} input[type=checkbox]`).check()
      const negated = vanished(await frames(page, 'goroutines-flame'))
      expect(negated).toHaveLength(1)
      const [r, g, b] = (/rgb\((\d+),(\d+),(\d+)\)/.exec(negated[0].fill) ?? []).slice(1).map(Number)
      expect(b).toBe(255)
      expect(r).toBeLessThan(255)
      expect(g).toBe(r)
      // The new group is red in the normal view and gone in the negated one.
      await page.locator(`${slot('goroutines-flame')} input[type=checkbox]`).uncheck()
      const img = (await frames(page, 'goroutines-flame')).find((f) => f.label.startsWith('<img'))
      expect(img?.fill).toMatch(/^rgb\(255,\d+,\d+\)$/)
    })

    it('draws the CPU graph when a run has a CPU profile', async () => {
      const box = await boxOf(hostile.page, `${slot('bench-0-cpu')} svg`)
      expect(box?.width).toBeGreaterThan(100)
      expect((await frames(hostile.page, 'bench-0-cpu')).length).toBeGreaterThan(5)
    })
  })
})
