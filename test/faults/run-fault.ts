// Runs one row of the fault table for real: makes what the user had (a fixture repository, a file, result
// directories), starts the CLI bundle as the user would, stops it with a signal when the row says so, and
// collects what a check needs: the exit, both streams, the files written, and what was left behind.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runProcess } from '../../src/go/process.js'
import type { Report } from '../../src/model/report.js'
import type { RunResult } from '../../src/model/result.js'
import { SCRATCH_PREFIX } from '../../src/scratch.js'
import { bench, repeat, result } from '../compare/build-result.js'
import { cli, startCli } from '../helpers/cli.js'
import { git, makeFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js'
import type { Run, StoredKind } from './faults.js'

export interface Outcome {
  code: number | null
  stdout: string
  stderr: string
  /** The placeholders' values in this run: {repo}, {base}, {out}, {file}, {stored}. */
  values: Record<string, string>
  report?: Report
  results: { base?: RunResult; head?: RunResult }
  reportMarkdown?: string
  /** The processes the CLI had started, alive when the signal was sent. */
  aliveAtSignal: string[]
  /** What is left once it exited: processes, scratch directories in its TMPDIR, extra worktrees. */
  left: { processes: string[]; scratch: string[]; worktrees: string[] }
}

const TIMEOUT_MS = 240_000

/** Lines of `ps` that name a path under one of the run's directories. */
async function processesUnder(dirs: string[]): Promise<string[]> {
  const ps = await runProcess({ argv: ['ps', '-eo', 'pid=,args='], cwd: tmpdir() })
  return ps.stdout.split('\n').filter((l) => dirs.some((d) => l.includes(d)))
}

/** Processes die a moment after their group is killed: wait for them before calling them left. */
async function processesLeft(dirs: string[]): Promise<string[]> {
  let left = await processesUnder(dirs)
  for (let i = 0; i < 30 && left.length > 0; i++) {
    await new Promise((r) => setTimeout(r, 100))
    left = await processesUnder(dirs)
  }
  return left
}

/** A PATH with git and nothing else on it. */
async function gitOnlyPath(work: string): Promise<string> {
  const bin = join(work, 'git-only-bin')
  await mkdir(bin)
  await symlink(execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim(), join(bin, 'git'))
  return bin
}

const CORRUPT_GZIP = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3])

async function writeStored(dir: string, kind: StoredKind): Promise<void> {
  for (const [side, allocs] of [['base', 1], ['head', 2]] as const) {
    const r = result({ 'example.com/m/p': [bench('BenchmarkA', repeat(6, () => ({ allocs })))] })
    const runs = r.packages[0].benchmarks[0].runs
    if (kind === 'no-profiles') for (const run of runs) delete run.heap
    if (side === 'head' && kind === 'version-1') (r as { schemaVersion: number }).schemaVersion = 1
    await mkdir(join(dir, side, 'profiles'), { recursive: true })
    const text = JSON.stringify(r, null, 2)
    await writeFile(join(dir, side, 'result.json'), side === 'head' && kind === 'truncated' ? text.slice(0, text.length / 2) : text)
    if (kind === 'corrupt-profiles') for (const run of runs) if (run.heap) await writeFile(join(dir, side, run.heap.profile), CORRUPT_GZIP)
  }
}

async function readJson<T>(path: string): Promise<T | undefined> {
  return existsSync(path) ? (JSON.parse(await readFile(path, 'utf8')) as T) : undefined
}

function fill(arg: string, values: Record<string, string>): string {
  return arg.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole)
}

async function execute(run: Run, argv: string[], cwd: string, env: NodeJS.ProcessEnv, watched: string[]): Promise<Pick<Outcome, 'code' | 'stdout' | 'stderr' | 'aliveAtSignal'>> {
  if (!run.signal) {
    const r = await cli(argv, { cwd, env, timeoutMs: TIMEOUT_MS })
    if (r.timedOut) throw new Error(`go-leak-gate ${argv.join(' ')} did not return within ${TIMEOUT_MS} ms`)
    return { code: r.code, stdout: r.stdout, stderr: r.stderr, aliveAtSignal: [] }
  }
  const started = startCli(argv, { cwd, env })
  await started.waitFor(new RegExp(run.signal.after), TIMEOUT_MS)
  await new Promise((r) => setTimeout(r, run.signal?.delayMs))
  // The CLI itself names the directories too: what counts is what it started.
  const aliveAtSignal = (await processesUnder(watched)).filter((l) => !l.trim().startsWith(`${started.child.pid} `))
  started.child.kill(run.signal.name)
  const stuck = setTimeout(() => started.child.kill('SIGKILL'), 30_000)
  const { code } = await started.exited
  clearTimeout(stuck)
  return { code, stdout: '', stderr: started.stderr(), aliveAtSignal }
}

/** Runs `run` in fresh directories and removes them afterwards; what it left is in the outcome. */
export async function runFault(run: Run): Promise<Outcome> {
  const work = await mkdtemp(join(tmpdir(), 'glg-faults-'))
  // The gate's scratch directories and base worktree go to TMPDIR: a fresh one shows exactly what it left.
  const scratchRoot = await mkdtemp(join(tmpdir(), 'faults-tmp-'))
  let repo: FixtureRepo | undefined
  try {
    const values: Record<string, string> = { out: join(work, 'out'), stored: join(work, 'stored') }
    if (run.fixture) {
      repo = await makeFixtureRepo(run.fixture, { root: work })
      values.repo = repo.dir
      values.base = repo.baseSha
    }
    if (run.file) {
      values.file = join(work, run.file.name)
      await writeFile(values.file, run.file.bytes ? Buffer.from(run.file.bytes) : (run.file.text ?? ''))
    }
    if (run.stored) await writeStored(values.stored, run.stored)
    const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: scratchRoot, ...(run.path === 'no-go' ? { PATH: await gitOnlyPath(work) } : {}) }
    const argv = run.args.map((a) => fill(a, values))
    const watched = [scratchRoot, work]
    const ran = await execute(run, argv, work, env, watched)
    const worktrees = repo ? (await git(repo.dir, ['worktree', 'list', '--porcelain'])).split('\n').filter((l) => l.startsWith('worktree ')).map((l) => l.slice(9)) : []
    return {
      ...ran,
      values,
      report: await readJson<Report>(join(values.out, 'report.json')),
      results: { base: await readJson<RunResult>(join(values.out, 'base', 'result.json')), head: await readJson<RunResult>(join(values.out, 'head', 'result.json')) },
      reportMarkdown: existsSync(join(values.out, 'report.md')) ? await readFile(join(values.out, 'report.md'), 'utf8') : undefined,
      left: {
        processes: await processesLeft(watched),
        scratch: (await readdir(scratchRoot)).filter((n) => n.startsWith(SCRATCH_PREFIX)),
        worktrees: worktrees.filter((w) => w !== repo?.dir)
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true })
    await rm(scratchRoot, { recursive: true, force: true })
  }
}
