import { describe, expect, it } from 'vitest'
import { parseRaceReports, raceKey, raceSides, sameRace, UNKNOWN_SIDE, type RaceReport } from '../../src/parse/race.js'
import { markedLine, recordedLeaks as recorded } from './recorded-leaks.js'

const RACY = 'example.com/leaks/racy'
const MODULE = 'example.com/leaks'

function reportCount(text: string): number {
  return text.split('\n').filter((l) => l === 'WARNING: DATA RACE').length
}

/** Which of the racy package's tests a report's frames come from. */
function testOfFrames(r: RaceReport): string {
  const fns = [...r.access.frames, ...r.previous.frames].map((f) => f.function)
  if (fns.some((f) => f.startsWith(`${RACY}.TestRaceInSubtest`))) return 'TestRaceInSubtest/sub'
  if (fns.some((f) => f.startsWith(`${RACY}.TestRaceAtomic`))) return 'TestRaceAtomic'
  if (fns.some((f) => f.startsWith(`${RACY}.TestRace`))) return 'TestRace'
  return '?'
}

// A report in the shape Go 1.26 prints, for hand-made variants.
function report(access: string, previous: string, previousFrames = ['  example.com/m.g()', '      example.com/m/g.go:7 +0x2']): string[] {
  return [
    '==================',
    'WARNING: DATA RACE',
    `${access} at 0x00c000012345 by goroutine 8:`,
    '  example.com/m.f()',
    '      example.com/m/f.go:3 +0x1',
    '',
    `${previous} at 0x00c000012345 by goroutine 7:`,
    ...previousFrames,
    '',
    'Goroutine 8 (running) created at:',
    '  example.com/m.start()',
    '      example.com/m/f.go:1 +0x3',
    '=================='
  ]
}

describe('parseRaceReports on a -race test binary run with -test.v, stdout and stderr merged', () => {
  const text = recorded('race-tests-v.out')
  const { races, problems } = parseRaceReports(text)

  it('reads every report and puts each on the test that raced, subtests included', () => {
    expect(problems).toEqual([])
    expect(races).toHaveLength(reportCount(text))
    expect(races.map((r) => r.test)).toEqual(races.map(testOfFrames))
    expect(new Set(races.map((r) => r.test))).toEqual(new Set(['TestRace', 'TestRaceInSubtest/sub', 'TestRaceAtomic']))
    expect(races.every((r) => !r.outsideTests && !r.truncated)).toBe(true)
  })

  it('reads both accesses with their kind, address, goroutine and frames', () => {
    // TestRace sleeps between the write and the read, so Go reports the read with the write before it.
    const first = races[0]
    expect(first.access).toMatchObject({ kind: 'read', goroutine: expect.any(Number) })
    expect(first.access.address).toMatch(/^0x[0-9a-f]+$/)
    expect(first.previous.address).toBe(first.access.address)
    expect(first.access.frames.slice(0, 2)).toEqual([
      { function: `${RACY}.(*Counter).Value`, file: `${RACY}/racy.go`, line: markedLine('racy/racy.go', 'value') },
      { function: `${RACY}.TestRace`, file: `${RACY}/racy_test.go`, line: markedLine('racy/racy_test.go', 'race-read') }
    ])
    expect(first.access.frames.map((f) => f.function)).toContain('testing.tRunner')
    expect(first.previous.kind).toBe('write')
    expect(first.previous.frames).toEqual([
      { function: `${RACY}.(*Counter).Inc`, file: `${RACY}/racy.go`, line: markedLine('racy/racy.go', 'inc') },
      { function: `${RACY}.TestRace.func1`, file: `${RACY}/racy_test.go`, line: markedLine('racy/racy_test.go', 'race-write') }
    ])
  })

  it('reads where each goroutine was created and whether it still runs', () => {
    const first = races[0]
    expect(first.goroutines.map((g) => g.id)).toEqual([first.access.goroutine, first.previous.goroutine])
    expect(first.goroutines.map((g) => g.state)).toEqual(['running', 'finished'])
    expect(first.goroutines[0].createdAt.map((f) => f.function)).toContain('testing.(*T).Run')
    expect(first.goroutines[1].createdAt[0]).toEqual({
      function: `${RACY}.TestRace`,
      file: `${RACY}/racy_test.go`,
      line: markedLine('racy/racy_test.go', 'race-go')
    })
  })

  it('skips the runtime frame of a map write to the user’s frame in the key', () => {
    const map = races.find((r) => r.access.frames[0]?.function === 'runtime.mapassign_faststr')
    expect(map?.access.frames[1].function).toBe(`${RACY}.TestRaceInSubtest.func1.1`)
    expect(map === undefined ? '' : raceKey(map)).toBe(
      `${RACY}.TestRaceInSubtest.func1.1 ${RACY}/racy_test.go | ${RACY}.TestRaceInSubtest.func1.1 ${RACY}/racy_test.go`
    )
  })

  it('keeps each report as printed, separators included, and the line it starts on', () => {
    const lines = text.split('\n')
    for (const r of races) {
      expect(lines[r.line - 1]).toBe('WARNING: DATA RACE')
      expect(r.raw.startsWith('==================\nWARNING: DATA RACE\n')).toBe(true)
      expect(r.raw.endsWith('\n==================')).toBe(true)
      expect(text).toContain(r.raw)
    }
  })
})

