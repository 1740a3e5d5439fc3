import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

import type { FindingKind, Severity } from '../../src/model/report.js'
import type { LocationExpectation, Side } from './expectations.js'
import { fixturesRoot } from './fixture-repo.js'

// The machine-readable half of the `leaks` section of fixtures/EXPECTATIONS.md: goroutine leaks, races,
// hangs and panics that the head of fixtures/leaks introduces, as Go 1.26 prints them. Files are
// module-relative (the gate builds with -trimpath; Go then prints `example.com/leakfixture/<file>`).

export interface LeakFixtureExpectations {
  fixture: 'leaks'
  module: string
  validated: {
    go: string
    /** Build flags of every run the numbers come from. */
    build: string[]
    /** Environment of the goroutineleak profile builds. */
    goexperiment: string
    /** How many runs per side showed the same goroutines. */
    runs: number
    machine: string
  }
  verdict: 'pass' | 'fail'
  incomplete: boolean
  packages: LeakPackageExpectation[]
}

/**
 * How plain `go test -race -count=1 -timeout 10s` ends on one side. A benchmark that hangs is a
 * `timeout` too, though -test.timeout does not cover benchmarks: only a SIGQUIT ends it.
 */
export type Outcome = 'pass' | 'race' | 'timeout' | 'panic'

export interface LeakPackageExpectation {
  dir: string
  importPath: string
  /** What the head changes, in words ('nothing' when the package is the same on both sides). */
  change: string
  /** Tests and benchmarks in the order `-test.list .` prints them; the same on both sides. */
  tests: string[]
  benchmarks: string[]
  /** The package defines its own TestMain. */
  ownTestMain: boolean
  /** Plain test run; `benchOutcome` is the run with `-test.run=^$ -test.bench=. -test.benchtime=100x`. */
  outcome: Record<Side, Outcome>
  benchOutcome?: Record<Side, Outcome>
  findings: LeakFindingExpectation[]
}

export type LeakFindingKind = Extract<FindingKind, 'goroutine-leak' | 'race' | 'hang' | 'panic'>

export type LeakFindingExpectation =
  | GoroutineLeakExpectation
  | RaceExpectation
  | HangExpectation
  | PanicExpectation

interface FindingBase {
  kind: LeakFindingKind
  /** `info` for what the base already has: reported, never failed. */
  severity: Severity
  /** Sides the finding shows on; a finding on both is pre-existing. */
  sides: Side[]
  /** Lines the head changed that cause the finding: added lines (side head) or removed ones (side base). */
  cause: DiffLine[]
}

export interface DiffLine {
  side: Side
  file: string
  line: number
  code: string
}

/** Goroutines still alive after the package's tests, all with the same state, blocking frame and creator. */
export interface GoroutineLeakExpectation extends FindingBase {
  kind: 'goroutine-leak'
  /** The header's state exactly as Go prints it: `goroutine 7 [chan send]:` is `chan send`. */
  state: string
  /** Goroutines per run of the whole package. */
  count: number
  /** Goroutines present after no test at all ran (`-test.run=^$`): those started by init. */
  withoutTests: number
  /** Goroutines present after each test ran alone (`-test.run=^Name$`); tests not listed: withoutTests. */
  perTest: Record<string, number>
  /** First frame of the stack, runtime frames hidden as Go hides them (what goleak's IgnoreTopFunction sees). */
  topFunction: string
  /**
   * For a goroutine that is busy now and then (a loop on a live ticker): the other states a dump may catch
   * it in. Parked, it is in `state` at `blocking`; this test's own check waits until nothing is busy.
   */
  transient?: { states: string[]; note: string }
  /** First frame in the module: where the goroutine blocks. */
  blocking: LocationExpectation
  /** Module frames below the blocking one, innermost first. */
  callers: LocationExpectation[]
  /** The `created by` line: the go statement, and the function that ran it. */
  creation: LocationExpectation
  /** Whether GOEXPERIMENT=goroutineleakprofile's detection reports these goroutines as leaked. */
  leakProfile: boolean
  /** Why the profile does or does not report them, when that is not obvious. */
  leakProfileNote?: string
  /** For pre-existing goroutines: what a goleak-style ignore rule would match on. */
  ignore?: { anyFunction: string; note: string }
}

export interface RaceAccess {
  /** `either` when it varies between runs: `c.n++` reads and writes, and either access can race. */
  op: 'read' | 'write' | 'either'
  /** Module frames of the access, innermost first: the first is role access or previous-access. */
  stack: LocationExpectation[]
  /** `Goroutine N (running|finished) created at:` frames in the module, innermost first; [] when testing created it. */
  createdAt: LocationExpectation[]
  /** `either` when the earlier access's goroutine may or may not have ended when the race is found. */
  goroutineStatus: 'running' | 'finished' | 'either'
}

export interface RaceExpectation extends FindingBase {
  kind: 'race'
  /** The test or benchmark during which the race is detected. */
  subject: string
  /** Test-binary flags that make the race happen (besides -test.count=1 -test.timeout=10s). */
  flags: string[]
  /** Line testing prints for the failing test or benchmark. */
  failLine: string
  /** `Read at` / `Write at`, then `Previous read at` / `Previous write at`. */
  access: RaceAccess
  previous: RaceAccess
}

export interface BlockedGoroutine {
  state: string
  stack: LocationExpectation[]
  /** The go statement in the module; absent when testing started the goroutine (the test's own). */
  creation?: LocationExpectation
  createdBy: string
}

export interface HangExpectation extends FindingBase {
  kind: 'hang'
  test: string
  /**
   * Test-binary flags that make it hang, for a benchmark (-test.timeout does not cover benchmarks: the run
   * ends when it gets SIGQUIT). Absent for a test, which hangs in a plain run until -test.timeout.
   */
  flags?: string[]
  /** First line on stderr; the duration is the -test.timeout given. */
  message: string
  blocked: BlockedGoroutine[]
}

export interface PanicExpectation extends FindingBase {
  kind: 'panic'
  test: string
  /** The panic value as Go prints it after `panic: `, without testing's `[recovered, ...]` suffix. */
  value: string
  /** The line Go prints, suffix included. */
  printed: string
  exitCode: number
  /** Where it panics, then its callers in the module. */
  stack: LocationExpectation[]
}

export async function loadLeakExpectations(): Promise<LeakFixtureExpectations> {
  const text = await readFile(join(fixturesRoot, 'leaks', 'expectations.json'), 'utf8')
  return JSON.parse(text) as LeakFixtureExpectations
}

/** Every location an expectation names, with the package it belongs to. */
export function allLocations(exp: LeakFixtureExpectations): LocationExpectation[] {
  const out: LocationExpectation[] = []
  for (const pkg of exp.packages) {
    for (const f of pkg.findings) {
      if (f.kind === 'goroutine-leak') out.push(f.blocking, ...f.callers, f.creation)
      else if (f.kind === 'race') {
        for (const a of [f.access, f.previous]) out.push(...a.stack, ...a.createdAt)
      } else if (f.kind === 'hang') {
        for (const g of f.blocked) out.push(...g.stack, ...(g.creation ? [g.creation] : []))
      } else out.push(...f.stack)
    }
  }
  return out
}
