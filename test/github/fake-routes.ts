// The fake GitHub's operations: what each endpoint src/github/ calls returns for the fake's state, with
// GitHub's pagination (per_page default 30, at most 100, Link headers with first/prev/next/last).

import type { FakeState, TokenInfo } from './fake-github.js'
import {
  artifact,
  fullName,
  issueComment,
  privateUser,
  pullRequestSimple,
  workflowRun,
  diffEntry,
  type StoredRun
} from './fake-objects.js'
import type { MatchedOperation } from './openapi.js'

export interface Answer {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

function fail(status: number, message: string): Answer {
  return { status, body: { message, documentation_url: 'https://docs.github.com/rest', status: String(status) } }
}

/** One page of `items` for the request's page and per_page, with GitHub's Link header. */
function paginate<T>(items: T[], url: URL, baseUrl: string): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)))
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1))
  const last = Math.max(1, Math.ceil(items.length / perPage))
  const link = (n: number, rel: string): string => {
    const target = new URL(url.pathname + url.search, baseUrl)
    target.searchParams.set('page', String(n))
    return `<${target.toString()}>; rel="${rel}"`
  }
  const links: string[] = []
  if (page > 1) links.push(link(page - 1, 'prev'))
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
  if (page > 1) links.push(link(1, 'first'))
  return {
    page: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {}
  }
}

function list<T>(items: T[], url: URL, baseUrl: string, wrap?: (page: T[]) => unknown): Answer {
  const { page, headers } = paginate(items, url, baseUrl)
  return { status: 200, body: wrap === undefined ? page : wrap(page), headers }
}

function ownRepo(state: FakeState, op: MatchedOperation): boolean {
  return op.pathParams.owner === state.repo.owner.login && op.pathParams.repo === state.repo.name
}

function matchesWorkflow(run: StoredRun, workflowId: string): boolean {
  return String(run.workflowId) === workflowId || run.path.split('/').pop() === workflowId
}

// GitHub's `status` filter takes a status (completed, in_progress, queued) or a conclusion (success, ...).
function matchesStatus(run: StoredRun, status: string | null): boolean {
  return status === null || run.status === status || run.conclusion === status
}

export function handleOperation(
  state: FakeState,
  op: MatchedOperation,
  url: URL,
  token: TokenInfo,
  body: unknown,
  baseUrl: string
): Answer {
  if (op.operationId === 'users/get-authenticated') {
    if (token.installation) return fail(403, 'Resource not accessible by integration')
    return { status: 200, body: privateUser(token.actor) }
  }
  if (!ownRepo(state, op)) return fail(404, 'Not Found')
  const name = fullName(state.repo)
  const q = url.searchParams
  const p = op.pathParams

  switch (op.operationId) {
    case 'issues/list-comments': {
      const comments = state.comments.filter((c) => c.issueNumber === Number(p.issue_number)).sort((a, b) => a.id - b.id)
      return list(comments, url, baseUrl, (page) => page.map((c) => issueComment(name, c)))
    }
    case 'issues/create-comment': {
      const at = state.now()
      const comment = {
        id: state.nextId(),
        issueNumber: Number(p.issue_number),
        body: (body as { body: string }).body,
        author: token.actor,
        createdAt: at,
        updatedAt: at
      }
      state.comments.push(comment)
      return { status: 201, body: issueComment(name, comment), headers: { location: issueComment(name, comment).url as string } }
    }
    case 'issues/update-comment': {
      const comment = state.comments.find((c) => c.id === Number(p.comment_id))
      if (comment === undefined) return fail(404, 'Not Found')
      comment.body = (body as { body: string }).body
      comment.updatedAt = state.now()
      return { status: 200, body: issueComment(name, comment) }
    }
    case 'issues/delete-comment': {
      const index = state.comments.findIndex((c) => c.id === Number(p.comment_id))
      if (index < 0) return fail(404, 'Not Found')
      state.comments.splice(index, 1)
      return { status: 204 }
    }
    case 'pulls/list': {
      const wanted = q.get('state') ?? 'open'
      const pulls = state.pulls.filter(
        (pr) =>
          (wanted === 'all' || pr.state === wanted) &&
          (q.get('head') === null || `${pr.headRepo.owner.login}:${pr.headRef}` === q.get('head')) &&
          (q.get('base') === null || pr.baseRef === q.get('base'))
      )
      return list(pulls, url, baseUrl, (page) => page.map((pr) => pullRequestSimple(state.repo, pr)))
    }
    case 'pulls/list-files': {
      const pr = state.pulls.find((x) => x.number === Number(p.pull_number))
      if (pr === undefined) return fail(404, 'Not Found')
      return list(pr.files, url, baseUrl, (page) => page.map((f) => diffEntry(state.repo, pr.headSha, f)))
    }
    case 'repos/list-pull-requests-associated-with-commit': {
      const pulls = state.pulls.filter(
        (pr) => pr.headSha === p.commit_sha && !(state.unlinkForkCommits && pr.headRepo.id !== state.repo.id)
      )
      return list(pulls, url, baseUrl, (page) => page.map((pr) => pullRequestSimple(state.repo, pr)))
    }
    case 'actions/list-workflow-runs': {
      const runs = state.runs
        .filter(
          (r) =>
            matchesWorkflow(r, p.workflow_id) &&
            (q.get('branch') === null || r.headBranch === q.get('branch')) &&
            (q.get('event') === null || r.event === q.get('event')) &&
            matchesStatus(r, q.get('status')) &&
            (q.get('head_sha') === null || r.headSha === q.get('head_sha'))
        )
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
      return list(runs, url, baseUrl, (page) => ({ total_count: runs.length, workflow_runs: page.map((r) => workflowRun(state.repo, r)) }))
    }
    case 'actions/list-artifacts-for-repo':
    case 'actions/list-workflow-run-artifacts': {
      const artifacts = state.artifacts
        .filter((a) => (p.run_id === undefined || a.runId === Number(p.run_id)) && (q.get('name') === null || a.name === q.get('name')))
        .sort((a, b) => b.id - a.id)
      return list(artifacts, url, baseUrl, (page) => ({
        total_count: artifacts.length,
        artifacts: page.map((a) => artifact(state.repo, a, state.runs.find((r) => r.id === a.runId)))
      }))
    }
    case 'actions/download-artifact': {
      const a = state.artifacts.find((x) => x.id === Number(p.artifact_id))
      if (a === undefined || p.archive_format !== 'zip') return fail(404, 'Not Found')
      if (a.expired) return fail(410, 'Artifact has expired')
      return { status: 302, headers: { location: `${baseUrl}/_blob/artifacts/${a.id}.zip?sig=fake` } }
    }
    default:
      return fail(501, `the fake does not serve ${op.operationId}`)
  }
}
