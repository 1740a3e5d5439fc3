// The publish stage: one report, many sinks (report.json, markdown, the terminal, the job summary, the
// action's outputs; next a PR comment, annotations, an HTML report). Every sink is checked before any
// work, and written on its own: one that fails never keeps the others or the verdict from the user.
import { errorMessage } from '../errors.js'
import type { Report } from '../model/report.js'

export interface Sink {
  /** What the user named, for messages: `--json report.json`, `the job summary`. */
  name: string
  /** Why it cannot be written, found before any work; undefined when it can. */
  check?(): Promise<string | undefined>
  write(report: Report): Promise<void>
}

export interface SinkProblem {
  name: string
  problem: string
}

export function describeProblem(p: SinkProblem): string {
  return `cannot write ${p.name}: ${p.problem}`
}

/** The sinks that can be written, and what is wrong with the others. */
export async function checkSinks(sinks: Sink[]): Promise<{ ready: Sink[]; problems: SinkProblem[] }> {
  const ready: Sink[] = []
  const problems: SinkProblem[] = []
  for (const sink of sinks) {
    const problem = await sink.check?.()
    if (problem === undefined) ready.push(sink)
    else problems.push({ name: sink.name, problem })
  }
  return { ready, problems }
}

/** Writes the report to every sink, in order; returns those that failed. */
export async function publish(report: Report, sinks: Sink[]): Promise<SinkProblem[]> {
  const problems: SinkProblem[] = []
  for (const sink of sinks) {
    try {
      await sink.write(report)
    } catch (err) {
      problems.push({ name: sink.name, problem: errorMessage(err) })
    }
  }
  return problems
}
