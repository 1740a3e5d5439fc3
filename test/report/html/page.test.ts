// The HTML generator without a browser: what the page's bytes can and cannot contain.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { singleLine } from '../../../src/report/escape.js'
import { PAGE_SCRIPT, PAGE_STYLE } from '../../../src/report/html/assets.gen.js'
import { assetsModule } from '../../../src/report/html/assets-module.js'
import { embedJson } from '../../../src/report/html/embed.js'
import { findingsOf } from '../../../src/report/summary.js'
import { HOSTILE, HOSTILE_NAMES, hostilePage } from './pages.js'

const ASSETS = new URL('../../../src/report/html/', import.meta.url)
const read = (name: string): string => readFileSync(new URL(name, ASSETS), 'utf8')

/** The text of every element `tag` in the page, in order (our page has no nested or attribute-only ones). */
function elements(html: string, open: RegExp, close: string): string[] {
  const out: string[] = []
  for (let m = open.exec(html); m !== null; m = open.exec(html)) {
    const end = html.indexOf(close, m.index + m[0].length)
    out.push(html.slice(m.index + m[0].length, end))
  }
  return out
}

const BREAKOUTS = ['</script><script>alert(1)</script>', '</SCRIPT >', '<!--<script>', ']]>', '\u2028\u2029', '&lt;/script&gt;', '<\u0000/script>']

describe('the HTML report page', () => {
  it('inlines the current assets (run npm run gen:html after editing them)', () => {
    expect(read('assets.gen.ts')).toBe(assetsModule(read('assets/report.js'), read('assets/report.css')))
  })

  it('embeds data that cannot end its script element and parses back to the same value', () => {
    const value = { names: [...HOSTILE_NAMES, ...BREAKOUTS, HOSTILE], nested: { '</script>': '<!--' } }
    const embedded = embedJson(value)
    expect(embedded).not.toMatch(/[<>&\u2028\u2029]/)
    expect(JSON.parse(embedded)).toEqual(value)
  })

  it('has our two scripts only, the data one holding exactly the page data', () => {
    const { html, data } = hostilePage()
    const scripts = html.match(/<script\b/gi) ?? []
    expect(scripts).toHaveLength(2)
    const [json] = elements(html, /<script type="application\/json" id="report-data">/g, '</script>')
    expect(JSON.parse(json)).toEqual({ benchmarks: data.benchmarks, goroutines: data.goroutines })
    const [code] = elements(html, /<script>/g, '</script>')
    expect(code).toBe(PAGE_SCRIPT)
  })

  it('allows by hash exactly the inline script and style it has, and nothing to load', () => {
    const { html } = hostilePage()
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? ''
    const hash = (t: string) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`
    const [style] = elements(html, /<style>/g, '</style>')
    const [script] = elements(html, /<script>/g, '</script>')
    expect(style).toBe(PAGE_STYLE)
    expect(csp.split('; ')).toEqual(["default-src 'none'", `script-src ${hash(script)}`, `style-src ${hash(style)}`, "base-uri 'none'", "form-action 'none'"])
    // The meta comes before anything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'))
    // No URL of any kind outside the page: links are to its own anchors.
    expect(html.match(/\b(?:href|src|action)="(?!#)[^"]*"/g) ?? []).toEqual([])
  })

  it('writes every hostile name as text, never as markup', () => {
    const { html } = hostilePage()
    const markup = html.replace(/<script type="application\/json"[\s\S]*?<\/script>/, '').replace(/<script>[\s\S]*?<\/script>/, '')
    for (const tag of ['<img', '<b>', '</details></summary>', '<!-- hidden', '<https://evil', '\u202E', '\u001b']) expect(markup).not.toContain(tag)
    // As the browser decodes it: the summary of each hostile benchmark is the name on one line.
    const summaries = elements(markup, /<summary><code>/g, '</code>').map((s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'))
    for (const name of HOSTILE_NAMES) expect(summaries).toContain(singleLine(name))
  })

  it('lists the findings in the order of the comment: failing, then warnings, then informational', () => {
    const { html, data } = hostilePage()
    const report = data.report
    const expected = [...findingsOf(report, 'fail'), ...findingsOf(report, 'warn'), ...findingsOf(report, 'info')].map((f) => f.kind)
    const rows = elements(html, /<tr class="finding (?:fail|warn|info)"><td>/g, '</td>')
    expect(rows).toEqual(expected)
    // Every row of a benchmark the page has links to that benchmark's graph or chart.
    // (bench-0 has no heap profile here, so its allocation finding links to its samples.)
    expect(html).toContain('<a href="#bench-0-charts">allocations</a>')
    expect(html).toContain('<a href="#goroutines">goroutines</a>')
  })

  it('says on the page that small frames were pruned, and by how much', () => {
    const { html } = hostilePage()
    expect(html).toContain('leaves out frames below 0.5% of the larger side')
  })
})
