// Temporary directories of the gate (test binaries, the base worktree, overlays). Each carries a mark
// with the owner's pid: removed when done, when the gate is stopped (stop.ts), and, when the owner was
// killed outright (SIGKILL, out of memory) and could not clean, by the next run's sweep.
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onStop } from './stop.js'

/** Every scratch directory's name starts with this; the sweep looks at nothing else. */
export const SCRATCH_PREFIX = 'glg-'
const OWNER_MARK = '.go-leak-gate-owner'

export interface ScratchDir {
  path: string
  remove(): Promise<void>
}

export async function scratchDir(purpose: string): Promise<ScratchDir> {
  const path = await mkdtemp(join(tmpdir(), `${SCRATCH_PREFIX}${purpose}-`))
  await writeFile(join(path, OWNER_MARK), `${process.pid}\n`)
  const release = onStop(() => rmSync(path, { recursive: true, force: true }))
  return {
    path,
    remove: async () => {
      release()
      await rm(path, { recursive: true, force: true })
    }
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: it exists, under another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The pid in a scratch directory's mark; undefined when there is no readable mark. */
function ownerOf(dir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dir, OWNER_MARK), 'utf8').trim())
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

/**
 * Whether `scratch` is one of our scratch directories that its owner abandoned: gone altogether, or
 * marked by a process that no longer runs. Unmarked directories are never ours to judge.
 */
export function isAbandonedScratch(scratch: string): boolean {
  if (!(scratch.split('/').pop() ?? '').startsWith(SCRATCH_PREFIX)) return false
  if (!existsSync(scratch)) return true
  const owner = ownerOf(scratch)
  return owner !== undefined && !alive(owner)
}

/** Removes the scratch directories of gates that were killed; returns what it removed. */
export async function sweepAbandonedScratch(): Promise<string[]> {
  const removed: string[] = []
  const root = tmpdir()
  const names = await readdir(root).catch(() => [] as string[])
  for (const name of names) {
    if (!name.startsWith(SCRATCH_PREFIX)) continue
    const dir = join(root, name)
    // No mark: not ours (or still being made); a live owner: another gate at work.
    const owner = ownerOf(dir)
    if (owner === undefined || alive(owner)) continue
    await rm(dir, { recursive: true, force: true })
    removed.push(dir)
  }
  return removed
}
