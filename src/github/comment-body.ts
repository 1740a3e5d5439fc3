// The sticky comment's body: the markdown report under GitHub's length limit, its first line our marker.

import type { Report } from '../model/report.js'
import { COMMENT_MARKER, GITHUB_COMMENT_MAX_LENGTH, renderMarkdown } from '../report/markdown.js'
import { findingsDigest, formatMarker, type RunStamp } from './marker.js'

export interface CommentBodyOptions {
  key: string
  stamp: RunStamp
  /** Where the uncut report is (the run's summary or the artifact); the cut notice links to it. */
  fullReportUrl?: string
  /** Name in the verdict line (several gates on one pull request). */
  title?: string
  /** Defaults to GitHub's limit; smaller in tests. */
  maxLength?: number
  /** Under the verdict: the run, the artifact, the HTML report. */
  links?: { label: string; url: string }[]
}

export function renderCommentBody(report: Report, opts: CommentBodyOptions): string {
  const marker = formatMarker({ ...opts.stamp, key: opts.key, findings: findingsDigest(report) })
  const maxLength = opts.maxLength ?? GITHUB_COMMENT_MAX_LENGTH
  // The renderer writes its own fixed marker first; ours replaces it, so the budget shrinks by the difference
  // and the cut (whole sections, from the least important) leaves room for it.
  const markdown = renderMarkdown(report, {
    maxLength: maxLength - (marker.length - COMMENT_MARKER.length),
    fullReportUrl: opts.fullReportUrl,
    title: opts.title,
    links: opts.links
  })
  if (!markdown.startsWith(`${COMMENT_MARKER}\n`)) throw new Error('the markdown report no longer starts with its marker line')
  return marker + markdown.slice(COMMENT_MARKER.length)
}
