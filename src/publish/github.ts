// Sinks that reach GitHub: the sticky pull request comment, line annotations, artifacts. None of them throws:
// GitHub can refuse (a fork's read-only token), fail (5xx after the retries) or rate-limit, and none of that
// may cost the user the verdict, the job summary or the exit code. Each says what happened through `warn`
// and leaves its result (the comment's URL, the artifact's id) in the shared PublishState for the outputs.
import { chooseAnnotations, type Annotation, type AnnotationOptions } from '../github/annotations.js'
import type { GitHubClient } from '../github/client.js'
import { publishComment, type CommentOutcome, type PublishCommentOptions } from '../github/comment.js'
import { errorMessage } from '../errors.js'
import type { Report } from '../model/report.js'
import { uploadFiles, type ArtifactUploader } from './artifacts.js'
import type { Sink } from './sinks.js'

/** What the GitHub sinks found out, for the outputs sink written after them. */
export interface PublishState {
  commentUrl: string
  comment?: CommentOutcome
  artifacts: { name: string; id?: number }[]
  /** The HTML report's path once it is written. */
  htmlReport?: string
}

export function publishState(): PublishState {
  return { commentUrl: '', artifacts: [] }
}

export interface Say {
  info: (message: string) => void
  warning: (message: string) => void
}

export type CommentSinkOptions = Omit<PublishCommentOptions, 'report' | 'log' | 'links'> & {
  /** Links that depend on what was uploaded before the comment (the artifact). */
  links?: (state: PublishState) => { label: string; url: string }[]
}

export function commentSink(octokit: GitHubClient, opts: CommentSinkOptions, state: PublishState, say: Say): Sink {
  return {
    name: `the pull request comment on #${opts.issueNumber}`,
    write: async (report) => {
      let outcome: CommentOutcome
      try {
        outcome = await publishComment(octokit, { ...opts, links: opts.links?.(state), report, log: say.info })
      } catch (err) {
        say.warning(`go-leak-gate: the pull request comment was not written: ${errorMessage(err)}. The verdict stands in the job summary and the exit code.`)
        return
      }
      state.comment = outcome
      switch (outcome.status) {
        case 'created':
        case 'updated':
        case 'unchanged':
        case 'stale':
          state.commentUrl = outcome.url
          say.info(`go-leak-gate: comment ${outcome.status}: ${outcome.url}${outcome.removedDuplicates > 0 ? ` (${outcome.removedDuplicates} duplicates removed)` : ''}`)
          break
        case 'skipped':
          state.commentUrl = outcome.url ?? ''
          say.info(`go-leak-gate: no comment written: ${outcome.reason}`)
          break
        case 'forbidden':
        case 'failed':
          say.warning(`go-leak-gate: ${outcome.message}`)
      }
    }
  }
}

export type Annotate = (annotation: Annotation) => void

export function annotationsSink(annotate: Annotate, opts: AnnotationOptions): Sink {
  return {
    name: 'the annotations',
    write: async (report: Report) => {
      for (const a of chooseAnnotations(report, opts)) annotate(a)
    }
  }
}

export interface ArtifactSinkOptions {
  name: string
  rootDir: string
  /** Absolute paths; all files below rootDir when absent. */
  files?: () => Promise<string[]>
  retentionDays?: number
  /** Added to the warning when the upload fails (what to change). */
  hint?: string
}

/** Uploads files the earlier sinks (or the measure stage) wrote. */
export function artifactSink(uploader: ArtifactUploader, opts: ArtifactSinkOptions, state: PublishState, say: Say): Sink {
  return {
    name: `the artifact ${opts.name}`,
    write: async () => {
      const files = opts.files === undefined ? undefined : await opts.files()
      const r = await uploadFiles(uploader, opts.name, opts.rootDir, { retentionDays: opts.retentionDays, files })
      if (r.status === 'uploaded') {
        state.artifacts.push({ name: r.name, id: r.id })
        say.info(`go-leak-gate: uploaded the artifact ${r.name} (${r.files} files${r.id === undefined ? '' : `, id ${r.id}`})`)
      } else {
        say.warning(`go-leak-gate: ${r.message}${opts.hint === undefined ? '' : `. ${opts.hint}`}`)
      }
    }
  }
}
