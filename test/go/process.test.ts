import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runProcess } from '../../src/go/process.js'

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glg-proc-'))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Running, not a zombie: an orphan killed here is reaped by whatever init the container has, if any. */
async function alive(pid: number): Promise<boolean> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  return status !== '' && !/^State:\s+Z/m.test(status)
}

describe('runProcess', () => {
  it('on timeout lets a node program stop its own detached children before the kill', async () => {
    // A parent that starts a child in a process group of its own (as go-leak-gate starts test
    // binaries) and kills it when told to stop.
    const script = join(dir, 'parent.mjs')
    const pidFile = join(dir, 'child.pid')
    await writeFile(
      script,
      `import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
const child = spawn('sleep', ['300'], { detached: true, stdio: 'ignore' })
writeFileSync(${JSON.stringify(pidFile)}, String(child.pid))
process.on('SIGTERM', () => { process.kill(-child.pid, 'SIGKILL'); process.exit(143) })
setInterval(() => {}, 1000)
`
    )
    const r = await runProcess({ argv: [process.execPath, script], cwd: dir, timeoutMs: 1_000 })
    expect(r.timedOut).toBe(true)
    const child = Number(await readFile(pidFile, 'utf8'))
    await new Promise((res) => setTimeout(res, 200))
    expect(await alive(child)).toBe(false)
  })

  it('merges stdout and stderr in write order into one file when asked', async () => {
    const out = join(dir, 'merged.txt')
    const r = await runProcess({
      argv: ['sh', '-c', 'echo one; echo two >&2; echo three'],
      cwd: dir,
      mergedOutputFile: out
    })
    expect(r.stdout).toBe('one\ntwo\nthree\n')
    expect(r.stderr).toBe('')
  })

  it('says when the program does not exist', async () => {
    const r = await runProcess({ argv: ['/nonexistent/go-leak-gate-test'], cwd: dir })
    expect(r.spawnError?.code).toBe('ENOENT')
  })
})
