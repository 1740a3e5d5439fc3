// A few lines of protobuf encoding for crafting profiles pprof-format would not write: unpacked repeated
// fields, ids beyond 2^53, wrong wire types. Values are bigint so every 64-bit pattern can be written.

export function varint(value: bigint | number): number[] {
  let v = BigInt.asUintN(64, BigInt(value))
  const out: number[] = []
  do {
    const byte = Number(v & 0x7fn)
    v >>= 7n
    out.push(v === 0n ? byte : byte | 0x80)
  } while (v !== 0n)
  return out
}

export type Field = number[]

/** A varint field. */
export function num(field: number, value: bigint | number): Field {
  return [...varint((field << 3) | 0), ...varint(value)]
}

/** A length-delimited field: a message, a string or packed values. */
export function bytes(field: number, payload: number[]): Field {
  return [...varint((field << 3) | 2), ...varint(payload.length), ...payload]
}

export function str(field: number, s: string): Field {
  return bytes(field, [...new TextEncoder().encode(s)])
}

export function packed(field: number, values: (bigint | number)[]): Field {
  return bytes(field, values.flatMap((v) => varint(v)))
}

export function message(...fields: Field[]): number[] {
  return fields.flat()
}

/**
 * A heap-shaped profile of two functions a.F (calls) and b.G (allocates), in the field order Go writes:
 * sample types, samples, locations, functions, strings. `samples` are raw sample messages.
 */
export function crafted(samples: number[][], extra: Field[] = []): Uint8Array {
  const strings = ['', 'objects', 'count', 'space', 'bytes', 'a.F', 'a.go', 'b.G', 'b.go']
  return Uint8Array.from(
    message(
      bytes(1, message(num(1, 1), num(2, 2))),
      bytes(1, message(num(1, 3), num(2, 4))),
      ...samples.map((s) => bytes(2, s)),
      bytes(4, message(num(1, 1), bytes(4, message(num(1, 1), num(2, 10))))),
      bytes(4, message(num(1, 2), bytes(4, message(num(1, 2), num(2, 20))))),
      bytes(5, message(num(1, 1), num(2, 5), num(4, 6))),
      bytes(5, message(num(1, 2), num(2, 7), num(4, 8))),
      ...strings.map((s) => str(6, s)),
      ...extra
    )
  )
}
