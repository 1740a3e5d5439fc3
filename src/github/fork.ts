// The fork-safe pair's second half: a `workflow_run` workflow (with a write token) posts the report that the
// untrusted `pull_request` run uploaded. Which pull request to post on comes from the event GitHub sends, never
// from the artifact, whose content the fork controls: `workflow_run.pull_requests` is empty for forks, so the
// pull request is found from the triggering run's head commit and head repository.

import type { GitHubClient } from './client.js'
import { attempt, GitHubError } from './errors.js'
import type { RunStamp } from './marker.js'

/** The triggering run, as read from the workflow_run event. */
export interface TriggeringRun {
  id: number
  runAttempt: number
  headSha: string
  headBranch: string | null
  /** `owner/name` of the repository the head commit is in: a fork, or this repository. */
  headRepository: string
  path: string
}

export type EventCheck = { ok: true; run: TriggeringRun } | { ok: false; reason: string }

export interface PullRequestRef {
  number: number
  headSha: string
  baseSha: string
  baseRef: string
}

export type PullResolution =
  | { status: 'resolved'; pulls: PullRequestRef[]; stamp: RunStamp; via: 'commit' | 'open pull requests' }
  | { status: 'not-found'; reason: string }
  | { status: 'failed'; message: string; error: GitHubError }

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

/** `.github/workflows/gate.yml` for a path given with or without its directory or an `@ref` suffix. */
function workflowFile(path: string): string {
  return path.replace(/@.*$/, '').split('/').pop() ?? ''
}

/**
 * Checks that the event is a workflow_run of the expected workflow, triggered by a pull_request event of
 * this repository, and reads the triggering run from it.
 */
export function checkWorkflowRunEvent(payload: unknown, repository: string, expectedWorkflow: string): EventCheck {
  const run = record(record(payload)?.workflow_run)
  if (run === undefined) return { ok: false, reason: 'the event has no workflow_run: run this mode from a `workflow_run` workflow' }
  const event = run.event
  if (event !== 'pull_request') {
    return { ok: false, reason: `the triggering run was started by ${JSON.stringify(event)}, not by a pull_request: nothing to post` }
  }
  const path = typeof run.path === 'string' ? run.path : ''
  if (workflowFile(path) !== workflowFile(expectedWorkflow) || workflowFile(path) === '') {
    return { ok: false, reason: `the triggering workflow is ${JSON.stringify(path)}, not the expected ${JSON.stringify(expectedWorkflow)}` }
  }
  const repo = record(run.repository)?.full_name
  if (repo !== repository) return { ok: false, reason: `the triggering run belongs to ${JSON.stringify(repo)}, not ${repository}` }
  const headRepository = record(run.head_repository)?.full_name
  const { id, run_attempt: runAttempt, head_sha: headSha, head_branch: headBranch } = run
  if (
    typeof id !== 'number' ||
    !Number.isSafeInteger(id) ||
    typeof headSha !== 'string' ||
    !/^[0-9a-f]{40}$/.test(headSha) ||
    typeof headRepository !== 'string'
  ) {
    return { ok: false, reason: 'the workflow_run event lacks the run id, head commit or head repository' }
  }
  return {
    ok: true,
    run: {
      id,
      runAttempt: typeof runAttempt === 'number' && Number.isSafeInteger(runAttempt) && runAttempt > 0 ? runAttempt : 1,
      headSha,
      headBranch: typeof headBranch === 'string' ? headBranch : null,
      headRepository,
      path
    }
  }
}

interface ApiPull {
  number: number
  state: string
  head: { sha: string; repo: { full_name: string } | null }
  base: { sha: string; ref: string; repo: { full_name: string } }
}

function matching(pulls: ApiPull[], run: TriggeringRun, repository: string): PullRequestRef[] {
  return pulls
    .filter((p) => p.state === 'open' && p.head.sha === run.headSha && p.head.repo?.full_name === run.headRepository && p.base.repo.full_name === repository)
    .map((p) => ({ number: p.number, headSha: p.head.sha, baseSha: p.base.sha, baseRef: p.base.ref }))
    .sort((a, b) => a.number - b.number)
}

/**
 * The open pull requests whose head is the triggering run's commit in its head repository (usually one; a
 * branch opened against two bases gives two). A pull request whose head has moved on is not matched: the
 * newer commit's run will report there.
 */
export async function resolvePullRequest(octokit: GitHubClient, repo: { owner: string; repo: string }, run: TriggeringRun): Promise<PullResolution> {
  const repository = `${repo.owner}/${repo.repo}`
  const stamp: RunStamp = { headSha: run.headSha, runId: run.id, runAttempt: run.runAttempt }
  try {
    const byCommit = await attempt(`finding the pull requests of ${run.headSha.slice(0, 12)}`, () =>
      octokit.paginate('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', { ...repo, commit_sha: run.headSha, per_page: 100 })
    )
    const direct = matching(byCommit, run, repository)
    if (direct.length > 0) return { status: 'resolved', pulls: direct, stamp, via: 'commit' }

    // GitHub does not always link a fork's commit to the pull request: look among the open pull requests of
    // the head branch (or all of them, when the event names no branch).
    const owner = run.headRepository.split('/')[0]
    const open = await attempt('listing the open pull requests', () =>
      octokit.paginate('GET /repos/{owner}/{repo}/pulls', {
        ...repo,
        state: 'open',
        ...(run.headBranch === null ? {} : { head: `${owner}:${run.headBranch}` }),
        per_page: 100
      })
    )
    const found = matching(open, run, repository)
    if (found.length > 0) return { status: 'resolved', pulls: found, stamp, via: 'open pull requests' }
    return {
      status: 'not-found',
      reason: `no open pull request of ${repository} has ${run.headSha.slice(0, 12)} from ${run.headRepository} as its head (closed, or pushed again since)`
    }
  } catch (err) {
    if (err instanceof GitHubError) return { status: 'failed', message: err.message, error: err }
    throw err
  }
}
