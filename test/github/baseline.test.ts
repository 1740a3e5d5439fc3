// Finding and downloading the stored baseline through the real Octokit against the fake GitHub.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { restArtifactDownloader } from '../../src/github/artifact-download.js'
import { findStoredBaseline, workflowFileFromRef, type BaselineQuery } from '../../src/github/baseline.js'
import { ALICE, client, useFakeGitHub } from './helpers.js'
import { zipOf } from './zips.js'

const BASE = '1'.repeat(40)
const OLDER = '2'.repeat(40)
const NEWER = '3'.repeat(40)
const NAME = 'go-leak-gate-baseline'
const FORK = { id: 77, owner: ALICE, name: 'demo' }

const fake = useFakeGitHub()
let work: string

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'glg-baseline-'))
})

afterEach(async () => {
  await rm(work, { recursive: true, force: true })
})

const query: BaselineQuery = { owner: 'octo', repo: 'demo', workflow: 'gate.yml', branch: 'main', baseSha: BASE, artifactName: NAME }
const RESULT = zipOf({ 'result.json': '{"schemaVersion":1}', 'profiles/bench.mem.pprof': Buffer.from([1, 2, 3]) })

describe('workflowFileFromRef', () => {
  it('takes the workflow file from GITHUB_WORKFLOW_REF', () => {
    expect(workflowFileFromRef('octo/demo/.github/workflows/gate.yml@refs/heads/main')).toBe('gate.yml')
    expect(workflowFileFromRef('octo/demo/.github/workflows/gate.yml@refs/pull/7/merge')).toBe('gate.yml')
    expect(workflowFileFromRef('gate.yml')).toBeUndefined()
  })
})

describe('findStoredBaseline', () => {
  it('prefers the run of the base commit over a newer one', async () => {
    const base = fake().addRun({ headSha: BASE })
    fake().addArtifact(base.id, NAME, RESULT)
    const newer = fake().addRun({ headSha: NEWER })
    fake().addArtifact(newer.id, NAME, RESULT)
    const found = await findStoredBaseline(client(fake()), query)
    expect(found).toMatchObject({ status: 'found', matchesBase: true, run: { id: base.id, headSha: BASE }, artifact: { name: NAME, runId: base.id } })
    const runQueries = fake().requests.filter((r) => r.operationId === 'actions/list-workflow-runs').map((r) => r.query)
    expect(runQueries[0]).toMatchObject({ branch: 'main', event: 'push', status: 'success', head_sha: BASE, per_page: '100' })
  })

  it('takes the newest successful push run of this repository when the base commit has none', async () => {
    const older = fake().addRun({ headSha: OLDER })
    fake().addArtifact(older.id, NAME, RESULT)
    const mine = fake().addRun({ headSha: NEWER })
    fake().addArtifact(mine.id, NAME, RESULT)
    fake().addRun({ headSha: NEWER, conclusion: 'failure' })
    fake().addRun({ headSha: NEWER, event: 'pull_request' })
    fake().addRun({ headSha: NEWER, headBranch: 'feature' })
    // A fork's push to its own main: listed by GitHub among this workflow's runs, never a baseline.
    for (let i = 0; i < 120; i++) fake().addRun({ headSha: NEWER, headRepo: FORK })
    const found = await findStoredBaseline(client(fake()), query)
    expect(found).toMatchObject({ status: 'found', matchesBase: false, run: { id: mine.id } })
    const pages = fake().requests.filter((r) => r.operationId === 'actions/list-workflow-runs' && r.query.head_sha === undefined)
    expect(pages.map((r) => r.query.page ?? '1')).toEqual(['1', '2'])
  })

  it('takes the latest of two artifacts of one name (a re-run uploads a second)', async () => {
    const run = fake().addRun({ headSha: BASE })
    fake().addArtifact(run.id, NAME, RESULT)
    const second = fake().addArtifact(run.id, NAME, RESULT)
    fake().addArtifact(run.id, 'other', RESULT)
    expect(await findStoredBaseline(client(fake()), query)).toMatchObject({ status: 'found', artifact: { id: second.id } })
  })

  it('says plainly that the artifact expired', async () => {
    const run = fake().addRun({ headSha: BASE })
    fake().addArtifact(run.id, NAME, RESULT, true)
    const found = await findStoredBaseline(client(fake()), query)
    expect(found.status).toBe('expired')
    if (found.status === 'expired') {
      expect(found.message).toMatch(new RegExp(`^no stored baseline: the artifact ${NAME} of run ${run.id} \\(111111111111\\) expired on .*retention`))
    }
  })

  it('falls back to the newest run when the base commit’s artifact expired', async () => {
    const base = fake().addRun({ headSha: BASE })
    fake().addArtifact(base.id, NAME, RESULT, true)
    const newer = fake().addRun({ headSha: NEWER })
    fake().addArtifact(newer.id, NAME, RESULT)
    expect(await findStoredBaseline(client(fake()), query)).toMatchObject({ status: 'found', matchesBase: false, run: { id: newer.id } })
  })

  it('says plainly that a run has no artifact, or that there is no run', async () => {
    expect(await findStoredBaseline(client(fake()), query)).toEqual({
      status: 'no-run',
      message: 'no stored baseline: there are no successful push runs of gate.yml on main in octo/demo'
    })
    const run = fake().addRun({ headSha: BASE })
    expect(await findStoredBaseline(client(fake()), query)).toMatchObject({
      status: 'missing',
      message: `no stored baseline: run ${run.id} (111111111111) has no artifact named ${NAME}`
    })
  })

  it('reports a GitHub failure as a result', async () => {
    fake().inject('actions/list-workflow-runs', { kind: 'status', status: 502 }, 4)
    expect(await findStoredBaseline(client(fake()), query)).toMatchObject({ status: 'failed', error: { kind: 'unavailable' } })
  })
})

