// Scratch directories and what a stop undoes: a killed gate's leftovers are swept by the next run, a live
// gate's and anything unmarked are left alone; a signal runs the undo steps, newest first, then exits.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAbandonedScratch, scratchDir, sweepAbandonedScratch } from '../src/scratch.js'
import { repoRoot } from './helpers/fixture-repo.js'

let root: string
const savedTmp = process.env.TMPDIR

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'scratch-root-'))
  process.env.TMPDIR = root
})

afterAll(async () => {
  process.env.TMPDIR = savedTmp
  await rm(root, { recursive: true, force: true })
})

async function deadPid(): Promise<number> {
  const p = spawn('true')
  await new Promise((res) => p.on('close', res))
  return p.pid ?? 0
}

describe('scratch directories', () => {
  it('are made under TMPDIR with the owner’s pid, and removed', async () => {
    const s = await scratchDir('bin-head')
    expect(s.path.startsWith(join(root, 'glg-bin-head-'))).toBe(true)
    expect(await readFile(join(s.path, '.go-leak-gate-owner'), 'utf8')).toBe(`${process.pid}\n`)
    expect(isAbandonedScratch(s.path)).toBe(false)
    await s.remove()
    expect(existsSync(s.path)).toBe(false)
    expect(isAbandonedScratch(s.path)).toBe(true)
  })

  it('are swept when their owner is dead; a live owner’s and unmarked ones stay', async () => {
    const live = await scratchDir('test-base')
    const dead = join(root, 'glg-bin-base-dead')
    await mkdir(dead)
    await writeFile(join(dead, '.go-leak-gate-owner'), `${await deadPid()}\n`)
    const unmarked = join(root, 'glg-not-ours')
    await mkdir(unmarked)
    expect(await sweepAbandonedScratch()).toEqual([dead])
    expect([existsSync(live.path), existsSync(dead), existsSync(unmarked)]).toEqual([true, false, true])
    await live.remove()
  })
})

describe('a stop', () => {
  it('on SIGTERM runs the undo steps newest first, then exits with 143', async () => {
    const log = join(root, 'undo.log')
    const script = join(root, 'stopped.ts')
    await writeFile(
      script,
      `import { appendFileSync } from 'node:fs'
import { handleStopSignals, onStop } from ${JSON.stringify(join(repoRoot, 'src', 'stop.ts'))}
handleStopSignals()
onStop(() => appendFileSync(${JSON.stringify(log)}, 'first\\n'))
const release = onStop(() => appendFileSync(${JSON.stringify(log)}, 'released\\n'))
onStop(() => appendFileSync(${JSON.stringify(log)}, 'last\\n'))
release()
console.log('ready')
setInterval(() => {}, 1000)
`
    )
    const child = spawn(join(repoRoot, 'node_modules', '.bin', 'tsx'), [script], { stdio: ['ignore', 'pipe', 'inherit'] })
    await new Promise<void>((res) => child.stdout?.on('data', (c: Buffer) => c.toString().includes('ready') && res()))
    child.kill('SIGTERM')
    const code = await new Promise((res) => child.on('close', (c) => res(c)))
    expect(code).toBe(143)
    expect(await readFile(log, 'utf8')).toBe('last\nfirst\n')
  })

  it('leaves signals to the program when it only uses the gate as a library (a test worker, say)', async () => {
    const script = join(root, 'library.ts')
    await writeFile(
      script,
      `import { onStop } from ${JSON.stringify(join(repoRoot, 'src', 'stop.ts'))}
onStop(() => {})
process.on('SIGTERM', () => { console.log('own handler'); process.exit(7) })
console.log('ready')
setInterval(() => {}, 1000)
`
    )
    const child = spawn(join(repoRoot, 'node_modules', '.bin', 'tsx'), [script], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stderr?.on('data', (c: Buffer) => (err += c.toString()))
    await new Promise<void>((res) => child.stdout?.on('data', (c: Buffer) => ((out += c.toString()), out.includes('ready') && res())))
    child.kill('SIGTERM')
    const code = await new Promise((res) => child.on('close', (c) => res(c)))
    expect(code).toBe(7)
    expect(out).toContain('own handler')
    expect(err).not.toContain('go-leak-gate: stopped by')
  })
})
