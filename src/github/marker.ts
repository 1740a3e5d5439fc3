// The hidden first line of the sticky comment: which gate wrote it (the key), for which head commit, in which
// run, and a digest of what it found. GitHub has no compare-and-swap for comments, so everything a run needs to
// decide whether it may overwrite a comment must be readable from the comment itself.
//
// On line one because truncation cuts from the end, and because a marker further down could be quoted by a
// reply; a comment counts as ours only when its author is the token's identity too (see comment.ts).

import { createHash } from 'node:crypto'
import type { Report } from '../model/report.js'

/** The run that measured the report. In workflow_run mode: the triggering pull_request run, not the poster. */
export interface RunStamp {
  headSha: string
  runId: number
  runAttempt: number
}

export interface Marker extends RunStamp {
  key: string
  /** Digest of the verdict and the set of findings (not their numbers): `changes` mode compares it. */
  findings: string
}

const KEY_MAX = 100
const PREFIX = '<!-- go-leak-gate '
const MARKER_LINE = /^<!-- go-leak-gate key=(\S{1,300}) head=([0-9a-f]{7,64}) run=(\d{1,20}) attempt=(\d{1,6}) findings=([0-9a-f]{16}) -->$/

/**
 * The key as it stands in the marker. Percent-encoding keeps any user-given key (`linux/go1.27`, spaces) on one
 * line and unable to close the HTML comment (`-->` has a `>`, which is encoded).
 */
export function encodeKey(key: string): string {
  if (key === '') throw new RangeError('the comment key is empty')
  if (Array.from(key).length > KEY_MAX) throw new RangeError(`the comment key is longer than ${KEY_MAX} characters`)
  return encodeURIComponent(key)
}

export function formatMarker(m: Marker): string {
  if (!/^[0-9a-f]{7,64}$/.test(m.headSha)) throw new RangeError(`head SHA ${JSON.stringify(m.headSha)} is not a commit id`)
  if (!Number.isSafeInteger(m.runId) || m.runId < 0 || !Number.isSafeInteger(m.runAttempt) || m.runAttempt < 1) {
    throw new RangeError(`run ${m.runId} attempt ${m.runAttempt} is not a workflow run`)
  }
  return `${PREFIX}key=${encodeKey(m.key)} head=${m.headSha} run=${m.runId} attempt=${m.runAttempt} findings=${m.findings} -->`
}

/** The marker on the body's first line, or undefined when the body has none (or a malformed one). */
export function parseMarker(body: string): Marker | undefined {
  const firstLine = body.split('\n', 1)[0].replace(/\r$/, '')
  const m = MARKER_LINE.exec(firstLine)
  if (m === null) return undefined
  let key: string
  try {
    key = decodeURIComponent(m[1])
  } catch {
    return undefined
  }
  const runId = Number(m[3])
  const runAttempt = Number(m[4])
  if (!Number.isSafeInteger(runId) || !Number.isSafeInteger(runAttempt)) return undefined
  return { key, headSha: m[2], runId, runAttempt, findings: m[5] }
}

/**
 * Orders two runs: negative when `a` is older. Run ids grow with the time a run was created, across the whole
 * repository, so the run for a later push has the larger id whatever its commit; a re-run keeps its id and
 * raises the attempt. So a re-run of an old run stays older than the run of a newer push, which is what keeps
 * an old head's report from overwriting a newer head's. The SHA is not compared: commits have no order here.
 */
export function compareRuns(a: RunStamp, b: RunStamp): number {
  return a.runId - b.runId || a.runAttempt - b.runAttempt
}

/** A short digest of what the report says (verdict, completeness, which findings of which severity). */
export function findingsDigest(report: Report): string {
  const lines = report.findings
    .map((f) => [f.kind, f.severity, f.pkg, f.subject, f.metric].join('\u0000'))
    .sort()
  const text = [report.verdict, report.incomplete ? 'incomplete' : 'complete', ...lines].join('\n')
  return createHash('sha256').update(text).digest('hex').slice(0, 16)
}

/**
 * The body with the run fields of its marker and its links to the run blanked: two bodies that differ only in
 * which run wrote them say the same thing, and rewriting one with the other would be a write for nothing.
 */
export function withoutRun(body: string): string {
  return (
    body
      .replace(/^(<!-- go-leak-gate key=\S+ head=[0-9a-f]+) run=\d+ attempt=\d+ /, '$1 ')
      // The links to the run and its artifact (comment-body links): an older run's page shows the same report.
      .replace(/\/actions\/runs\/\d+(\/attempts\/\d+)?(\/artifacts\/\d+)?/g, '/actions/runs/*')
      .replace(/\[workflow run \d+\]/g, '[workflow run]')
  )
}
