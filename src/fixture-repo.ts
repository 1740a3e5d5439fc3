import { cp, mkdir, readFile, rm } from 'node:fs/promises'
import { join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { IncompleteRunError } from './errors.js'
import { gitOrFail } from './git/git.js'
import type { Runner } from './go/process.js'

/** fixtures/ of this package, from src/ (tests, tsx) and from dist/ (the bundle) alike. */
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url))

export interface FixtureRepo {
  /** Work tree, checked out at the head commit. */
  dir: string
  baseSha: string
  headSha: string
}

// Fixed identity and dates and no signing (git.ts adds no hooks): the same fixture always gives the same
// commit ids, whatever the user's git config says.
const GIT_CONFIG = [
  '-c', 'user.name=go-leak-gate fixtures',
  '-c', 'user.email=fixtures@go-leak-gate.invalid',
  '-c', 'commit.gpgsign=false',
  '-c', 'init.defaultBranch=main'
]
const BASE_DATE = '2024-01-01T00:00:00Z'
const HEAD_DATE = '2024-01-02T00:00:00Z'

function git(run: Runner, cwd: string, args: string[], date: string): Promise<string> {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }
  return gitOrFail(run, cwd, [...GIT_CONFIG, ...args], { env, timeoutMs: 60_000 })
}

/** Files the head removes: fixtures/NAME/head.delete, one module-relative path a line, '#' comments. */
export async function readHeadDelete(name: string): Promise<string[]> {
  const text = await readFile(join(FIXTURES_DIR, name, 'head.delete'), 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return ''
    throw err
  })
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
}

function insideTree(root: string, path: string): string {
  const full = normalize(join(root, path))
  if (!full.startsWith(root + sep)) throw new IncompleteRunError(`head.delete entry escapes the module: ${path}`)
  return full
}

/**
 * A git repository with two commits: fixtures/NAME/base, then the head overlay on top of it (files from
 * fixtures/NAME/head copied over, files listed in head.delete removed). dest must be empty or absent.
 */
export async function makeFixtureRepo(run: Runner, name: string, dest: string): Promise<FixtureRepo> {
  const src = join(FIXTURES_DIR, name)
  await mkdir(dest, { recursive: true })
  await cp(join(src, 'base'), dest, { recursive: true })
  await git(run, dest, ['init', '--quiet'], BASE_DATE)
  await git(run, dest, ['add', '--all'], BASE_DATE)
  await git(run, dest, ['commit', '--quiet', '--message', `${name}: base`], BASE_DATE)
  const baseSha = await git(run, dest, ['rev-parse', 'HEAD'], BASE_DATE)
  await cp(join(src, 'head'), dest, { recursive: true })
  for (const path of await readHeadDelete(name)) await rm(insideTree(dest, path))
  await git(run, dest, ['add', '--all'], HEAD_DATE)
  await git(run, dest, ['commit', '--quiet', '--message', `${name}: head`], HEAD_DATE)
  const headSha = await git(run, dest, ['rev-parse', 'HEAD'], HEAD_DATE)
  return { dir: dest, baseSha, headSha }
}
