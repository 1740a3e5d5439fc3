// The markdown section of a load job: the figures and per-round curves a reviewer reads, and nothing of
// the untrusted text (job names, packages, messages) turned into markup.
import { describe, expect, it } from 'vitest'
import { compareLoadJobs } from '../../../src/compare/load.js'
import { DEFAULT_COMPARE } from '../../../src/config/defaults.js'
import type { LoadJobResult } from '../../../src/model/result.js'
import { loadSections, LOAD_CUT_RANK } from '../../../src/report/markdown-load.js'
import { detailsBalance, openFence, outsideCode, tables } from '../../report/gfm.js'
import { hostileLoadResult, loadResult, steps } from './build-load.js'

function render(base: LoadJobResult[], head: LoadJobResult[]): string {
  return loadSections(compareLoadJobs(base, head, DEFAULT_COMPARE).jobs)
    .map((s) => s.text)
    .join('\n\n')
}

function wellFormed(md: string): void {
  expect(openFence(md)).toBeNull()
  // A <details> inside a code span is text, not a tag.
  const d = detailsBalance(outsideCode(md))
  expect(d.opened).toBe(d.closed)
  for (const t of tables(md)) for (const w of t.widths) expect(w).toBe(t.header.length)
}

describe('loadSections', () => {
  it('shows the traffic figures of both sides and the per-round curves, base → head', () => {
    const base = loadResult({ p50: [1, 1, 1, 1, 1] })
    const head = loadResult({ goroutines: steps(7, 10, 5), fds: steps(9, 10, 5), p50: [2, 2, 2, 2, 2] })
    const md = render([base], [head])
    wellFormed(md)
    expect(md).toMatch(/^#### Load job `api`\n\n`\.\/cmd\/api` built with -race · embedded generator, 4 connections · 5 rounds of 1,000 requests · goroutineleak profile on · 5\.0s/)
    const [metrics, curves] = tables(md)
    expect(metrics.header).toEqual(['per round (median)', 'base', 'head', 'change', 'p', 'status'])
    expect(metrics.rows.find((r) => r[0] === 'latency p50')).toEqual(['latency p50', '1ms', '2ms', '+100%', 'p=0.008', '❌ regression'])
    expect(curves.header).toEqual(['after (base → head)', 'requests so far', 'goroutines', 'live heap', 'descriptors', 'RSS'])
    expect(curves.rows.map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ['warm-up', '1,000', '10 → 7', '9'],
      ['round 1', '2,000', '10 → 17', '9 → 19'],
      ['round 2', '3,000', '10 → 27', '9 → 29'],
      ['round 3', '4,000', '10 → 37', '9 → 39'],
      ['round 4', '5,000', '10 → 47', '9 → 49'],
      ['round 5', '6,000', '10 → 57', '9 → 59']
    ])
    expect(md).toContain('- ❌ **Goroutines:** base no steady growth (0, 0, 0, 0, 0 goroutines); head grew in every round (+10, +10, +10, +10, +10 goroutines), +0.0100 goroutines per request')
    expect(loadSections(compareLoadJobs([base], [head], DEFAULT_COMPARE).jobs)[0]).toMatchObject({ cutRank: LOAD_CUT_RANK, group: 'load jobs' })
  })

  it('shows one side alone, round by round, when there is no base', () => {
    const md = render([], [loadResult({})])
    wellFormed(md)
    expect(tables(md)[0].header).toEqual(['round', 'requests', 'errors', 'throughput', 'p50', 'p99'])
    expect(md).toContain('- the base has no load job of this name: nothing to compare with')
  })

  it('turns no untrusted text into markup', () => {
    const evil = 'x|y <b>bold</b> @octocat [l](https://evil.example) `tick` <details>'
    const hostile = hostileLoadResult(evil)
    const md = render([hostile], [hostile])
    wellFormed(md)
    const shown = outsideCode(md).replace(/&#8203;/g, '\u200B')
    expect(shown).not.toMatch(/@[A-Za-z0-9]/)
    expect(shown).not.toContain('://')
    expect(shown).not.toMatch(/(?<!\\)\]\(/)
    const tags = shown.match(/<\/?[A-Za-z!][^>]*>?/g) ?? []
    expect(new Set(tags)).toEqual(new Set(['<details>', '</details>', '<summary>', '</summary>']))
    expect(detailsBalance(outsideCode(md)).opened).toBe(1)
  })
})
