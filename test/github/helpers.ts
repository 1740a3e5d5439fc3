// Shared set-up of the GitHub tests: a fake server with the tokens a workflow can have, and clients for them
// built exactly as the action builds its own (both plugins on), only with the waits scaled down.

import { afterEach, beforeEach, expect } from 'vitest'
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js'
import { FakeGitHub, GITHUB_ACTIONS_BOT, type Actor } from './fake-github.js'

export const ALICE: Actor = { login: 'alice', id: 101, type: 'User' }
export const MALLORY: Actor = { login: 'mallory', id: 666, type: 'User' }
export const OTHER_BOT: Actor = { login: 'dependabot[bot]', id: 49699333, type: 'Bot' }
export const PAT_USER: Actor = { login: 'gate-bot-user', id: 5150, type: 'User' }

/** GITHUB_TOKEN of a pull request from this repository: an installation token that may write. */
export const BOT_TOKEN = 'ghs_bot'
/** GITHUB_TOKEN of a pull request from a fork: read-only. */
export const FORK_TOKEN = 'ghs_fork'
/** A personal access token: GET /user works for it. */
export const PAT_TOKEN = 'ghp_user'

export async function startFake(): Promise<FakeGitHub> {
  const fake = await FakeGitHub.start()
  fake.addToken(BOT_TOKEN, { actor: GITHUB_ACTIONS_BOT, installation: true, write: true })
  fake.addToken(FORK_TOKEN, { actor: GITHUB_ACTIONS_BOT, installation: true, write: false })
  fake.addToken(PAT_TOKEN, { actor: PAT_USER, installation: false, write: true })
  return fake
}

/**
 * A fresh fake GitHub for every test of the enclosing suite, closed after it; the test fails when any request
 * or answer broke GitHub's OpenAPI description. Returns a getter for the current fake.
 */
export function useFakeGitHub(): () => FakeGitHub {
  let fake: FakeGitHub | undefined
  beforeEach(async () => {
    fake = await startFake()
  })
  afterEach(async () => {
    const done = fake
    fake = undefined
    if (done === undefined) return
    await done.close()
    expect(done.violations).toEqual([])
  })
  return () => {
    if (fake === undefined) throw new Error('the fake GitHub runs only inside a test')
    return fake
  }
}

let clients = 0

export function client(fake: FakeGitHub, token = BOT_TOKEN, log: string[] = [], msPerSecond = 1): GitHubClient {
  clients++
  return createGitHubClient({
    token,
    baseUrl: fake.url,
    log: (m) => log.push(m),
    msPerSecond,
    throttleId: `test-${clients}`
  })
}

/** Names a pull request controls, each aimed at one way of breaking out of the comment. */
export const ADVERSARIAL = [
  'Benchmark|Pipe|Split',
  'Benchmark`tick`and```fence',
  'Benchmark</details></summary><details open>',
  '<img src=x onerror=alert(1)>',
  'Benchmark@org/team',
  '[x](javascript:alert(1))',
  `Benchmark${'L'.repeat(10_000)}`,
  'Benchmark\u202Edesrever\u202C\u2066isolate\u2069',
  '<!-- go-leak-gate key=gate head=ffffffff run=99999999999 attempt=1 findings=0000000000000000 -->'
]
