// GitHub's REST objects as the fake server answers them: every field the OpenAPI description requires, in
// GitHub's shapes. The fake validates what these build against the description, so a missing or mistyped
// field fails the test that caused it instead of passing unnoticed.

const API = 'https://api.github.com'
const WEB = 'https://github.com'
const TIME = '2026-01-15T10:00:00Z'

function urls(base: string, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, `${base}/${n.replace(/_url$/, '')}`]))
}

export interface Actor {
  login: string
  id: number
  type: 'User' | 'Bot' | 'Organization'
}

export function simpleUser(actor: Actor): Record<string, unknown> {
  const base = `${API}/users/${encodeURIComponent(actor.login)}`
  return {
    login: actor.login,
    id: actor.id,
    node_id: `U_${actor.id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${actor.id}`,
    gravatar_id: '',
    url: base,
    html_url: `${WEB}/${encodeURIComponent(actor.login)}`,
    ...urls(base, [
      'followers_url',
      'following_url',
      'gists_url',
      'starred_url',
      'subscriptions_url',
      'organizations_url',
      'repos_url',
      'events_url',
      'received_events_url'
    ]),
    type: actor.type,
    site_admin: false
  }
}

/** GET /user for the token's own account: the private view. */
export function privateUser(actor: Actor): Record<string, unknown> {
  return {
    ...simpleUser(actor),
    name: null,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    public_repos: 1,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: TIME,
    updated_at: TIME,
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
    user_view_type: 'private'
  }
}

export interface StoredComment {
  id: number
  issueNumber: number
  body: string
  author: Actor
  createdAt: string
  updatedAt: string
}

export function issueComment(repoFullName: string, c: StoredComment): Record<string, unknown> {
  return {
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${API}/repos/${repoFullName}/issues/comments/${c.id}`,
    html_url: `${WEB}/${repoFullName}/pull/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${API}/repos/${repoFullName}/issues/${c.issueNumber}`,
    body: c.body,
    user: simpleUser(c.author),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: c.author.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR'
  }
}

export interface RepoRef {
  id: number
  owner: Actor
  name: string
}

const REPO_URLS = [
  'archive_url',
  'assignees_url',
  'blobs_url',
  'branches_url',
  'collaborators_url',
  'comments_url',
  'commits_url',
  'compare_url',
  'contents_url',
  'contributors_url',
  'deployments_url',
  'downloads_url',
  'events_url',
  'forks_url',
  'git_commits_url',
  'git_refs_url',
  'git_tags_url',
  'issue_comment_url',
  'issue_events_url',
  'issues_url',
  'keys_url',
  'labels_url',
  'languages_url',
  'merges_url',
  'milestones_url',
  'notifications_url',
  'pulls_url',
  'releases_url',
  'stargazers_url',
  'statuses_url',
  'subscribers_url',
  'subscription_url',
  'tags_url',
  'teams_url',
  'trees_url',
  'hooks_url'
]

export function fullName(repo: RepoRef): string {
  return `${repo.owner.login}/${repo.name}`
}

export function minimalRepository(repo: RepoRef, fork = false): Record<string, unknown> {
  const name = fullName(repo)
  const base = `${API}/repos/${name}`
  return {
    id: repo.id,
    node_id: `R_${repo.id}`,
    name: repo.name,
    full_name: name,
    owner: simpleUser(repo.owner),
    private: false,
    html_url: `${WEB}/${name}`,
    description: null,
    fork,
    url: base,
    ...urls(base, REPO_URLS)
  }
}

export function repository(repo: RepoRef, fork = false): Record<string, unknown> {
  const name = fullName(repo)
  return {
    ...minimalRepository(repo, fork),
    license: null,
    forks: 0,
    git_url: `git://github.com/${name}.git`,
    ssh_url: `git@github.com:${name}.git`,
    clone_url: `${WEB}/${name}.git`,
    mirror_url: null,
    svn_url: `${WEB}/${name}`,
    homepage: null,
    language: 'Go',
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 1,
    default_branch: 'main',
    open_issues_count: 1,
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: false,
    archived: false,
    disabled: false,
    pushed_at: TIME,
    created_at: TIME,
    updated_at: TIME,
    open_issues: 1,
    watchers: 0
  }
}

export interface StoredPull {
  number: number
  state: 'open' | 'closed'
  title: string
  author: Actor
  headRef: string
  headSha: string
  /** The repository the head branch lives in: a fork or the base repository itself. */
  headRepo: RepoRef
  baseRef: string
  baseSha: string
  files: StoredFile[]
}

export interface StoredFile {
  filename: string
  status: 'added' | 'removed' | 'modified' | 'renamed'
  additions: number
  deletions: number
  patch?: string
}

