// Output paths the CLI cannot write: found before any work, said in one line with the path, exit code 2,
// and one failing output never costs the others or the verdict. As root, permission bits stop nothing,
// so the unwritable places are a path under a regular file (ENOTDIR), /proc (nothing can be created in
// it: ENOENT; Node's recursive mkdir spins there forever) and /sys/kernel (an existing directory that
// refuses new files: EACCES, for root and for everyone else).
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bench, repeat, result } from '../compare/build-result.js'
import { cli } from '../helpers/cli.js'
import { makeFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js'

let work: string
let demo: FixtureRepo
let aFile: string
let base: string
let head: string

const STACK = /^\s+at /m
// Nothing was built or run: the progress lines of the first stage never came.
const WORK_STARTED = /listing packages|building \d+ test binaries|baseline:/

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '')
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'glg-outputs-'))
  demo = await makeFixtureRepo('demo')
  aFile = join(work, 'a-file')
  await writeFile(aFile, 'not a directory\n')
  base = join(work, 'base')
  head = join(work, 'head')
  for (const [dir, allocs] of [[base, 1], [head, 2]] as const) {
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'result.json'), JSON.stringify(result({ 'example.com/m/p': [bench('BenchmarkA', repeat(6, () => ({ allocs })))] })))
  }
})

afterAll(async () => {
  await demo?.cleanup()
  await rm(work, { recursive: true, force: true })
})

describe('output paths that cannot be written', () => {
  it('--out under a file: exit 2 before any work, one line naming the path, no stack', async () => {
    const out = join(aFile, 'results')
    const r = await cli(['run', '--dir', demo.dir, '--out', out, '--no-tests'], { cwd: work, timeoutMs: 120_000 })
    expect(r.code, r.stderr).toBe(2)
    expect(lines(r.stderr)).toEqual([`go-leak-gate: cannot write --out ${out}: a part of the path is a file, not a directory (ENOTDIR)`])
    expect(r.stderr).not.toMatch(WORK_STARTED)
  })

  it('--out under /proc: returns (exit 2) instead of spinning in mkdir', async () => {
    const out = '/proc/glg-no-such/results'
    const r = await cli(['gate', '--dir', demo.dir, '--base-ref', demo.baseSha, '--out', out, '--stress-budget', 'off'], { cwd: work, timeoutMs: 60_000 })
    expect(r.timedOut).toBe(false)
    expect(r.code, r.stderr).toBe(2)
    expect(lines(r.stderr)).toHaveLength(1)
    expect(r.stderr).toContain(`--out ${out}`)
    expect(r.stderr).not.toMatch(STACK)
  })

  it('--out in a directory that refuses new files: exit 2 before any work', async () => {
    const r = await cli(['run', '--dir', demo.dir, '--out', '/sys/kernel', '--no-tests'], { cwd: work, timeoutMs: 120_000 })
    expect(r.code, r.stderr).toBe(2)
    expect(lines(r.stderr)).toEqual(['go-leak-gate: cannot write --out /sys/kernel: permission denied (EACCES)'])
  })

  it('--json unwritable, --markdown writable: the markdown and the verdict are still written, exit 2, one line', async () => {
    const markdown = join(work, 'report.md')
    for (const json of ['/proc/glg-report.json', join(aFile, 'report.json')]) {
      await rm(markdown, { force: true })
      const r = await cli(['compare', '--base', base, '--head', head, '--json', json, '--markdown', markdown], { cwd: work, timeoutMs: 60_000 })
      expect(r.code, r.stderr).toBe(2)
      expect(r.stdout.split('\n')[0]).toMatch(/^go-leak-gate: FAIL/)
      expect(await readFile(markdown, 'utf8')).toMatch(/go-leak-gate: fail/)
      expect(lines(r.stderr)).toHaveLength(1)
      expect(r.stderr).toContain(`cannot write --json ${json}`)
      expect(r.stderr).not.toMatch(STACK)
      expect(existsSync(json)).toBe(false)
    }
  })

  it('shows the stack trace only with --debug or GO_LEAK_GATE_DEBUG=1', async () => {
    const out = join(aFile, 'results')
    const flag = await cli(['--debug', 'run', '--dir', demo.dir, '--out', out], { cwd: work, timeoutMs: 60_000 })
    expect(flag.code).toBe(2)
    expect(flag.stderr).toMatch(STACK)
    const env = await cli(['run', '--dir', demo.dir, '--out', out], { cwd: work, env: { ...process.env, GO_LEAK_GATE_DEBUG: '1' }, timeoutMs: 60_000 })
    expect(env.code).toBe(2)
    expect(env.stderr).toMatch(STACK)
  })
})
