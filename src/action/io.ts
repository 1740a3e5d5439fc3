// Everything the action does to the outside world, handed in so tests can use a real runner, a fake GitHub
// and a fake artifact service, and record the rest.
import * as core from '@actions/core'
import * as github from '@actions/github'
import type { GetInput } from '../config/inputs.js'
import { debugRequested } from '../errors.js'
import type { Annotation } from '../github/annotations.js'
import { createGitHubClient, type GitHubClient } from '../github/client.js'
import { runProcess, type Runner } from '../go/process.js'
import { actionsArtifactUploader, type ArtifactUploader } from '../publish/artifacts.js'
import type { Env } from './context.js'

export interface ActionIO {
  getInput: GetInput
  setOutput: (name: string, value: string | number) => void
  summary: (markdown: string) => Promise<void>
  setFailed: (message: string) => void
  info: (message: string) => void
  /** A warning annotation of the step: what GitHub refused, what was left out. */
  warning: (message: string) => void
  annotate: (annotation: Annotation) => void
  run: Runner
  /** The runner's variables: GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_API_URL, ... */
  env: Env
  /** The event payload (GITHUB_EVENT_PATH). */
  event: unknown
  /** An Octokit with retries and throttling, for the token and API root given. */
  github: (token: string, apiUrl: string) => GitHubClient
  artifacts: ArtifactUploader
  now: () => Date
  workspace: string
  tempDir: string
  /** Stack traces with errors: the runner's debug logging, or GO_LEAK_GATE_DEBUG=1. */
  debug: boolean
}

export function defaultIO(): ActionIO {
  return {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    summary: async (markdown) => {
      await core.summary.addRaw(markdown, true).write()
    },
    setFailed: (message) => core.setFailed(message),
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    annotate: (a) => {
      const emit = a.level === 'error' ? core.error : a.level === 'warning' ? core.warning : core.notice
      emit(a.message, a.properties)
    },
    run: runProcess,
    env: process.env,
    event: github.context.payload,
    github: (token, apiUrl) => createGitHubClient({ token, baseUrl: apiUrl, log: (m) => core.info(m) }),
    artifacts: actionsArtifactUploader(),
    now: () => new Date(),
    workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
    tempDir: process.env.RUNNER_TEMP ?? process.env.TMPDIR ?? '/tmp',
    debug: core.isDebug() || debugRequested()
  }
}
