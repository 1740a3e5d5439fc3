// The words both reports use for a load job (markdown-load.ts, html/load.ts), so the comment and the
// page describe a job alike. Every piece of untrusted text (the package) goes through `code`, which
// each report gives its own escaping; the rest is our own words and numbers.
import type { LoadCurvePoint, LoadSideSummary } from '../model/report.js'
import { MISSING } from './format.js'

/** Request counts in full (1,000 rather than 1k): they are what the config asked for. */
export function requestCount(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : MISSING
}

/** What ran, in one line: the service, the traffic, the rounds, the leak profile, the time taken. */
export function describeLoadSide(r: LoadSideSummary, code: (untrusted: string) => string): string {
  const s = r.service
  const what = s.package !== undefined ? `${code(s.package)} built${s.race ? ' with -race' : ''}` : 'a start command'
  const traffic = r.traffic.kind === 'embedded' ? `embedded generator, ${r.traffic.concurrency ?? '?'} connections${r.traffic.rate ? `, ${r.traffic.rate}/s` : ''}` : 'a run: command'
  const rounds = r.rounds
  const per = rounds[0]?.requests
  const shape = `${rounds.length} ${rounds.length === 1 ? 'round' : 'rounds'}${per !== null && per !== undefined ? ` of ${requestCount(per)} requests` : ''}`
  return [what, traffic, shape, `goroutineleak profile ${s.leakProfile ? 'on' : 'off'}`, `${(r.wallMs / 1000).toFixed(1)}s`].join(' · ')
}

export function snapshotLabel(s: LoadCurvePoint): string {
  return s.phase === 'ready' ? 'ready' : s.phase === 'warmup' ? 'warm-up' : `round ${s.round}`
}

/** The base snapshot taken at the same point of the job as `s` (head's), when the base has one. */
export function sameSnapshot(base: LoadSideSummary | undefined, s: LoadCurvePoint): LoadCurvePoint | undefined {
  return base?.snapshots.find((x) => x.phase === s.phase && x.round === s.round)
}

export const GROWTH_NAMES = { goroutines: 'Goroutines', heap: 'Live heap', fds: 'Descriptors' } as const
