// The comment body: GitHub's length limit with the marker kept, and untrusted names rendered inert.
import { describe, expect, it } from 'vitest'
import { renderCommentBody } from '../../src/github/comment-body.js'
import { parseMarker } from '../../src/github/marker.js'
import type { Finding } from '../../src/model/report.js'
import { GITHUB_COMMENT_MAX_LENGTH, renderMarkdown } from '../../src/report/markdown.js'
import { detailsBalance, openFence, outsideCode, tables } from '../report/gfm.js'
import { finding, metric, sampleReport, withCounts } from '../report/sample-report.js'
import { ADVERSARIAL } from './helpers.js'

const stamp = { headSha: 'e'.repeat(40), runId: 8123456789, runAttempt: 1 }
const FULL = 'https://github.com/octo/demo/actions/runs/8123456789'

function hostileReport() {
  const findings: Finding[] = ADVERSARIAL.map((name, i) =>
    finding({
      kind: i % 2 === 0 ? 'goroutine-leak' : 'race',
      severity: 'fail',
      pkg: `example.com/${name}`,
      subject: name,
      metric: name,
      message: `leaked by ${name}`,
      locations: [{ file: `${name}.go`, line: 3, function: `pkg.${name}`, role: i % 2 === 0 ? 'creation' : 'access' }]
    })
  )
  return withCounts({
    ...sampleReport(),
    findings,
    comparisons: ADVERSARIAL.map((name) => ({ pkg: name, benchmark: name, metrics: [metric('sec/op', 'ns/op', 1, 1)] }))
  })
}

describe('renderCommentBody', () => {
  it('cuts a 70,000-character report to GitHub’s limit with the marker on line one and a link to the full report', () => {
    // Six failures and 400 warnings, each with its responsible lines: far over the limit.
    const sample = sampleReport()
    const warnings = Array.from({ length: 400 }, (_, i) =>
      finding({
        kind: 'gc-pause',
        severity: 'warn',
        pkg: `example.com/big/p${i % 40}`,
        subject: `BenchmarkCase${i}`,
        message: `p99 stop-the-world pause rose in case ${i}`,
        locations: [{ file: `p${i % 40}/gc.go`, line: i + 1, function: `p.Case${i}`, role: 'allocation', deltaPerOp: i }]
      })
    )
    const big = withCounts({ ...sample, findings: [...sample.findings.filter((f) => f.severity === 'fail'), ...warnings] })
    expect(renderMarkdown(big).length).toBeGreaterThan(70_000)
    const body = renderCommentBody(big, { key: 'a-rather-long-key/for/a/matrix/leg', stamp, fullReportUrl: FULL })
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_MAX_LENGTH)
    expect(body.length).toBeGreaterThan(GITHUB_COMMENT_MAX_LENGTH - 5_000)
    expect(parseMarker(body)).toMatchObject({ key: 'a-rather-long-key/for/a/matrix/leg', ...stamp })
    expect(body.split('\n')[1]).toMatch(/^### ❌ go-leak-gate: fail/)
    expect(body).toContain('**❌ Failing (6)**')
    expect(body.trimEnd().split('\n').pop()).toMatch(
      new RegExp(`^✂️ \\*\\*This report was cut\\*\\*.*left out: .*\\[Read the full report\\]\\(${FULL.replace(/[./]/g, '\\$&')}\\)\\.$`)
    )
  })

  it('is the same document as the report, with our marker instead of the plain one', () => {
    const report = sampleReport()
    const body = renderCommentBody(report, { key: 'gate', stamp })
    expect(body.split('\n').slice(1)).toEqual(renderMarkdown(report).split('\n').slice(1))
  })

  it('renders adversarial names inert: tables keep their columns, nothing opens HTML, mentions or links', () => {
    const body = renderCommentBody(hostileReport(), { key: 'gate', stamp, fullReportUrl: FULL })
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_MAX_LENGTH)
    expect(parseMarker(body)).toMatchObject({ key: 'gate', runId: stamp.runId })
    // Only line one is a marker: a name that imitates one is shown in code or escaped wherever it appears.
    expect(outsideCode(body).split('\n').slice(1).filter((l) => l.includes('<!--'))).toEqual([])

    const found = tables(body)
    expect(found.length).toBeGreaterThan(2)
    for (const t of found) expect(t.widths.every((w) => w === t.header.length), t.header.join('|')).toBe(true)
    const details = detailsBalance(body)
    expect(details.opened).toBe(details.closed)
    expect(openFence(body)).toBeNull()

    // <summary> lines are raw HTML to cmark-gfm (no markdown inside) and names there sit in <code>.
    const prose = outsideCode(body).replace(/<code>.*?<\/code>/g, '')
    expect(prose).not.toContain('<img')
    // An escaped bracket (\]) makes no link.
    expect(prose).not.toMatch(/(?<!\\)\]\(javascript:/)
    expect(prose).toContain('\\[x\\](javascript:alert(1))')
    expect(prose).not.toMatch(/@(?!&#8203;)[\w-]/)
    expect(body).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/)
    expect(body).not.toContain('L'.repeat(1_000))
  })
})
