// What the action knows about the workflow it runs in: from the runner's environment variables and the event
// payload, read once into plain data. Nothing here talks to GitHub.
import { UsageError } from '../errors.js'
import type { RunStamp } from '../github/marker.js'

export interface PullRequestInfo {
  number: number
  baseSha?: string
  headSha?: string
  baseRef?: string
}

export interface WorkflowContext {
  owner: string
  repo: string
  /** https://github.com, or a GitHub Enterprise host. */
  serverUrl: string
  apiUrl: string
  runId: number
  runAttempt: number
  /** The job's id in the workflow file (the same for every leg of a matrix). */
  job: string
  /** `owner/repo/.github/workflows/x.yml@refs/...` */
  workflowRef: string
  eventName: string
  /** The branch or tag the run is for (GITHUB_REF_NAME). */
  refName: string
  /** The repository's default branch, when the event names it. */
  defaultBranch?: string
  pullRequest?: PullRequestInfo
  payload: unknown
}

export type Env = Record<string, string | undefined>

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

function positive(text: string | undefined, fallback: number): number {
  const n = Number(text)
  return Number.isSafeInteger(n) && n > 0 ? n : fallback
}

export function pullRequestOf(payload: unknown): PullRequestInfo | undefined {
  const pr = record(record(payload)?.pull_request)
  const number = pr?.number
  if (pr === undefined || typeof number !== 'number' || !Number.isSafeInteger(number)) return undefined
  const base = record(pr.base)
  const head = record(pr.head)
  return { number, baseSha: str(base?.sha), headSha: str(head?.sha), baseRef: str(base?.ref) }
}

export function readContext(env: Env, payload: unknown): WorkflowContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '')
  return {
    owner,
    repo,
    serverUrl,
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    runId: positive(env.GITHUB_RUN_ID, 0),
    runAttempt: positive(env.GITHUB_RUN_ATTEMPT, 1),
    job: env.GITHUB_JOB ?? 'job',
    workflowRef: env.GITHUB_WORKFLOW_REF ?? '',
    eventName: env.GITHUB_EVENT_NAME ?? '',
    refName: env.GITHUB_REF_NAME ?? '',
    defaultBranch: str(record(record(payload)?.repository)?.default_branch),
    pullRequest: pullRequestOf(payload),
    payload
  }
}

export function requireRepository(ctx: WorkflowContext, mode: string): { owner: string; repo: string } {
  if (ctx.owner === '' || ctx.repo === '') throw new UsageError(`mode '${mode}' needs GITHUB_REPOSITORY (owner/name); it runs in a GitHub workflow`)
  return { owner: ctx.owner, repo: ctx.repo }
}

export function runUrl(ctx: WorkflowContext, runId = ctx.runId, attempt?: number): string {
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${runId}${attempt === undefined ? '' : `/attempts/${attempt}`}`
}

export function artifactUrl(ctx: WorkflowContext, runId: number, artifactId: number): string {
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${runId}/artifacts/${artifactId}`
}

/**
 * The run a pull request's comment is stamped with: the head commit of the pull request (GITHUB_SHA is the
 * merge commit on pull_request events), this run's id and attempt.
 */
export function stampOf(ctx: WorkflowContext, headSha: string | undefined): RunStamp | undefined {
  const sha = headSha ?? ctx.pullRequest?.headSha
  if (sha === undefined || !/^[0-9a-f]{7,64}$/.test(sha)) return undefined
  return { headSha: sha, runId: ctx.runId, runAttempt: ctx.runAttempt }
}

/**
 * A baseline description from an artifact (the fork-safe poster's report, a shard's manifest) keeps its link
 * only when it points at a workflow run of this repository: the artifact's writer may be a fork, and a link
 * labelled "run 123" must not lead anywhere else.
 */
export function withTrustedRunLink<T extends { runUrl?: string }>(info: T, ctx: WorkflowContext): T {
  if (info.runUrl === undefined) return info
  const prefix = `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/`
  if (info.runUrl.startsWith(prefix) && /^\d+(\/attempts\/\d+)?$/.test(info.runUrl.slice(prefix.length))) return info
  const { runUrl: _dropped, ...rest } = info
  return rest as T
}
