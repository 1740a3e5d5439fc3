// The GitHub sinks never throw: a refused or failed call is a warning, and publish() reports no failed sink,
// so the exit code stays the verdict's.
import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../src/github/annotations.js'
import { annotationsSink, artifactSink, commentSink, publishState } from '../../src/publish/github.js'
import { publish } from '../../src/publish/sinks.js'
import { client, FORK_TOKEN, useFakeGitHub } from '../github/helpers.js'
import { sampleReport } from '../report/sample-report.js'

const stamp = { headSha: 'c'.repeat(40), runId: 10, runAttempt: 1 }

describe('GitHub sinks', () => {
  const fake = useFakeGitHub()

  it('turn a fork’s 403 into a warning that names the fix, and leave no comment URL', async () => {
    const state = publishState()
    const said = { info: [] as string[], warnings: [] as string[] }
    const say = { info: (m: string) => said.info.push(m), warning: (m: string) => said.warnings.push(m) }
    const sink = commentSink(client(fake(), FORK_TOKEN), { owner: 'octo', repo: 'demo', issueNumber: 7, mode: 'always', key: 'k', stamp }, state, say)
    expect(await publish(sampleReport(), [sink])).toEqual([])
    expect(state.commentUrl).toBe('')
    expect(state.comment?.status).toBe('forbidden')
    expect(said.warnings.join('\n')).toMatch(/403.*issues=write; pull_requests=write.*`workflow_run` workflow.*mode: comment/s)
  })

  it('turn a 5xx that outlasts the retries into a warning', async () => {
    fake().inject('issues/list-comments', { kind: 'status', status: 503 }, 10)
    const state = publishState()
    const warnings: string[] = []
    const sink = commentSink(client(fake()), { owner: 'octo', repo: 'demo', issueNumber: 7, mode: 'always', key: 'k', stamp }, state, { info: () => {}, warning: (m) => warnings.push(m) })
    expect(await publish(sampleReport(), [sink])).toEqual([])
    expect(warnings.join('\n')).toMatch(/503.*The verdict stands in the job summary and the exit code/s)
  })

  it('emit the chosen annotations in order, and an upload failure only warns', async () => {
    const emitted: Annotation[] = []
    const warnings: string[] = []
    const failing = { upload: async () => Promise.reject(new Error('Conflict: 409')) }
    const sinks = [
      annotationsSink((a) => emitted.push(a), { moduleDir: '' }),
      artifactSink(failing, { name: 'n', rootDir: '/', files: async () => ['/x'], hint: 'Give each leg its own comment-key.' }, publishState(), { info: () => {}, warning: (m) => warnings.push(m) })
    ]
    expect(await publish(sampleReport(), sinks)).toEqual([])
    expect(emitted.length).toBeGreaterThan(0)
    expect(emitted[0].level).toBe('error')
    expect(warnings).toEqual(['go-leak-gate: uploading the artifact n failed: Conflict: 409. Give each leg its own comment-key.'])
  })
})
