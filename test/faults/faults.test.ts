// The fault table (faults.ts) kept true: every row runs through the CLI bundle, rows that share a `run`
// share one execution, and each row checks its exit code, the line the user sees, what else it claims, and
// what every row must hold: no stack trace, no process, worktree or scratch directory left behind.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Finding } from '../../src/model/report.js'
import type { RunResult } from '../../src/model/result.js'
import { repoRoot } from '../helpers/fixture-repo.js'
import { FAULTS, isCoveredBy, type Fault, type Hold, type Run } from './faults.js'
import { messagePattern, withFaults } from './readme.js'
import { runFault, type Outcome } from './run-fault.js'

const outcomes = new Map<Run, Outcome>()
// Two at a time: a hung test's timeout then overlaps another row's builds. The machine has two cores.
const PARALLEL = 2

beforeAll(async () => {
  const runs = [...new Set(FAULTS.flatMap((f) => (isCoveredBy(f.run) ? [] : [f.run])))]
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < runs.length) {
      const run = runs[next++]
      outcomes.set(run, await runFault(run))
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker))
}, 900_000)

function outcomeOf(f: Fault): Outcome {
  const o = isCoveredBy(f.run) ? undefined : outcomes.get(f.run)
  if (!o) throw new Error(`${f.id}: no outcome`)
  return o
}

const STACK = /^\s+at .*(\(|:\d+:\d+)/m
const NODE_ERROR = /\b(TypeError|RangeError|ReferenceError|SyntaxError)\b/
const WORK_STARTED = /listing packages|building \d+ test binaries|baseline:|\btesting example\./

function findingsOf(o: Outcome, h: Extract<Hold, { finding: unknown }>['finding']): Finding[] {
  return (o.report?.findings ?? []).filter((f) => f.kind === h.kind && f.subject === h.subject && f.pkg.split('/').pop() === h.pkg)
}

function benchmarkOf(r: RunResult | undefined, name: string) {
  return r?.packages.flatMap((p) => p.benchmarks).find((b) => b.name === name)
}

function checkHold(o: Outcome, h: Hold): void {
  if ('finding' in h) {
    const [f] = findingsOf(o, h.finding)
    expect(f, `${JSON.stringify(h.finding)} among ${JSON.stringify(o.report?.findings.map((x) => `${x.kind} ${x.pkg} ${x.subject}`))}`).toBeDefined()
    expect(f.severity).toBe(h.finding.severity)
    if (h.finding.at) expect(f.locations.map((l) => `${l.file}:${l.line}`)).toContain(h.finding.at)
  } else if ('incomplete' in h) {
    expect(o.report?.incomplete).toBe(h.incomplete)
  } else if ('measured' in h) {
    for (const side of [o.results.base, o.results.head]) expect(benchmarkOf(side, h.measured)?.runs.length, h.measured).toBeGreaterThan(0)
  } else if ('noBenchmark' in h) {
    expect(o.results.base?.packages.length).toBeGreaterThan(0)
    for (const side of [o.results.base, o.results.head]) expect(benchmarkOf(side, h.noBenchmark)).toBeUndefined()
  } else if ('raceRun' in h) {
    const t = o.results.head?.tests?.find((x) => x.importPath.split('/').pop() === h.raceRun.pkg)
    const runs = (t?.runs ?? []).filter((r) => r.purpose === 'race-benchmarks')
    const own = runs.find((r) => r.command.includes(`-test.bench=^${h.raceRun.benchmark}$`))
    expect(own?.outcome, JSON.stringify(runs.map((r) => [r.outcome, r.command]))).toBe('pass')
  } else if ('written' in h) {
    if (h.written === 'report.json') expect(o.report?.schemaVersion).toBeGreaterThan(0)
    else expect(o.reportMarkdown).toMatch(/go-leak-gate: fail/)
  } else if ('nothingStarted' in h) {
    expect(o.stderr).not.toMatch(WORK_STARTED)
  } else {
    expect(o.aliveAtSignal.length, 'no process of the gate was running when the signal came').toBeGreaterThan(0)
  }
}

describe('the fault table', () => {
  for (const f of FAULTS.filter((x) => !isCoveredBy(x.run))) {
    it(`${f.id}: ${f.did} → exit ${f.exit}`, () => {
      const o = outcomeOf(f)
      const streams = `stdout:\n${o.stdout}\nstderr:\n${o.stderr}`
      expect(o.code, streams).toBe(f.exit)
      const pattern = messagePattern(f.message, o.values)
      const lines = (f.stream === 'stdout' ? o.stdout : o.stderr).split('\n').map((l) => l.trim())
      expect(lines.some((l) => pattern.test(l)), `no ${f.stream} line matches ${pattern}\n${streams}`).toBe(true)
      expect(o.stderr).not.toMatch(STACK)
      expect(streams).not.toMatch(NODE_ERROR)
      expect(o.left).toEqual({ processes: [], scratch: [], worktrees: [] })
      for (const h of f.holds) checkHold(o, h)
    })
  }

  it('names, for every row run elsewhere, a test that exists and asserts what the row says', () => {
    for (const f of FAULTS) {
      if (!isCoveredBy(f.run)) continue
      const path = join(repoRoot, f.run.file)
      expect(existsSync(path), `${f.id}: ${f.run.file}`).toBe(true)
      const text = readFileSync(path, 'utf8')
      expect([`'${f.run.test}'`, `"${f.run.test}"`, `\`${f.run.test}\``].some((q) => text.includes(`it(${q}`)), `${f.id}: it('${f.run.test}') in ${f.run.file}`).toBe(true)
      for (const e of f.run.evidence) expect(text, `${f.id}: ${e}`).toContain(e)
      expect(f.holds, `${f.id}: claims only what ${f.run.file} checks`).toEqual([])
    }
  })

  it('has one row per fault id, and every row a message', () => {
    expect(new Set(FAULTS.map((f) => f.id)).size).toBe(FAULTS.length)
    for (const f of FAULTS) expect(f.message.trim(), f.id).not.toBe('')
  })

  it("matches README.md's faults section (run npm run gen:faults after changing the table)", () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')
    expect(readme).toBe(withFaults(readme))
  })
})
