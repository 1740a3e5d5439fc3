import { describe, expect, it } from 'vitest'
import type { Finding, Report } from '../../src/model/report.js'
import { NAME_MAX } from '../../src/report/markdown-blocks.js'
import { COMMENT_MARKER, GITHUB_COMMENT_MAX_LENGTH, renderMarkdown } from '../../src/report/markdown.js'
import { detailsBalance, openFence, outsideCode, tableCells, tables } from './gfm.js'
import { BUILD_OUTPUT, HOSTILE_NAMES, finding, metric, passingReport, sampleReport, withCounts } from './sample-report.js'

function tableWithHeader(markdown: string, first: string, after = 0): ReturnType<typeof tables>[number] {
  const found = tables(markdown.slice(after)).find((t) => t.header[0] === first)
  if (found === undefined) throw new Error(`no table starting with column ${first}`)
  return found
}

/** Structure every rendering must have, cut or not. */
function expectWellFormed(markdown: string): void {
  for (const t of tables(markdown)) {
    expect(t.widths.every((w) => w === t.header.length), `table ${t.header.join('|')}: ${t.widths.join(',')}`).toBe(true)
  }
  const details = detailsBalance(markdown)
  expect(details.opened).toBe(details.closed)
  expect(details.maxDepth).toBeLessThanOrEqual(1)
  expect(openFence(markdown)).toBeNull()
}

