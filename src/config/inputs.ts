import { resolve } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { readConfigFile, resolveConfig } from './load.js'
import { ACTION_INPUTS, NON_OPTION_INPUTS, OPTIONS, OptionValues, type ActionInput, type Option } from './options.js'
import type { Config } from './types.js'
import { readText } from './values.js'

/** The action's inputs that are not options of the run (those come from the option table). */
export const Inputs = {
  WorkingDirectory: 'working-directory',
  Config: 'config',
  BaseRef: 'base-ref',
  OutDir: 'out-dir'
} as const satisfies Record<string, (typeof NON_OPTION_INPUTS)[number]>

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
  FdLeaks: 'fd-leaks',
  Hangs: 'hangs',
  Panics: 'panics',
  BuildFailures: 'build-failures',
  CommentUrl: 'comment-url',
  Baseline: 'baseline',
  HtmlReport: 'html-report'
} as const

export type GetInput = (name: string) => string

/** The action-only inputs (options.ts: ACTION_INPUTS), parsed. */
export type GitHubSettings = { -readonly [K in keyof typeof ACTION_INPUTS]: (typeof ACTION_INPUTS)[K] extends ActionInput<infer T> ? T : never }

export interface ActionSettings {
  config: Config
  /** Empty when the input was not given: the caller falls back to the pull request's base commit. */
  baseRef: string
  outDir: string
  github: GitHubSettings
}

/** Every name an option is read from as an input, the canonical one first. */
export function inputNames(option: Option<unknown>): string[] {
  return option.name && !option.noInput ? [option.name, ...(option.aliases?.inputs ?? [])] : []
}

/**
 * The inputs given, parsed by each option's kind. The runner fills every input with its action.yml default,
 * so a value equal to the option's default is taken as not given, and the config file's value stands.
 */
export function inputValues(get: GetInput): OptionValues {
  const layer = new OptionValues()
  for (const { option } of OPTIONS) {
    for (const name of inputNames(option)) {
      const raw = get(name).trim()
      if (raw === '') continue
      const value = readText(option.kind, raw, { kind: 'input', name })
      if (isDeepStrictEqual(value, option.default)) continue
      layer.set(option, value)
      break
    }
  }
  return layer
}

/**
 * The action-only inputs. Empty means empty where the kind allows it (no token: no GitHub calls), else the
 * default (a local runner that passes no inputs); a malformed one is a usage error naming it.
 */
export function actionInputValues(get: GetInput): GitHubSettings {
  const out: Record<string, unknown> = {}
  for (const [field, spec] of Object.entries(ACTION_INPUTS) as [string, ActionInput<unknown>][]) {
    const raw = get(spec.name)
    const empty = raw.trim() === '' ? spec.kind.fromText('') : undefined
    if (empty !== undefined) out[field] = empty.ok ? empty.value : spec.default
    else out[field] = readText(spec.kind, raw, { kind: 'input', name: spec.name })
  }
  // One value per entry of ACTION_INPUTS, each parsed by that entry's kind.
  return out as GitHubSettings
}

/** Reads every input once, when called, and builds the one validated Config. */
export async function getSettings(get: GetInput, workspace: string, tempDir: string): Promise<ActionSettings> {
  const dir = resolve(workspace, get(Inputs.WorkingDirectory).trim() || '.')
  const configPath = get(Inputs.Config).trim() || undefined
  const overrides = inputValues(get)
  const { file } = await readConfigFile(configPath ? resolve(workspace, configPath) : undefined, dir)
  const config = resolveConfig(dir, [file.values, overrides])
  const outDir = resolve(workspace, get(Inputs.OutDir).trim() || resolve(tempDir, 'go-leak-gate'))
  return { config, baseRef: get(Inputs.BaseRef).trim(), outDir, github: actionInputValues(get) }
}
