// Findings of the stress stage: leaks, hangs, races and panics that showed in some of many varied repetitions. Fair by
// construction: the base was stressed the same way (same packages, same share of the budget each), and
// what it showed too is pre-existing, reported and not failed.
import type { Finding, Reproduce, Severity } from '../model/report.js'
import type { RunResult, StressResult, StressRun, TestPackageResult } from '../model/result.js'
import { isStandardLibrary } from '../parse/gofunc.js'
import { shellQuote, UNDER_STRESS } from './reproduce.js'
import { at, finding, hangFinding, panicFinding, panicKey, raceFindings, where } from './tests.js'

function how(r: StressRun): string {
  return `process ${r.process + 1} (repetitions ${r.repetitionsBefore + 1} to ${r.repetitionsBefore + r.count}: -count=${r.count}, GOMAXPROCS ${r.cpu}, shuffle seed ${r.shuffle}, ${r.race ? 'with' : 'without'} -race)`
}

function effort(s: StressResult): string {
  return `${s.repetitions} repetition${s.repetitions === 1 ? '' : 's'} in ${s.processes} process${s.processes === 1 ? '' : 'es'}`
}

/** What the base's stress says about a head finding it did not show: nothing fair when it did not run alike. */
function baseVerdict(base: TestPackageResult | undefined, head: StressResult, shows: boolean): { severity: Severity; note: string } {
  if (shows) return { severity: 'info', note: 'the base shows it too: pre-existing' }
  const s = base?.stress
  if (!s) return { severity: 'warn', note: base ? 'the base was not stressed, so it is not known to be new' : 'the package is new on head' }
  // A stored baseline (a run on the default branch) may have stressed every package with a smaller share.
  if (s.budgetMs < head.budgetMs) return { severity: 'warn', note: `the base was stressed with a smaller share (${(s.budgetMs / 1000).toFixed(1)}s), so it is not known to be new` }
  if (s.stoppedBy) return { severity: 'warn', note: `the base stopped early (it showed a ${s.stoppedBy}) after ${effort(s)}, so it is not known to be new` }
  return { severity: 'fail', note: `the base, stressed alike (${effort(s)}), never showed it` }
}

function dirArg(dir: string): string {
  return dir === '.' ? '.' : `./${dir}`
}

function runPattern(tests: string[]): string {
  if (tests.length === 0) return '.'
  return tests.length === 1 ? `^${tests[0]}$` : `^(${tests.join('|')})$`
}

/** `go test` and `dlv test` lines that run the tests as the process that found it did. */
export function stressCommands(dir: string, tests: string[], r: StressRun): string[] {
  const run = runPattern(tests)
  const flags = [`-count=${r.count}`, `-cpu=${r.cpu}`, `-shuffle=${r.shuffle}`]
  const goTest = ['go', 'test', ...(r.race ? ['-race'] : []), '-run', run, ...flags, dirArg(dir)]
  // Delve builds without -race; the scheduling knobs still apply. 'goroutines' then 'goroutine N bt' shows who waits.
  const dlv = ['dlv', 'test', dirArg(dir), '--', `-test.run=${run}`, ...flags.map((f) => `-test.${f.slice(1)}`)]
  return [goTest.map(shellQuote).join(' '), dlv.map(shellQuote).join(' ')]
}

function reproduceLines(what: string, pkg: string, goTest: string, dlv: string, dlvNote = ''): Reproduce[] {
  return [
    { title: `Reproduce the ${what} under stress (${pkg})`, command: goTest },
    { title: `Debug it with Delve${dlvNote} (${pkg})`, command: dlv }
  ]
}

export interface StressFindings {
  findings: Finding[]
  reproduce: Reproduce[]
  /** How many repetitions each stressed package got, per side. */
  notes: string[]
}

