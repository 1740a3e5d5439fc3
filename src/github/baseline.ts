// Finding the stored baseline: the artifact that a push run of this workflow on the base branch uploaded
// (`mode: record`), so a pull request can compare deterministic metrics without re-running the base.
//
// Only runs of this repository count: a fork's branch can also be called `main`, and its push runs show up in
// the base repository's workflow runs. The run of the PR's base commit is preferred (it measured exactly the
// base); else the newest. An expired or missing artifact is said plainly, as a result, not an exception.

import type { GitHubClient } from './client.js'
import { attempt, GitHubError } from './errors.js'

export interface BaselineQuery {
  owner: string
  repo: string
  /** The workflow's file name (`gate.yml`) or numeric id; see workflowFileFromRef. */
  workflow: string | number
  branch: string
  /** The pull request's base commit. */
  baseSha?: string
  artifactName: string
}

export interface BaselineRun {
  id: number
  headSha: string
  headBranch: string | null
  createdAt: string
  url: string
}

export interface BaselineArtifact {
  id: number
  name: string
  sizeInBytes: number
  createdAt: string | null
  expiresAt: string | null
  runId: number
}

export type BaselineLookup =
  | { status: 'found'; run: BaselineRun; artifact: BaselineArtifact; /** The run measured the PR's base commit. */ matchesBase: boolean }
  | { status: 'no-run'; message: string }
  | { status: 'missing'; run: BaselineRun; message: string }
  | { status: 'expired'; run: BaselineRun; artifact: BaselineArtifact; message: string }
  | { status: 'failed'; message: string; error: GitHubError }

/** `gate.yml` from GITHUB_WORKFLOW_REF (`owner/repo/.github/workflows/gate.yml@refs/heads/main`). */
export function workflowFileFromRef(ref: string): string | undefined {
  const m = /^[^/]+\/[^/]+\/\.github\/workflows\/([^@/]+)@/.exec(ref)
  return m?.[1]
}

type ApiRun = Awaited<ReturnType<GitHubClient['rest']['actions']['listWorkflowRuns']>>['data']['workflow_runs'][number]

function toRun(r: ApiRun): BaselineRun {
  return { id: r.id, headSha: r.head_sha, headBranch: r.head_branch, createdAt: r.created_at, url: r.html_url }
}

export async function findStoredBaseline(octokit: GitHubClient, q: BaselineQuery): Promise<BaselineLookup> {
  try {
    return await lookup(octokit, q)
  } catch (err) {
    if (err instanceof GitHubError) return { status: 'failed', message: `${err.message}; no stored baseline is used`, error: err }
    throw err
  }
}

async function lookup(octokit: GitHubClient, q: BaselineQuery): Promise<BaselineLookup> {
  const repoName = `${q.owner}/${q.repo}`
  const where = `successful push runs of ${q.workflow} on ${q.branch} in ${repoName}`
  const baseRun = q.baseSha === undefined ? undefined : await newestRun(octokit, q, q.baseSha)
  const newest = await newestRun(octokit, q, undefined)
  const candidates = [baseRun, newest].filter((r): r is BaselineRun => r !== undefined).filter((r, i, all) => all.findIndex((x) => x.id === r.id) === i)
  if (candidates.length === 0) return { status: 'no-run', message: `no stored baseline: there are no ${where}` }

  let first: BaselineLookup | undefined
  for (const run of candidates) {
    const result = await artifactOf(octokit, q, run)
    if (result.status === 'found') return { ...result, matchesBase: run.headSha === q.baseSha }
    first ??= result
  }
  return first ?? { status: 'no-run', message: `no stored baseline: there are no ${where}` }
}

/** The newest successful push run of the workflow on the branch, of this repository (at `headSha`, if given). */
async function newestRun(octokit: GitHubClient, q: BaselineQuery, headSha: string | undefined): Promise<BaselineRun | undefined> {
  const repoName = `${q.owner}/${q.repo}`
  const pages = octokit.paginate.iterator('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
    owner: q.owner,
    repo: q.repo,
    workflow_id: q.workflow,
    branch: q.branch,
    event: 'push',
    status: 'success',
    ...(headSha === undefined ? {} : { head_sha: headSha }),
    exclude_pull_requests: true,
    per_page: 100
  })
  return attempt(`listing the ${headSha === undefined ? '' : `${headSha.slice(0, 12)} `}push runs of ${q.workflow} on ${q.branch}`, async () => {
    for await (const page of pages) {
      // Runs come newest first; a fork's push to its own `main` is listed too and must not count.
      const run = page.data.find((r) => r.head_repository?.full_name === repoName)
      if (run !== undefined) return toRun(run)
    }
    return undefined
  })
}

async function artifactOf(octokit: GitHubClient, q: BaselineQuery, run: BaselineRun): Promise<BaselineLookup> {
  const artifacts = await attempt(`listing the artifacts of run ${run.id}`, () =>
    octokit.paginate('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', {
      owner: q.owner,
      repo: q.repo,
      run_id: run.id,
      name: q.artifactName,
      per_page: 100
    })
  )
  // A re-run can upload a second artifact of the same name; the highest id is the latest.
  const latest = artifacts.filter((a) => a.name === q.artifactName).sort((a, b) => b.id - a.id)[0]
  const commit = run.headSha.slice(0, 12)
  if (latest === undefined) {
    return { status: 'missing', run, message: `no stored baseline: run ${run.id} (${commit}) has no artifact named ${q.artifactName}` }
  }
  const artifact: BaselineArtifact = {
    id: latest.id,
    name: latest.name,
    sizeInBytes: latest.size_in_bytes,
    createdAt: latest.created_at,
    expiresAt: latest.expires_at,
    runId: run.id
  }
  if (latest.expired) {
    return {
      status: 'expired',
      run,
      artifact,
      message: `no stored baseline: the artifact ${q.artifactName} of run ${run.id} (${commit}) expired${latest.expires_at === null ? '' : ` on ${latest.expires_at}`}; raise the retention of the recording workflow, or push to ${q.branch} to record a new one`
    }
  }
  return { status: 'found', run, artifact, matchesBase: false }
}
