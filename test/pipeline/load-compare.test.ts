// The compare stage on a recorded gate run of fixtures/load (test/fixtures/recorded-results/load): the
// load job's findings marked where the pull request changed their lines, the commands to look closer,
// and the exit code a failed job asks for, on head and on base.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readResult } from '../../src/baseline/result-dir.js'
import { DEFAULT_COMPARE } from '../../src/config/defaults.js'
import { EXIT, exitCodeForReport } from '../../src/exit.js'
import type { SourceDiff } from '../../src/git/source-diff.js'
import { loadRunErrors } from '../../src/jobs/load/index.js'
import type { LoadJobFailure, RunResult } from '../../src/model/result.js'
import { compareWithSites } from '../../src/pipeline/compare.js'

const RECORDED = join(import.meta.dirname, '..', 'fixtures', 'recorded-results', 'load')

async function sides(): Promise<{ base: RunResult; head: RunResult }> {
  return { base: await readResult(join(RECORDED, 'base')), head: await readResult(join(RECORDED, 'head')) }
}

function compare(base: RunResult, head: RunResult, diff?: SourceDiff) {
  return compareWithSites({ base, head, baseDir: join(RECORDED, 'base'), headDir: join(RECORDED, 'head'), config: DEFAULT_COMPARE }, async () => diff)
}

/**
 * A side whose job failed as the pipeline records it: the job's error, and its RunResult.errors entry. A
 * job that failed at its build measured nothing and saw no race.
 */
function failed(r: RunResult, error: LoadJobFailure): RunResult {
  const nothing = error.phase === 'build' ? { phases: [], snapshots: [], races: [] } : {}
  const loads = (r.loads ?? []).map((j) => ({ ...j, ...nothing, error }))
  return { ...r, loads, errors: [...r.errors, ...loadRunErrors(loads)] }
}

describe('compare of a load job', () => {
  it("marks the lines of the job's findings that the pull request changed", async () => {
    const { base, head } = await sides()
    const changed = new Set(['api/audit.go:14'])
    const report = await compare(base, head, { toHead: (_, line) => line, changedInHead: (file, line) => changed.has(`${file}:${line}`) })
    const audit = report.findings.find((f) => f.kind === 'goroutine-leak' && f.metric === 'goroutines [chan send]')
    expect(audit?.locations.map((l) => [l.role, `${l.file}:${l.line}`, l.inDiff])).toEqual([
      ['blocking', 'api/audit.go:14', true],
      ['creation', 'api/audit.go:13', false]
    ])
    const race = report.findings.find((f) => f.kind === 'race')
    expect(race?.locations.length).toBeGreaterThan(0)
    expect(race?.locations.every((l) => l.inDiff === false)).toBe(true)
    // Without a diff nothing is marked either way.
    expect((await compare(base, head)).findings.flatMap((f) => f.locations).some((l) => l.inDiff !== undefined)).toBe(false)
  })

  it("gives the pprof commands that show what head's rounds added", async () => {
    const { base, head } = await sides()
    const commands = (await compare(base, head)).reproduce.map((r) => r.command)
    const dir = join(RECORDED, 'head')
    expect(commands).toContain(`go tool pprof -sample_index=inuse_space -top -diff_base=${dir}/load/api/warmup.heap.pb.gz ${dir}/load/api/round-3.heap.pb.gz`)
    expect(commands).toContain(`go tool pprof -top -diff_base=${dir}/load/api/warmup.goroutine.pb.gz ${dir}/load/api/round-3.goroutine.pb.gz`)
  })

  it('exits 1 on its findings, 2 on a configuration mistake on head, 3 on a run that could not complete', async () => {
    const { base, head } = await sides()
    expect(exitCodeForReport(await compare(base, head))).toBe(EXIT.fail)
    const mistake: LoadJobFailure = { kind: 'config', phase: 'snapshot', message: "load job 'api': .../goroutine?debug=2 answers 404" }
    expect(exitCodeForReport(await compare(base, failed(head, mistake)))).toBe(EXIT.usage)
    const stuck: LoadJobFailure = { kind: 'run', phase: 'ready', message: "load job 'api': the service was not ready within 30s" }
    const incomplete = await compare(base, failed(head, stuck))
    expect(incomplete.incomplete).toBe(true)
    expect(exitCodeForReport(incomplete)).toBe(EXIT.incomplete)
    // On base alone it is no mistake of this configuration: the job (or its package) may be new in the PR.
    const newJob = await compare(failed(base, mistake), head)
    expect(exitCodeForReport(newJob)).not.toBe(EXIT.usage)
    expect(newJob.loads?.[0].notes[0]).toMatch(/^the base side did not complete/)
    expect(newJob.findings.filter((f) => f.subject === 'api' && f.severity === 'fail')).toEqual([])
  })

  it('calls a service that no longer builds on head a build failure', async () => {
    const { base, head } = await sides()
    const broken: LoadJobFailure = { kind: 'run', phase: 'build', message: "load job 'api': go build of service.package './cmd/api' failed (exit code 1)" }
    const report = await compare(base, failed(head, broken))
    expect(report.findings.map((f) => [f.kind, f.severity, f.subject])).toEqual([['build-failure', 'fail', 'api']])
    expect(report.findings[0].message).toBe(`${broken.message} on head; the load job was not run`)
    const both = await compare(failed(base, broken), failed(head, broken))
    expect(both.findings.map((f) => [f.kind, f.severity])).toEqual([['build-failure', 'warn']])
  })
})