describe('parseRaceReports on other recorded runs', () => {
  it('puts each report on its test without -test.v, from the FAIL block printed after it', () => {
    const text = recorded('race-tests.out')
    expect(text).not.toContain('=== RUN')
    const { races } = parseRaceReports(text)
    expect(races).toHaveLength(reportCount(text))
    expect(races.map((r) => r.test)).toEqual(races.map(testOfFrames))
    expect(races.map((r) => r.test)).toContain('TestRaceInSubtest/sub')
  })

  it('cannot name the test from stderr alone', () => {
    const { races } = parseRaceReports(recorded('race-tests-split.stderr'))
    expect(races).toHaveLength(1)
    expect(races[0].test).toBeUndefined()
    expect(races[0].outsideTests).toBe(false)
    expect(recorded('race-tests-split.stdout')).not.toContain('DATA RACE')
  })

  it('marks a race in TestMain as outside test execution, with the main goroutine’s access', () => {
    const { races } = parseRaceReports(recorded('race-outside.out'))
    expect(races).toHaveLength(1)
    expect(races[0]).toMatchObject({ outsideTests: true, access: { kind: 'read', goroutine: 'main' }, previous: { kind: 'write' } })
    expect(races[0].test).toBeUndefined()
    expect(races[0].access.frames[0]).toEqual({
      function: `${RACY}.TestMain`,
      file: `${RACY}/racy_test.go`,
      line: markedLine('racy/racy_test.go', 'outside-read')
    })
    // The main goroutine has no creation site: only the other goroutine's is printed.
    expect(races[0].goroutines.map((g) => g.id)).toEqual([races[0].previous.goroutine])
  })

  it('puts a RunParallel race on the benchmark whose result line it interrupted', () => {
    const text = recorded('race-bench.out')
    expect(text).toMatch(/^BenchmarkRaceParallel-4 +\t==================$/m)
    const { races, problems } = parseRaceReports(text)
    expect(problems).toEqual([])
    expect(races).toHaveLength(reportCount(text))
    expect(races.every((r) => r.test === 'BenchmarkRaceParallel-4')).toBe(true)
    for (const r of races) {
      expect(r.access.frames.map((f) => f.function)).toEqual([
        `${RACY}.(*Counter).Inc`,
        `${RACY}.BenchmarkRaceParallel.func1`,
        'testing.(*B).RunParallel.func1'
      ])
      expect(r.goroutines[0].createdAt[0].function).toBe('testing.(*B).RunParallel')
    }
  })

  it('reads a GORACE log_path file, and matches its reports with the same races seen in test output', () => {
    const { races } = parseRaceReports(recorded('race-log.txt'))
    expect(races).toHaveLength(2)
    expect(races.every((r) => r.test === undefined && !r.outsideTests)).toBe(true)
    const inTests = parseRaceReports(recorded('race-tests-v.out')).races
    expect(races.map((r) => raceKey(r, { modulePath: MODULE, withLines: true }))).toEqual([
      raceKey(inTests[0], { modulePath: MODULE, withLines: true }),
      raceKey(inTests[inTests.length - 1], { modulePath: MODULE, withLines: true })
    ])
  })

  it('keys the atomic side of a race by sync/atomic: Go 1.26 prints no caller for it', () => {
    const atomic = parseRaceReports(recorded('race-log.txt')).races[1]
    expect(atomic.previous.frames.map((f) => [f.function, f.file])).toEqual([
      ['sync/atomic.AddInt64', 'runtime/race_amd64.s'],
      ['sync/atomic.AddInt64', '<autogenerated>']
    ])
    expect(atomic.access.frames[0].function).toBe(`${RACY}.TestRaceAtomic`)
    expect(raceKey(atomic, { modulePath: MODULE })).toBe(`${RACY}.TestRaceAtomic ${RACY}/racy_test.go | sync/atomic.AddInt64 runtime/race_amd64.s`)
  })
})

