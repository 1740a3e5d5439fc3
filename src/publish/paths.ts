// Output paths: checked before any work, so that a typo in --out or --json costs a second, not a whole
// run; written without Node's recursive mkdir, which never returns under /proc (it retries ENOENT forever).
import { closeSync, constants, openSync, unlinkSync } from 'node:fs'
import { mkdir, stat, writeFile } from 'node:fs/promises'
import { dirname, parse, resolve, sep } from 'node:path'

const WHY: Record<string, string> = {
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'the file system is read-only',
  ENOENT: 'the directory cannot be created there',
  ENOSPC: 'no space left on the device',
  EEXIST: 'it exists and is not a directory'
}

/** A file system error as a short phrase with its code: `permission denied (EACCES)`. */
export function fsProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code
  if (code === undefined) return err instanceof Error ? err.message : String(err)
  return `${WHY[code] ?? 'cannot be written'} (${code})`
}

/** Creates dir and its missing parents one level at a time; a level that cannot be made is an error at once. */
export async function makeDirs(dir: string): Promise<void> {
  const full = resolve(dir)
  const { root } = parse(full)
  let path = root
  for (const part of full.slice(root.length).split(sep).filter(Boolean)) {
    path = path === root ? root + part : path + sep + part
    const st = await stat(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined
      throw err
    })
    if (st === undefined) {
      await mkdir(path).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') throw err
      })
    } else if (!st.isDirectory()) {
      throw Object.assign(new Error(`${path} is not a directory`), { code: 'ENOTDIR' })
    }
  }
}

/**
 * Whether files can be created in dir (made if missing): root ignores permission bits, so only an
 * actual file tells (a read-only mount, /proc, /sys refuse it).
 */
async function checkDir(dir: string): Promise<void> {
  await makeDirs(dir)
  const probe = resolve(dir, `.go-leak-gate-check-${process.pid}`)
  closeSync(openSync(probe, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY))
  unlinkSync(probe)
}

/** Why dir cannot hold results, or undefined when it can. Leaves dir created. */
export async function dirProblem(dir: string): Promise<string | undefined> {
  try {
    await checkDir(dir)
    return undefined
  } catch (err) {
    return fsProblem(err)
  }
}

/** Why a file cannot be written at path, or undefined when it can. An existing file is not truncated. */
export async function fileProblem(path: string): Promise<string | undefined> {
  try {
    const st = await stat(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined
      throw err
    })
    if (st?.isDirectory()) return fsProblem(Object.assign(new Error(), { code: 'EISDIR' }))
    if (st !== undefined) closeSync(openSync(path, constants.O_WRONLY | constants.O_APPEND))
    else await checkDir(dirname(path))
    return undefined
  } catch (err) {
    return fsProblem(err)
  }
}

export async function writeTextFile(path: string, text: string): Promise<void> {
  await makeDirs(dirname(path))
  await writeFile(path, text)
}
