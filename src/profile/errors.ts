import { ProfileError } from '../parse/pprof.js'

/**
 * A profile whose bytes do not decode: truncated, a wire type the field cannot have, a reference to
 * something that is not there. `offset` is the byte in the (gunzipped) protobuf where it went wrong,
 * so a bug report can point at it; undefined when the gzip stream around it is at fault (zlib names no byte
of the protobuf). It is a ProfileError, so callers that skip unreadable profiles
 * treat it like every other bad profile.
 */
export class ProfileDecodeError extends ProfileError {
  constructor(
    source: string,
    readonly offset: number | undefined,
    readonly reason: string
  ) {
    super(source, offset === undefined ? reason : `at byte ${offset}: ${reason}`)
  }
}

export { ProfileError }
