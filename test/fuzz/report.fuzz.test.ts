// Mutated real report.json files (compare --json of gate runs on the fixtures) through readReport and the
// renderers: a report made by a fork's run is published by a workflow with write permission, so it is
// untrusted. Each is refused with a UsageError naming the file, or renders without throwing.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readReport } from '../../src/baseline/result-dir.js'
import { UsageError } from '../../src/errors.js'
import { renderMarkdown } from '../../src/report/markdown.js'
import { renderText } from '../../src/report/text.js'
import { fuzzCount, Rng, SEED } from './corpus-mutate.js'
import { mutateJson } from './json-mutate.js'
import { FIXTURES_DIR } from './recorded-corpus.js'

const CASES = ['gate', 'untrusted', 'leaks', 'load'].map((c) => ({ name: c, text: readFileSync(join(FIXTURES_DIR, 'recorded-results', c, 'report.json'), 'utf8') }))
let work = ''

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'glg-fuzz-report-'))
})

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

describe('report.json fuzz', () => {
  it('refuses or renders every mutated report, never with a TypeError, RangeError or hang', async () => {
    const rng = new Rng(SEED)
    const file = join(work, 'report.json')
    let rendered = 0
    const n = fuzzCount(150)
    for (let i = 0; i < n; i++) {
      const c = CASES[i % CASES.length]
      const m = i < CASES.length ? { value: c.text, applied: ['none'] } : mutateJson(c.text, rng)
      const where = `seed=${SEED} case=${i} input=${c.name} mutations=${m.applied.join('+')}`
      await writeFile(file, m.value)
      const started = performance.now()
      try {
        const report = await readReport(file)
        renderText(report)
        renderMarkdown(report)
        rendered++
      } catch (err) {
        if (!(err instanceof UsageError)) throw new Error(`${where}: ${err instanceof Error ? err.stack : String(err)}`)
        expect(err.message.startsWith(`${file} `), where).toBe(true)
      }
      expect(performance.now() - started, `${where}: took too long`).toBeLessThan(10_000)
    }
    expect(rendered).toBeGreaterThan(n / 10)
  })
})
