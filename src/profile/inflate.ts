import { gunzipSync } from 'node:zlib'
import { ProfileDecodeError } from './errors.js'

/**
 * The most a profile may gunzip to: 256 MiB. Go's heap profile of a million distinct stacks is about
 * 60 MiB unzipped, so a real profile stays far below; a gzip bomb (a few KiB that inflate to GiBs)
 * stops here instead of taking the runner's memory. zlib stops inflating once the limit is passed.
 */
export const MAX_PROFILE_BYTES = 256 * 2 ** 20

const GZIP_MAGIC_0 = 0x1f
const GZIP_MAGIC_1 = 0x8b

export function isGzip(data: Uint8Array): boolean {
  return data.length >= 2 && data[0] === GZIP_MAGIC_0 && data[1] === GZIP_MAGIC_1
}

/** The protobuf of a profile: gunzipped when gzipped (as Go writes it), as is otherwise. */
export function profileBytes(data: Uint8Array, source: string, maxBytes: number = MAX_PROFILE_BYTES): Uint8Array {
  if (!isGzip(data)) {
    if (data.length > maxBytes) throw new ProfileDecodeError(source, maxBytes, `the profile is larger than ${maxBytes} bytes`)
    return data
  }
  try {
    return gunzipSync(data, { maxOutputLength: maxBytes })
  } catch (err) {
    const code = (err as { code?: unknown }).code
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ProfileDecodeError(source, 0, `the gzip data inflates to more than ${maxBytes} bytes (the limit for a profile)`)
    }
    throw new ProfileDecodeError(source, 0, `truncated or corrupt gzip data (${err instanceof Error ? err.message : String(err)})`)
  }
}
