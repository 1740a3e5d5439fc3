// The one git helper, on a real repository: commits, worktrees, and the zero-context diff attribution
// reads, with the module below the repository top.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IncompleteRunError } from '../../src/errors.js'
import { addWorktree, currentCommit, diffZeroContext, git, gitOrFail, listWorktrees, removeWorktree, repoTop, resolveCommit } from '../../src/git/git.js'
import { readSourceDiff } from '../../src/git/source-diff.js'
import { runProcess } from '../../src/go/process.js'
import { git as testGit } from '../helpers/fixture-repo.js'

let repo: string
let base: string
let head: string

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'glg-git-'))
  await mkdir(join(repo, 'mod'))
  await writeFile(join(repo, 'mod', 'a.go'), 'package a\n\nfunc A() {}\n')
  await testGit(repo, ['init', '-q'])
  await testGit(repo, ['add', '-A'])
  await testGit(repo, ['commit', '-qm', 'base'])
  base = await testGit(repo, ['rev-parse', 'HEAD'])
  await writeFile(join(repo, 'mod', 'a.go'), 'package a\n\n// A does nothing.\nfunc A() {}\n')
  await testGit(repo, ['commit', '-qam', 'head'])
  head = await testGit(repo, ['rev-parse', 'HEAD'])
})

afterAll(async () => {
  await rm(repo, { recursive: true, force: true })
})

describe('git helper', () => {
  it('finds the top, the current commit and a ref’s commit; undefined where there is none', async () => {
    expect(await repoTop(runProcess, join(repo, 'mod'))).toBe(repo)
    expect(await currentCommit(runProcess, join(repo, 'mod'))).toBe(head)
    expect(await resolveCommit(runProcess, repo, 'HEAD~1')).toBe(base)
    expect(await resolveCommit(runProcess, repo, 'no-such')).toBeUndefined()
    expect(await currentCommit(runProcess, tmpdir())).toBeUndefined()
  })

  it('diffs base against head or the working tree, with the module’s place below the top', async () => {
    const d = await diffZeroContext(runProcess, join(repo, 'mod'), base, head)
    expect(d?.prefix).toBe('mod/')
    expect(d?.text).toMatch(/^@@ -2,0 \+3 @@/m)
    await writeFile(join(repo, 'mod', 'a.go'), 'package a\n\n// A does nothing.\nfunc A() {}\n\nfunc B() {}\n')
    const diff = await readSourceDiff(runProcess, join(repo, 'mod'), base, 'worktree')
    expect(diff?.changedInHead('a.go', 3)).toBe(true)
    expect(diff?.changedInHead('a.go', 6)).toBe(true)
    expect(diff?.toHead('a.go', 3)).toBe(4)
    await testGit(repo, ['checkout', '--', '.'])
    expect(await readSourceDiff(runProcess, join(repo, 'mod'), 'f'.repeat(40), head)).toBeUndefined()
  })

  it('lists worktrees, marks those whose directory is gone, and removes one of them alone', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'glg-git-wt-'))
    await addWorktree(runProcess, repo, join(parent, 'one'), base)
    await addWorktree(runProcess, repo, join(parent, 'two'), base)
    await rm(join(parent, 'two'), { recursive: true, force: true })
    const listed = await listWorktrees(runProcess, repo)
    expect(listed.map((w) => [w.path, w.prunable])).toEqual([
      [repo, false],
      [join(parent, 'one'), false],
      [join(parent, 'two'), true]
    ])
    expect(listed[1].head).toBe(base)
    await removeWorktree(runProcess, repo, join(parent, 'two'))
    expect((await listWorktrees(runProcess, repo)).map((w) => w.path)).toEqual([repo, join(parent, 'one')])
    await removeWorktree(runProcess, repo, join(parent, 'one'))
    await rm(parent, { recursive: true, force: true })
  })

  it('fails with git’s own message, and says when git is missing', async () => {
    await expect(gitOrFail(runProcess, repo, ['rev-parse', '--verify', 'no-such'])).rejects.toMatchObject({ name: 'IncompleteRunError', detail: expect.stringMatching(/fatal/) })
    // A PATH with nothing on it: spawning git fails with ENOENT.
    const empty = await mkdtemp(join(tmpdir(), 'glg-nopath-'))
    const noGit = (spec: Parameters<typeof runProcess>[0]) => runProcess({ ...spec, env: { PATH: empty } })
    await expect(git(noGit, repo, ['status'])).rejects.toThrow(IncompleteRunError)
    await expect(git(noGit, repo, ['status'])).rejects.toThrow(/git is not on PATH/)
    await rm(empty, { recursive: true, force: true })
  })
})
