// Mutated real result.json pairs (gate runs on the fixtures, test/fixtures/recorded-results) through
// readResult and compare, then the renderers: a result from elsewhere (an artifact, a fork) is untrusted. Each
// pair is refused with a UsageError naming the file (and for a schema error the JSON path), or compares and
// renders without throwing, into a report that passes the report schema.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_COMPARE } from '../../src/config/defaults.js'
import { compareWithSites } from '../../src/pipeline/compare.js'
import { reportJson } from '../../src/publish/files.js'
import { readReport, readResult } from '../../src/baseline/result-dir.js'
import { UsageError } from '../../src/errors.js'
import { renderMarkdown } from '../../src/report/markdown.js'
import { renderText } from '../../src/report/text.js'
import { fuzzCount, Rng, SEED } from './corpus-mutate.js'
import { mutateJson } from './json-mutate.js'
import { FIXTURES_DIR } from './recorded-corpus.js'

const CASES = ['gate', 'untrusted', 'leaks', 'load']
let work = ''
const originals = new Map<string, string>()

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'glg-fuzz-result-'))
  for (const c of CASES) {
    await cp(join(FIXTURES_DIR, 'recorded-results', c), join(work, c), { recursive: true })
    for (const side of ['base', 'head']) originals.set(`${c}/${side}`, await readFile(join(work, c, side, 'result.json'), 'utf8'))
  }
})

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

/** What a refusal must say: the file, and where in it when the schema refused it. */
function checkRefusal(err: UsageError, files: string[], where: string): void {
  const m = err.message
  if (m.startsWith('base was measured')) return
  expect(files.some((f) => m.startsWith(`${f} `)), `${where}: ${m.slice(0, 300)}`).toBe(true)
  expect(m, where).toMatch(/ (is not valid JSON|has schemaVersion|does not match the result schema: (\/|\(top\))|is \d+ bytes|is more than)/)
}

describe('result.json fuzz', () => {
  it('refuses or compares every mutated pair, never with a TypeError, RangeError or hang', async () => {
    const rng = new Rng(SEED)
    let compared = 0
    let refused = 0
    const n = fuzzCount(100)
    for (let i = 0; i < n; i++) {
      const c = CASES[i % CASES.length]
      const sides = { base: originals.get(`${c}/base`) ?? '', head: originals.get(`${c}/head`) ?? '' }
      const applied: string[] = []
      if (i >= CASES.length) {
        for (const side of rng.chance(0.2) ? (['base', 'head'] as const) : ([rng.pick(['base', 'head'] as const)] as const)) {
          const m = mutateJson(sides[side], rng)
          sides[side] = m.value
          applied.push(`${side}:${m.applied.join('+')}`)
        }
      }
      const where = `seed=${SEED} case=${i} input=${c} mutations=${applied.join(' ') || 'none'}`
      const dirs = { base: join(work, c, 'base'), head: join(work, c, 'head') }
      await writeFile(join(dirs.base, 'result.json'), sides.base)
      await writeFile(join(dirs.head, 'result.json'), sides.head)
      const started = performance.now()
      try {
        const [base, head] = [await readResult(dirs.base), await readResult(dirs.head)]
        const report = await compareWithSites({ base, head, baseDir: dirs.base, headDir: dirs.head, config: DEFAULT_COMPARE }, async () => undefined)
        renderText(report)
        renderMarkdown(report)
        const out = join(work, `${c}-report.json`)
        await writeFile(out, reportJson(report))
        await readReport(out)
        compared++
      } catch (err) {
        if (!(err instanceof UsageError)) throw new Error(`${where}: ${err instanceof Error ? err.stack : String(err)}`)
        checkRefusal(err, [join(dirs.base, 'result.json'), join(dirs.head, 'result.json')], where)
        refused++
      }
      expect(performance.now() - started, `${where}: took too long`).toBeLessThan(10_000)
    }
    // Both outcomes happen: a fuzz that refuses everything tests nothing but the schema.
    expect(compared).toBeGreaterThan(n / 10)
    expect(refused).toBeGreaterThan(n / 10)
  })
})