describe('restArtifactDownloader', () => {
  async function found() {
    const result = await findStoredBaseline(client(fake()), query)
    if (result.status !== 'found' && result.status !== 'expired') throw new Error(result.status)
    return result.artifact
  }

  it('downloads through the redirect and extracts the files', async () => {
    fake().addArtifact(fake().addRun({ headSha: BASE }).id, NAME, RESULT)
    const out = await restArtifactDownloader(client(fake()), { owner: 'octo', repo: 'demo' }).download(await found(), join(work, 'base'))
    expect(out).toEqual({ status: 'downloaded', dir: join(work, 'base'), files: expect.arrayContaining(['result.json', 'profiles/bench.mem.pprof']) })
    expect(await readFile(join(work, 'base', 'result.json'), 'utf8')).toBe('{"schemaVersion":1}')
    expect([...(await readFile(join(work, 'base', 'profiles', 'bench.mem.pprof')))]).toEqual([1, 2, 3])
    expect(fake().requests.map((r) => `${r.status} ${r.operationId ?? r.path}`).slice(-2)).toEqual([
      '302 actions/download-artifact',
      `200 /_blob/artifacts/${(await found()).id}.zip`
    ])
  })

  it('says expired when the download answers 410 (expired since it was listed)', async () => {
    const a = fake().addArtifact(fake().addRun({ headSha: BASE }).id, NAME, RESULT)
    const artifact = await found()
    a.expired = true
    const out = await restArtifactDownloader(client(fake()), { owner: 'octo', repo: 'demo' }).download(artifact, join(work, 'x'))
    expect(out).toEqual({ status: 'expired', message: `the artifact ${NAME} (id ${a.id}) has expired (GitHub answered 410)` })
  })

  it('refuses an archive over the size bound before downloading it, and an oversized content after', async () => {
    fake().addArtifact(fake().addRun({ headSha: BASE }).id, NAME, zipOf({ 'result.json': 'x'.repeat(100_000) }))
    const artifact = await found()
    const small = restArtifactDownloader(client(fake()), { owner: 'octo', repo: 'demo' }, { maxArchiveBytes: 100, maxEntries: 10, maxTotalBytes: 1 << 20 })
    expect(await small.download(artifact, join(work, 'a'))).toMatchObject({ status: 'refused', message: expect.stringMatching(/more than the 100 allowed/) })
    const before = fake().requests.length
    const bomb = restArtifactDownloader(client(fake()), { owner: 'octo', repo: 'demo' }, { maxArchiveBytes: 1 << 20, maxEntries: 10, maxTotalBytes: 50_000 })
    expect(await bomb.download(artifact, join(work, 'b'))).toMatchObject({ status: 'refused', message: expect.stringMatching(/more than the 50000 bytes allowed/) })
    expect(fake().requests.length - before).toBe(2)
  })
})
