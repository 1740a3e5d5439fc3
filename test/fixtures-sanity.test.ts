// Proves that the Go fixtures do what fixtures/EXPECTATIONS.md (and each expectations.json) says: the head
// overlay, the builds, the deterministic metrics, the timing ratios, the failures, the retained heap and the
// allocation sites, measured with plain `go test` and test binaries, without any code from src/.
import { mkdir, mkdtemp, readFile, realpath, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  type BenchmarkExpectation,
  type FixtureExpectations,
  type LocationExpectation,
  type Side,
  loadExpectations
} from './helpers/expectations.js'
import { addWorktree, fixturesRoot, git, listFiles, makeFixtureRepo, readHeadDelete } from './helpers/fixture-repo.js'
import {
  type BenchResults,
  type BenchSample,
  liveHeapsMB,
  median,
  parseBenchOutput,
  runGo,
  runProcess
} from './helpers/go-run.js'
import { type Frame, type HeapSample, leafSites, readHeapProfile, sumAtLeaf } from './helpers/heap-profile.js'

const SIDES: Side[] = ['base', 'head']
// The suffix Go appends to benchmark names; fixed so that `dash-8` parses the same on any machine.
const PROCS = 2
const BENCHTIME = '2000x'
const COUNT = 3
// Paired base/head rounds for the timing ratios.
const RATIO_ROUNDS = 5
// B/op is a process-wide MemStats difference: at small b.N a background allocation can add a few bytes.
const BYTES_PER_OP_SLACK = 8
// Two rounds of different size: growth between them is what the work retains, not what a warm-up filled once.
const ROUNDS = [1000, 3000] as const

const fixtures = await Promise.all(['gate', 'demo'].map((name) => loadExpectations(name)))

const goVersion = (await runGo(['env', 'GOVERSION'], fixturesRoot)).stdout.trim()

function benchRegexp(name: string): string {
  return '^' + name.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&') + '$'
}

function isModuleFile(loc: LocationExpectation): boolean {
  return !loc.file.startsWith('$GOROOT/')
}

