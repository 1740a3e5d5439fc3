// The sinks of a report in the action, in the order that lets each use what the one before did: the files
// (report.json, report.md), the artifacts (so the comment can link to them), the job summary, the annotations,
// the sticky comment per pull request, and the step outputs last (they carry the comment's URL).
import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { ActionSettings } from '../config/inputs.js'
import { errorMessage } from '../errors.js'
import { EXIT, exitCodeForReport, withOutputFailures, type ExitCode } from '../exit.js'
import type { GitHubClient } from '../github/client.js'
import type { RunStamp } from '../github/marker.js'
import type { Report } from '../model/report.js'
import { actionOutputs, jobSummary } from '../publish/action.js'
import type { ArtifactSinkOptions } from '../publish/github.js'
import { annotationsSink, artifactSink, commentSink, publishState, type PublishState } from '../publish/github.js'
import { REPORT_ARTIFACT_PREFIX, reportArtifactName } from '../publish/artifacts.js'
import { jsonFile, markdownFile } from '../publish/files.js'
import { htmlFile, type ComparedResults } from '../publish/html.js'
import { checkOutputs } from '../publish/outputs.js'
import { describeProblem, publish, type Sink, type SinkProblem } from '../publish/sinks.js'
import { artifactUrl, runUrl, stampOf, type WorkflowContext } from './context.js'
import { NAME_CLASH_HINT, nameParts } from './common.js'
import type { ActionIO } from './io.js'

export interface CommentTargetOf {
  issueNumber: number
  stamp: RunStamp
}

export interface ReportPublishing {
  io: ActionIO
  settings: ActionSettings
  ctx: WorkflowContext
  octokit?: GitHubClient
  /** Sinks checked before the work (the report files). */
  fileSinks: Sink[]
  files: { json: string; markdown: string }
  uploads: ArtifactSinkOptions[]
  annotate: boolean
  comments: CommentTargetOf[]
  /** The run whose report it is: this one, or in mode comment the triggering run. */
  reportRun: { id: number; attempt: number }
  /** The artifact holding the report, when it is known before publishing (mode comment). */
  reportArtifact?: { id: number; runId: number; hasHtml: boolean }
  /** The HTML report to write (modes gate and aggregate, which have both results and their profiles). */
  html?: { path: string; results: () => Promise<ComparedResults> }
}

function say(io: ActionIO) {
  return { info: io.info, warning: io.warning }
}

/** The run's page and the report's artifact, as links under the verdict. */
function links(p: ReportPublishing, state: PublishState): { label: string; url: string }[] {
  const out = [{ label: `workflow run ${p.reportRun.id}`, url: runUrl(p.ctx, p.reportRun.id, p.reportRun.attempt) }]
  const uploaded = state.artifacts.find((a) => a.id !== undefined)
  const artifact =
    p.reportArtifact !== undefined
      ? { url: artifactUrl(p.ctx, p.reportArtifact.runId, p.reportArtifact.id), hasHtml: p.reportArtifact.hasHtml }
      : uploaded?.id !== undefined
        ? { url: artifactUrl(p.ctx, p.ctx.runId, uploaded.id), hasHtml: state.htmlReport !== undefined }
        : undefined
  if (artifact !== undefined) out.push({ label: 'report artifact', url: artifact.url })
  // The page is one offline file inside that artifact: GitHub serves artifacts only as zips.
  if (artifact?.hasHtml === true) out.push({ label: 'HTML report (report.html in the report artifact)', url: artifact.url })
  return out
}

export function reportSinks(p: ReportPublishing, baselineKind: string, state: PublishState = publishState()): Sink[] {
  const { io, settings, ctx } = p
  const sinks: Sink[] = [...p.fileSinks]
  if (p.html !== undefined) sinks.push(htmlSink(p.html, state, io.warning))
  for (const u of p.uploads) sinks.push(artifactSink(io.artifacts, withPage(u, state), state, say(io)))
  sinks.push(jobSummary(io.summary))
  if (p.annotate) {
    sinks.push(
      annotationsSink(io.annotate, {
        moduleDir: relative(io.workspace, settings.config.run.dir),
        isRepoFile: (path) => existsSync(join(io.workspace, path))
      })
    )
  }
  if (p.octokit !== undefined) {
    for (const target of p.comments) {
      sinks.push(
        commentSink(
          p.octokit,
          {
            owner: ctx.owner,
            repo: ctx.repo,
            issueNumber: target.issueNumber,
            mode: settings.github.comment,
            key: settings.github.commentKey,
            author: settings.github.commentAuthor || undefined,
            stamp: target.stamp,
            fullReportUrl: runUrl(ctx, p.reportRun.id, p.reportRun.attempt),
            links: (s) => links(p, s)
          },
          state,
          say(io)
        )
      )
    }
  }
  sinks.push(
    actionOutputs(io.setOutput, p.files, () => ({
      commentUrl: state.commentUrl,
      baseline: baselineKind,
      htmlReport: state.htmlReport ?? ''
    }))
  )
  return sinks
}

