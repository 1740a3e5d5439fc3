// Mutated real memory profiles (as -test.memprofile wrote them) through the profile decoder and the heap
// aggregation: each either decodes to finite site values or is refused with a ProfileError naming the file.
import { gunzipSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { decodeProfile, heapSites, ProfileError } from '../../src/parse/pprof.js'
import { BYTE_MUTATORS, expectFinite, fuzzCases, fuzzCount, inflatedMutator, type Mutator, timed } from './corpus-mutate.js'
import { bytes } from './recorded-corpus.js'

// The bound the fuzz decodes with: small, so a bomb costs milliseconds; the real bound is tested in test/parse.
const BOUND = 4 << 20
const member = gzipSync(Buffer.alloc(BOUND))
const BOMB: Mutator<Uint8Array> = { name: 'gzip-bomb', apply: () => new Uint8Array(Buffer.concat([member, member])) }

const corpus = bytes('recorded', ['retain.mem.pprof', 'retain-loop.mem.pprof', 'retain-ramp.mem.pprof'])
const mutators = [...BYTE_MUTATORS, inflatedMutator((b) => gunzipSync(b)), inflatedMutator((b) => gunzipSync(b)), BOMB]

describe('pprof fuzz', () => {
  it('decodes every mutated profile to finite heap sites or refuses it with a ProfileError naming it', () => {
    let refused = 0
    fuzzCases(corpus, mutators, fuzzCount(200), (data, where) => {
      timed(() => {
        try {
          const sites = heapSites(decodeProfile(data, 'fuzz.pprof', BOUND), { modulePath: 'example.com/recorded' })
          expectFinite(sites.totals, where)
          expect(sites.sites.every((s) => Number.isFinite(s.inuseBytes) && Number.isFinite(s.allocBytes) && Number.isSafeInteger(s.line)), where).toBe(true)
        } catch (err) {
          if (!(err instanceof ProfileError)) throw new Error(`${where}: ${String(err)}`)
          expect(err.message.startsWith('fuzz.pprof: '), where).toBe(true)
          refused++
        }
      }, where)
    })
    // The corpus itself decodes; most mutations do not.
    expect(refused).toBeGreaterThan(0)
  })
})
