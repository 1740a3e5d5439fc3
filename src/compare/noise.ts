// How noisy a run was, from the decisions on time themselves: each paired comparison's spread of per-round
// log ratios is an A/A-like control of the machine (what is left once base and head ran back to back), and
// the other processes' CPU share, when the run recorded it, says where that noise came from.
import type { BenchmarkComparison, NoiseSummary, Report } from '../model/report.js'
import type { AlternatedBenchmark, RunResult } from '../model/result.js'
import { median } from './stats.js'
import type { TimingLevel } from './timing.js'

export function noiseSummary(comparisons: BenchmarkComparison[], machine?: { otherCpu?: NoiseSummary['otherCpu']; steal?: NoiseSummary['steal'] }): NoiseSummary {
  const spreads: { spread: number; pkg: string; benchmark: string; metric: string }[] = []
  let inconclusive = 0
  let tooNoisy = 0
  for (const c of comparisons) {
    for (const m of c.metrics) {
      if (m.status === 'inconclusive') inconclusive++
      if (m.status === 'too-noisy') tooNoisy++
      if (m.interval) spreads.push({ spread: m.interval.spread, pkg: c.pkg, benchmark: c.benchmark, metric: m.metric })
    }
  }
  const noisiest = spreads.reduce<(typeof spreads)[number] | undefined>((a, b) => (a === undefined || b.spread > a.spread ? b : a), undefined)
  return {
    comparisons: spreads.length,
    medianSpread: spreads.length ? median(spreads.map((s) => s.spread)) : null,
    maxSpread: noisiest?.spread ?? null,
    ...(noisiest ? { noisiest: { pkg: noisiest.pkg, benchmark: noisiest.benchmark, metric: noisiest.metric } } : {}),
    inconclusive,
    tooNoisy,
    ...(machine?.otherCpu ? { otherCpu: machine.otherCpu } : {}),
    ...(machine?.steal ? { steal: machine.steal } : {})
  }
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`

/** The notes a reader needs to weigh the timing verdicts. */
export function noiseNotes(report: Report): string[] {
  const n = report.noise
  if (!n || n.comparisons === 0) return []
  const notes: string[] = []
  const cpu = n.otherCpu
  const busy =
    cpu && (cpu.base !== undefined || cpu.head !== undefined)
      ? `; other processes used ${[cpu.base !== undefined ? `${pct(cpu.base)} of the CPU while base ran` : '', cpu.head !== undefined ? `${pct(cpu.head)} while head ran` : ''].filter(Boolean).join(', ')}`
      : ''
  const steal = n.steal
  const stolen =
    steal && (steal.base !== undefined || steal.head !== undefined)
      ? `; of that, the hypervisor gave ${[steal.base !== undefined ? `${pct(steal.base)} while base ran` : '', steal.head !== undefined ? `${pct(steal.head)} while head ran` : ''].filter(Boolean).join(', ')} to other machines (CPU steal)`
      : ''
  const where = n.noisiest ? ` (largest ${pct(n.maxSpread ?? 0)}: ${n.noisiest.benchmark} ${n.noisiest.metric})` : ''
  notes.push(`Noise: the per-round spread of head/base was ${pct(n.medianSpread ?? 0)} in the median over ${n.comparisons} timing comparisons${where}${busy}${busy ? stolen : ''}.`)
  if (n.inconclusive > 0 || n.tooNoisy > 0) {
    const parts = [n.inconclusive > 0 ? `${n.inconclusive} inconclusive (the interval straddles the threshold; more rounds would settle them)` : '', n.tooNoisy > 0 ? `${n.tooNoisy} too noisy to judge on this machine` : '']
    notes.push(`Timing comparisons neither failed nor passed: ${parts.filter(Boolean).join(', ')}. See each comparison's reason.`)
  }
  return notes
}

/** The other processes' CPU share and the steal each side recorded (the same figures when both were measured together). */
export function machineOf(base: RunResult, head: RunResult): { otherCpu?: NoiseSummary['otherCpu']; steal?: NoiseSummary['steal'] } {
  const bySide = (b: number | undefined, h: number | undefined): { base?: number; head?: number } | undefined =>
    b === undefined && h === undefined ? undefined : { ...(b !== undefined ? { base: b } : {}), ...(h !== undefined ? { head: h } : {}) }
  const otherCpu = bySide(base.env.otherCpu, head.env.otherCpu)
  const steal = bySide(base.env.cpuSteal, head.env.cpuSteal)
  return { ...(otherCpu ? { otherCpu } : {}), ...(steal ? { steal } : {}) }
}