describe('renderMarkdown: layout', () => {
  const md = renderMarkdown(sampleReport())
  const lines = md.split('\n')

  it('starts with the hidden marker, then the verdict and the counts', () => {
    expect(COMMENT_MARKER).toBe('<!-- go-leak-gate -->')
    expect(lines[0]).toBe(COMMENT_MARKER)
    expect(lines[1]).toBe('### ❌ go-leak-gate: fail — 6 failing, 1 warning, 1 info')
  })

  it('warns that the verdict covers only what ran when the run is incomplete', () => {
    expect(md).toContain('> [!WARNING]\n> **Incomplete:** part of the head run could not complete (1 error, see')
    expect(renderMarkdown({ ...sampleReport(), incomplete: false })).not.toContain('[!WARNING]')
  })

  it('says how many benchmarks were compared', () => {
    expect(md).toContain(
      'Compared 46 benchmarks (50 metrics) in 4 packages: 3 regressed, 1 improved, 42 unchanged; 1 only in base, 1 only in head.'
    )
  })

  it('is well formed: every table row has its header’s cells, every fence and <details> closes', () => {
    expectWellFormed(md)
  })

  it('lists the failing findings in a table of eight columns, then the warnings in another', () => {
    const failingAt = md.indexOf('**❌ Failing (6)**')
    const warningsAt = md.indexOf('**⚠️ Warnings (1)**')
    expect(failingAt).toBeGreaterThan(0)
    expect(warningsAt).toBeGreaterThan(failingAt)
    const failing = tableWithHeader(md, 'kind', failingAt)
    expect(failing.header).toEqual(['kind', 'package', 'benchmark or test', 'metric', 'base', 'head', 'change', 'p-value'])
    expect(failing.rows.map((r) => r[0])).toEqual([
      'regression',
      'heap-leak',
      'regression',
      'bench-failure',
      'build-failure',
      'regression'
    ])
    expect(failing.rows[2]).toEqual([
      'regression',
      '`example.com/shop/api`',
      '`BenchmarkServeHTTP/route=cart`',
      'sec/op',
      '1.23µs',
      '1.48µs',
      '+19.9%',
      'p=0.002'
    ])
    const warnings = tableWithHeader(md, 'kind', warningsAt)
    expect(warnings.rows).toHaveLength(1)
    expect(warnings.rows[0].slice(4)).toEqual(['120µs', '310µs', '+158%', 'p=0.030'])
  })

  it('keeps a hostile benchmark name in its cell, as a code span', () => {
    const failing = tableWithHeader(md, 'kind')
    const row = failing.rows[5]
    expect(row).toHaveLength(8)
    expect(row[2]).toBe('`` Benchmark\\|Pipe@octocat[x](https://evil.example)<b>`tick` ``')
  })

  it('shows the responsible lines under each finding that has them, biggest retainer first', () => {
    const at = md.indexOf('### Responsible lines')
    expect(at).toBeGreaterThan(md.indexOf('**⚠️ Warnings'))
    const heapAt = md.indexOf('#### ❌ heap-leak · `example.com/shop/cache` · `BenchmarkCacheSet`', at)
    expect(heapAt).toBeGreaterThan(at)
    const sites = tableWithHeader(md, 'function', heapAt)
    expect(sites.header).toEqual(['function', 'file:line', 'role', 'per op', 'in this PR'])
    expect(sites.rows.map((r) => [r[1], r[3], r[4] ?? ''])).toEqual([
      ['`cache/cache.go:88`', '+1KiB', '✏️ changed'],
      ['`cache/index.go:51`', '+384B', ''],
      ['`cache/entry.go:19`', '+128B', '']
    ])
    // Findings without locations (the time regression, the build failure) get no section.
    expect(md).not.toContain('#### ❌ regression · `example.com/shop/api`')
    expect(md).not.toContain('#### ❌ build-failure')
  })

  it('leaves out the byte and diff columns when no location has them', () => {
    const at = md.indexOf('#### ❌ bench-failure')
    expect(tableWithHeader(md, 'function', at).header).toEqual(['function', 'file:line', 'role'])
  })

  it('collapses one section per package with every comparison', () => {
    for (const pkg of ['example.com/shop/cart', 'example.com/shop/hostile', 'example.com/shop/cache', 'example.com/shop/api']) {
      expect(md).toContain(`<details>\n<summary><code>${pkg}</code>`)
    }
    const at = md.indexOf('<summary><code>example.com/shop/hostile</code> — 42 benchmarks</summary>')
    const hostile = tableWithHeader(md, 'benchmark', at)
    expect(hostile.header).toEqual(['benchmark', 'metric', 'base', 'head', 'change', 'p', 'status'])
    expect(hostile.rows).toHaveLength(HOSTILE_NAMES.length)
    expect(hostile.rows[0]).toEqual(['`BenchmarkPipe\\|Split/a\\|b`', 'sec/op', '100ns', '99ns', '~', 'p=0.900', 'unchanged'])
  })

  it('shows ~ for a change the test could not tell from noise, and the status with its reason', () => {
    const at = md.indexOf('<summary><code>example.com/shop/cart</code>')
    const cart = tableWithHeader(md, 'benchmark', at)
    expect(cart.rows[0].slice(4)).toEqual(['~', 'p=0.420', 'unchanged: not significant (p=0.42)'])
    expect(cart.rows[2].slice(4)).toEqual(['+66.7%', '', '**regression**: +66.7% &gt; 0% threshold'])
    const looser = renderMarkdown(sampleReport(), { alpha: 0.5 })
    expect(tableWithHeader(looser, 'benchmark', looser.indexOf('<summary><code>example.com/shop/cart</code>')).rows[0][4]).toBe('+0.99%')
  })

  it('lists one-sided benchmarks, notes, info findings and errors in their own collapsed sections', () => {
    expect(md).toContain('<summary>Benchmarks measured on one side only (2)</summary>')
    const oneSided = tableWithHeader(md, 'side')
    expect(oneSided.rows).toEqual([
      ['only in base', '`example.com/shop/cart`', '`BenchmarkOldCheckout`'],
      ['only in head', '`example.com/shop/cart`', '`Benchmark@octocat\\|New`']
    ])
    expect(md).toContain('<summary>Notes (2)</summary>\n\n- benchtime is the same')
    expect(md).toContain('\n- \\# items/op could not be judged: custom unit @&#8203;octocat\n')
    expect(md).toContain('<summary>ℹ️ Informational findings (1)</summary>')
    expect(md).toContain('<details open>\n<summary>Errors (1)</summary>')
  })

  it('shows compiler output verbatim in a fence longer than its backtick runs', () => {
    expect(md).toContain(`**head** · build · \`example.com/shop/api\`\n\n\`\`\`\`\`text\n${BUILD_OUTPUT}\n\`\`\`\`\`\n`)
  })

  it('collapses the errors when the run is complete', () => {
    expect(renderMarkdown({ ...sampleReport(), incomplete: false })).toContain('<details>\n<summary>Errors (1)</summary>')
  })

  it('ends with the commands to reproduce, each in a code block, and the environment', () => {
    const at = md.indexOf('### Reproduce locally')
    expect(at).toBeGreaterThan(md.indexOf('<summary>Errors'))
    expect(md).toContain("```sh\ngo test -run='^$' -bench='^BenchmarkAddItem$' -benchmem -count=10 ./cart\n```")
    expect(md).toContain('```sh\ngo tool pprof -sample_index=inuse_space -diff_base base/profiles/cache.mem head/profiles/cache.mem\n```')
    expect(lines[lines.length - 1]).toBe(
      '**Environment:** Go go1.24.4 · linux/amd64 · CPU AMD EPYC 7763 64-Core Processor · count=10 · benchtime=1s · ' +
        'base 1f3e5a7c9b2d · head 9e8d7c6b5a4f'
    )
  })

  it('shows both sides of an environment setting that differs', () => {
    const report = sampleReport()
    const out = renderMarkdown({ ...report, head: { ...report.head, goVersion: 'go1.25.0', race: true, commit: 'not a sha' } })
    expect(out).toContain('Go go1.24.4 → go1.25.0')
    expect(out).toContain('race off → on')
    expect(out).toContain('head `not a sha`')
  })

  it('renders a passing report as the verdict and the tally', () => {
    const out = renderMarkdown(passingReport())
    expect(out.split('\n')[1]).toBe('### ✅ go-leak-gate: pass')
    expect(out).not.toContain('Failing')
    expect(out).not.toContain('Responsible lines')
    expect(out).toContain('Compared 1 benchmark (3 metrics) in 1 package: 0 regressed, 0 improved, 1 unchanged.')
    expectWellFormed(out)
  })

  it('names the gate with the title option, escaped', () => {
    expect(renderMarkdown(passingReport(), { title: 'leaks *linux* @octocat' }).split('\n')[1]).toBe(
      '### ✅ leaks \\*linux\\* @&#8203;octocat: pass'
    )
  })
})

