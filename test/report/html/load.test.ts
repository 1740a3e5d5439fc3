// The load jobs on the HTML page: the figures head against base, the per-round curves drawn from the
// snapshots' own numbers, and nothing of the untrusted text (job names, packages, messages) as markup.
import { describe, expect, it } from 'vitest'
import { compareLoadJobs } from '../../../src/compare/load.js'
import { DEFAULT_COMPARE } from '../../../src/config/defaults.js'
import type { LoadJobResult } from '../../../src/model/result.js'
import { renderHtmlPage } from '../../../src/report/html/page.js'
import { hostileLoadResult, loadResult, steps } from '../../jobs/load/build-load.js'
import { hostilePage } from './pages.js'

function page(base: LoadJobResult[] | undefined, head: LoadJobResult[]): string {
  const { data } = hostilePage()
  const { findings, jobs } = compareLoadJobs(base, head, DEFAULT_COMPARE)
  return renderHtmlPage({ ...data, report: { ...data.report, findings: [...data.report.findings, ...findings], loads: jobs } })
}

function loadSection(html: string): string {
  const start = html.indexOf('<section id="load">')
  expect(start).toBeGreaterThan(-1)
  return html.slice(start, html.indexOf('</section>', start) + '</section>'.length)
}

/** Each polyline's side and its y coordinates (SVG's y grows downwards). */
function curves(section: string): { side: string; ys: number[] }[] {
  return [...section.matchAll(/<polyline class="ecdf (base|head)" points="([^"]*)"\/>/g)].map((m) => ({
    side: m[1],
    ys: m[2].split(' ').map((p) => Number(p.split(',')[1]))
  }))
}

const falling = (ys: number[]): boolean => ys.every((y, i) => i === 0 || y < ys[i - 1])

describe('the load jobs on the HTML page', () => {
  const base = loadResult({ p50: [1, 1, 1, 1, 1] })
  const head = loadResult({ goroutines: steps(7, 10, 5), fds: steps(9, 10, 5), p50: [2, 2, 2, 2, 2] })

  it('draws goroutines, live heap and descriptors after each snapshot, base and head, from their numbers', () => {
    const s = loadSection(page([base], [head]))
    const c = curves(s)
    expect(c.map((x) => x.side)).toEqual(['base', 'head', 'base', 'head', 'base', 'head'])
    for (const x of c) expect(x.ys).toHaveLength(6)
    // Goroutines: head climbs in every round, the base stays flat; descriptors alike; the heap is flat on both.
    expect(falling(c[1].ys)).toBe(true)
    expect(new Set(c[0].ys).size).toBe(1)
    expect(falling(c[5].ys)).toBe(true)
    expect(new Set([...c[2].ys, ...c[3].ys]).size).toBe(1)
    expect(s).toContain('<figcaption class="chart-caption">Goroutines: <span class="key base">base</span>, <span class="key head">head</span></figcaption>')
    expect(s).toContain('<title>head after round 5: 57</title>')
    expect(s).toContain('<title>base after warm-up: 10</title>')
    expect(s).toContain('<title>head after round 3: 39</title>')
    expect(s).toMatch(/<strong>Goroutines \(leak\):<\/strong> base no steady growth[^<]*; head grew in every round \(\+10, \+10, \+10, \+10, \+10 goroutines\)/)
  })

  it('shows the per-round medians head against base, and opens a job with a failing finding', () => {
    const html = page([base], [head])
    const s = loadSection(html)
    expect(s).toMatch(/^<section id="load"><h2>Load jobs<\/h2>\n<details class="benchmark load-job" id="load-0" open>\n<summary>Load job <code>api<\/code> <span class="badge">finding<\/span><\/summary>/)
    expect(s).toContain('<p><code>./cmd/api</code> built with -race · embedded generator, 4 connections · 5 rounds of 1,000 requests · goroutineleak profile on · 5.0s</p>')
    expect(s).toContain('<tr class="finding fail"><td>latency p50</td><td class="num">1ms</td><td class="num">2ms</td><td class="num">+100%</td><td class="num">p=0.008</td><td>regression</td></tr>')
    expect(html).toContain('<a href="#load">Load jobs</a>')
    // The findings table links each of the job's findings to its section.
    const findings = html.slice(html.indexOf('<section id="findings">'), html.indexOf('</section>', html.indexOf('<section id="findings">')))
    const jobRows = [...findings.matchAll(/<tr class="finding fail">(.*?)<\/tr>/g)].map((m) => m[1]).filter((r) => r.includes('<code>api</code>'))
    expect(jobRows.length).toBeGreaterThan(0)
    for (const r of jobRows) expect(r).toContain('<a href="#load-0">load job</a>')
    const quiet = loadSection(page([base], [loadResult({ p50: [1, 1, 1, 1, 1] })]))
    expect(quiet).toContain('<details class="benchmark load-job" id="load-0">')
  })

  it('shows one side alone round by round, with one curve per chart', () => {
    const s = loadSection(page(undefined, [head]))
    expect(curves(s).map((x) => x.side)).toEqual(['head', 'head', 'head'])
    expect(s).toContain('<thead><tr><th>round</th><th>requests</th><th>errors</th><th>throughput</th><th>p50</th><th>p99</th></tr></thead>')
    expect(s).toContain('<td>5</td><td class="num">1,000</td><td class="num">0</td><td class="num">2k/s</td><td class="num">2ms</td><td class="num">8ms</td>')
  })

  it('has no load section, nor a link to one, when no load job ran', () => {
    const { html } = hostilePage()
    expect(html).not.toContain('<section id="load">')
    expect(html).not.toContain('href="#load"')
  })

  it('turns no untrusted text into markup', () => {
    const evil = '<img src=x onerror=alert(1)> <b>bold</b> </details></section><script>x</script> "q\' &amp;'
    const hostile = hostileLoadResult(evil)
    const html = page([hostile], [hostile])
    const s = loadSection(html)
    const tags = new Set([...s.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]))
    const ours = ['section', 'h2', 'h4', 'details', 'summary', 'code', 'span', 'p', 'ul', 'li', 'strong', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'div', 'figure', 'figcaption', 'svg', 'line', 'text', 'polyline', 'circle', 'title']
    for (const t of tags) expect(ours).toContain(t)
    expect(s).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(s.match(/<details/g)).toHaveLength(1)
    expect(s.match(/<\/details>/g)).toHaveLength(1)
    // Attributes are ours alone: no value of the job's text ends up inside one.
    expect(s).not.toMatch(/onerror=alert\(1\)>/)
    expect(html.match(/<script\b/gi)).toHaveLength(2)
  })
})
