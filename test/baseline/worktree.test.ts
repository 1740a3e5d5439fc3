// The same-runner baseline: the base commit in a temporary worktree, registered in the user's repository
// only as long as the gate needs it, and removed by the next run when a killed gate left it.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkoutBase, worktreeBaseline } from '../../src/baseline/worktree.js'
import { UsageError } from '../../src/errors.js'
import { addWorktree, listWorktrees } from '../../src/git/git.js'
import { runProcess } from '../../src/go/process.js'
import { git } from '../helpers/fixture-repo.js'

let repo: string
let base: string

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'glg-wt-'))
  await mkdir(join(repo, 'svc'))
  await writeFile(join(repo, 'svc', 'go.mod'), 'module example.com/svc\n\ngo 1.21\n')
  await git(repo, ['init', '-q'])
  await git(repo, ['add', '-A'])
  await git(repo, ['commit', '-qm', 'base'])
  base = await git(repo, ['rev-parse', 'HEAD'])
  await writeFile(join(repo, 'svc', 'new.go'), 'package svc\n')
  await git(repo, ['add', '-A'])
  await git(repo, ['commit', '-qm', 'head'])
})

afterAll(async () => {
  await rm(repo, { recursive: true, force: true })
})

const trees = async () => (await listWorktrees(runProcess, repo)).map((w) => w.path)

describe('the worktree baseline', () => {
  it('checks the base out beside the repository, at the module’s directory inside it, and release removes it all', async () => {
    const b = await worktreeBaseline(join(repo, 'svc'), 'HEAD~1').obtain(runProcess)
    expect(b.kind).toBe('tree')
    if (b.kind !== 'tree') return
    expect(b.tree).toMatchObject({ label: 'base', commit: base })
    expect(basename(b.tree.moduleDir)).toBe('svc')
    expect(existsSync(join(b.tree.moduleDir, 'go.mod'))).toBe(true)
    expect(existsSync(join(b.tree.moduleDir, 'new.go'))).toBe(false)
    expect(await trees()).toHaveLength(2)
    await b.release()
    expect(await trees()).toEqual([repo])
    expect(existsSync(dirname(dirname(b.tree.moduleDir)))).toBe(false)
  })

  it('refuses a ref the repository does not have, saying how CI gets it', async () => {
    await expect(checkoutBase(runProcess, repo, 'no-such-ref')).rejects.toThrow(UsageError)
    await expect(checkoutBase(runProcess, repo, 'no-such-ref')).rejects.toThrow(/fetch-depth: 0/)
  })

  it('removes our worktrees whose owner is gone, before adding its own, and leaves others alone', async () => {
    // A dead owner: a process that has exited.
    const dead = spawn('true')
    await new Promise((res) => dead.on('close', res))
    const abandoned = await mkdtemp(join(tmpdir(), 'glg-base-'))
    await writeFile(join(abandoned, '.go-leak-gate-owner'), `${dead.pid}\n`)
    await addWorktree(runProcess, repo, join(abandoned, 'base'), base)
    const gone = join(await mkdtemp(join(tmpdir(), 'glg-base-')), 'base')
    await addWorktree(runProcess, repo, gone, base)
    await rm(dirname(gone), { recursive: true, force: true })
    const users = await mkdtemp(join(tmpdir(), 'users-tree-'))
    await addWorktree(runProcess, repo, join(users, 'base'), base)

    const log: string[] = []
    const b = await checkoutBase(runProcess, repo, base, (l) => log.push(l))
    expect(log.map((l) => l.replace(/^removed the worktree (\S+),.*$/, '$1')).sort()).toEqual([join(abandoned, 'base'), gone].sort())
    expect(await trees()).toHaveLength(3)
    await b.release()
    expect(await trees()).toEqual([repo, join(users, 'base')])
    await rm(users, { recursive: true, force: true })
    await rm(abandoned, { recursive: true, force: true })
  })
})
