// Config files are untrusted input. Mutated real configs, from a fixed seed: every one either loads into a
// Config or is refused with a UsageError that names the file, and none takes long.
// GLG_FUZZ_N sets the number of inputs (npm run test:fuzz runs 20,000); GLG_FUZZ_SEED another seed.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildConfig, parseConfigBytes } from '../../src/config/load.js'
import { UsageError } from '../../src/errors.js'
import { variants } from './mutate.js'

const ROOT = join(import.meta.dirname, '..', '..')
const N = Number(process.env.GLG_FUZZ_N ?? 2000)
const SEED = Number(process.env.GLG_FUZZ_SEED ?? 20240611)
// A hang guard, not a benchmark: a plain config loads in well under a millisecond and a 1 MiB one in about
// 100 ms, while the quadratic cases this guards against took 2 s to 150 s. At a load average of 20 on two
// cores one 1 MiB input was seen at 1.2 s, so the bound sits well above that.
const BOUND_MS = 5000

function seeds(): Buffer[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const example = /## Configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1]
  if (!example) throw new Error("README.md's Configuration section has no yaml example")
  const dir = join(ROOT, 'test', 'fixtures', 'config')
  return [Buffer.from(example), ...readdirSync(dir).map((f) => readFileSync(join(dir, f)))]
}

describe('config loader on mutated files', () => {
  it(`loads or refuses with a UsageError naming the file, each within ${BOUND_MS} ms (${N} inputs)`, () => {
    const source = '/repo/.github/go-leak-gate.yml'
    const escaped: string[] = []
    const slow: string[] = []
    let loaded = 0
    let refused = 0
    let worst = 0
    let i = 0
    const load = (input: Buffer): { ms: number; err?: unknown } => {
      const t0 = performance.now()
      try {
        buildConfig('/repo', parseConfigBytes(input, source), {})
        return { ms: performance.now() - t0 }
      } catch (err) {
        return { ms: performance.now() - t0, err }
      }
    }
    for (const v of variants(seeds(), N, SEED)) {
      const first = load(v.input)
      const { err } = first
      if (err === undefined) loaded++
      else if (err instanceof UsageError && err.message.includes(source)) refused++
      else escaped.push(`#${i} from seed ${v.from} by ${v.applied.join('+')}: ${err instanceof Error ? `${err.name}: ${err.message.slice(0, 200)}` : String(err)}`)
      // Two cores shared with other jobs: a slow input is timed again, and only a repeatable slowness counts.
      const ms = first.ms > BOUND_MS ? Math.min(first.ms, load(v.input).ms) : first.ms
      worst = Math.max(worst, ms)
      if (ms > BOUND_MS) slow.push(`#${i} by ${v.applied.join('+')}: ${ms.toFixed(0)} ms`)
      i++
    }
    console.log(`config fuzz: ${N} inputs (seed ${SEED}): ${loaded} loaded, ${refused} refused, slowest ${worst.toFixed(1)} ms`)
    expect(escaped.slice(0, 10)).toEqual([])
    expect(slow.slice(0, 10)).toEqual([])
    // Both outcomes occur, so the mutations neither break every file nor leave them all intact.
    expect(loaded).toBeGreaterThan(N / 20)
    expect(refused).toBeGreaterThan(N / 20)
  }, 600_000)
})
