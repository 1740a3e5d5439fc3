import { resolve } from 'node:path'
import { UsageError } from '../errors.js'
import { buildConfig, parseDuration, readConfigFile, toFraction, type FileConfig } from './load.js'
import type { Config } from './types.js'

/** The action's inputs, named as in action.yml; kept in one place so the two cannot drift apart. */
export const Inputs = {
  WorkingDirectory: 'working-directory',
  Packages: 'packages',
  Bench: 'bench',
  Count: 'count',
  Benchtime: 'benchtime',
  Timeout: 'timeout',
  Race: 'race',
  Tests: 'tests',
  TestRun: 'test-run',
  TestTimeout: 'test-timeout',
  Config: 'config',
  BaseRef: 'base-ref',
  OutDir: 'out-dir',
  TimeThreshold: 'time-threshold',
  AllocsThreshold: 'allocs-threshold',
  BytesThreshold: 'bytes-threshold',
  RetainedThreshold: 'retained-threshold'
} as const

export const Outputs = {
  Verdict: 'verdict',
  ReportJson: 'report-json',
  ReportMarkdown: 'report-markdown',
  Failures: 'failures',
  Warnings: 'warnings',
  Regressions: 'regressions',
  HeapLeaks: 'heap-leaks',
  GcPauses: 'gc-pauses',
  BenchFailures: 'bench-failures',
  Races: 'races',
  GoroutineLeaks: 'goroutine-leaks',
  Hangs: 'hangs',
  Panics: 'panics',
  BuildFailures: 'build-failures',
  CommentUrl: 'comment-url'
} as const

export type GetInput = (name: string) => string

export interface ActionSettings {
  config: Config
  /** Empty when the input was not given: the caller falls back to the pull request's base commit. */
  baseRef: string
  outDir: string
}

function percent(get: GetInput, name: string): number | undefined {
  const v = get(name).trim()
  if (v === '') return undefined
  if (!/^[0-9]+(\.[0-9]+)?%?$/.test(v)) throw new UsageError(`input '${name}' must be a percentage like '10%' (got '${v}')`)
  return v.endsWith('%') ? toFraction(v, 0) : Number(v) / 100
}

function bool(get: GetInput, name: string): boolean | undefined {
  const v = get(name).trim().toLowerCase()
  if (v === '') return undefined
  if (v === 'true') return true
  if (v === 'false') return false
  throw new UsageError(`input '${name}' must be 'true' or 'false' (got '${v}')`)
}

function count(get: GetInput): number | undefined {
  const v = get(Inputs.Count).trim()
  if (v === '') return undefined
  if (!/^[1-9][0-9]*$/.test(v)) throw new UsageError(`input 'count' must be a whole number of at least 1, like '10' (got '${v}')`)
  return Number(v)
}

function benchtime(get: GetInput): string | undefined {
  const v = get(Inputs.Benchtime).trim()
  if (v === '') return undefined
  if (!/^([0-9]+x|[0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))$/.test(v)) {
    throw new UsageError(`input 'benchtime' must be like '1s', '200ms' or '1000x' (got '${v}')`)
  }
  return v
}

/** Thresholds given as inputs override the config file's. */
function withThresholdInputs(file: FileConfig, get: GetInput): FileConfig {
  const t = { ...file.thresholds }
  const time = percent(get, Inputs.TimeThreshold)
  if (time !== undefined) t.time = { relative: time }
  const allocs = percent(get, Inputs.AllocsThreshold)
  if (allocs !== undefined) t.allocsPerOp = { ...t.allocsPerOp, relative: allocs }
  const bytes = percent(get, Inputs.BytesThreshold)
  if (bytes !== undefined) t.bytesPerOp = { ...t.bytesPerOp, relative: bytes }
  const retained = percent(get, Inputs.RetainedThreshold)
  if (retained !== undefined) t.retainedBytesPerOp = { ...t.retainedBytesPerOp, relative: retained }
  return { ...file, thresholds: t }
}

/** Reads every input once, when called, and builds the one validated Config. */
export async function getSettings(get: GetInput, workspace: string, tempDir: string): Promise<ActionSettings> {
  const dir = resolve(workspace, get(Inputs.WorkingDirectory).trim() || '.')
  const configPath = get(Inputs.Config).trim() || undefined
  const { file } = await readConfigFile(configPath ? resolve(workspace, configPath) : undefined, dir)
  const packages = get(Inputs.Packages).split(/[\s,]+/).filter(Boolean)
  const timeout = get(Inputs.Timeout).trim()
  const testTimeout = get(Inputs.TestTimeout).trim()
  const config = buildConfig(
    dir,
    withThresholdInputs(file, get),
    {
      packages: packages.length ? packages : undefined,
      bench: get(Inputs.Bench).trim() || undefined,
      count: count(get),
      benchtime: benchtime(get),
      timeoutMs: timeout ? parseDuration(timeout, `input 'timeout'`) : undefined
    },
    {
      enabled: bool(get, Inputs.Tests),
      race: bool(get, Inputs.Race),
      run: get(Inputs.TestRun).trim() || undefined,
      timeoutMs: testTimeout ? parseDuration(testTimeout, `input 'test-timeout'`) : undefined
    }
  )
  const outDir = resolve(workspace, get(Inputs.OutDir).trim() || resolve(tempDir, 'go-leak-gate'))
  return { config, baseRef: get(Inputs.BaseRef).trim(), outDir }
}
