// Decodes one adversarial input in a process of its own and prints what it cost, so that a memory bound
// is measured from a clean high-water mark (maxRSS never goes down within a process).
// Usage: node --import tsx test/profile/memory-probe.ts bomb|values
import { gzipSync } from 'node:zlib'
import { decodePprof, MAX_SAMPLE_VALUES, ProfileDecodeError } from '../../src/profile/index.js'
import { bytes, message, num, str } from './wire-writer.js'

function bomb(): Uint8Array {
  // 64 gzip members of 16 MiB of zeros each: 1 GiB once inflated, 1 MiB on disk.
  const member = gzipSync(new Uint8Array(16 * 2 ** 20), { level: 9 })
  const out = new Uint8Array(member.length * 64)
  for (let i = 0; i < 64; i++) out.set(member, i * member.length)
  return out
}

function tinySamples(): Uint8Array {
  // Samples of one value and no location, 4 bytes each, one more than MAX_SAMPLE_VALUES: 128 MiB that
  // gzip to a few hundred KiB.
  const head = message(bytes(1, message(num(1, 1), num(2, 2))), str(6, ''), str(6, 'a'), str(6, 'b'))
  const sample = bytes(2, num(2, 1))
  const n = MAX_SAMPLE_VALUES + 1
  const raw = new Uint8Array(head.length + n * sample.length)
  raw.set(head)
  for (let i = 0; i < n; i++) raw.set(sample, head.length + i * sample.length)
  return gzipSync(raw, { level: 1 })
}

const input = process.argv[2] === 'bomb' ? bomb() : tinySamples()
// Let the input's own garbage go before taking the baseline.
globalThis.gc?.()
const before = process.resourceUsage().maxRSS
let reason = ''
try {
  decodePprof(input, 'probe')
} catch (err) {
  reason = err instanceof ProfileDecodeError ? err.reason : `not a ProfileDecodeError: ${String(err)}`
}
process.stdout.write(JSON.stringify({ reason, inputBytes: input.length, maxRssGrowthKiB: process.resourceUsage().maxRSS - before }) + '\n')
