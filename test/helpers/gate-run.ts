// The gate on a fixture's base and head, with real Go, recording every process it starts (argv,
// environment, when it started and ended): for the tests of how timed rounds pair up.
import { join } from 'node:path'
import { rm } from 'node:fs/promises'
import { DEFAULT_COMPARE, DEFAULT_LOAD, DEFAULT_RUN, DEFAULT_TESTS } from '../../src/config/defaults.js'
import type { Config } from '../../src/config/types.js'
import { worktreeBaseline } from '../../src/baseline/worktree.js'
import { gate, type GateOutcome } from '../../src/pipeline/gate.js'
import { runProcess, type Runner } from '../../src/go/process.js'
import { probeToolchain } from '../../src/go/toolchain.js'
import { makeFixtureRepo } from './fixture-repo.js'

export interface StartedProcess {
  argv: string[]
  env: NodeJS.ProcessEnv | undefined
  start: number
  end: number
}

export interface RecordedGate {
  outcome: GateOutcome
  outDir: string
  started: StartedProcess[]
  cleanup(): Promise<void>
}

/** Runs the gate on `fixture` (tests off) with `run` over the defaults; cleanup removes the repository and the output. */
export async function recordedGate(fixture: string, run: Partial<Config['run']>): Promise<RecordedGate> {
  const repo = await makeFixtureRepo(fixture)
  const outDir = join(repo.dir, '..', `${repo.dir.split('/').pop()}-out`)
  const cleanup = async (): Promise<void> => {
    await repo.cleanup()
    await rm(outDir, { recursive: true, force: true })
  }
  const started: StartedProcess[] = []
  const recording: Runner = async (spec) => {
    const start = performance.now()
    const r = await runProcess(spec)
    started.push({ argv: spec.argv, env: spec.env, start, end: performance.now() })
    return r
  }
  const config: Config = { run: { ...DEFAULT_RUN, dir: repo.dir, ...run }, compare: DEFAULT_COMPARE, tests: { ...DEFAULT_TESTS, enabled: false }, load: DEFAULT_LOAD }
  try {
    const outcome = await gate({ run: recording, toolchain: await probeToolchain(runProcess), log: () => {} }, config, worktreeBaseline(repo.dir, repo.baseSha), outDir)
    return { outcome, outDir, started, cleanup }
  } catch (err) {
    await cleanup()
    throw err
  }
}
