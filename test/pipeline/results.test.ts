// readResult and readReport on files from elsewhere: what they refuse, and that they refuse it with the file
// and the JSON path named, before the comparison could trip over it. And that what the gate writes, they read.
import { execFileSync } from 'node:child_process'
import { cp, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_JSON_BYTES, readReport, readResult } from '../../src/baseline/result-dir.js'
import { UsageError } from '../../src/errors.js'
import type { RunResult } from '../../src/model/result.js'

const RECORDED = join(import.meta.dirname, '..', 'fixtures', 'recorded-results')
let work = ''

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'glg-results-'))
})

afterEach(async () => {
  await rm(work, { recursive: true, force: true })
})

async function refusal(read: () => Promise<unknown>): Promise<string> {
  try {
    await read()
  } catch (err) {
    if (err instanceof UsageError) return err.message
    throw err
  }
  throw new Error('expected a UsageError')
}

/** The recorded head result of a case, edited, written to a fresh directory. */
async function edited(name: string, edit: (r: RunResult) => void): Promise<{ dir: string; file: string }> {
  const r = JSON.parse(await readFile(join(RECORDED, name, 'head', 'result.json'), 'utf8')) as RunResult
  edit(r)
  const dir = join(work, name)
  await cp(join(RECORDED, name, 'head'), dir, { recursive: true })
  await writeFile(join(dir, 'result.json'), JSON.stringify(r))
  return { dir, file: join(dir, 'result.json') }
}

describe('readResult', () => {
  it('reads every result the gate wrote, +Inf and NaN included, and every report compare wrote', async () => {
    for (const name of ['gate', 'untrusted', 'leaks', 'load']) {
      for (const side of ['base', 'head']) await readResult(join(RECORDED, name, side))
      await readReport(join(RECORDED, name, 'report.json'))
    }
    const head = await readResult(join(RECORDED, 'untrusted', 'head'))
    const lookup = head.packages.flatMap((p) => p.benchmarks).find((b) => b.name === 'BenchmarkLookup')
    expect(lookup?.runs[0].metrics['hits/lookup']).toBe('+Inf')
  })

  it('refuses a number JSON reads as Infinity (1e999), naming the file and the JSON path', async () => {
    const { dir, file } = await edited('gate', () => {})
    const text = (await readFile(file, 'utf8')).replace(/"ns\/op":[0-9.e+-]+/, '"ns/op":1e999')
    await writeFile(file, text)
    expect(await refusal(() => readResult(dir))).toMatch(new RegExp(`^${file} does not match the result schema: /packages/\\d+/benchmarks/\\d+/runs/\\d+/metrics/ns~1op must`))
  })

  it('refuses the fields that crashed compare when untyped: detectors that are not a list, a frame without a line', async () => {
    const a = await edited('leaks', (r) => {
      ;(r.tests?.[0].leaks[0] as unknown as { detectors: string }).detectors = 'probe'
    })
    expect(await refusal(() => readResult(a.dir))).toBe(`${a.file} does not match the result schema: /tests/0/leaks/0/detectors must be array`)
    const b = await edited('leaks', (r) => {
      delete (r.tests?.[0].leaks[0].stack[0] as { line?: number }).line
    })
    expect(await refusal(() => readResult(b.dir))).toBe(`${b.file} does not match the result schema: /tests/0/leaks/0/stack/0 must have required property 'line'`)
  })

  it('refuses a commit that is not a commit id: compare hands it to git diff', async () => {
    const { dir, file } = await edited('gate', (r) => {
      r.env.commit = '--output=/tmp/pwned'
    })
    expect(await refusal(() => readResult(dir))).toBe(`${file} does not match the result schema: /env/commit must match pattern "^[0-9a-f]{7,64}$"`)
  })

  it('refuses a profile path outside profiles/: compare reads the file it names', async () => {
    const { dir, file } = await edited('gate', (r) => {
      const run = r.packages.flatMap((p) => p.benchmarks).flatMap((b) => b.runs).find((x) => x.heap)
      if (run?.heap) run.heap.profile = 'profiles/../../../../etc/passwd'
    })
    expect(await refusal(() => readResult(dir))).toMatch(new RegExp(`^${file} does not match the result schema: /packages/\\d+/benchmarks/\\d+/runs/\\d+/heap/profile must match pattern`))
  })

  it('refuses version 1 by its version, and a version that is no number without choking on it', async () => {
    const v1 = await edited('gate', (r) => {
      ;(r as { schemaVersion: number }).schemaVersion = 1
    })
    expect(await refusal(() => readResult(v1.dir))).toBe(`${v1.file} has schemaVersion 1; this go-leak-gate reads result version 2`)
    const deep = await edited('gate', () => {})
    await writeFile(deep.file, `{"schemaVersion":${'['.repeat(100_000)}${']'.repeat(100_000)}}`)
    expect(await refusal(() => readResult(deep.dir))).toMatch(new RegExp(`^${deep.file} (has schemaVersion an array|is not valid JSON)`))
  })

  it('refuses a file beyond MAX_JSON_BYTES without reading it', async () => {
    const dir = join(work, 'huge')
    execFileSync('mkdir', ['-p', dir])
    const handle = await open(join(dir, 'result.json'), 'w')
    await handle.truncate(MAX_JSON_BYTES + 1)
    await handle.close()
    const started = performance.now()
    expect(await refusal(() => readResult(dir))).toBe(`${join(dir, 'result.json')} is ${MAX_JSON_BYTES + 1} bytes, more than the ${MAX_JSON_BYTES} a go-leak-gate file can be: give a directory written by 'go-leak-gate run'`)
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('refuses a FIFO instead of waiting for a writer forever', async () => {
    const dir = join(work, 'fifo')
    execFileSync('mkdir', ['-p', dir])
    execFileSync('mkfifo', [join(dir, 'result.json')])
    expect(await refusal(() => readResult(dir))).toMatch(/result\.json is not a regular file/)
  })
})

describe('readReport', () => {
  it('refuses a report whose value is neither a number nor what Go prints for a non-finite one', async () => {
    const r = JSON.parse(await readFile(join(RECORDED, 'untrusted', 'report.json'), 'utf8')) as { findings: { head: unknown }[] }
    r.findings[0].head = 'Infinity'
    const file = join(work, 'report.json')
    await writeFile(file, JSON.stringify(r))
    expect(await refusal(() => readReport(file))).toMatch(new RegExp(`^${file} does not match the report schema: /findings/0/head must`))
  })
})
