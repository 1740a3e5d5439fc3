// mode comment: the second half of GitHub's fork-safe pair. A `workflow_run` workflow (it has a write token)
// posts the report that an untrusted `pull_request` run uploaded. Everything about the target comes from the
// event GitHub sent and from GitHub's API, never from the artifact, whose content the fork controls: the pull
// request is found from the triggering run's head commit and head repository. The artifact is only read: a
// small zip under tight bounds, unpacked below RUNNER_TEMP, report.json validated against its schema, every
// string escaped when rendered. Nothing from it is executed, and no jobs run.
import { existsSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import { readReport } from '../baseline/result-dir.js'
import type { ActionSettings } from '../config/inputs.js'
import { Outputs } from '../config/inputs.js'
import { errorMessage, UsageError } from '../errors.js'
import { EXIT, type ExitCode } from '../exit.js'
import { restArtifactDownloader, type ArtifactLimits } from '../github/artifact-download.js'
import { GitHubError } from '../github/errors.js'
import { checkWorkflowRunEvent, resolvePullRequest } from '../github/fork.js'
import { listRunArtifacts } from '../github/run-artifacts.js'
import { reportArtifactPrefix } from '../publish/artifacts.js'
import { requireRepository, withTrustedRunLink, type WorkflowContext } from './context.js'
import { requireClient } from './common.js'
import type { ActionIO } from './io.js'
import { publishReport } from './publishing.js'

// report.json and report.md: a large report is some MB; anything past these is not what the gate uploads.
export const REPORT_ARTIFACT_LIMITS: ArtifactLimits = { maxArchiveBytes: 16 << 20, maxEntries: 4, maxTotalBytes: 64 << 20 }

function nothingToPost(io: ActionIO, why: string): ExitCode {
  io.info(`go-leak-gate: nothing posted: ${why}`)
  io.setOutput(Outputs.Verdict, 'error')
  io.setOutput(Outputs.CommentUrl, '')
  return EXIT.pass
}

export async function commentMode(io: ActionIO, s: ActionSettings, ctx: WorkflowContext): Promise<ExitCode> {
  const repo = requireRepository(ctx, 'comment')
  if (s.github.gateWorkflow === '') {
    throw new UsageError("mode 'comment' needs the input 'gate-workflow': the file name of the pull_request workflow whose reports it posts, like 'perf.yml'")
  }
  const octokit = requireClient(io, s, ctx)
  const checked = checkWorkflowRunEvent(ctx.payload, `${repo.owner}/${repo.repo}`, s.github.gateWorkflow)
  if (!checked.ok) return nothingToPost(io, checked.reason)
  const run = checked.run

  const what = `the report of run ${run.id}`
  let artifacts
  try {
    artifacts = await listRunArtifacts(octokit, repo, run.id, reportArtifactPrefix(s.github.commentKey))
  } catch (err) {
    if (!(err instanceof GitHubError)) throw err
    io.warning(`go-leak-gate: ${err.message}; nothing posted (the job needs permissions: actions: read)`)
    return EXIT.pass
  }
  const latest = artifacts[0]
  if (latest === undefined) return nothingToPost(io, `run ${run.id} uploaded no report for the key ${s.github.commentKey} (did it stop before publishing?)`)
  if (latest.expired) {
    io.warning(`go-leak-gate: ${what} (artifact ${latest.name}) has expired; nothing posted`)
    return EXIT.pass
  }
  const dir = await mkdtemp(join(io.tempDir, 'glg-comment-'))
  const got = await restArtifactDownloader(octokit, repo, REPORT_ARTIFACT_LIMITS).download(latest, dir)
  if (got.status === 'expired') {
    io.warning(`go-leak-gate: ${got.message}; nothing posted`)
    return EXIT.pass
  }
  if (got.status === 'failed') {
    io.warning(`go-leak-gate: ${got.message}; nothing posted`)
    return EXIT.pass
  }
  if (got.status === 'refused') throw new UsageError(`${what} is refused: ${got.message}`)
  let report
  try {
    report = await readReport(join(dir, 'report.json'))
  } catch (err) {
    throw new UsageError(`${what} is refused: ${errorMessage(err)}`)
  }
  if (report.baseline !== undefined) report.baseline = withTrustedRunLink(report.baseline, ctx)

  const resolved = await resolvePullRequest(octokit, repo, run)
  if (resolved.status === 'failed') {
    io.warning(`go-leak-gate: ${resolved.message}; nothing posted`)
    return EXIT.pass
  }
  if (resolved.status === 'not-found') return nothingToPost(io, resolved.reason)
  io.info(`go-leak-gate: posting ${what} on ${resolved.pulls.map((p) => `#${p.number}`).join(', ')} (found by ${resolved.via})`)
  return publishReport(
    {
      io,
      settings: s,
      ctx,
      octokit,
      fileSinks: [],
      files: { json: join(dir, 'report.json'), markdown: '' },
      uploads: [],
      // Annotations here would land on this workflow_run, not on the pull request's run.
      annotate: false,
      comments: resolved.pulls.map((p) => ({ issueNumber: p.number, stamp: resolved.stamp })),
      reportRun: { id: run.id, attempt: run.runAttempt },
      // Only linked, never opened or served here: the page was made by the pull request's (untrusted) run.
      reportArtifact: { id: latest.id, runId: run.id, hasHtml: existsSync(join(dir, 'report.html')) }
    },
    report,
    0,
    // The verdict failed the pull request's own run already; the poster succeeds when it posted.
    EXIT.pass
  )
}
