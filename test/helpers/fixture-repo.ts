import { execFile } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { FIXTURES_DIR, makeFixtureRepo as makeRepo, readHeadDelete } from '../../src/fixture-repo.js'
import { runProcess } from '../../src/go/process.js'

export { readHeadDelete }

const exec = promisify(execFile)

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const fixturesRoot = FIXTURES_DIR.replace(/\/$/, '')

export interface FixtureRepo {
  dir: string
  baseSha: string
  headSha: string
  cleanup(): Promise<void>
}

/** Runs git in dir with a fixed identity (for tests that inspect the fixture repositories). */
export async function git(dir: string, args: string[]): Promise<string> {
  const { stdout } = await exec('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', ...args], { cwd: dir, maxBuffer: 16 << 20 })
  return stdout.trim()
}

/** Paths of every file under dir, relative to dir, with forward slashes, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort()
}

/** The fixture as a two-commit repository in a fresh temporary directory. */
export async function makeFixtureRepo(name: string, opts: { root?: string } = {}): Promise<FixtureRepo> {
  const dir = await mkdtemp(join(opts.root ?? tmpdir(), `glg-${name}-`))
  const cleanup = () => rm(dir, { recursive: true, force: true })
  try {
    return { ...(await makeRepo(runProcess, name, dir)), cleanup }
  } catch (err) {
    await cleanup()
    throw err
  }
}

/** Checks out sha into a new detached worktree at dir (which must not exist yet). */
export async function addWorktree(repoDir: string, sha: string, dir: string): Promise<void> {
  await git(repoDir, ['worktree', 'add', '--quiet', '--detach', dir, sha])
}
