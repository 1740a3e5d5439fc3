import { describe, expect, it } from 'vitest'
import { reasonToStayQuiet } from '../../src/github/comment.js'
import { compareRuns, encodeKey, findingsDigest, formatMarker, parseMarker, withoutRun, type Marker } from '../../src/github/marker.js'
import { passingReport, sampleReport } from '../report/sample-report.js'

const marker: Marker = { key: 'gate', headSha: 'c0ffee'.padEnd(40, '0'), runId: 123456789012, runAttempt: 2, findings: '0123456789abcdef' }

describe('the comment marker', () => {
  it('round-trips through the first line of a body', () => {
    const line = formatMarker(marker)
    expect(line).toBe(`<!-- go-leak-gate key=gate head=${marker.headSha} run=123456789012 attempt=2 findings=0123456789abcdef -->`)
    expect(parseMarker(`${line}\n### ✅ go-leak-gate: pass`)).toEqual(marker)
    expect(parseMarker(`${line}\r\nrest`)).toEqual(marker)
  })

  it('keeps any key on one line and unable to close the HTML comment', () => {
    const key = 'linux/go1.27 --> <img src=x onerror=alert(1)>\n@org/team'
    const line = formatMarker({ ...marker, key })
    expect(line.split('\n')).toHaveLength(1)
    expect(line.indexOf('-->')).toBe(line.length - 3)
    expect(line).not.toContain('<img')
    expect(parseMarker(line)?.key).toBe(key)
    expect(() => encodeKey('')).toThrow(RangeError)
    expect(() => encodeKey('k'.repeat(101))).toThrow(/longer than 100/)
  })

  it('is only a marker on the first line, and only when well formed', () => {
    const line = formatMarker(marker)
    expect(parseMarker(`quoted:\n${line}`)).toBeUndefined()
    expect(parseMarker(line.replace('run=123456789012', 'run=abc'))).toBeUndefined()
    expect(parseMarker(line.replace(/head=\w+/, 'head=main'))).toBeUndefined()
    expect(parseMarker('<!-- go-leak-gate -->')).toBeUndefined()
    expect(parseMarker(line.replace('key=gate', 'key=%E0%A4%A'))).toBeUndefined()
  })

  it('refuses to write a marker for something that is not a commit or a run', () => {
    expect(() => formatMarker({ ...marker, headSha: 'main' })).toThrow(/not a commit id/)
    expect(() => formatMarker({ ...marker, runAttempt: 0 })).toThrow(/not a workflow run/)
  })

  it('orders runs by run id, then attempt, whatever their commits', () => {
    const a = { headSha: 'f'.repeat(40), runId: 10, runAttempt: 3 }
    const b = { headSha: '0'.repeat(40), runId: 11, runAttempt: 1 }
    expect(compareRuns(a, b)).toBeLessThan(0)
    expect(compareRuns(b, a)).toBeGreaterThan(0)
    expect(compareRuns(a, { ...a, runAttempt: 4 })).toBeLessThan(0)
    expect(compareRuns(a, { ...a })).toBe(0)
  })

  it('compares bodies without the run that wrote them, but with the head', () => {
    const body = `${formatMarker(marker)}\nreport`
    expect(withoutRun(body)).toBe(withoutRun(`${formatMarker({ ...marker, runId: 1, runAttempt: 1 })}\nreport`))
    expect(withoutRun(body)).not.toBe(withoutRun(`${formatMarker({ ...marker, headSha: 'd'.repeat(40) })}\nreport`))
  })

  it('digests the verdict and which findings there are, not their numbers', () => {
    const report = sampleReport()
    const renumbered = sampleReport()
    renumbered.findings[0] = { ...renumbered.findings[0], head: 9, change: 2, message: 'other words' }
    renumbered.findings.reverse()
    expect(findingsDigest(renumbered)).toBe(findingsDigest(report))
    const fewer = sampleReport()
    fewer.findings.pop()
    expect(findingsDigest(fewer)).not.toBe(findingsDigest(report))
    expect(findingsDigest({ ...report, incomplete: false })).not.toBe(findingsDigest(report))
    expect(findingsDigest(report)).toMatch(/^[0-9a-f]{16}$/)
  })
})

describe('reasonToStayQuiet', () => {
  const failing = sampleReport()
  const passing = passingReport()
  const existing = { ...marker, findings: findingsDigest(failing) }

  it('always writes in mode always and never in mode never', () => {
    expect(reasonToStayQuiet('always', passing, undefined)).toBeUndefined()
    expect(reasonToStayQuiet('never', failing, existing)).toBe('comment mode is never')
  })

  it('on-failure: writes a failure, and a pass only over an earlier comment', () => {
    expect(reasonToStayQuiet('on-failure', failing, undefined)).toBeUndefined()
    expect(reasonToStayQuiet('on-failure', passing, undefined)).toMatch(/passed/)
    expect(reasonToStayQuiet('on-failure', passing, existing)).toBeUndefined()
    expect(reasonToStayQuiet('on-failure', { ...passing, incomplete: true }, undefined)).toBeUndefined()
  })

  it('changes: writes a first report that says something, then only a different verdict or set of findings', () => {
    expect(reasonToStayQuiet('changes', passing, undefined)).toMatch(/no findings/)
    expect(reasonToStayQuiet('changes', failing, undefined)).toBeUndefined()
    expect(reasonToStayQuiet('changes', failing, existing)).toMatch(/same/)
    expect(reasonToStayQuiet('changes', passing, existing)).toBeUndefined()
  })
})

describe('withoutRun and the links to a run', () => {
  it('treats bodies that differ only in the run they link to as the same report', () => {
    const a = '<!-- go-leak-gate key=k head=abcdef1 run=5 attempt=1 findings=0000000000000000 -->\n[workflow run 5](https://github.com/o/r/actions/runs/5/attempts/1) · [report artifact](https://github.com/o/r/actions/runs/5/artifacts/77)\nbody'
    const b = '<!-- go-leak-gate key=k head=abcdef1 run=9 attempt=2 findings=0000000000000000 -->\n[workflow run 9](https://github.com/o/r/actions/runs/9/attempts/2) · [report artifact](https://github.com/o/r/actions/runs/9/artifacts/80)\nbody'
    expect(withoutRun(a)).toBe(withoutRun(b))
    expect(withoutRun(a)).not.toBe(withoutRun(b.replace('body', 'other body')))
  })
})
