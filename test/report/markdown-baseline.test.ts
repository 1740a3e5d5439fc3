// The line under the verdict that says which baseline the report compared with, and the links beside it.
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../src/report/markdown.js'
import { outsideCode } from './gfm.js'
import { sampleReport } from './sample-report.js'

describe('the baseline line', () => {
  it('names the baseline, its commit, run, age and machine', () => {
    const md = renderMarkdown({
      ...sampleReport(),
      baseline: {
        source: 'stored',
        description: 'a stored baseline, recorded by a push run; timings only warn, since it ran on another machine',
        commit: 'a'.repeat(40),
        runId: 42,
        runUrl: 'https://github.com/o/r/actions/runs/42',
        ageSeconds: 3 * 86_400 + 5,
        machine: 'go1.26.8 linux/amd64, AMD EPYC, GOMAXPROCS 4'
      }
    })
    const line = md.split('\n').find((l) => l.startsWith('**Baseline:**'))
    expect(line).toBe(
      '**Baseline:** a stored baseline, recorded by a push run; timings only warn, since it ran on another machine · commit aaaaaaaaaaaa · [run 42](https://github.com/o/r/actions/runs/42) · recorded 3 days ago · on go1.26.8 linux/amd64, AMD EPYC, GOMAXPROCS 4'
    )
    // In the verdict section: before the failing findings, so a cut never takes it.
    expect(md.indexOf('**Baseline:**')).toBeLessThan(md.indexOf('**❌ Failing'))
  })

  it('escapes what an artifact wrote, and links only http(s) URLs', () => {
    const md = renderMarkdown({
      ...sampleReport(),
      baseline: { source: 'stored', description: '<img src=x onerror=alert(1)> @org/team [x](javascript:alert(1))', runId: 1, runUrl: 'javascript:alert(1)', machine: '</details>' }
    }, { links: [{ label: 'run', url: 'javascript:alert(1)' }, { label: 'artifact', url: 'https://github.com/o/r/actions/runs/1/artifacts/2' }] })
    const line = md.split('\n').find((l) => l.startsWith('**Baseline:**')) ?? ''
    // Raw tags, a mention, a link with unescaped brackets: none of them survive.
    expect(outsideCode(line)).not.toMatch(/<img|<\/details>|(?<!\\)\]\(javascript:|@org\/team/)
    expect(line).toContain('run 1 ·')
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/)
    expect(md).toContain('[artifact](https://github.com/o/r/actions/runs/1/artifacts/2)')
  })

  it('is absent when the report does not say (the CLI’s compare)', () => {
    expect(renderMarkdown(sampleReport())).not.toContain('**Baseline:**')
  })
})