function frameMatches(frame: Frame, loc: LocationExpectation): boolean {
  const file = loc.file.replace(/^\$GOROOT\/src\//, '')
  return frame.function === loc.function && frame.line === loc.line && frame.file.endsWith('/' + file)
}

function samplesOf(results: BenchResults, importPath: string, name: string): BenchSample[] {
  return results.get(importPath)?.get(name) ?? []
}

describe.each(fixtures.map((exp) => [exp.fixture, exp] as const))('fixture %s', (name, exp: FixtureExpectations) => {
  const tree: Record<Side, string> = { base: '', head: '' }
  const results: Record<Side, BenchResults> = { base: new Map(), head: new Map() }
  let root = ''
  let baseSha = ''
  let headSha = ''

  const pkgOf = (dir: string) => {
    const pkg = exp.packages.find((p) => p.dir === dir)
    if (!pkg) throw new Error(`${name}: benchmark in unknown package ${dir}`)
    return pkg
  }
  // Packages that hold a benchmark which fails on some side run one benchmark per `go test`: a panic ends the
  // whole test binary, and the benchmarks after it would never report.
  const hasFailure = (dir: string) => exp.benchmarks.some((b) => b.pkg === dir && b.failure)

  const binaries = new Map<string, Promise<string>>()
  function testBinary(side: Side, dir: string): Promise<string> {
    const key = `${side}/${dir}`
    let bin = binaries.get(key)
    if (!bin) {
      bin = (async () => {
        const out = join(root, `bin-${side}`)
        await mkdir(out, { recursive: true })
        const path = join(out, `${basename(pkgOf(dir).importPath)}.test`)
        const build = await runGo(['test', '-c', '-o', path, `./${dir}`], tree[side])
        if (build.code !== 0) throw new Error(`go test -c ./${dir} on ${side}: ${build.stderr}`)
        return path
      })()
      binaries.set(key, bin)
    }
    return bin
  }

  async function heapProfile(
    side: Side,
    bench: BenchmarkExpectation,
    n: number,
    gctrace = false
  ): Promise<{ samples: HeapSample[]; stderr: string }> {
    const bin = await testBinary(side, bench.pkg)
    const profile = join(root, `${side}-${bench.pkg}-${bench.name}-${n}.pb.gz`)
    const run = await runProcess(
      bin,
      [
        '-test.run=^$',
        `-test.bench=${benchRegexp(bench.name)}`,
        `-test.benchtime=${n}x`,
        `-test.cpu=${PROCS}`,
        '-test.memprofilerate=1',
        `-test.memprofile=${profile}`
      ],
      { cwd: join(tree[side], bench.pkg), env: gctrace ? { GODEBUG: 'gctrace=1' } : {} }
    )
    expect(run.code, run.stdout + run.stderr).toBe(0)
    return { samples: await readHeapProfile(profile), stderr: run.stderr }
  }

  beforeAll(async () => {
    root = await realpath(await mkdtemp(join(tmpdir(), `glg-sanity-${name}-`)))
    const repo = await makeFixtureRepo(name, { root })
    ;({ baseSha, headSha } = repo)
    tree.head = repo.dir
    tree.base = join(root, 'base')
    await addWorktree(repo.dir, repo.baseSha, tree.base)

    for (const side of SIDES) {
      const common = ['test', '-run', '^$', '-benchmem', `-benchtime=${BENCHTIME}`, `-count=${COUNT}`, `-cpu=${PROCS}`]
      const together = exp.packages.filter((p) => p.builds[side] && !hasFailure(p.dir)).map((p) => `./${p.dir}`)
      const run = await runGo([...common, '-bench=.', ...together], tree[side])
      expect(run.code, run.stdout + run.stderr).toBe(0)
      results[side] = parseBenchOutput(run.stdout, PROCS)

      for (const bench of exp.benchmarks.filter((b) => hasFailure(b.pkg) && b.sides.includes(side))) {
        const one = await runGo([...common, `-bench=${benchRegexp(bench.name)}`, `./${bench.pkg}`], tree[side])
        for (const [pkg, byName] of parseBenchOutput(one.stdout, PROCS)) {
          const merged = results[side].get(pkg) ?? new Map<string, BenchSample[]>()
          for (const [n, samples] of byName) merged.set(n, samples)
          results[side].set(pkg, merged)
        }
      }
    }
  })

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true })
  })

  it('head overlay holds only changed or new files, and head.delete names files of the base', async () => {
    const base = await listFiles(join(fixturesRoot, name, 'base'))
    const head = await listFiles(join(fixturesRoot, name, 'head'))
    for (const file of head) {
      if (!base.includes(file)) continue
      const [b, h] = await Promise.all(
        SIDES.map((side) => readFile(join(fixturesRoot, name, side, file), 'utf8'))
      )
      expect(h, `head/${file} is identical to base/${file}`).not.toBe(b)
    }
    for (const file of await readHeadDelete(name)) expect(base, `head.delete: ${file}`).toContain(file)
    expect(base).toContain('go.mod')
    const gomod = await readFile(join(fixturesRoot, name, 'base', 'go.mod'), 'utf8')
    expect(gomod).toBe(`module ${exp.module}\n\ngo 1.21\n`)
  })

  it('makeFixtureRepo commits the base, then exactly the head overlay', async () => {
    expect(baseSha).toMatch(/^[0-9a-f]{40}$/)
    expect(headSha).not.toBe(baseSha)
    expect(await git(tree.head, ['rev-parse', 'HEAD^'])).toBe(baseSha)
    const changed = (await git(tree.head, ['diff', '--name-status', baseSha, headSha])).split('\n').sort()
    const head = await listFiles(join(fixturesRoot, name, 'head'))
    const base = await listFiles(join(fixturesRoot, name, 'base'))
    const want = [
      ...head.map((f) => `${base.includes(f) ? 'M' : 'A'}\t${f}`),
      ...(await readHeadDelete(name)).map((f) => `D\t${f}`)
    ].sort()
    expect(changed).toEqual(want)
    expect(await git(tree.head, ['status', '--porcelain'])).toBe('')

    const again = await makeFixtureRepo(name, { root })
    await again.cleanup()
    expect([again.baseSha, again.headSha], 'commit ids are reproducible').toEqual([baseSha, headSha])
    await expect(stat(again.dir)).rejects.toThrow()
  })

  it('each expected location holds the code it quotes, and inDiff matches the head commit', async () => {
    const locations = exp.benchmarks.flatMap((b) => [
      ...b.findings.flatMap((f) => f.locations ?? []),
      ...(b.cpu?.locations ?? []),
      ...(b.failure ? [b.failure.location] : [])
    ])
    expect(locations.length).toBeGreaterThan(0)
    const goroot = (await runGo(['env', 'GOROOT'], fixturesRoot)).stdout.trim()
    for (const loc of locations) {
      if (!isModuleFile(loc) && goVersion !== exp.validated.go) continue
      const path = isModuleFile(loc) ? join(tree[loc.side], loc.file) : loc.file.replace('$GOROOT', goroot)
      const lines = (await readFile(path, 'utf8')).split('\n')
      expect(lines[loc.line - 1], `${loc.file}:${loc.line}`).toContain(loc.code)
      if (!isModuleFile(loc) || loc.side !== 'head') continue
      const diff = await git(tree.head, ['diff', '--unified=0', baseSha, headSha, '--', loc.file])
      const changedLines = new Set<number>()
      for (const m of diff.matchAll(/^@@ -\S+ \+(\d+)(?:,(\d+))? @@/gm)) {
        const start = Number(m[1])
        for (let i = 0; i < Number(m[2] ?? 1); i++) changedLines.add(start + i)
      }
      expect(changedLines.has(loc.line), `${loc.file}:${loc.line} inDiff`).toBe(loc.inDiff)
    }
  })

  it('base vets clean; head vets clean except packages expected not to build', async () => {
    const base = await runGo(['vet', './...'], tree.base)
    expect(base.code, base.stderr).toBe(0)
    const building = exp.packages.filter((p) => p.builds.head).map((p) => `./${p.dir}`)
    const head = await runGo(['vet', ...building], tree.head)
    expect(head.code, head.stderr).toBe(0)
  })

  for (const pkg of exp.packages.filter((p) => p.buildError)) {
    it(`package ${pkg.dir} fails to build on one side with the expected type error`, async () => {
      const err = pkg.buildError
      if (!err) throw new Error('filtered on buildError')
      const build = await runGo(['build', `./${pkg.dir}`], tree[err.side])
      expect(build.code).not.toBe(0)
      expect(build.stderr).toContain(`${err.file}:${err.line}:${err.column}: ${err.message}`)
      const other = err.side === 'head' ? 'base' : 'head'
      expect((await runGo(['build', `./${pkg.dir}`], tree[other])).code).toBe(0)
    })
  }

  it('each side runs exactly the expected benchmarks, awkward names included', () => {
    for (const side of SIDES) {
      const want = exp.benchmarks
        .filter((b) => b.sides.includes(side) && pkgOf(b.pkg).builds[side] && b.failure?.side !== side)
        .map((b) => `${pkgOf(b.pkg).importPath}.${b.name}`)
        .sort()
      const got = [...results[side]].flatMap(([pkg, byName]) => [...byName.keys()].map((n) => `${pkg}.${n}`)).sort()
      expect(got, side).toEqual(want)
    }
  })

  it('deterministic metrics: allocs/op and custom units exactly, B/op within a few bytes', () => {
    for (const bench of exp.benchmarks) {
      for (const [unit, bySide] of Object.entries(bench.deterministic ?? {})) {
        for (const side of SIDES) {
          const want = bySide[side]
          if (want === undefined) continue
          const samples = samplesOf(results[side], pkgOf(bench.pkg).importPath, bench.name)
          expect(samples, `${side} ${bench.pkg}.${bench.name}`).toHaveLength(COUNT)
          for (const sample of samples) {
            const label = `${side} ${bench.pkg}.${bench.name} ${unit}`
            if (unit === 'B/op') expect(Math.abs(sample[unit] - want), label).toBeLessThanOrEqual(BYTES_PER_OP_SLACK)
            else expect(sample[unit], label).toBe(want)
          }
        }
      }
    }
  })

  it('timing ratios (median of per-round head / base) hold', async () => {
    // Base and head alternate round by round from prebuilt binaries (the order flips each round), and the
    // ratio is taken per round: a machine that gets busier between the base and the head phase would
    // otherwise move an unpaired ratio by more than the margins below.
    const checked = exp.benchmarks.filter((b) => b.ratios)
    for (const bench of checked) {
      const ratios = new Map<string, number[]>()
      for (let round = 0; round < RATIO_ROUNDS; round++) {
        const order: Side[] = round % 2 === 0 ? ['base', 'head'] : ['head', 'base']
        const sample: Partial<Record<Side, BenchSample>> = {}
        for (const side of order) {
          const run = await runProcess(
            await testBinary(side, bench.pkg),
            ['-test.run=^$', `-test.bench=${benchRegexp(bench.name)}`, `-test.benchtime=${BENCHTIME}`, `-test.cpu=${PROCS}`, '-test.benchmem'],
            { cwd: join(tree[side], bench.pkg) }
          )
          expect(run.code, run.stdout + run.stderr).toBe(0)
          sample[side] = samplesOf(parseBenchOutput(run.stdout, PROCS), pkgOf(bench.pkg).importPath, bench.name)[0]
        }
        for (const unit of Object.keys(bench.ratios ?? {})) {
          const [b, h] = [sample.base?.[unit], sample.head?.[unit]]
          if (b === undefined || h === undefined) throw new Error(`${bench.pkg}.${bench.name}: no ${unit} in round ${round}`)
          ratios.set(unit, [...(ratios.get(unit) ?? []), h / b])
        }
      }
      for (const [unit, bound] of Object.entries(bench.ratios ?? {})) {
        const ratio = median(ratios.get(unit) ?? [])
        const label = `${bench.pkg}.${bench.name} ${unit}: per-round ratios ${(ratios.get(unit) ?? []).map((r) => r.toFixed(2)).join(' ')}`
        if (bound.min !== undefined) expect(ratio, label).toBeGreaterThanOrEqual(bound.min)
        if (bound.max !== undefined) expect(ratio, label).toBeLessThanOrEqual(bound.max)
      }
    }
  })

  for (const bench of exp.benchmarks.filter((b) => b.failure)) {
    it(`${bench.pkg}.${bench.name} passes on one side and fails on the other as expected`, async () => {
      const failure = bench.failure
      if (!failure) throw new Error('filtered on failure')
      const ok = SIDES.find((s) => s !== failure.side) ?? 'base'
      expect(samplesOf(results[ok], pkgOf(bench.pkg).importPath, bench.name)).toHaveLength(COUNT)
      const run = await runGo(
        ['test', '-run', '^$', `-bench=${benchRegexp(bench.name)}`, '-benchtime=100x', `./${bench.pkg}`],
        tree[failure.side]
      )
      expect(run.code).not.toBe(0)
      const loc = failure.location
      if (failure.kind === 'fatal') {
        expect(run.stdout).toContain(`--- FAIL: ${bench.name}`)
        expect(run.stdout).toContain(`${basename(loc.file)}:${loc.line}: ${failure.message}`)
      } else {
        expect(run.stdout).toContain(`panic: ${failure.message}`)
        expect(run.stdout).toContain(`${loc.function}(`)
        expect(run.stdout).toContain(`/${loc.file}:${loc.line}`)
      }
    })
  }

  for (const bench of exp.benchmarks.filter((b) => b.retained)) {
    it(`${bench.pkg}.${bench.name} retains the expected heap per op, grown at the expected site`, async () => {
      const retained = bench.retained
      if (!retained) throw new Error('filtered on retained')
      const duringRun = retained.where === 'during-run'
      for (const side of SIDES) {
        const inModule = (f: Frame) => f.file.startsWith(tree[side] + '/')
        const small = await heapProfile(side, bench, ROUNDS[0], duringRun)
        const large = await heapProfile(side, bench, ROUNDS[1], duringRun)
        const [inuseSmall, inuseLarge] = [small, large].map((p) => sumAtLeaf(p.samples, 'inuse_space', inModule))
        const perOpAtExit = (inuseLarge - inuseSmall) / (ROUNDS[1] - ROUNDS[0])
        const label = `${side} ${bench.name}: inuse at exit ${inuseSmall} -> ${inuseLarge} B`
        const want = duringRun ? 0 : retained.perOp[side]
        expect(Math.abs(perOpAtExit - want), label).toBeLessThanOrEqual(Math.max(64, want * 0.05))

        const constant = retained.constantBytes?.[side]
        if (constant !== undefined) {
          expect(Math.abs(inuseSmall - constant - want * ROUNDS[0]), label).toBeLessThanOrEqual(4096 + constant * 0.05)
        }
        if (duringRun) {
          // What the benchmark keeps alive dies with it: only the live heap of the measured run shows it.
          // Objects allocated during a concurrent mark count as live, so a side that retains nothing can still
          // show a few MB when the machine is busy; it stays under the runtime's 4 MB minimum heap goal.
          const peakMB = Math.max(0, ...liveHeapsMB(large.stderr))
          const expectedMB = (retained.perOp[side] * ROUNDS[1]) / 2 ** 20
          if (expectedMB > 0) expect(peakMB, `${side} live heap`).toBeGreaterThanOrEqual(expectedMB / 2)
          else expect(peakMB, `${side} live heap`).toBeLessThan(4)
        }

        const site = bench.findings.flatMap((f) => f.locations ?? []).find((l) => l.role === 'allocation')
        if (site && !duringRun && retained.perOp[side] > 0) {
          const top = leafSites(large.samples, 'inuse_space')[0]
          expect(top !== undefined && frameMatches(top.frame, site), JSON.stringify(top?.frame)).toBe(true)
        }
      }
    })
  }

  const allocSite = (b: BenchmarkExpectation) =>
    b.findings.find((f) => f.metric === 'allocs/op')?.locations?.find((l) => l.role === 'allocation')
  for (const bench of exp.benchmarks.filter((b) => allocSite(b))) {
    it(`${bench.pkg}.${bench.name}: the extra allocation is at the expected site and caller`, async () => {
      const locations = bench.findings.find((f) => f.metric === 'allocs/op')?.locations ?? []
      const site = allocSite(bench)
      if (!site) throw new Error('filtered on an allocation site')
      const n = 2000
      for (const side of SIDES) {
        const { samples } = await heapProfile(side, bench, n)
        const atSite = samples.filter((s) => s.stack.length > 0 && frameMatches(s.stack[0], site))
        // b.N = 1 runs first, then b.N = n: one allocation per op is n + 1 objects.
        const want = side === 'head' ? n + 1 : 0
        const objects = (xs: HeapSample[]) => xs.reduce((sum, s) => sum + s.values.alloc_objects, 0)
        expect(objects(atSite), `${side} objects at ${site.function}:${site.line}`).toBe(want)
        for (const caller of locations.filter((l) => l.role === 'caller')) {
          const through = atSite.filter((s) => s.stack.some((f) => frameMatches(f, caller)))
          expect(objects(through), `${side} objects through ${caller.function}:${caller.line}`).toBe(want)
        }
      }
    })
  }
})