describe('raceKey', () => {
  const [r] = parseRaceReports(recorded('race-tests-split.stderr')).races

  it('is the same whichever access Go reported first', () => {
    const swapped: RaceReport = { ...r, access: r.previous, previous: r.access }
    expect(raceKey(swapped)).toBe(raceKey(r))
    expect(raceKey(swapped, { withLines: true })).toBe(raceKey(r, { withLines: true }))
  })

  it('collapses identical reports and ignores goroutine ids and addresses', () => {
    const again: RaceReport = {
      ...r,
      access: { ...r.access, goroutine: 99, address: '0x00c0000fffff' },
      previous: { ...r.previous, goroutine: 'main', address: '0x00c0000fffff' }
    }
    expect(raceKey(again, { withLines: true })).toBe(raceKey(r, { withLines: true }))
  })

  it('leaves line numbers out unless asked, so a race moved by an edit still matches', () => {
    const moved: RaceReport = { ...r, access: { ...r.access, frames: r.access.frames.map((f) => ({ ...f, line: f.line + 5 })) } }
    expect(raceKey(moved)).toBe(raceKey(r))
    expect(raceKey(moved, { withLines: true })).not.toBe(raceKey(r, { withLines: true }))
    const at = (file: string, marker: string): string => `${RACY}/${file}:${markedLine(`racy/${file}`, marker)}`
    expect(raceKey(r, { withLines: true })).toBe(
      `${RACY}.(*Counter).Inc ${at('racy.go', 'inc')} < ${RACY}.TestRace.func1 ${at('racy_test.go', 'race-write')} | ` +
        `${RACY}.(*Counter).Value ${at('racy.go', 'value')} < ${RACY}.TestRace ${at('racy_test.go', 'race-read')}`
    )
  })

  it('leaves the kinds of the accesses out: c.n++ is one race, reported as read/write or write/write', () => {
    const counter = parseRaceReports(recorded('race-counter.out')).races
    expect(counter.map((x) => `${x.access.kind}/${x.previous.kind}`)).toEqual(['read/write', 'write/write'])
    expect(raceKey(counter[0], { withLines: true })).toBe(raceKey(counter[1], { withLines: true }))
    const flipped: RaceReport = { ...r, access: { ...r.access, kind: r.access.kind === 'read' ? 'write' : 'read' } }
    expect(raceKey(flipped)).toBe(raceKey(r))
  })

  it('tells apart the same line reached through another call path', () => {
    const [write] = r.access.frames
    const other: RaceReport = { ...r, access: { ...r.access, frames: [write, { function: `${RACY}.TestOther`, file: `${RACY}/other_test.go`, line: 3 }] } }
    expect(raceKey(other)).not.toBe(raceKey(r))
  })
})

