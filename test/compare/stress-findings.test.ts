// Judging the stress stage: a leak or hang found under stress fails only when the base, stressed alike,
// never showed it; the finding counts per repetition and says how to run it again the same way.
import { describe, expect, it } from 'vitest'
import { compareResults } from '../../src/compare/compare.js'
import { stressCommands, stressFindings } from '../../src/compare/stress.js'
import { DEFAULT_COMPARE } from '../../src/config/defaults.js'
import type { LeakGroup, PanicReport, RaceFinding, RunResult, StressResult, StressRun, TestPackageResult } from '../../src/model/result.js'
import { result } from './build-result.js'

const PKG = 'example.com/m/pool'
const run: StressRun = { process: 5, count: 40, cpu: 4, shuffle: 6, race: true, repetitionsBefore: 100 }

function leak(looseKey: string, count: number, leakingRepetitions: number): StressResult['leaks'][number] {
  const g: LeakGroup = {
    key: `${looseKey}:9`,
    looseKey,
    state: 'chan send',
    count,
    blocking: { function: 'example.com/m/pool.Get.func1', file: 'pool/pool.go', line: 10 },
    creation: { function: 'example.com/m/pool.Get', file: 'pool/pool.go', line: 9 },
    stack: [{ function: 'example.com/m/pool.Get.func1', file: 'pool/pool.go', line: 10 }],
    tests: ['TestGet'],
    detectors: ['probe']
  }
  return { ...g, leakingRepetitions, found: run }
}

const frame = (fn: string, line: number) => ({ function: `example.com/m/pool.${fn}`, file: 'pool/pool.go', line })

function race(): RaceFinding {
  return {
    key: 'k',
    in: 'TestPoll',
    via: 'test',
    count: 2,
    access: { kind: 'read', goroutine: '7', frames: [frame('(*P).Poll', 23)] },
    previous: { kind: 'write', goroutine: '8', frames: [frame('(*P).Poll.func1', 15)] },
    goroutines: [],
    report: ''
  }
}

const panicked: PanicReport = { test: 'TestTotal', value: 'runtime error: invalid memory address or nil pointer dereference', frames: [frame('Total', 41)] }

function stress(s: Partial<StressResult>): StressResult {
  return { budgetMs: 12_000, wallMs: 3_000, processes: 9, repetitions: 300, leaks: [], ...s }
}

function side(pkg: Partial<TestPackageResult> | undefined): RunResult {
  const r = result({})
  if (pkg) r.tests = [{ importPath: PKG, dir: 'pool', build: { ok: true, command: [] }, probe: true, runs: [], tests: [], races: [], leaks: [], panics: [], ...pkg }]
  return r
}

