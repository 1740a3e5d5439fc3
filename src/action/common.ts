// Pieces every mode needs: the GitHub client (when there is a token), the job dependencies, the names of
// this job's artifacts.
import { UsageError } from '../errors.js'
import type { ActionSettings } from '../config/inputs.js'
import type { GitHubClient } from '../github/client.js'
import { probeToolchain } from '../go/toolchain.js'
import type { JobDeps } from '../jobs/deps.js'
import type { NameParts } from '../publish/artifacts.js'
import type { WorkflowContext } from './context.js'
import type { ActionIO } from './io.js'

/**
 * The client for the github-token input, or undefined without one. A token that still reads `${{ ... }}` was
 * never substituted (a local runner passing action.yml's defaults): there is no GitHub to talk to then.
 */
export function githubClient(io: ActionIO, settings: ActionSettings, ctx: WorkflowContext): GitHubClient | undefined {
  const token = settings.github.githubToken
  if (token === '' || token.startsWith('${{')) return undefined
  return io.github(token, ctx.apiUrl)
}

export function requireClient(io: ActionIO, settings: ActionSettings, ctx: WorkflowContext): GitHubClient {
  const octokit = githubClient(io, settings, ctx)
  if (octokit === undefined) throw new UsageError(`mode '${settings.github.mode}' talks to GitHub: give it a github-token (the default is \${{ github.token }})`)
  return octokit
}

export async function jobDeps(io: ActionIO): Promise<JobDeps> {
  return { run: io.run, toolchain: await probeToolchain(io.run), log: io.info }
}

export function nameParts(settings: ActionSettings, ctx: WorkflowContext): NameParts {
  return { key: settings.github.commentKey, job: ctx.job, runAttempt: ctx.runAttempt, shard: settings.config.run.shard }
}

/** Said when an upload is refused because the name is taken: two jobs with one key. */
export const NAME_CLASH_HINT =
  'When two jobs of one workflow (matrix legs) run go-leak-gate, give each its own comment-key: they upload, and comment, under it.'