describe('renderMarkdown: untrusted text', () => {
  const md = renderMarkdown(sampleReport())
  const prose = outsideCode(md)

  it('lets no mention, link, image or HTML tag of the code under test through', () => {
    const shown = prose.replace(/&#8203;/g, '\u200B')
    expect(shown).not.toMatch(/@[A-Za-z0-9]/)
    expect(shown).not.toContain('://')
    expect(shown).not.toMatch(/(?<!\\)\]\(/)
    // Our own tags are the only HTML; p<0.001 is not a tag (a tag name starts with a letter).
    const tags = shown.match(/<\/?[A-Za-z!][^>]*>?/g) ?? []
    expect(new Set(tags)).toEqual(new Set(['<!-- go-leak-gate -->', '<details>', '<details open>', '</details>', '<summary>', '</summary>', '<code>', '</code>']))
  })

  it('escapes the message of a finding', () => {
    expect(md).toContain('B/op doubled for @&#8203;octocat &lt;/details&gt; \\[x\\](https:&#8203;//evil.example)')
  })

  it('keeps a hostile file path in one cell', () => {
    const at = md.indexOf('#### ❌ regression · `example.com/shop/cart` · `` Benchmark|Pipe')
    expect(at).toBeGreaterThan(0)
    const sites = tableWithHeader(md, 'function', at)
    expect(sites.rows[0]).toEqual(['`cart.<b>@octocat</b>`', '``cart/`evil`\\|x.go:7``', 'allocation', '+1KiB'])
  })

  it('clips very long names so one cannot take the whole comment', () => {
    const report = sampleReport()
    report.findings[0] = { ...report.findings[0], subject: `Benchmark${'x'.repeat(5000)}` }
    const cell = tableWithHeader(renderMarkdown(report), 'kind').rows[0][2]
    expect(Array.from(cell.slice(1, -1))).toHaveLength(NAME_MAX)
    expect(cell.endsWith('…`')).toBe(true)
  })

  it('survives a report in which every string is hostile', () => {
    const report = sampleReport()
    const evil = HOSTILE_NAMES.join(' ')
    const hostile: Report = withCounts({
      ...report,
      findings: report.findings.map((f) => ({ ...f, pkg: evil, subject: evil, metric: evil, message: evil })),
      comparisons: [{ pkg: evil, benchmark: evil, metrics: [metric(evil, evil, 1, 2, { reason: evil })] }],
      onlyInBase: [{ pkg: evil, benchmark: evil }],
      notes: [evil],
      errors: [{ side: 'head', kind: evil, subject: evil, message: `${evil}\n${BUILD_OUTPUT}` }],
      reproduce: [{ title: evil, command: evil }]
    })
    const out = renderMarkdown(hostile, { title: evil })
    expectWellFormed(out)
    expect(tableWithHeader(out, 'kind').rows).toHaveLength(6)
    const shown = outsideCode(out).replace(/&#8203;/g, '\u200B')
    expect(shown).not.toMatch(/@[A-Za-z0-9]/)
    expect(shown).not.toContain('://')
    expect(detailsBalance(out).opened).toBe(5)
  })
})

describe('renderMarkdown: bounds', () => {
  it('lists at most 100 failing findings and says how many more there are', () => {
    const many: Finding[] = Array.from({ length: 150 }, (_, i) =>
      finding({ kind: 'regression', severity: 'fail', subject: `Benchmark${i}`, metric: 'B/op', unit: 'B/op', base: 1, head: 2 })
    )
    const out = renderMarkdown(withCounts({ ...passingReport(), verdict: 'fail', findings: many }))
    expect(tableWithHeader(out, 'kind').rows).toHaveLength(100)
    expect(out).toContain('… and 50 more findings, in the full report.')
  })

  it('lists at most 10 locations per finding', () => {
    const locations = Array.from({ length: 15 }, (_, i) => ({
      file: `f${i}.go`,
      line: i + 1,
      function: `f${i}`,
      role: 'allocation' as const,
      deltaPerOp: i
    }))
    const out = renderMarkdown(
      withCounts({ ...passingReport(), findings: [finding({ kind: 'heap-leak', severity: 'fail', locations })] })
    )
    const sites = tableWithHeader(out, 'function')
    expect(sites.rows).toHaveLength(10)
    expect(sites.rows[0][0]).toBe('`f14`')
    expect(out).toContain('… and 5 more locations, in the full report.')
  })

  it('shows the first 60 lines of long compiler output', () => {
    const message = Array.from({ length: 200 }, (_, i) => `./x.go:${i}: error ${i}`).join('\n')
    const out = renderMarkdown({ ...passingReport(), errors: [{ side: 'head', kind: 'build', subject: 'p', message }] })
    expect(out).toContain('./x.go:59: error 59\n```')
    expect(out).not.toContain('./x.go:60: error 60')
    expect(out).toContain('… 140 more lines, in report.json.')
  })
})

describe('renderMarkdown: maxLength', () => {
  const report = sampleReport()
  const full = renderMarkdown(report)

  it('leaves the report whole when it fits', () => {
    expect(renderMarkdown(report, { maxLength: full.length })).toBe(full)
    expect(full.length).toBeLessThan(GITHUB_COMMENT_MAX_LENGTH)
  })

  it('cuts whole sections, never mid-table or mid-block, at every limit', () => {
    for (let limit = full.length - 1; limit >= 900; limit -= 97) {
      const out = renderMarkdown(report, { maxLength: limit })
      expect(out.length).toBeLessThanOrEqual(limit)
      expectWellFormed(out)
      expect(out.startsWith(`${COMMENT_MARKER}\n### ❌ go-leak-gate: fail`)).toBe(true)
      expect(out.split('\n').pop()).toMatch(/^✂️ \*\*This report was cut\*\* to fit the length limit of [\d,]+ characters; left out: /)
      // Every table that is there is complete: its row count is one of the uncut tables' counts.
      for (const t of tables(out)) {
        expect(tables(full).some((f) => f.header.join('|') === t.header.join('|') && f.rows.length === t.rows.length)).toBe(true)
      }
    }
  })

  it('leaves out the package comparisons first, last package first', () => {
    const out = renderMarkdown(report, { maxLength: full.length - 1 })
    expect(out).not.toContain('<summary><code>example.com/shop/api</code>')
    expect(out).toContain('<summary><code>example.com/shop/cache</code>')
    expect(out).toContain('<summary>Errors (1)</summary>')
    expect(out).toContain('left out: package comparisons.')
  })

  it('keeps the failing table longest', () => {
    const out = renderMarkdown(report, { maxLength: 1400 })
    expect(out).toContain('**❌ Failing (6)**')
    expect(out).not.toContain('**⚠️ Warnings')
    expect(out).toContain(
      'left out: warnings, responsible lines (4), package comparisons (4), informational findings, one-sided ' +
        'benchmarks, notes, errors, reproduce commands, environment.'
    )
  })

  it('points at the full report when given its URL', () => {
    const out = renderMarkdown(report, { maxLength: 3000, fullReportUrl: 'https://example.com/run/1?a=(b)' })
    expect(out.endsWith('[Read the full report](https://example.com/run/1?a=%28b%29).')).toBe(true)
  })

  it('links only to http(s) URLs', () => {
    const out = renderMarkdown(report, { maxLength: 3000, fullReportUrl: 'javascript:alert(1)' })
    expect(out).not.toContain('Read the full report')
    expect(out).not.toContain('javascript')
  })

  it('refuses a limit too small for the verdict', () => {
    expect(() => renderMarkdown(report, { maxLength: 100 })).toThrow(RangeError)
  })

  it('keeps a report of a thousand benchmarks under GitHub’s limit', () => {
    const big = sampleReport()
    big.comparisons = Array.from({ length: 1000 }, (_, i) => ({
      pkg: `example.com/big/p${i % 40}`,
      benchmark: `BenchmarkCase${i}/size=${i * 10}`,
      metrics: [metric('sec/op', 'ns/op', 1000 + i, 1001 + i, { pValue: 0.5 }), metric('B/op', 'B/op', 64, 64)]
    }))
    expect(renderMarkdown(big).length).toBeGreaterThan(GITHUB_COMMENT_MAX_LENGTH)
    const out = renderMarkdown(big, { maxLength: GITHUB_COMMENT_MAX_LENGTH })
    expect(out.length).toBeLessThanOrEqual(GITHUB_COMMENT_MAX_LENGTH)
    expectWellFormed(out)
    expect(out).toContain('### Responsible lines')
    expect(out).toContain('<summary>Errors (1)</summary>')
    expect(out).toMatch(/left out: package comparisons \(\d+\)\./)
  })
})

describe('tableCells (the test helper)', () => {
  // Checked against cmark-gfm 0.29 (GitHub's renderer): `a\\| b` stays one cell there too.
  it('splits like cmark-gfm: `\\|` pairs are taken left to right', () => {
    expect(tableCells('| a\\|b | c |')).toEqual(['a\\|b', 'c'])
    expect(tableCells('| a\\\\| b |')).toEqual(['a\\\\| b'])
  })
})
