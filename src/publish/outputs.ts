// Every output path checked before any work. The results directory holds what the run measures: when it
// cannot be written there is no point in running, so that is a usage error at once. A report sink that
// cannot be written is said at once too, but the run goes on: the other sinks and the verdict still
// reach the user, and the exit code says 2.
import { UsageError } from '../errors.js'
import { dirProblem } from './paths.js'
import { checkSinks, describeProblem, type Sink, type SinkProblem } from './sinks.js'

export interface CheckedOutputs {
  ready: Sink[]
  problems: SinkProblem[]
}

export async function checkOutputs(resultsDir: string | undefined, sinks: Sink[], resultsName = resultsDir): Promise<CheckedOutputs> {
  if (resultsDir !== undefined) {
    const problem = await dirProblem(resultsDir)
    if (problem !== undefined) throw new UsageError(describeProblem({ name: resultsName ?? resultsDir, problem }))
  }
  return checkSinks(sinks)
}
