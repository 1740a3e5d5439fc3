import { describe, expect, it } from 'vitest'
import { judgeDemo, readDemoExpectations } from '../src/demo.js'
import type { Finding } from '../src/model/report.js'
import { finding, passingReport, withCounts } from './report/sample-report.js'

const M = 'example.com/demo'
const planted: Finding[] = [
  finding({ kind: 'regression', severity: 'fail', pkg: `${M}/jsonish`, subject: 'BenchmarkMarshal', metric: 'allocs/op' }),
  finding({ kind: 'heap-leak', severity: 'fail', pkg: `${M}/cache`, subject: 'BenchmarkPut', metric: 'retained heap' }),
  finding({ kind: 'regression', severity: 'fail', pkg: `${M}/route`, subject: 'BenchmarkLookup', metric: 'ns/op' }),
  finding({ kind: 'goroutine-leak', severity: 'fail', pkg: `${M}/notify`, subject: 'TestSubscribe', metric: 'goroutines' })
]

function report(findings: Finding[], incomplete = false) {
  return withCounts({ ...passingReport(), verdict: findings.some((f) => f.severity === 'fail') ? 'fail' : 'pass', incomplete, findings })
}

describe('the demo outcome', () => {
  it('reads the four failing findings the demo head plants from its expectations', async () => {
    const e = await readDemoExpectations()
    expect(e.verdict).toBe('fail')
    expect(e.findings.map((f) => `${f.kind} ${f.pkg}.${f.subject}`).sort()).toEqual(planted.map((f) => `${f.kind} ${f.pkg}.${f.subject}`).sort())
  })

  it('counts a failing verdict with exactly the planted findings as the demo working', async () => {
    const outcome = judgeDemo(report(planted), await readDemoExpectations())
    expect(outcome).toEqual({ asDesigned: true, differences: [] })
  })

  it('takes the planted slowdown on either clock: cpu-ns/op where the rounds shared a CPU, as by default', async () => {
    const e = await readDemoExpectations()
    const onCpuTime = planted.map((f) => (f.subject === 'BenchmarkLookup' ? { ...f, metric: 'cpu-ns/op', unit: 'cpu-ns/op' } : f))
    expect(judgeDemo(report(onCpuTime), e)).toEqual({ asDesigned: true, differences: [] })
    // Time is not any metric: an allocation count in its place is still missing, and unexpected.
    const onAllocs = planted.map((f) => (f.subject === 'BenchmarkLookup' ? { ...f, metric: 'allocs/op', unit: 'allocs/op' } : f))
    expect(judgeDemo(report(onAllocs), e).differences).toEqual([`missing: regression ${M}/route.BenchmarkLookup (ns/op)`, `unexpected: regression ${M}/route.BenchmarkLookup (allocs/op)`])
  })

  it('accepts a goroutine leak named by its package when narrowing could not name the test', async () => {
    const byPackage = planted.map((f) => (f.kind === 'goroutine-leak' ? { ...f, subject: f.pkg } : f))
    expect(judgeDemo(report(byPackage), await readDemoExpectations()).asDesigned).toBe(true)
  })

  it('lets an incidental effect of a planted change show or not: cache.BenchmarkPut also gets slower', async () => {
    const e = await readDemoExpectations()
    const slower = finding({ kind: 'regression', severity: 'fail', pkg: `${M}/cache`, subject: 'BenchmarkPut', metric: 'ns/op' })
    expect(judgeDemo(report([...planted, slower]), e).asDesigned).toBe(true)
    // Only on the benchmark whose change causes it.
    const elsewhere = { ...slower, subject: 'BenchmarkGet' }
    expect(judgeDemo(report([...planted, elsewhere]), e).differences).toEqual([`unexpected: regression ${M}/cache.BenchmarkGet (ns/op)`])
  })

  it('is a fault when a planted finding is missing, the run passed, an unplanted finding fails, or the run is incomplete', async () => {
    const e = await readDemoExpectations()
    expect(judgeDemo(report(planted.slice(1)), e).differences).toEqual([`missing: regression ${M}/jsonish.BenchmarkMarshal (allocs/op)`])
    expect(judgeDemo(report([]), e).differences[0]).toBe('verdict pass, the demo is built to fail')
    const extra = finding({ kind: 'race', severity: 'fail', pkg: `${M}/cache`, subject: 'TestPut', metric: 'race' })
    expect(judgeDemo(report([...planted, extra]), e).differences).toEqual([`unexpected: race ${M}/cache.TestPut (race)`])
    expect(judgeDemo(report(planted, true), e).asDesigned).toBe(false)
    // A warning nobody planted is fine: GC pauses warn on a busy machine.
    const warn = finding({ kind: 'gc-pause', severity: 'warn', pkg: `${M}/cache`, subject: 'BenchmarkGet', metric: 'gc pause p99' })
    expect(judgeDemo(report([...planted, warn]), e).asDesigned).toBe(true)
  })
})
