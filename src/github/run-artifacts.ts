// The artifacts of one workflow run whose names start with a prefix (a report, the shards of a matrix), with
// GitHub's own `expired` flag, which @actions/artifact's list drops.
import type { BaselineArtifact } from './baseline.js'
import type { GitHubClient } from './client.js'
import { attempt } from './errors.js'

export interface RunArtifact extends BaselineArtifact {
  expired: boolean
}

export async function listRunArtifacts(
  octokit: GitHubClient,
  repo: { owner: string; repo: string },
  runId: number,
  prefix: string
): Promise<RunArtifact[]> {
  const all = await attempt(`listing the artifacts of run ${runId}`, () =>
    octokit.paginate('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', { ...repo, run_id: runId, per_page: 100 })
  )
  return all
    .filter((a) => a.name.startsWith(prefix))
    .map((a) => ({ id: a.id, name: a.name, sizeInBytes: a.size_in_bytes, createdAt: a.created_at, expiresAt: a.expires_at, runId, expired: a.expired }))
    .sort((a, b) => b.id - a.id)
}