describe('parseRaceReports on hand-made variants', () => {
  it('reads a previous access whose stack could not be restored', () => {
    const text = report('Write', 'Previous write', ['  [failed to restore the stack]']).join('\n')
    const { races, problems } = parseRaceReports(text)
    expect(problems).toEqual([])
    expect(races[0].previous).toEqual({ kind: 'write', address: '0x00c000012345', goroutine: 7, frames: [] })
    expect(raceKey(races[0])).toBe('? | example.com/m.f example.com/m/f.go')
  })

  it('reads sync.Mutex frames and prefers the module’s frame over a library’s', () => {
    const frames = [
      '  sync.(*Mutex).Unlock()',
      '      sync/mutex.go:223 +0x5',
      '  github.com/lib/pool.(*P).put()',
      '      github.com/lib/pool/p.go:9 +0x2',
      '  example.com/m.release()',
      '      example.com/m/r.go:4 +0x1'
    ]
    const [race] = parseRaceReports(report('Read', 'Previous write', frames).join('\n')).races
    expect(race.previous.frames.map((f) => f.function)).toEqual([
      'sync.(*Mutex).Unlock',
      'github.com/lib/pool.(*P).put',
      'example.com/m.release'
    ])
    expect(raceKey(race)).toContain('| github.com/lib/pool.(*P).put github.com/lib/pool/p.go < example.com/m.release example.com/m/r.go')
    expect(raceKey(race, { modulePath: 'example.com/m' })).toBe('example.com/m.f example.com/m/f.go | example.com/m.release example.com/m/r.go')
  })

  it('skips test output written in the middle of a report', () => {
    const lines = report('Read', 'Previous write')
    lines.splice(5, 0, '    other_test.go:12: a log line from another goroutine', '=== RUN   TestOther')
    const { races, problems } = parseRaceReports(lines.join('\n'))
    expect(problems).toEqual([])
    expect(races[0].access.frames).toEqual([{ function: 'example.com/m.f', file: 'example.com/m/f.go', line: 3 }])
    expect(races[0].previous.frames).toHaveLength(1)
  })

  it('keeps a report cut after both accesses and reports one cut before them', () => {
    const full = report('Read', 'Previous write')
    const cut = parseRaceReports(full.slice(0, 10).join('\n'))
    expect(cut.problems).toEqual([])
    expect(cut.races[0]).toMatchObject({ truncated: true, access: { kind: 'read' }, previous: { kind: 'write' } })
    expect(cut.races[0].raw.endsWith('==================')).toBe(false)
    const early = parseRaceReports(['=== RUN   TestX', ...full.slice(0, 5)].join('\n'))
    expect(early.races).toEqual([])
    expect(early.problems).toEqual([{ line: 3, text: 'WARNING: DATA RACE', reason: 'race report cut before its two accesses' }])
  })

  it('reports a block with no accesses it can read and carries on with the next report', () => {
    const text = [
      '==================',
      'WARNING: DATA RACE',
      'Something else at 0x1:',
      '==================',
      ...report('Read', 'Previous read')
    ].join('\n')
    const { races, problems } = parseRaceReports(text)
    expect(problems.map((p) => [p.line, p.reason])).toEqual([[2, 'race report without its two accesses']])
    expect(races).toHaveLength(1)
    expect(races[0].line).toBe(6)
  })

  it('reads CRLF output and ignores garbage', () => {
    const text = ['\x00garbage', ...report('Read', 'Previous write'), 'more ========== garbage'].join('\r\n')
    const { races, problems } = parseRaceReports(text)
    expect(problems).toEqual([])
    expect(races).toHaveLength(1)
    expect(races[0].access.frames[0].file).toBe('example.com/m/f.go')
  })

  it('follows -test.v’s NAME lines when parallel tests interleave', () => {
    const text = [
      '=== RUN   TestA',
      '=== PAUSE TestA',
      '=== RUN   TestB',
      '=== PAUSE TestB',
      '=== CONT  TestA',
      '=== CONT  TestB',
      ...report('Read', 'Previous write'),
      '=== NAME  TestA',
      '    a_test.go:9: still going',
      '=== NAME  TestB',
      '    testing.go:1712: race detected during execution of test',
      '--- FAIL: TestB (0.00s)',
      '--- PASS: TestA (0.00s)'
    ].join('\n')
    expect(parseRaceReports(text).races[0].test).toBe('TestB')
  })

  it('takes the subtest the race line is logged under in a non-verbose FAIL block', () => {
    const text = [
      ...report('Read', 'Previous write'),
      '--- FAIL: TestP (0.00s)',
      '    --- FAIL: TestP/a (0.00s)',
      '        p_test.go:4: boom',
      '    --- FAIL: TestP/b (0.00s)',
      '        testing.go:1712: race detected during execution of test',
      'FAIL'
    ].join('\n')
    expect(parseRaceReports(text).races[0].test).toBe('TestP/b')
  })

  it('does not reach past the next test for a report no line confirms', () => {
    const text = [
      '=== RUN   TestA',
      ...report('Read', 'Previous write'),
      '--- PASS: TestA (0.00s)',
      '=== RUN   TestB',
      '    testing.go:1712: race detected during execution of test',
      '--- FAIL: TestB (0.00s)'
    ].join('\n')
    expect(parseRaceReports(text).races[0].test).toBe('TestA')
  })

  it('does not put a race after a benchmark’s result line on that benchmark', () => {
    const text = ['BenchmarkA-4   \t     100\t      2625 ns/op', ...report('Read', 'Previous write'), 'PASS'].join('\n')
    expect(parseRaceReports(text).races[0].test).toBeUndefined()
  })

  it('finds nothing in output without races', () => {
    expect(parseRaceReports('=== RUN   TestA\n--- PASS: TestA (0.00s)\nPASS\n')).toEqual({ races: [], problems: [] })
    expect(parseRaceReports('')).toEqual({ races: [], problems: [] })
  })
})

describe('sameRace', () => {
  const counter = parseRaceReports(recorded('race-counter.out')).races
  const sides = (r: RaceReport): [string, string] => raceSides(r.access.frames, r.previous.frames, { modulePath: MODULE })
  const [race] = parseRaceReports(recorded('race-tests-split.stderr')).races

  it('matches c.n++ reported as read/write with c.n++ reported as write/write', () => {
    expect(sameRace(sides(counter[0]), sides(counter[1]))).toBe(true)
    expect(sameRace(sides(counter[0]), sides(race))).toBe(false)
  })

  it('matches a report whose earlier access lost its stack with the race it shares the other side with', () => {
    const lost: RaceReport = { ...race, previous: { ...race.previous, frames: [] } }
    expect(sides(lost)).toContain(UNKNOWN_SIDE)
    expect(sameRace(sides(lost), sides(race))).toBe(true)
    expect(sameRace(sides(race), sides(lost))).toBe(true)
    expect(sameRace(sides(lost), sides(counter[0]))).toBe(false)
    const nothing: RaceReport = { ...race, access: { ...race.access, frames: [] }, previous: { ...race.previous, frames: [] } }
    expect(sameRace(sides(nothing), sides(race))).toBe(false)
  })
})
