// A gate stopped mid-run takes away what it made: its child processes, the base worktree with its
// registration in the user's repository, and its scratch directories (test binaries, overlays). A gate
// killed outright (SIGKILL) cannot; the next run removes what it left and works as usual.
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runProcess } from '../../src/go/process.js'
import { SCRATCH_PREFIX } from '../../src/scratch.js'
import { cli, startCli } from '../helpers/cli.js'
import { git, makeFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js'

let work: string
let demo: FixtureRepo
let scratchRoot: string
let env: NodeJS.ProcessEnv

// Enough rounds that the signal lands among them, each run short.
const LONG = ['--count', '200', '--benchtime', '10x', '--no-tests']

async function worktrees(): Promise<string[]> {
  const text = await git(demo.dir, ['worktree', 'list', '--porcelain'])
  return text.split('\n').filter((l) => l.startsWith('worktree ')).map((l) => l.slice('worktree '.length))
}

async function scratchLeft(): Promise<string[]> {
  return (await readdir(scratchRoot)).filter((n) => n.startsWith(SCRATCH_PREFIX))
}

async function processesUnder(dir: string): Promise<string[]> {
  const ps = await runProcess({ argv: ['ps', '-eo', 'pid=,args='], cwd: work })
  return ps.stdout.split('\n').filter((l) => l.includes(dir))
}

function gateArgs(out: string, extra: string[]): string[] {
  return ['gate', '--dir', demo.dir, '--base-ref', demo.baseSha, '--out', join(work, out), '--stress-budget', 'off', ...extra]
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'glg-stop-'))
  demo = await makeFixtureRepo('demo')
  // The gate's scratch directories go to TMPDIR: a fresh one shows exactly what it left.
  scratchRoot = await mkdtemp(join(tmpdir(), 'stop-tmp-'))
  env = { ...process.env, TMPDIR: scratchRoot }
})

afterAll(async () => {
  await demo?.cleanup()
  await rm(work, { recursive: true, force: true })
  await rm(scratchRoot, { recursive: true, force: true })
})

describe('a stopped gate', () => {
  it('on SIGTERM during the benchmark rounds removes the base worktree, its registration and its scratch directories', async () => {
    const gate = startCli(gateArgs('out-term', LONG), { cwd: work, env })
    await gate.waitFor(/round 2\//, 240_000)
    expect(await worktrees()).toHaveLength(2)
    expect((await scratchLeft()).length).toBeGreaterThan(0)
    gate.child.kill('SIGTERM')
    const { code } = await gate.exited
    expect(code).toBe(143)
    expect(await worktrees()).toEqual([demo.dir])
    expect(await scratchLeft()).toEqual([])
    expect(await processesUnder(scratchRoot)).toEqual([])
  }, 300_000)

  it('after a SIGKILL, which cannot clean, the next run removes what was left and completes', async () => {
    const before = (await worktrees()).length
    const killed = startCli(gateArgs('out-kill', LONG), { cwd: work, env })
    await killed.waitFor(/round 2\//, 240_000)
    killed.child.kill('SIGKILL')
    await killed.exited
    // A benchmark process in its own process group outlives its parent by the few ms it has left.
    await new Promise((res) => setTimeout(res, 500))
    expect(await worktrees()).toHaveLength(before + 1)
    expect((await scratchLeft()).length).toBeGreaterThan(0)

    const r = await cli(gateArgs('out-next', ['--count', '2', '--benchtime', '10x', '--no-tests', '-q']), { cwd: work, env, timeoutMs: 280_000 })
    // The demo's head fails the gate: 1 is a complete run.
    expect(r.code, r.stderr).toBe(1)
    expect(r.stdout).toMatch(/^go-leak-gate: FAIL/)
    expect(r.stderr).toMatch(/removed the worktree .* left by a gate that was killed/)
    expect(await worktrees()).toEqual([demo.dir])
    expect(await scratchLeft()).toEqual([])
  }, 600_000)
})
