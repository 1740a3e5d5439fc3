import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseTestVerbose } from '../../src/parse/testv.js'

// Recorded by scripts/record-testv.sh from real test binaries (go version in go-version.txt).
const recorded = (name: string): string => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'recorded-testv', name), 'utf8')

describe('parseTestVerbose', () => {
  it('reads every outcome, subtests included', () => {
    const v = parseTestVerbose(recorded('plain.txt'))
    expect(Object.fromEntries(v.tests.map((t) => [t.name, t.outcome]))).toEqual({
      TestPass: 'pass',
      TestSkip: 'skip',
      TestFail: 'fail',
      TestSub: 'fail',
      'TestSub/ok': 'pass',
      'TestSub/bad': 'fail'
    })
    expect(v.crashes).toEqual([])
    expect(v.timeout).toBeUndefined()
  })

  it('puts a panic on the test that panicked, with its value and line', () => {
    const v = parseTestVerbose(recorded('panic.txt'))
    expect(v.crashes).toHaveLength(1)
    const [c] = v.crashes
    expect(c.test).toBe('TestPanic')
    expect(c.crash.value).toMatch(/^assignment to entry in nil map/)
    expect(c.crash.frames).toContainEqual({ function: 'example.com/testv/tv.TestPanic', file: 'example.com/testv/tv/tv_test.go', line: 25 })
  })

  it('recognises -test.timeout and the tests it names as running', () => {
    const v = parseTestVerbose(recorded('timeout.txt'))
    expect(v.timeout).toMatchObject({ message: 'test timed out after 1s', running: ['TestHang'] })
    expect(v.crashes).toEqual([])
    expect(v.tests).toEqual([{ name: 'TestPass', outcome: 'pass' }])
  })

  it('names the test the binary exited in, with the last line it printed, when log.Fatal ended it', () => {
    const v = parseTestVerbose(recorded('exit.txt'))
    expect(v.crashes).toEqual([])
    expect(v.timeout).toBeUndefined()
    expect(v.unfinished?.test).toBe('TestExit')
    // log's own prefix is the date and time of the run.
    expect(v.unfinished?.lastLine).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d config "app.yml" missing$/)
    // TestPass comes after it in the binary: it never ran.
    expect(v.tests).toEqual([])
  })

  it('leaves nothing unfinished when every test ended, and reads os.Exit(0) under -test.paniconexit0 as a panic', () => {
    expect(parseTestVerbose(recorded('plain.txt')).unfinished).toBeUndefined()
    const v = parseTestVerbose(recorded('exit0.txt'))
    expect(v.crashes.map((c) => [c.test, c.crash.value])).toEqual([['TestExitZero', 'unexpected call to os.Exit(0) during test [recovered, repanicked]']])
  })

  it('survives garbage and truncated output without inventing tests', () => {
    const text = recorded('plain.txt').slice(0, 120) + '\n\u0000\u0001 random ::: --- FAIL\n=== RUN'
    const v = parseTestVerbose(text)
    expect(v.tests.map((t) => t.name)).toEqual(['TestPass'])
  })
})
