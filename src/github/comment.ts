// The sticky pull request comment: one per gate and key, found by its marker and its author, updated in place.
//
// GitHub has no compare-and-swap for comments, so correctness rests on three rules every run applies:
// - never overwrite a comment whose marker names a newer run (marker.ts: run id, then attempt);
// - skip the write when the body would not change (apart from which run wrote it);
// - after creating, list again: when racing runs each created one, every run keeps the lowest id, puts the
//   newest report there and deletes the rest, so they all converge on one comment.
// A `concurrency:` group per pull request in the workflow avoids most races; this survives the rest.

import type { Report } from '../model/report.js'
import type { GitHubClient } from './client.js'
import { renderCommentBody } from './comment-body.js'
import { attempt, forbiddenAdvice, GitHubError } from './errors.js'
import { resolveIdentity } from './identity.js'
import { compareRuns, findingsDigest, parseMarker, withoutRun, type Marker, type RunStamp } from './marker.js'

export const COMMENT_MODES = ['always', 'on-failure', 'changes', 'never'] as const
export type CommentMode = (typeof COMMENT_MODES)[number]

export interface CommentTarget {
  owner: string
  repo: string
  issueNumber: number
}

export interface PublishCommentOptions extends CommentTarget {
  report: Report
  mode: CommentMode
  /** Separates gates on one pull request (several workflows, matrix legs); each keeps its own comment. */
  key: string
  stamp: RunStamp
  fullReportUrl?: string
  title?: string
  /** The login the token writes as, when it is not GITHUB_TOKEN or a personal token (see identity.ts). */
  author?: string
  log?: (message: string) => void
  maxLength?: number
  links?: { label: string; url: string }[]
}

export type CommentOutcome =
  | { status: 'created' | 'updated' | 'unchanged'; id: number; url: string; removedDuplicates: number }
  /** A newer run's report is in the comment: ours is older and was not written. */
  | { status: 'stale'; id: number; url: string; newer: RunStamp; removedDuplicates: number }
  | { status: 'skipped'; reason: string; id?: number; url?: string }
  /** The token may not write (a fork): warn with `message`, which names the fix. */
  | { status: 'forbidden'; message: string; error: GitHubError }
  | { status: 'failed'; message: string; error: GitHubError }

interface OurComment {
  id: number
  url: string
  body: string
  marker: Marker
}

interface Draft {
  stamp: RunStamp
  body: string
}

interface Candidate extends Draft {
  isDraft: boolean
}

export async function publishComment(octokit: GitHubClient, opts: PublishCommentOptions): Promise<CommentOutcome> {
  if (opts.mode === 'never') return { status: 'skipped', reason: 'comment mode is never' }
  try {
    return await publish(octokit, opts)
  } catch (err) {
    if (!(err instanceof GitHubError)) throw err
    if (err.kind === 'forbidden') return { status: 'forbidden', message: forbiddenAdvice(err), error: err }
    return { status: 'failed', message: `${err.message}. The verdict stands in the job summary and the exit code.`, error: err }
  }
}

async function publish(octokit: GitHubClient, opts: PublishCommentOptions): Promise<CommentOutcome> {
  const log = opts.log ?? (() => undefined)
  const identity = await resolveIdentity(octokit, opts.author)
  const ours = await listOurComments(octokit, opts, identity.login)
  const newest = ours.reduce<OurComment | undefined>((a, c) => (a === undefined || compareRuns(c.marker, a.marker) > 0 ? c : a), undefined)

  const reason = reasonToStayQuiet(opts.mode, opts.report, newest?.marker)
  if (reason !== undefined) {
    log(`go-leak-gate comment: not written, ${reason}`)
    if (ours.length > 1) await settle(octokit, opts, ours, undefined)
    return { status: 'skipped', reason, id: newest?.id, url: newest?.url }
  }

  const draft: Draft = {
    stamp: opts.stamp,
    body: renderCommentBody(opts.report, {
      key: opts.key,
      stamp: opts.stamp,
      fullReportUrl: opts.fullReportUrl,
      title: opts.title,
      maxLength: opts.maxLength,
      links: opts.links
    })
  }
  if (ours.length > 0) return settle(octokit, opts, ours, draft)

  const { data: created } = await attempt(`creating a comment on #${opts.issueNumber}`, () =>
    octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: opts.owner,
      repo: opts.repo,
      issue_number: opts.issueNumber,
      body: draft.body
    })
  )
  const createdId = Number(created.id)
  const writer = created.user?.login ?? identity.login
  if (writer !== identity.login) {
    log(`go-leak-gate comment: the token writes as ${writer}, not ${identity.login}; set the comment author to ${writer} so later runs find this comment`)
  }
  // A racing run may have created its own comment meanwhile (or a retried POST twice): converge on one.
  const after = await listOurComments(octokit, opts, writer)
  if (!after.some((c) => c.id === createdId)) {
    const marker = parseMarker(draft.body)
    if (marker !== undefined) after.push({ id: createdId, url: created.html_url, body: draft.body, marker })
  }
  if (after.length === 1) return { status: 'created', id: createdId, url: created.html_url, removedDuplicates: 0 }
  const settled = await settle(octokit, opts, after, draft)
  return settled.status === 'unchanged' && settled.id === createdId ? { ...settled, status: 'created' } : settled
}

