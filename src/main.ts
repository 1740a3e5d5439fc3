import { getSettings, Outputs } from './config/inputs.js'
import { aggregateMode } from './action/aggregate-mode.js'
import { commentMode } from './action/comment-mode.js'
import { readContext } from './action/context.js'
import { gateMode } from './action/gate-mode.js'
import { defaultIO, type ActionIO } from './action/io.js'
import { recordMode } from './action/record-mode.js'
import { describeError } from './errors.js'
import { exitCodeForError } from './exit.js'

export type { ActionIO } from './action/io.js'
export { defaultIO } from './action/io.js'

/**
 * The action: settings -> the mode's pipeline. gate: baseline (same-runner, stored, auto, a path) -> gate ->
 * publish (files, artifacts, summary, annotations, comment, outputs); record: measure -> upload the baseline;
 * comment: the triggering run's report -> its pull request; aggregate: the shards of this run -> one verdict.
 */
export async function run(io: ActionIO = defaultIO()): Promise<number> {
  try {
    const settings = await getSettings(io.getInput, io.workspace, io.tempDir)
    const ctx = readContext(io.env, io.event)
    switch (settings.github.mode) {
      case 'gate':
        return await gateMode(io, settings, ctx)
      case 'record':
        return await recordMode(io, settings, ctx)
      case 'comment':
        return await commentMode(io, settings, ctx)
      case 'aggregate':
        return await aggregateMode(io, settings, ctx)
    }
  } catch (err) {
    io.setOutput(Outputs.Verdict, 'error')
    io.setFailed(`go-leak-gate: ${describeError(err, io.debug)}`)
    return exitCodeForError(err)
  }
}
