// The HTML report: one self-contained file. The text parts (verdict, findings, notes, errors) are written
// here as escaped HTML, so they read without script; the graphs and charts are drawn by the page's own
// script (assets/report.js) from the data embedded as JSON. Pure: data in, one string out.

import type { Report } from '../../model/report.js'
import { PAGE_SCRIPT, PAGE_STYLE } from './assets.gen.js'
import { contentSecurityPolicy, embedJson, text } from './embed.js'
import { findingsSection } from './findings.js'
import { loadJobsSection } from './load.js'
import type { BenchmarkView, FlameView, HtmlReportData, MissingFlame } from './model.js'
import { countsPhrase } from '../summary.js'

/** What the page script reads: everything it draws, nothing it does not. */
export interface PageData {
  benchmarks: BenchmarkView[]
  goroutines: FlameView | MissingFlame
}

function percent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(3))}%`
}

function header(report: Report, version: string): string {
  const counts = countsPhrase(report.counts)
  const side = (name: string, s: Report['base']): string =>
    `<tr><th>${name}</th><td><code>${text(s.commit ?? 'unknown')}</code></td><td>${text(s.goVersion)} ${text(`${s.goos}/${s.goarch}`)}</td>` +
    `<td>${text(s.cpu === '' ? 'CPU unknown' : s.cpu)}</td><td>count=${text(String(s.count))} benchtime=${text(s.benchtime)}${s.race ? ' race' : ''}</td></tr>`
  const incomplete = report.incomplete
    ? `<p class="warning"><strong>Incomplete:</strong> part of the head run could not complete (${report.errors.length} errors, see <a href="#errors">Errors</a>); the verdict covers only what ran.</p>`
    : ''
  return [
    `<header><h1><span class="verdict ${report.verdict}">${report.verdict === 'fail' ? 'FAIL' : 'PASS'}</span> go-leak-gate report${counts === '' ? '' : ` — ${text(counts)}`}</h1>`,
    incomplete,
    `<table class="sides"><tbody>${side('base', report.base)}${side('head', report.head)}</tbody></table>`,
    `<nav><a href="#findings">Findings</a> · <a href="#goroutines">Goroutines</a> · <a href="#benchmarks">Benchmarks</a>${report.loads?.length ? ' · <a href="#load">Load jobs</a>' : ''} · <a href="#notes">Notes</a></nav>`,
    `<p class="generated">Written by go-leak-gate ${text(version)}. This file works offline and loads nothing.</p></header>`
  ].join('\n')
}

function flameSlot(f: FlameView | MissingFlame): string {
  return `<div class="flame" id="${f.id}" data-flame="${f.id}"><h4>${text(f.title)}</h4></div>`
}

function benchmarkSection(b: BenchmarkView): string {
  const status = b.hasFindings ? ' <span class="badge">finding</span>' : ''
  return [
    `<details class="benchmark" id="${b.id}"${b.hasFindings ? ' open' : ''}>`,
    `<summary><code>${text(b.benchmark)}</code>${status}</summary>`,
    `<div class="charts" id="${b.id}-charts" data-charts="${b.id}"><h4>Samples: each run of base and head, the median and its 95% interval</h4></div>`,
    `<div class="gc" id="${b.id}-gc" data-gc="${b.id}"><h4>GC stop-the-world pauses, all runs</h4></div>`,
    ...b.flames.map(flameSlot),
    `</details>`
  ].join('\n')
}

function benchmarksSection(benchmarks: BenchmarkView[]): string {
  const packages = new Map<string, BenchmarkView[]>()
  for (const b of benchmarks) packages.set(b.pkg, [...(packages.get(b.pkg) ?? []), b])
  const groups = [...packages].map(([pkg, list]) => `<section class="package"><h3><code>${text(pkg)}</code></h3>\n${list.map(benchmarkSection).join('\n')}</section>`)
  return `<section id="benchmarks"><h2>Benchmarks</h2>\n${groups.length === 0 ? '<p>No benchmark was compared.</p>' : groups.join('\n')}</section>`
}

function listSection(id: string, title: string, items: string[]): string {
  if (items.length === 0) return `<section id="${id}"><h2>${title}</h2><p>None.</p></section>`
  return `<section id="${id}"><h2>${title}</h2><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul></section>`
}

// Compiler output can run to thousands of lines; the first are the ones that matter, the rest is in report.json.
const MAX_ERROR_LINES = 60

function errorsSection(report: Report): string {
  if (report.errors.length === 0) return ''
  const items = report.errors.map((e) => `<strong>${text(e.side)}</strong> · ${text(e.kind)} · <code>${text(e.subject)}</code><pre>${e.message.split(/\r\n?|\n/).slice(0, MAX_ERROR_LINES).map(text).join('\n')}</pre>`)
  return listSection('errors', 'Errors', items)
}

/** The whole page. */
export function renderHtmlPage(data: HtmlReportData): string {
  const { report } = data
  const page: PageData = { benchmarks: data.benchmarks, goroutines: data.goroutines }
  const pruning =
    `<p class="pruning">To keep this file small, a flame graph leaves out frames below ${percent(data.minFraction)} of the larger side's total on both sides ` +
    `(a higher share where a graph would still have too many frames; each graph says which). What was left out is drawn as a grey block on its parent, with the count of frames.</p>`
  const notes = [...data.notes, ...report.notes].map((n) => text(n))
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(PAGE_SCRIPT, PAGE_STYLE)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="referrer" content="no-referrer">`,
    `<title>go-leak-gate: ${report.verdict}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    '</head><body>',
    header(report, data.version),
    '<main>',
    findingsSection(report, data.benchmarks),
    `<section id="goroutines"><h2>Goroutines still alive after the tests</h2>${flameSlot(data.goroutines)}</section>`,
    pruning,
    benchmarksSection(data.benchmarks),
    loadJobsSection(report.loads, new Set(report.findings.filter((f) => f.severity === 'fail').map((f) => f.subject))),
    listSection('notes', 'Notes', notes),
    errorsSection(report),
    '</main>',
    '<noscript><p class="warning">The graphs and charts need JavaScript; the tables above are complete without it.</p></noscript>',
    `<script type="application/json" id="report-data">${embedJson(page)}</script>`,
    `<script>${PAGE_SCRIPT}</script>`,
    '</body></html>',
    ''
  ].join('\n')
}
