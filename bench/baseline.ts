// npm run bench:baseline: what a stored baseline saves, and what the sticky comment costs in API calls.
//
// 1. Gate wall time on the demo module (fixtures/demo), the three baselines alternating in one run, each
//    repeated BENCH_REPEATS times, medians reported:
//      same-runner: the base checked out in a worktree, its test pass and benchmarks measured beside head's;
//      stored:      the base's result recorded once before (as `mode: record` would) and read back: head only;
//      auto:        the stored result's test pass, the base's benchmarks measured here (timings stay judged).
//    The recording itself is timed once, apart (a push run pays it, not the pull request).
// 2. API calls of the sticky comment on a pull request with 45 comments by others, against the fake GitHub
//    (test/github/fake-github.ts): the first run (creates), a second with a changed report (updates), a third
//    with the same report (writes nothing), each counted by operation.
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { readResult } from '../src/baseline/result-dir.js'
import type { BaselineSource } from '../src/baseline/source.js'
import { worktreeBaseline, checkoutBase } from '../src/baseline/worktree.js'
import { DEFAULT_COMPARE, DEFAULT_LOAD, DEFAULT_RUN, DEFAULT_TESTS } from '../src/config/defaults.js'
import type { Config } from '../src/config/types.js'
import { makeFixtureRepo } from '../src/fixture-repo.js'
import { publishComment } from '../src/github/comment.js'
import { runProcess } from '../src/go/process.js'
import { probeToolchain } from '../src/go/toolchain.js'
import type { JobDeps } from '../src/jobs/deps.js'
import { gate, measureWorkingTree } from '../src/pipeline/gate.js'
import { startFake, client, ALICE, OTHER_BOT } from '../test/github/helpers.js'
import { sampleReport, withCounts } from '../test/report/sample-report.js'
// @ts-expect-error plain JavaScript helper of the other benches
import { cpuSnapshot, othersShare } from './lib/cpu.js'

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3)
const log = (m: string) => process.stderr.write(`${m}\n`)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function wallTimes(): Promise<Record<string, unknown>> {
  const work = await mkdtemp(join(tmpdir(), 'glg-bench-baseline-'))
  try {
    const repo = await makeFixtureRepo(runProcess, 'demo', join(work, 'repo'))
    const deps: JobDeps = { run: runProcess, toolchain: await probeToolchain(runProcess), log: () => {} }
    // The demo's own settings (src/demo.ts): enough runs for the statistics, the test pass on.
    const config: Config = {
      run: { ...DEFAULT_RUN, dir: repo.dir, count: 8, benchtime: '100ms', timeoutMs: 120_000 },
      compare: DEFAULT_COMPARE,
      tests: { ...DEFAULT_TESTS, timeoutMs: 120_000 },
      load: DEFAULT_LOAD
    }
    // Warm Go's build cache for both trees, so the first timed gate pays no more than the others.
    await gate(deps, { ...config, run: { ...config.run, count: 1 } }, worktreeBaseline(repo.dir, repo.baseSha), join(work, 'warm'))

    const recordStart = performance.now()
    const tree = await checkoutBase(runProcess, repo.dir, repo.baseSha)
    const storedDir = join(work, 'stored')
    try {
      await measureWorkingTree(deps, { ...config, run: { ...config.run, dir: tree.tree.moduleDir } }, storedDir)
    } finally {
      await tree.release()
    }
    const recordMs = performance.now() - recordStart
    const stored = await readResult(storedDir)

    const sources: Record<string, () => BaselineSource> = {
      'same-runner': () => worktreeBaseline(repo.dir, repo.baseSha),
      stored: () => ({ describe: 'stored', obtain: async () => ({ kind: 'stored', result: stored, dir: storedDir, timingsComparable: false }) }),
      auto: () => {
        const wt = worktreeBaseline(repo.dir, repo.baseSha)
        return {
          describe: 'auto',
          obtain: async (run) => {
            const base = await wt.obtain(run)
            return base.kind === 'tree' ? { ...base, storedTests: stored } : base
          }
        }
      }
    }
    const times: Record<string, number[]> = { 'same-runner': [], stored: [], auto: [] }
    const verdicts: Record<string, string[]> = { 'same-runner': [], stored: [], auto: [] }
    const before = cpuSnapshot()
    for (let i = 0; i < REPEATS; i++) {
      // Rotate the order each repeat so no baseline always runs first on a cold page cache.
      const order = Object.keys(sources)
      for (let k = 0; k < i % order.length; k++) order.push(order.shift() as string)
      for (const name of order) {
        const t = performance.now()
        const { report } = await gate(deps, config, sources[name](), join(work, `gate-${name}-${i}`))
        times[name].push(performance.now() - t)
        verdicts[name].push(`${report.verdict}: ${report.findings.filter((f) => f.severity === 'fail').map((f) => `${f.subject} ${f.metric}`).sort().join(', ')}`)
        log(`repeat ${i + 1}/${REPEATS} ${name}: ${(times[name][i] / 1000).toFixed(1)} s, ${report.verdict}`)
      }
    }
    const busy = othersShare(before, cpuSnapshot(), cpus().length) as number | null
    const med = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]))
    return { recordMs, medianMs: med, times, storedOverSameRunner: med.stored / med['same-runner'], autoOverSameRunner: med.auto / med['same-runner'], othersCpuShare: busy, verdicts }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

async function apiCalls(): Promise<Record<string, Record<string, number>>> {
  const fake = await startFake()
  try {
    for (let i = 0; i < 45; i++) fake.addComment(7, i % 2 === 0 ? ALICE : OTHER_BOT, `comment ${i}`)
    const octokit = client(fake)
    const report = sampleReport()
    const changed = withCounts({ ...report, findings: report.findings.slice(1) })
    const out: Record<string, Record<string, number>> = {}
    const runs: [string, typeof report, number][] = [['first run (creates)', report, 100], ['second run, changed report (updates)', changed, 101], ['third run, same report (no write)', changed, 102]]
    for (const [name, r, runId] of runs) {
      const from = fake.requests.length
      const outcome = await publishComment(octokit, { owner: 'octo', repo: 'demo', issueNumber: 7, report: r, mode: 'always', key: 'go-leak-gate', stamp: { headSha: 'c'.repeat(40), runId, runAttempt: 1 } })
      const counts: Record<string, number> = { total: 0 }
      for (const q of fake.requests.slice(from)) {
        counts[q.operationId ?? q.path] = (counts[q.operationId ?? q.path] ?? 0) + 1
        counts.total++
      }
      out[`${name}: ${outcome.status}`] = counts
    }
    if (fake.violations.length > 0) throw new Error(`the fake GitHub saw requests GitHub would refuse: ${fake.violations.join('; ')}`)
    return out
  } finally {
    await fake.close()
  }
}

const figures = { go: (await probeToolchain(runProcess)).goVersion, cpus: cpus().length, repeats: REPEATS, wall: await wallTimes(), api: await apiCalls() }
process.stdout.write(JSON.stringify(figures, null, 2) + '\n')