/** The report artifact also carries the HTML page, when this run wrote one (not a stale file of an earlier run). */
function withPage(u: ArtifactSinkOptions, state: PublishState): ArtifactSinkOptions {
  const files = u.files
  if (files === undefined || !u.name.startsWith(REPORT_ARTIFACT_PREFIX)) return u
  return { ...u, files: async () => [...(await files()), ...(state.htmlReport === undefined ? [] : [state.htmlReport])] }
}

/**
 * The HTML report file. Nobody asked for it by name (unlike the CLI's --html), so a page that cannot be written
 * warns and leaves the output empty instead of turning the verdict's exit code into an output failure.
 */
function htmlSink(html: NonNullable<ReportPublishing['html']>, state: PublishState, warning: (message: string) => void): Sink {
  const file = htmlFile(html.path, 'the HTML report', html.results)
  return {
    name: file.name,
    write: async (report) => {
      try {
        await file.write(report)
        state.htmlReport = html.path
      } catch (err) {
        warning(`go-leak-gate: the HTML report was not written: ${errorMessage(err)}; the other reports were`)
      }
    }
  }
}

/** Publishes and returns the exit code: the verdict's, or 2 when an output the user named was not written. */
export async function publishReport(p: ReportPublishing, report: Report, saidBefore: number, code: ExitCode = exitCodeForReport(report)): Promise<ExitCode> {
  const failed = await publish(report, reportSinks(p, report.baseline?.source ?? 'none'))
  return finish(p.io, report, failed, saidBefore, code)
}

/** The step fails with the reason; outputs that could not be written (some said already) make it a 2. */
export function finish(io: ActionIO, report: Report, failed: SinkProblem[], saidBefore: number, code: ExitCode): ExitCode {
  for (const p of failed) io.setFailed(`go-leak-gate: ${describeProblem(p)}`)
  if (code === EXIT.incomplete) io.setFailed(`go-leak-gate: the run did not complete (${report.errors.length} errors); see the job summary`)
  else if (code === EXIT.fail) io.setFailed(`go-leak-gate: ${report.counts.fail} failing findings; see the job summary`)
  return withOutputFailures(code, failed.length + saidBefore)
}


/** report.json and report.md in the out-dir, checked before any work; problems are said at once. */
export async function checkReportFiles(io: ActionIO, settings: ActionSettings): Promise<{ files: { json: string; markdown: string }; ready: Sink[]; problems: number }> {
  const files = { json: join(settings.outDir, 'report.json'), markdown: join(settings.outDir, 'report.md') }
  const checked = await checkOutputs(settings.outDir, [jsonFile(files.json), markdownFile(files.markdown)])
  for (const p of checked.problems) io.setFailed(`go-leak-gate: ${describeProblem(p)}`)
  return { files, ready: checked.ready, problems: checked.problems.length }
}

/**
 * Publishing a report this run made (modes gate and aggregate): its report artifact (and `more` uploads), the
 * annotations, and the comment on the pull request the event names, stamped with its head commit and this run.
 */
export function thisRunsReport(
  base: Pick<ReportPublishing, 'io' | 'settings' | 'ctx' | 'octokit'>,
  checked: Awaited<ReturnType<typeof checkReportFiles>>,
  more: ArtifactSinkOptions[] = []
): ReportPublishing {
  const { io, settings, ctx } = base
  const pr = ctx.pullRequest
  const stamp = stampOf(ctx, pr?.headSha)
  if (pr !== undefined && stamp === undefined) io.warning('go-leak-gate: the pull request event has no head commit; no comment is written')
  const files = checked.files
  return {
    ...base,
    fileSinks: checked.ready,
    files,
    uploads: [
      { name: reportArtifactName(nameParts(settings, ctx)), rootDir: settings.outDir, files: async () => [files.json, files.markdown], retentionDays: settings.github.retentionDays, hint: NAME_CLASH_HINT },
      ...more
    ],
    annotate: true,
    comments: pr !== undefined && stamp !== undefined ? [{ issueNumber: pr.number, stamp }] : [],
    reportRun: { id: ctx.runId, attempt: ctx.runAttempt }
  }
}
