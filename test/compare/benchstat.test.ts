// benchstat itself as the oracle: the same sample files go to `benchstat -format csv` (fetched through the Go
// module proxy at the version test/fixtures/stats/oracle pins) and to the gate's statistics, which must
// give the same medians and the same Mann-Whitney p-values (benchstat prints p to three decimals). Where
// the methods agree: equal sample sizes per side, which is what the gate's interleaved rounds produce
// (stats.ts says where go-moremath departs with unequal sizes and ties).
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mannWhitneyU, median } from '../../src/compare/stats.js'
import type { RunResult } from '../../src/model/result.js'
import { runProcess } from '../helpers/go-run.js'
import { noisy } from './build-result.js'

const BENCHSTAT = 'golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da'
// benchstat shows time in seconds; the gate keeps Go's ns/op.
const UNITS: Record<string, { unit: string; factor: number }> = { 'sec/op': { unit: 'ns/op', factor: 1e9 }, 'B/op': { unit: 'B/op', factor: 1 }, 'allocs/op': { unit: 'allocs/op', factor: 1 } }

type Samples = Map<string, Map<string, number[]>> // benchmark -> unit -> values

interface Row {
  name: string
  unit: string
  base: number
  head: number
  p: number
}

let dir = ''
let unavailable = ''

function benchText(s: Samples): string {
  const lines = ['goos: linux', 'goarch: amd64', 'pkg: example.com/m']
  for (const [name, units] of s) {
    const n = Math.max(...[...units.values()].map((v) => v.length))
    for (let i = 0; i < n; i++) lines.push(`${name}-2 1000 ${[...units].map(([u, v]) => `${v[i]} ${u}`).join(' ')}`)
  }
  return lines.join('\n') + '\n'
}

function parseCsv(text: string): Row[] {
  const rows: Row[] = []
  let unit = ''
  for (const line of text.split('\n')) {
    const f = line.split(',')
    if (f[0] === '' && f[1] !== undefined && UNITS[f[1]]) unit = f[1]
    const p = /^p=([0-9.]+) n=/.exec(f[6] ?? '')
    if (!p || f[0] === 'geomean' || !UNITS[unit]) continue
    const { unit: ours, factor } = UNITS[unit]
    rows.push({ name: f[0], unit: ours, base: Number(f[1]) * factor, head: Number(f[3]) * factor, p: Number(p[1]) })
  }
  return rows
}

async function benchstat(base: Samples, head: Samples, tag: string): Promise<Row[]> {
  await writeFile(join(dir, `${tag}-base.txt`), benchText(base))
  await writeFile(join(dir, `${tag}-head.txt`), benchText(head))
  const r = await runProcess('go', ['run', BENCHSTAT, '-format', 'csv', `${tag}-base.txt`, `${tag}-head.txt`], {
    cwd: dir,
    env: { GOPROXY: process.env.GOPROXY ?? 'https://proxy.golang.org,direct', GOFLAGS: '-mod=mod' },
    timeoutMs: 300_000
  })
  if (r.code !== 0) throw new Error(`benchstat failed: ${r.stderr}`)
  return parseCsv(r.stdout)
}

function expectAgreement(rows: Row[], base: Samples, head: Samples): void {
  // One row per benchmark and unit: none was lost in the round trip through the file format.
  expect(rows.length).toBe([...base.values()].reduce((n, units) => n + units.size, 0))
  for (const row of rows) {
    // benchstat's row is the name without "Benchmark", with the -GOMAXPROCS suffix.
    const name = `Benchmark${row.name.replace(/-2$/, '')}`
    const b = base.get(name)?.get(row.unit) ?? []
    const h = head.get(name)?.get(row.unit) ?? []
    const where = `${name} ${row.unit}`
    expect(Math.abs(median(b) - row.base), where).toBeLessThanOrEqual(1e-9 * Math.abs(row.base) + 1e-12)
    expect(Math.abs(median(h) - row.head), where).toBeLessThanOrEqual(1e-9 * Math.abs(row.head) + 1e-12)
    expect(Math.abs(mannWhitneyU(b, h).pValue - row.p), `${where}: p`).toBeLessThanOrEqual(0.0005 + 1e-12)
  }
}

function fromResult(r: RunResult): Samples {
  const out: Samples = new Map()
  for (const p of r.packages) {
    for (const b of p.benchmarks) {
      // benchstat parses names itself; keep to names whose text means the same to both.
      if (b.runs.length === 0 || !/^Benchmark[A-Za-z0-9_]+$/.test(b.name)) continue
      const units = new Map<string, number[]>()
      for (const u of ['ns/op', 'B/op', 'allocs/op']) {
        const v = b.runs.map((run) => run.metrics[u])
        if (v.every((x): x is number => typeof x === 'number')) units.set(u, v)
      }
      // Package into the name: the files carry one pkg line, and two packages may share a benchmark name.
      out.set(`${b.name}_${p.importPath.split('/').pop() ?? ''}`, units)
    }
  }
  return out
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glg-benchstat-'))
  const probe = await runProcess('go', ['run', BENCHSTAT, '-h'], {
    cwd: dir,
    env: { GOPROXY: process.env.GOPROXY ?? 'https://proxy.golang.org,direct', GOFLAGS: '-mod=mod' },
    timeoutMs: 300_000
  }).catch((err: unknown) => ({ code: -1, stdout: '', stderr: String(err) }))
  // benchstat -h exits 2 after printing its usage; a fetch failure says "go: " and no usage.
  if (!/usage: benchstat/i.test(probe.stderr + probe.stdout)) unavailable = `benchstat could not be fetched through the module proxy: ${probe.stderr.slice(0, 300)}`
}, 360_000)

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('the gate and benchstat on the same sample files', () => {
  it('agree on medians and Mann-Whitney p-values for generated samples with ties, 10 runs per side', async (ctx) => {
    if (unavailable) ctx.skip(unavailable)
    const rnd = noisy(17)
    const side = (shift: number): Samples =>
      new Map(
        Array.from({ length: 12 }, (_, k) => [
          `Benchmark${'ABCDEFGHIJKL'[k]}`,
          new Map([
            // Rounded to whole ns so that values tie, as short benchmarks' do.
            ['ns/op', Array.from({ length: 10 }, () => Math.round(100 * (k + 1) * (1 + shift * (k % 3)) * (1 + 0.05 * (rnd() - 0.5))))],
            ['B/op', Array.from({ length: 10 }, () => 64 + (k % 2) * 16 * shift * 10)],
            ['allocs/op', Array.from({ length: 10 }, () => 2 + (k % 4 === 0 ? Math.round(shift * 10) : 0))]
          ])
        ])
      )
    const base = side(0)
    const head = side(0.1)
    expectAgreement(await benchstat(base, head, 'generated'), base, head)
  })

  it('agree on the recorded real runs of the gate fixture', async (ctx) => {
    if (unavailable) ctx.skip(unavailable)
    const read = (s: string) => JSON.parse(readFileSync(new URL(`../fixtures/recorded-results/gate/${s}/result.json`, import.meta.url), 'utf8')) as RunResult
    const base = fromResult(read('base'))
    const head = fromResult(read('head'))
    for (const name of [...base.keys()]) if (!head.has(name)) base.delete(name)
    for (const name of [...head.keys()]) if (!base.has(name)) head.delete(name)
    expectAgreement(await benchstat(base, head, 'recorded'), base, head)
  })
})
