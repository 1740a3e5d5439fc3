// Reading a profile file that result.json names, for the compare stage.
import { open, stat } from 'node:fs/promises'
import { errorMessage } from '../errors.js'
import { MAX_PROFILE_BYTES } from '../parse/pprof.js'

/** A profile file, refused beyond MAX_PROFILE_BYTES before it is read whole (its path comes from result.json). */
export async function readProfileFile(file: string): Promise<Uint8Array> {
  // Opening a FIFO would wait for a writer forever.
  if (!(await stat(file)).isFile()) throw new Error(`${file}: not a regular file`)
  const handle = await open(file, 'r')
  try {
    const { size } = await handle.stat()
    if (size > MAX_PROFILE_BYTES) throw new Error(`${file}: ${size} bytes, larger than the ${MAX_PROFILE_BYTES} a profile may be`)
    const buf = Buffer.alloc(size)
    const { bytesRead } = await handle.read(buf, 0, size, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** Why a profile could not be read: missing, a short `path: CODE` for another system error, else the error's message. */
export function unreadableReason(file: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return `${file} is missing (result.json names it)`
  return code !== undefined ? `${file}: ${code}` : errorMessage(err)
}
