import { gunzipSync } from 'node:zlib'
import { MAX_PROFILE_BYTES } from '../parse/pprof.js'
import { ProfileDecodeError } from './errors.js'

// The bound is parse/pprof.ts's MAX_PROFILE_BYTES (256 MiB), one figure for both readers. bench/profilegen's
// heap profile of a million distinct stacks 22 frames deep is 41 MB unzipped, so real profiles stay far
// below; a gzip bomb (a few KiB that inflate to GiBs) stops there instead of taking the runner's memory: zlib
// stops inflating once the limit is passed. With MAX_SAMPLE_VALUES this bounds what the decoder holds: the
// bytes, and the arrays of at most 2^25 sample values.
export { MAX_PROFILE_BYTES }

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
      throw new ProfileDecodeError(source, undefined, `the gzip data inflates to more than ${maxBytes} bytes (the limit for a profile)`)
    }
    throw new ProfileDecodeError(source, undefined, `truncated or corrupt gzip data (${err instanceof Error ? err.message : String(err)})`)
  }
}