/** What adaptive sampling chose and why it stopped, from the head's record, and the level its looks were judged at. */
export function adaptiveNotes(head: RunResult, level?: TimingLevel): string[] {
  const a = head.env.adaptive
  if (!a) return []
  const extra = Object.entries(a.extraRounds).sort((x, y) => y[1] - x[1])
  // The last planned look is the round limit: the record says it, rather than this repeating the factor.
  const limit = a.looks?.at(-1)
  const why = { settled: 'every timing decision was settled', budget: 'the next round would not have fitted in the budget', 'max-rounds': `the round limit${limit === undefined ? '' : ` of ${limit} rounds`} was reached` }[a.stopped]
  const list = extra.slice(0, 5).map(([name, n]) => `${name} +${n}`).join(', ')
  return [
    `Adaptive sampling (time budget ${Math.round(a.budgetMs / 1000)}s${a.factor ? `: ${a.factor} x what ${head.env.count} rounds take at the first rounds' pace` : ''}, used ${Math.round(a.usedMs / 1000)}s): ${a.firstRounds} rounds for every benchmark, then ` +
      (extra.length === 0 ? 'no extra rounds' : `extra rounds for the ${extra.length} whose interval straddled the threshold (${list}${extra.length > 5 ? ', ...' : ''})`) +
      `; stopped because ${why}.` +
      looksText(a.looks, level)
  ]
}

function looksText(looks: number[] | undefined, level: TimingLevel | undefined): string {
  if (!looks) return ''
  const at = level ? `, the failing bound at ${level.fail.toPrecision(2)} (alpha split over the ${level.looks} looks, Bonferroni, as well as over the ${level.m} comparisons)` : ''
  return ` Judged after ${looks.join(', ')} rounds${at}.`
}

/** How base and head shared the timed rounds, when duet or shared pairing was asked for. */
export function pairingNotes(head: RunResult): string[] {
  const p = head.env.pairing
  if (!p) return []
  if (p.used === 'alternate') return [`${p.asked === 'shared' ? 'Shared' : p.asked === 'auto' ? 'Auto' : 'Duet'} pairing was asked for, but the timed rounds alternated base and head: ${p.why}.`]
  if (p.used === 'shared' && p.asked === 'auto') return [autoNote(p.cpu, p.alternated ?? [])]
  if (p.used === 'shared') return [`Timed rounds shared CPU ${p.cpu}: ${SHARED_HOW} Memory and profiled runs alternated.`]
  const [base, other] = p.cpus
  return [
    `Timed rounds ran as duets: base and head of each round started together, base pinned to CPU ${base.join(',')} and head to CPU ${other.join(',')} (taskset), GOMAXPROCS ${base.length} each; memory and profiled runs alternated.`
  ]
}

/** What a shared round is and what it means for the judging, in the notes of shared and auto pairing. */
const SHARED_HOW =
  "base and head of each round started together, both pinned to it (taskset) with GOMAXPROCS 1, so the scheduler interleaved them and both ran through the same moments of the machine. Time is judged on CPU time (cpu-ns/op) alone: each run's wall time included the other's turns, so ns/op and MB/s of those runs are left out, and so are their GC pauses (a pause is wall time too): the memory runs, which alternate, give those."

/** At most this many alternated benchmarks are named in the note; result.json has them all. */
const NAMED_ALTERNATES = 8

function autoNote(cpu: number, alternated: AlternatedBenchmark[]): string {
  const shared = `Timed rounds of the benchmarks that keep a CPU busy shared CPU ${cpu}: ${SHARED_HOW}`
  if (alternated.length === 0) return `${shared} Every benchmark did; memory and profiled runs alternated.`
  const why = (a: (typeof alternated)[number]): string =>
    a.why === 'waits'
      ? `on a CPU ${Math.round((a.cpuShare ?? 0) * 100)}% of its calibration run: it waits (a sleep, I/O, a lock), or the machine was busy`
      : 'no CPU time from its calibration run'
  const named = alternated.slice(0, NAMED_ALTERNATES).map((a) => `${a.benchmark} (${why(a)})`)
  const more = alternated.length > NAMED_ALTERNATES ? ` and ${alternated.length - NAMED_ALTERNATES} more` : ''
  return `${shared} ${alternated.length} alternated, judged on ns/op and cpu-ns/op as before: ${named.join(', ')}${more}.`
}
