import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_COMPARE } from './config/defaults.js'
import type { Config } from './config/types.js'
import { writeOutput } from './engine/outputs.js'
import { gate } from './engine/pipeline.js'
import { RunError } from './errors.js'
import type { Runner } from './go/process.js'
import type { BenchDeps } from './jobs/bench.js'
import type { Report } from './model/report.js'
import { renderMarkdown } from './report/markdown.js'

/** fixtures/ of this package, from src/ (tests, tsx) and from dist/ (the bundle) alike. */
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url))

export interface FixtureRepo {
  dir: string
  baseSha: string
  headSha: string
}

async function git(run: Runner, cwd: string, args: string[]): Promise<string> {
  const r = await run({
    argv: ['git', '-c', 'user.name=go-leak-gate', '-c', 'user.email=demo@go-leak-gate.invalid', '-c', 'commit.gpgsign=false', ...args],
    cwd,
    timeoutMs: 60_000
  })
  if (r.code !== 0) throw new RunError(`git ${args.join(' ')} failed in ${cwd}`, r.stderr)
  return r.stdout.trim()
}

/**
 * Builds a git repository from a fixture: fixtures/NAME/base is committed first, then the files in
 * fixtures/NAME/head are copied over it (and those listed in head.delete removed) and committed.
 */
export async function makeFixtureRepo(run: Runner, fixture: string, dest: string): Promise<FixtureRepo> {
  const src = join(FIXTURES_DIR, fixture)
  await mkdir(dest, { recursive: true })
  await cp(join(src, 'base'), dest, { recursive: true })
  await git(run, dest, ['init', '-q', '-b', 'main'])
  await git(run, dest, ['add', '-A'])
  await git(run, dest, ['commit', '-q', '-m', 'base'])
  const baseSha = await git(run, dest, ['rev-parse', 'HEAD'])
  await cp(join(src, 'head'), dest, { recursive: true })
  const deletions = await readFile(join(src, 'head.delete'), 'utf8').catch(() => '')
  for (const rel of deletions.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))) {
    await rm(join(dest, rel), { recursive: true, force: true })
  }
  await git(run, dest, ['add', '-A'])
  await git(run, dest, ['commit', '-q', '-m', 'head'])
  const headSha = await git(run, dest, ['rev-parse', 'HEAD'])
  return { dir: dest, baseSha, headSha }
}

export async function runDemo(deps: BenchDeps, outDir?: string): Promise<{ report: Report; markdownPath: string }> {
  const work = outDir ?? (await mkdtemp(join(tmpdir(), 'go-leak-gate-demo-')))
  const repoDir = join(work, 'repo')
  await rm(repoDir, { recursive: true, force: true })
  deps.log(`building the demo repository in ${repoDir}`)
  const repo = await makeFixtureRepo(deps.run, 'demo', repoDir)
  const config: Config = {
    // Enough runs per side for the Mann-Whitney test to reach significance after the
    // multiple-comparison control, short enough to finish in well under a minute.
    run: { dir: repo.dir, packages: ['./...'], bench: '.', count: 8, benchtime: '100ms', timeoutMs: 120_000, race: false },
    compare: DEFAULT_COMPARE
  }
  const { report } = await gate(deps, config, repo.baseSha, join(work, 'results'))
  const markdownPath = join(work, 'report.md')
  await writeOutput(markdownPath, renderMarkdown(report))
  await writeOutput(join(work, 'report.json'), JSON.stringify(report, null, 2) + '\n')
  return { report, markdownPath }
}