/** Why the mode says not to write, or undefined when it says to write. */
export function reasonToStayQuiet(mode: CommentMode, report: Report, existing: Marker | undefined): string | undefined {
  const failing = report.verdict === 'fail' || report.incomplete
  switch (mode) {
    case 'never':
      return 'comment mode is never'
    case 'always':
      return undefined
    case 'on-failure':
      // An existing comment is still updated, so that a fixed pull request no longer shows a failure.
      return failing || existing !== undefined ? undefined : 'the gate passed and there is no earlier comment (mode on-failure)'
    case 'changes':
      if (existing === undefined) {
        return failing || report.findings.length > 0 ? undefined : 'the gate passed with no findings (mode changes)'
      }
      return existing.findings === findingsDigest(report) ? 'the verdict and the findings are the same as in the comment (mode changes)' : undefined
  }
}

/**
 * Makes the lowest-id comment hold the newest report among the comments and the draft, and deletes the others.
 * Every racing run computes the same end state from what it sees, so concurrent settles agree.
 */
async function settle(octokit: GitHubClient, opts: PublishCommentOptions, ours: OurComment[], draft: Draft | undefined): Promise<CommentOutcome> {
  const sorted = [...ours].sort((a, b) => a.id - b.id)
  const keep = sorted[0]
  // The draft goes first so that a comment of the same run (equal stamp) does not displace it.
  const candidates: Candidate[] = [
    ...(draft === undefined ? [] : [{ stamp: draft.stamp, body: draft.body, isDraft: true }]),
    ...sorted.map((c) => ({ stamp: c.marker, body: c.body, isDraft: false }))
  ]
  const best = candidates.reduce((a, c) => (compareRuns(c.stamp, a.stamp) > 0 ? c : a))
  // Our own draft is compared without the run fields: the same report from a later run is no news.
  const same = best.isDraft ? withoutRun(keep.body) === withoutRun(best.body) : keep.body === best.body
  if (!same) {
    await attempt(`updating comment ${keep.id} on #${opts.issueNumber}`, () =>
      octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        owner: opts.owner,
        repo: opts.repo,
        comment_id: keep.id,
        body: best.body
      })
    )
  }
  for (const extra of sorted.slice(1)) await deleteComment(octokit, opts, extra.id)
  const removedDuplicates = sorted.length - 1
  if (draft !== undefined && !best.isDraft) {
    opts.log?.(`go-leak-gate comment: run ${best.stamp.runId} (attempt ${best.stamp.runAttempt}) is newer and already reported; its report stays`)
    return { status: 'stale', id: keep.id, url: keep.url, newer: best.stamp, removedDuplicates }
  }
  return { status: same ? 'unchanged' : 'updated', id: keep.id, url: keep.url, removedDuplicates }
}

async function deleteComment(octokit: GitHubClient, target: CommentTarget, id: number): Promise<void> {
  try {
    await attempt(`deleting duplicate comment ${id} on #${target.issueNumber}`, () =>
      octokit.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: target.owner, repo: target.repo, comment_id: id })
    )
  } catch (err) {
    // A racing run deleted it first: the end state is the one wanted.
    if (!(err instanceof GitHubError && err.kind === 'not-found')) throw err
  }
}

/** Every comment of the pull request written by `login` whose first line is a marker with our key. */
async function listOurComments(octokit: GitHubClient, opts: PublishCommentOptions, login: string): Promise<OurComment[]> {
  const comments = await attempt(`listing the comments of #${opts.issueNumber}`, () =>
    octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: opts.owner,
      repo: opts.repo,
      issue_number: opts.issueNumber,
      // paginate follows Link headers but keeps GitHub's default page size of 30 unless told.
      per_page: 100
    })
  )
  const ours: OurComment[] = []
  for (const c of comments) {
    if (c.user?.login !== login) continue
    const marker = parseMarker(c.body ?? '')
    if (marker === undefined || marker.key !== opts.key) continue
    ours.push({ id: c.id, url: c.html_url, body: c.body ?? '', marker })
  }
  return ours
}