describe('stress findings', () => {
  it('fails a leak the base, stressed alike, never showed, and counts it per leaking repetition', () => {
    const { findings } = stressFindings(side({ stress: stress({}) }), side({ stress: stress({ leaks: [leak('Get.func1', 12, 6)], stoppedBy: 'leak' }) }))
    expect(findings).toHaveLength(1)
    const f = findings[0]
    expect(f.severity).toBe('fail')
    expect(f.head).toBe(2)
    expect(f.subject).toBe('TestGet')
    expect(f.message).toContain('2 goroutines per repetition')
    expect(f.message).toContain('in 6 of 40 repetitions of process 6 (repetitions 101 to 140: -count=40, GOMAXPROCS 4, shuffle seed 6, with -race)')
    expect(f.message).toContain('never showed it')
    expect(f.locations.map((l) => `${l.role} ${l.file}:${l.line}`)).toEqual(['blocking pool/pool.go:10', 'creation pool/pool.go:9'])
  })

  it('calls it pre-existing when the base showed it under stress or in its normal run', () => {
    const head = side({ stress: stress({ leaks: [leak('Get.func1', 1, 1)] }) })
    expect(stressFindings(side({ stress: stress({ leaks: [leak('Get.func1', 30, 30)] }) }), head).findings[0].severity).toBe('info')
    expect(stressFindings(side({ leaks: [leak('Get.func1', 1, 1)], stress: stress({}) }), head).findings[0].severity).toBe('info')
  })

  it('only warns when the base could not be stressed alike: not stressed, stopped early, or no such package', () => {
    const head = side({ stress: stress({ leaks: [leak('Get.func1', 1, 1)] }) })
    expect(stressFindings(side({}), head).findings[0].message).toContain('the base was not stressed')
    expect(stressFindings(side({ stress: stress({ stoppedBy: 'hang' }) }), head).findings[0].message).toContain('the base stopped early')
    expect(stressFindings(side(undefined), head).findings[0].message).toContain('the package is new on head')
    expect(stressFindings(side({ stress: stress({ budgetMs: 3_000 }) }), head).findings[0].message).toContain('smaller share (3.0s)')
    for (const base of [side({}), side({ stress: stress({ stoppedBy: 'hang' }) }), side(undefined), side({ stress: stress({ budgetMs: 3_000 }) })]) {
      expect(stressFindings(base, head).findings[0].severity).toBe('warn')
    }
  })

  it('reports a hang under stress with who waits where, and fails it when the base never hung', () => {
    const hang = { test: 'TestSwap', message: 'test timed out after 3s under stress', groups: [{ state: 'sync.Mutex.Lock', count: 2, blocking: { function: 'example.com/m/pool.Swap', file: 'pool/swap.go', line: 30 }, stack: [] }], found: run }
    const { findings, reproduce } = stressFindings(side({ stress: stress({}) }), side({ stress: stress({ hang, stoppedBy: 'hang' }) }))
    expect(findings.map((f) => [f.kind, f.severity, f.subject])).toEqual([['hang', 'fail', 'TestSwap']])
    expect(findings[0].message).toContain('2× [sync.Mutex.Lock] at example.com/m/pool.Swap (pool/swap.go:30)')
    expect(reproduce.map((r) => r.command)).toEqual(stressCommands('pool', ['TestSwap'], run))
  })

  it('gives go test and dlv test lines with the knobs of the process that found it', () => {
    expect(stressCommands('pool', ['TestGet'], run)).toEqual([
      "go test -race -run '^TestGet$' -count=40 -cpu=4 -shuffle=6 ./pool",
      "dlv test ./pool -- '-test.run=^TestGet$' -test.count=40 -test.cpu=4 -test.shuffle=6"
    ])
    expect(stressCommands('.', [], { ...run, race: false })[0]).toBe('go test -run . -count=40 -cpu=4 -shuffle=6 .')
  })

  it('makes a rare leak head happened to catch in its single run pre-existing when the stressed base showed it', () => {
    const normal = leak('Get.func1', 1, 1)
    const report = compareResults({ base: side({ stress: stress({ leaks: [leak('Get.func1', 20, 20)] }) }), head: side({ leaks: [normal] }), baseDir: 'b', headDir: 'h', config: DEFAULT_COMPARE })
    const f = report.findings.filter((x) => x.kind === 'goroutine-leak')
    expect(f.map((x) => x.severity)).toEqual(['info'])
  })

  it('fails a race the base, stressed alike, never showed, at its two sites, and says how it was found', () => {
    const head = side({ stress: stress({ races: [{ ...race(), found: run }] }) })
    const { findings, reproduce } = stressFindings(side({ stress: stress({}) }), head)
    expect(findings.map((f) => [f.kind, f.severity, f.subject, f.metric])).toEqual([['race', 'fail', 'TestPoll', 'data race under stress']])
    expect(findings[0].locations.map((l) => `${l.role} ${l.file}:${l.line}`)).toEqual(['access pool/pool.go:23', 'previous-access pool/pool.go:15'])
    expect(findings[0].message).toContain('(2 reports). Found in process 6 (repetitions 101 to 140: -count=40, GOMAXPROCS 4, shuffle seed 6, with -race)')
    expect(findings[0].message).toContain('never showed it')
    expect(reproduce.map((r) => r.command)).toEqual(stressCommands('pool', ['TestPoll'], run))
    expect(reproduce[1].title).toContain('without the race detector')
  })

  it('calls a race under stress pre-existing when the base has it, in its normal run or under stress, with the sides swapped', () => {
    const head = side({ stress: stress({ races: [{ ...race(), found: run }] }) })
    const swapped: RaceFinding = { ...race(), access: race().previous, previous: race().access }
    expect(stressFindings(side({ races: [swapped], stress: stress({}) }), head).findings[0].severity).toBe('info')
    expect(stressFindings(side({ stress: stress({ races: [{ ...swapped, found: run }] }) }), head).findings[0].severity).toBe('info')
    // Unfair comparisons only warn, as for leaks.
    expect(stressFindings(side({}), head).findings[0].severity).toBe('warn')
  })

  it('makes a race head happened to catch in its normal run pre-existing when the stressed base showed it', () => {
    const report = compareResults({ base: side({ stress: stress({ races: [{ ...race(), found: run }] }) }), head: side({ races: [race()] }), baseDir: 'b', headDir: 'h', config: DEFAULT_COMPARE })
    expect(report.findings.filter((x) => x.kind === 'race').map((x) => x.severity)).toEqual(['info'])
  })

  it('fails a panic under stress at its line, and merges it with the base\'s of the same test and value', () => {
    const head = side({ stress: stress({ panics: [{ ...panicked, found: { ...run, race: false } }], stoppedBy: 'panic' }) })
    const { findings, reproduce } = stressFindings(side({ stress: stress({}) }), head)
    expect(findings.map((f) => [f.kind, f.severity, f.subject, f.metric])).toEqual([['panic', 'fail', 'TestTotal', 'panic under stress']])
    expect(findings[0].locations.map((l) => `${l.role} ${l.file}:${l.line}`)).toEqual(['panic pool/pool.go:41'])
    expect(findings[0].message).toMatch(/^runtime error: invalid memory address or nil pointer dereference at .*Total \(pool\/pool.go:41\)\. Found in process 6 .*without -race/)
    expect(reproduce[0].command).toBe("go test -run '^TestTotal$' -count=40 -cpu=4 -shuffle=6 ./pool")
    expect(stressFindings(side({ panics: [panicked], stress: stress({}) }), head).findings[0].severity).toBe('info')
    const normal = compareResults({ base: side({ stress: stress({ panics: [{ ...panicked, found: run }] }) }), head: side({ panics: [panicked] }), baseDir: 'b', headDir: 'h', config: DEFAULT_COMPARE })
    expect(normal.findings.filter((x) => x.kind === 'panic').map((x) => x.severity)).toEqual(['info'])
  })

  it('says in the notes why a package was stressed: changed, or importing a changed one', () => {
    const { notes } = stressFindings(side({ stress: stress({ reason: 'dependent', via: ['example.com/m/a', 'example.com/m/b'] }) }), side({ stress: stress({ reason: 'changed' }) }))
    expect(notes).toEqual([
      `Stress on base: ${PKG} (imports changed example.com/m/a, example.com/m/b) 300 repetitions in 9 processes in 3.0s of 12.0s.`,
      `Stress on head: ${PKG} (changed) 300 repetitions in 9 processes in 3.0s of 12.0s.`
    ])
  })

  it('says in the notes how many repetitions each package got on each side', () => {
    const { notes } = stressFindings(side({ stress: stress({}) }), side({ stress: stress({ repetitions: 1, processes: 1, stoppedBy: 'leak' }) }))
    expect(notes).toEqual([
      `Stress on base: ${PKG} 300 repetitions in 9 processes in 3.0s of 12.0s.`,
      `Stress on head: ${PKG} 1 repetition in 1 process in 3.0s of 12.0s, stopped by a leak.`
    ])
  })
})
