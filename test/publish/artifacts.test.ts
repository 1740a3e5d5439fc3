// Artifact uploads: the real @actions/artifact client against a fake of the results service it talks to
// (Twirp calls and block-blob uploads), so the names, files, paths and retention it sends are the ones checked;
// and the names the action gives its artifacts.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { readZip } from '../../src/github/unzip.js'
import {
  actionsArtifactUploader,
  baselineArtifactName,
  namePart,
  reportArtifactName,
  reportArtifactPrefix,
  shardArtifactName,
  uploadFiles
} from '../../src/publish/artifacts.js'
import type { FakeGitHub } from '../github/fake-github.js'
import { FakeResults } from '../github/fake-results.js'
import { startFake } from '../github/helpers.js'

let gh: FakeGitHub
let results: FakeResults
let dir: string

beforeEach(async () => {
  gh = await startFake()
  results = await FakeResults.start(gh)
  dir = await mkdtemp(join(tmpdir(), 'glg-upload-'))
  await mkdir(join(dir, 'head', 'profiles'), { recursive: true })
  await writeFile(join(dir, 'head', 'result.json'), '{"schemaVersion":2}')
  await writeFile(join(dir, 'head', 'profiles', 'p0-BenchmarkA.0.pprof'), Buffer.from([0x1f, 0x8b, 0, 1, 2]))
  await writeFile(join(dir, 'report.json'), '{}')
})

afterEach(async () => {
  vi.unstubAllEnvs()
  expect(results.violations).toEqual([])
  await results.close()
  await gh.close()
  await rm(dir, { recursive: true, force: true })
})

function runtimeOf(runId: number): void {
  for (const [k, v] of Object.entries(results.env(runId))) vi.stubEnv(k, v)
}

describe('the real artifact client', () => {
  it('uploads every file below the root under its relative path, with the retention asked for', async () => {
    const run = gh.addRun({ headSha: 'a'.repeat(40) })
    runtimeOf(run.id)
    const r = await uploadFiles(actionsArtifactUploader(), 'go-leak-gate-baseline', join(dir, 'head'), { retentionDays: 5 })
    expect(r).toMatchObject({ status: 'uploaded', name: 'go-leak-gate-baseline', files: 2 })
    expect(results.calls.map((c) => c.method)).toEqual(['CreateArtifact', 'FinalizeArtifact'])
    const create = results.calls[0].body
    expect(create).toMatchObject({ name: 'go-leak-gate-baseline', workflow_run_backend_id: `run-${run.id}`, version: 7 })
    const days = (Date.parse(String(create.expires_at)) - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(4.9)
    expect(days).toBeLessThan(5.1)
    const [stored] = gh.state.artifacts
    expect(stored).toMatchObject({ runId: run.id, name: 'go-leak-gate-baseline' })
    if (r.status === 'uploaded') expect(r.id).toBe(stored.id)
    const entries = readZip(stored.zip, { maxEntries: 10, maxTotalBytes: 1 << 20 })
    expect(entries.map((e) => e.name).sort()).toEqual(['profiles/p0-BenchmarkA.0.pprof', 'result.json'])
    expect(entries.find((e) => e.name === 'result.json')?.data.toString()).toBe('{"schemaVersion":2}')
  })

  it('sends no expiry when no retention is given (the repository setting applies)', async () => {
    runtimeOf(gh.addRun({ headSha: 'a'.repeat(40) }).id)
    await uploadFiles(actionsArtifactUploader(), 'x', join(dir, 'head'), {})
    expect(results.calls[0].body.expires_at).toBeUndefined()
  })

  it('reports a name already taken in the run as a failed upload, not an exception', async () => {
    runtimeOf(gh.addRun({ headSha: 'a'.repeat(40) }).id)
    const first = await uploadFiles(actionsArtifactUploader(), 'same', join(dir, 'head'), {})
    const second = await uploadFiles(actionsArtifactUploader(), 'same', join(dir, 'head'), {})
    expect(first.status).toBe('uploaded')
    expect(second).toMatchObject({ status: 'failed', message: expect.stringMatching(/^uploading the artifact same failed: .*409/) })
  })

  it('fails without the Actions runtime (a run: step), saying which variable is missing', async () => {
    vi.stubEnv('ACTIONS_RUNTIME_TOKEN', '')
    vi.stubEnv('ACTIONS_RESULTS_URL', '')
    const r = await uploadFiles(actionsArtifactUploader(), 'x', join(dir, 'head'), {})
    expect(r).toMatchObject({ status: 'failed', message: expect.stringMatching(/ACTIONS_RUNTIME_TOKEN/) })
  })
})

describe('artifact names', () => {
  const parts = { key: 'go-leak-gate', job: 'perf', runAttempt: 2, shard: { index: 1, count: 1 } }

  it('keep key, job, shard and attempt apart, and never hold a character the service refuses', () => {
    const names = [
      reportArtifactName(parts),
      reportArtifactName({ ...parts, runAttempt: 3 }),
      reportArtifactName({ ...parts, job: 'perf2' }),
      reportArtifactName({ ...parts, key: 'linux/go1.27' }),
      reportArtifactName({ ...parts, key: 'linux_go1.27' }),
      shardArtifactName('k', { index: 1, count: 2 }, 1),
      shardArtifactName('k', { index: 2, count: 2 }, 1)
    ]
    expect(new Set(names).size).toBe(names.length)
    for (const n of names) expect(n).not.toMatch(/["\\:<>|*?/\s]/)
    expect(reportArtifactName(parts).startsWith(reportArtifactPrefix('go-leak-gate'))).toBe(true)
    // One key's prefix never matches another key's artifacts.
    expect(reportArtifactName({ ...parts, key: 'go-leak-gate-2' }).startsWith(reportArtifactPrefix('go-leak-gate'))).toBe(false)
  })

  it('make an unsafe key safe and distinct', () => {
    expect(namePart('plain-key.1')).toBe('plain-key.1')
    expect(namePart('a/b')).not.toBe(namePart('a_b'))
    expect(namePart('a/b')).toMatch(/^a_b-[0-9a-f]{8}$/)
  })

  it('name the stored baseline as configured, per shard when sharded', () => {
    expect(baselineArtifactName('go-leak-gate-baseline', { index: 1, count: 1 })).toBe('go-leak-gate-baseline')
    expect(baselineArtifactName('go-leak-gate-baseline', { index: 2, count: 3 })).toBe('go-leak-gate-baseline-shard-2-of-3')
  })
})
