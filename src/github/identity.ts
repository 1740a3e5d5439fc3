// Who the token writes as: the sticky comment accepts only comments by this login, so that a marker pasted
// into someone else's comment is ignored.
//
// GET /user answers for a personal access token, but refuses GITHUB_TOKEN and every other installation token
// (403 "Resource not accessible by integration"), and GET /app needs the app's JWT, not an installation token.
// (GraphQL's `viewer` works for both, which is what marocchino/sticky-pull-request-comment uses; we stay on REST,
// where the fake server checks every call against GitHub's description.) So: a configured login wins; else
// GET /user; when that is refused the token is an installation token and, in a workflow, GITHUB_TOKEN, whose
// comments GitHub writes as `github-actions[bot]`. A GitHub App's own token writes as `<app-slug>[bot]`: that
// is what the configured login is for. Without it such a run still ends with one comment (after creating, the
// comment module lists again by the login GitHub gave the new comment and folds it into the earlier one), at
// the price of a create and a delete per run.

import type { GitHubClient } from './client.js'
import { attempt, GitHubError } from './errors.js'

export const GITHUB_ACTIONS_LOGIN = 'github-actions[bot]'

export interface Identity {
  login: string
  source: 'configured' | 'GET /user' | 'installation token'
}

export async function resolveIdentity(octokit: GitHubClient, configured?: string): Promise<Identity> {
  const login = configured?.trim()
  if (login !== undefined && login !== '') return { login, source: 'configured' }
  try {
    const { data } = await attempt('finding who the token is (GET /user)', () => octokit.request('GET /user'))
    return { login: data.login, source: 'GET /user' }
  } catch (err) {
    if (err instanceof GitHubError && err.kind === 'forbidden') return { login: GITHUB_ACTIONS_LOGIN, source: 'installation token' }
    throw err
  }
}
