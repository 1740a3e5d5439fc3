// The files a pull request changes, from the API: in the workflow_run poster there is no checkout to run
// `git diff` in, yet findings should still be marked when they point at a changed file.

import type { GitHubClient } from './client.js'
import { attempt } from './errors.js'

export interface ChangedFile {
  filename: string
  status: string
  /** The unified diff hunk text; GitHub leaves it out for binary and very large files. */
  patch?: string
  previousFilename?: string
}

/** GitHub lists at most this many files of a pull request; past it the list is silently incomplete. */
export const PULL_FILES_LIMIT = 3000

export async function listChangedFiles(
  octokit: GitHubClient,
  target: { owner: string; repo: string; pullNumber: number }
): Promise<{ files: ChangedFile[]; complete: boolean }> {
  const entries = await attempt(`listing the files of #${target.pullNumber}`, () =>
    octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
      owner: target.owner,
      repo: target.repo,
      pull_number: target.pullNumber,
      per_page: 100
    })
  )
  const files = entries.map((e) => ({
    filename: e.filename,
    status: e.status,
    ...(e.patch === undefined ? {} : { patch: e.patch }),
    ...(e.previous_filename === undefined ? {} : { previousFilename: e.previous_filename })
  }))
  return { files, complete: files.length < PULL_FILES_LIMIT }
}