export function pullRequestSimple(baseRepo: RepoRef, pr: StoredPull): Record<string, unknown> {
  const name = fullName(baseRepo)
  const api = `${API}/repos/${name}`
  const self = `${api}/pulls/${pr.number}`
  const link = (href: string): { href: string } => ({ href })
  return {
    url: self,
    id: 1000 + pr.number,
    node_id: `PR_${pr.number}`,
    html_url: `${WEB}/${name}/pull/${pr.number}`,
    diff_url: `${WEB}/${name}/pull/${pr.number}.diff`,
    patch_url: `${WEB}/${name}/pull/${pr.number}.patch`,
    issue_url: `${api}/issues/${pr.number}`,
    commits_url: `${self}/commits`,
    review_comments_url: `${self}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pr.number}/comments`,
    statuses_url: `${api}/statuses/${pr.headSha}`,
    number: pr.number,
    state: pr.state,
    locked: false,
    title: pr.title,
    user: simpleUser(pr.author),
    body: null,
    labels: [],
    milestone: null,
    created_at: TIME,
    updated_at: TIME,
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    head: {
      label: `${pr.headRepo.owner.login}:${pr.headRef}`,
      ref: pr.headRef,
      repo: repository(pr.headRepo, pr.headRepo.id !== baseRepo.id),
      sha: pr.headSha,
      user: simpleUser(pr.headRepo.owner)
    },
    base: {
      label: `${baseRepo.owner.login}:${pr.baseRef}`,
      ref: pr.baseRef,
      repo: repository(baseRepo),
      sha: pr.baseSha,
      user: simpleUser(baseRepo.owner)
    },
    _links: {
      comments: link(`${api}/issues/${pr.number}/comments`),
      commits: link(`${self}/commits`),
      statuses: link(`${api}/statuses/${pr.headSha}`),
      html: link(`${WEB}/${name}/pull/${pr.number}`),
      issue: link(`${api}/issues/${pr.number}`),
      review_comments: link(`${self}/comments`),
      review_comment: link(`${api}/pulls/comments{/number}`),
      self: link(self)
    },
    author_association: 'CONTRIBUTOR',
    auto_merge: null
  }
}

export function diffEntry(baseRepo: RepoRef, sha: string, file: StoredFile): Record<string, unknown> {
  const name = fullName(baseRepo)
  const path = file.filename.split('/').map(encodeURIComponent).join('/')
  return {
    sha: null,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.additions + file.deletions,
    blob_url: `${WEB}/${name}/blob/${sha}/${path}`,
    raw_url: `${WEB}/${name}/raw/${sha}/${path}`,
    contents_url: `${API}/repos/${name}/contents/${path}?ref=${sha}`,
    ...(file.patch === undefined ? {} : { patch: file.patch })
  }
}

export interface StoredRun {
  id: number
  runAttempt: number
  /** Workflow file path, as GitHub gives it: `.github/workflows/gate.yml`. */
  path: string
  workflowId: number
  headBranch: string
  headSha: string
  event: string
  status: 'completed' | 'in_progress' | 'queued'
  conclusion: 'success' | 'failure' | 'cancelled' | null
  headRepo: RepoRef
  createdAt: string
}

export function workflowRun(repo: RepoRef, run: StoredRun): Record<string, unknown> {
  const name = fullName(repo)
  const api = `${API}/repos/${name}/actions/runs/${run.id}`
  return {
    id: run.id,
    name: 'gate',
    node_id: `WFR_${run.id}`,
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: run.path,
    display_title: `run ${run.id}`,
    run_number: run.id % 1000,
    run_attempt: run.runAttempt,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflowId,
    url: api,
    html_url: `${WEB}/${name}/actions/runs/${run.id}`,
    pull_requests: [],
    created_at: run.createdAt,
    updated_at: run.createdAt,
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${API}/repos/${name}/check-suites/${run.id}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    workflow_url: `${API}/repos/${name}/actions/workflows/${run.workflowId}`,
    head_commit: {
      id: run.headSha,
      tree_id: run.headSha,
      message: 'commit',
      timestamp: run.createdAt,
      author: { name: 'A U Thor', email: 'author@example.com' },
      committer: { name: 'A U Thor', email: 'author@example.com' }
    },
    repository: minimalRepository(repo),
    head_repository: minimalRepository(run.headRepo, run.headRepo.id !== repo.id)
  }
}

export interface StoredArtifact {
  id: number
  name: string
  runId: number
  expired: boolean
  /** The archive GitHub would serve: a zip file. */
  zip: Buffer
  createdAt: string
}

export function artifact(repo: RepoRef, a: StoredArtifact, run: StoredRun | undefined): Record<string, unknown> {
  const api = `${API}/repos/${fullName(repo)}/actions/artifacts/${a.id}`
  return {
    id: a.id,
    node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
    name: a.name,
    size_in_bytes: a.zip.length,
    url: api,
    archive_download_url: `${api}/zip`,
    expired: a.expired,
    created_at: a.createdAt,
    expires_at: a.createdAt,
    updated_at: a.createdAt,
    digest: null,
    workflow_run:
      run === undefined
        ? null
        : {
            id: run.id,
            repository_id: repo.id,
            head_repository_id: run.headRepo.id,
            head_branch: run.headBranch,
            head_sha: run.headSha
          }
  }
}
