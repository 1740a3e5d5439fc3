import { ProfileDecodeError } from './errors.js'

// Protocol buffer wire types (https://protobuf.dev/programming-guides/encoding/).
export const VARINT = 0
export const FIXED64 = 1
export const LEN = 2
export const FIXED32 = 5

const TWO_32 = 2 ** 32
/** Ids are kept as exact numbers: a uint64 whose high word reaches 2^21 is at least 2^53. */
const EXACT_HIGH_WORDS = 2 ** 21
const utf8 = new TextDecoder()

/**
 * A cursor over one protobuf message. Varints are read as two 32-bit words (`lo`, and `hi` left in a
 * field) so that 64-bit values never pass through a float before their sign is known: a negative int64
 * is ten bytes of two's complement, which a float sum would round to zero.
 */
export class WireReader {
  pos: number
  /** The high 32 bits of the last varint read. */
  hi = 0

  constructor(
    readonly buf: Uint8Array,
    readonly source: string,
    pos: number,
    public end: number
  ) {
    this.pos = pos
  }

  /** Points the reader at another message of the same buffer. */
  reset(start: number, end: number): void {
    this.pos = start
    this.end = end
  }

  fail(reason: string, at: number = this.pos): never {
    throw new ProfileDecodeError(this.source, at, reason)
  }

  /** Reads a varint and returns its low 32 bits as an unsigned number; the high bits go to `hi`. */
  varint(): number {
    const buf = this.buf
    const end = this.end
    let pos = this.pos
    if (pos >= end) this.fail('truncated: a varint runs past the end')
    let b = buf[pos++]
    if (b < 0x80) {
      this.pos = pos
      this.hi = 0
      return b
    }
    let lo = b & 0x7f
    for (let shift = 7; shift < 28; shift += 7) {
      if (pos >= end) this.fail('truncated: a varint runs past the end')
      b = buf[pos++]
      lo |= (b & 0x7f) << shift
      if (b < 0x80) {
        this.pos = pos
        this.hi = 0
        return lo >>> 0
      }
    }
    // The fifth byte carries bits 28..34: four for the low word, three for the high one.
    if (pos >= end) this.fail('truncated: a varint runs past the end')
    b = buf[pos++]
    lo |= (b & 0x0f) << 28
    let hi = (b & 0x7f) >> 4
    for (let shift = 3; b >= 0x80; shift += 7) {
      if (shift > 31) this.fail('a varint is longer than 10 bytes', this.pos)
      if (pos >= end) this.fail('truncated: a varint runs past the end')
      b = buf[pos++]
      hi |= (b & 0x7f) << shift
    }
    this.pos = pos
    this.hi = hi >>> 0
    return lo >>> 0
  }

  /** An int64 field as a number: exact up to 2^53 in magnitude, the nearest double beyond. */
  int64(): number {
    const lo = this.varint()
    const hi = this.hi
    if (hi < 0x80000000) return hi * TWO_32 + lo
    return -((~hi >>> 0) * TWO_32 + (~lo >>> 0) + 1)
  }

  /** A uint64 id (of a location, function, mapping): refused beyond 2^53, where a double is no longer exact. */
  id(what: string): number {
    const at = this.pos
    const lo = this.varint()
    if (this.hi >= EXACT_HIGH_WORDS) {
      const value = (BigInt(this.hi) << 32n) | BigInt(lo)
      this.fail(`${what} ${value} is beyond 2^53, which this reader cannot keep exact`, at)
    }
    return this.hi * TWO_32 + lo
  }

  /** An index into the string table, checked against its length. */
  stringIndex(strings: number, what: string): number {
    const at = this.pos
    const i = this.int64()
    if (i < 0 || i >= strings) this.fail(`${what} names string ${i}, beyond the string table of ${strings}`, at)
    return i
  }

  /** Reads a field's key; returns the field number * 8 + wire type as protobuf writes it. */
  tag(): number {
    const at = this.pos
    const tag = this.varint()
    if (this.hi !== 0 || tag >>> 3 === 0) this.fail(`field number ${this.hi !== 0 ? 'beyond 2^29' : 0} is not valid`, at)
    return tag
  }

  /** Reads the length of a LEN field and returns where its bytes end. */
  lengthEnd(): number {
    const at = this.pos
    const n = this.varint()
    if (this.hi !== 0 || n > this.end - this.pos) {
      this.fail(`truncated: a field of ${this.hi !== 0 ? 'more than 2^32' : n} bytes, ${this.end - this.pos} left`, at)
    }
    return this.pos + n
  }

  string(): string {
    const end = this.lengthEnd()
    const s = utf8.decode(this.buf.subarray(this.pos, end))
    this.pos = end
    return s
  }

  /** Skips a field this reader does not need. */
  skip(tag: number): void {
    const wire = tag & 7
    if (wire === VARINT) this.varint()
    else if (wire === LEN) this.pos = this.lengthEnd()
    else if (wire === FIXED64) this.advance(8)
    else if (wire === FIXED32) this.advance(4)
    else this.fail(`wire type ${wire} (field ${tag >>> 3}) is not one protobuf still uses`)
  }

  /** Fails unless field `tag` has the wire type the schema gives it (or LEN, packed, where allowed). */
  expect(tag: number, wire: number, field: string, packable = false): void {
    const got = tag & 7
    if (got !== wire && !(packable && got === LEN)) this.fail(`${field} has wire type ${got}, expected ${wire}`)
  }

  private advance(n: number): void {
    if (n > this.end - this.pos) this.fail(`truncated: a fixed field of ${n} bytes, ${this.end - this.pos} left`)
    this.pos += n
  }
}

/**
 * Where a packed repeated scalar field ends, or -1 when this is one unpacked value of wire type `wire`
 * (protobuf writers may use either form).
 */
export function packedEnd(r: WireReader, tag: number, wire: number, field: string): number {
  if ((tag & 7) === LEN) return r.lengthEnd()
  r.expect(tag, wire, field)
  return -1
}