function packageFindings(h: TestPackageResult, base: TestPackageResult | undefined, modulePath: string): StressFindings {
  const s = h.stress
  const out: StressFindings = { findings: [], reproduce: [], notes: [] }
  if (!s) return out
  const baseLeaks = new Set([...(base?.stress?.leaks ?? []), ...(base?.leaks ?? [])].map((g) => g.looseKey))
  for (const g of s.leaks) {
    const verdict = baseVerdict(base, s, baseLeaks.has(g.looseKey))
    const perRepetition = Math.max(1, Math.round(g.count / g.leakingRepetitions))
    const [goTest, dlv] = stressCommands(h.dir, g.tests, g.found)
    const message =
      `under stress, ${perRepetition} goroutine${perRepetition === 1 ? '' : 's'} per repetition left blocked in [${g.state}] at ${where(g.blocking)}, started at ${where(g.creation)}` +
      `, in ${g.leakingRepetitions} of ${g.found.count} repetitions of ${how(g.found)}` +
      (g.tests.length > 0 ? `; started by ${g.tests.join(', ')}` : '') +
      `; ${effort(s)} in all; ${verdict.note}. Reproduce: ${goTest}`
    const callers = g.stack.filter((f) => !isStandardLibrary(f.function) && !(f.line === g.blocking?.line && f.function === g.blocking?.function)).slice(0, 3)
    const locations = [...at(g.blocking, 'blocking'), ...callers.flatMap((f) => at(f, 'caller')), ...at(g.creation, 'creation')]
    out.findings.push(
      finding('goroutine-leak', verdict.severity, h.importPath, g.tests.join(', ') || h.importPath, `goroutines [${g.state}] ${UNDER_STRESS}`, message, locations, { base: 0, head: perRepetition })
    )
    if (verdict.severity !== 'info') out.reproduce.push(...reproduceLines('leak', h.importPath, goTest, dlv))
  }
  if (s.hang) {
    const pre = base?.stress?.hang !== undefined || base?.hang !== undefined
    const verdict = baseVerdict(base, s, pre)
    const tests = s.hang.test ? [s.hang.test] : []
    const [goTest, dlv] = stressCommands(h.dir, tests, s.hang.found)
    const f = hangFinding(h.importPath, s.hang.test ?? h.importPath, s.hang, pre)
    f.severity = verdict.severity
    f.metric = `hang ${UNDER_STRESS}`
    f.message = `${f.message}. Found in ${how(s.hang.found)}; ${effort(s)} in all; ${verdict.note}. Reproduce: ${goTest}`
    out.findings.push(f)
    if (verdict.severity !== 'info') out.reproduce.push(...reproduceLines('hang', h.importPath, goTest, dlv))
  }
  const suffix = (found: StressRun, note: string, goTest: string): string => `. Found in ${how(found)}; ${effort(s)} in all; ${note}. Reproduce: ${goTest}`
  const baseRaces = [...(base?.races ?? []), ...(base?.stress?.races ?? [])]
  for (const r of s.races ?? []) {
    // raceFindings matches the base's races by their two sites, as for the normal pass.
    const [f] = raceFindings(h.importPath, [r], baseRaces, modulePath)
    const verdict = baseVerdict(base, s, f.severity === 'info')
    const [goTest, dlv] = stressCommands(h.dir, r.in ? [r.in.split('/')[0]] : [], r.found)
    const reports = r.count > 1 ? ` (${r.count} reports)` : ''
    out.findings.push({ ...f, severity: verdict.severity, metric: `data race ${UNDER_STRESS}`, message: `${f.message}${reports}${suffix(r.found, verdict.note, goTest)}` })
    // Delve cannot build the race detector in: the same schedule knobs, with breakpoints on the two sites.
    if (verdict.severity !== 'info') out.reproduce.push(...reproduceLines('race', h.importPath, goTest, dlv, ', without the race detector: break on the two sites'))
  }
  const basePanics = new Set([...(base?.panics ?? []), ...(base?.stress?.panics ?? [])].map(panicKey))
  for (const p of s.panics ?? []) {
    const f = panicFinding(h.importPath, p, basePanics.has(panicKey(p)), modulePath)
    const verdict = baseVerdict(base, s, f.severity === 'info')
    const [goTest, dlv] = stressCommands(h.dir, p.test ? [p.test.split('/')[0]] : [], p.found)
    out.findings.push({ ...f, severity: verdict.severity, metric: `panic ${UNDER_STRESS}`, message: `${f.message}${suffix(p.found, verdict.note, goTest)}` })
    if (verdict.severity !== 'info') out.reproduce.push(...reproduceLines('panic', h.importPath, goTest, dlv))
  }
  return out
}

function effortNote(side: string, r: RunResult): string | undefined {
  const stressed = (r.tests ?? []).filter((t) => t.stress)
  if (stressed.length === 0) return undefined
  const each = stressed.map((t) => {
    const s = t.stress
    if (!s) return ''
    const stop = s.stoppedBy ? `, stopped by a ${s.stoppedBy}` : ''
    const why = s.reason === 'dependent' ? ` (imports changed ${(s.via ?? []).join(', ')})` : s.reason ? ` (${s.reason})` : ''
    return `${t.importPath}${why} ${effort(s)} in ${(s.wallMs / 1000).toFixed(1)}s of ${(s.budgetMs / 1000).toFixed(1)}s${stop}`
  })
  return `Stress on ${side}: ${each.join('; ')}.`
}

export function stressFindings(base: RunResult, head: RunResult): StressFindings {
  const b = new Map((base.tests ?? []).map((t) => [t.importPath, t]))
  const out: StressFindings = { findings: [], reproduce: [], notes: [] }
  for (const h of head.tests ?? []) {
    const r = packageFindings(h, b.get(h.importPath), head.env.module)
    out.findings.push(...r.findings)
    out.reproduce.push(...r.reproduce)
  }
  for (const [side, r] of [['base', base], ['head', head]] as const) {
    const note = effortNote(side, r)
    if (note) out.notes.push(note)
  }
  return out
}
