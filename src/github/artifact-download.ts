// Getting a stored baseline's files. Behind an interface because there are two ways: the action uses
// @actions/artifact's client (it needs the Actions runtime), while the REST download below works with any
// token that has `actions: read`, on GitHub Enterprise Server too (where @actions/artifact refuses to run),
// and is what the tests drive against the fake GitHub.

import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { BaselineArtifact } from './baseline.js'
import type { GitHubClient } from './client.js'
import { attempt, GitHubError } from './errors.js'
import { readZip, ZipError } from './unzip.js'

export type DownloadOutcome =
  | { status: 'downloaded'; dir: string; /** Relative paths, `/`-separated. */ files: string[] }
  | { status: 'expired'; message: string }
  /** Over the bounds, corrupt or unsafe: the content is not used. */
  | { status: 'refused'; message: string }
  | { status: 'failed'; message: string; error: GitHubError }

export interface ArtifactDownloader {
  /** Downloads the artifact and extracts it into `dir` (which should be new and empty). */
  download(artifact: BaselineArtifact, dir: string): Promise<DownloadOutcome>
}

export interface ArtifactLimits {
  /** Size of the archive as downloaded. */
  maxArchiveBytes: number
  maxEntries: number
  /** Sum of the extracted files' sizes. */
  maxTotalBytes: number
}

// A result.json with profiles of a large module is a few MB; these leave a wide margin and stop a zip bomb.
export const DEFAULT_ARTIFACT_LIMITS: ArtifactLimits = { maxArchiveBytes: 64 << 20, maxEntries: 2000, maxTotalBytes: 256 << 20 }

export function restArtifactDownloader(
  octokit: GitHubClient,
  repo: { owner: string; repo: string },
  limits: ArtifactLimits = DEFAULT_ARTIFACT_LIMITS
): ArtifactDownloader {
  return {
    async download(artifact, dir) {
      const what = `the artifact ${artifact.name} (id ${artifact.id})`
      if (artifact.sizeInBytes > limits.maxArchiveBytes) {
        return { status: 'refused', message: `${what} is ${artifact.sizeInBytes} bytes, more than the ${limits.maxArchiveBytes} allowed` }
      }
      let zip: Buffer
      try {
        const { data } = await attempt(`downloading ${what}`, () =>
          octokit.request('GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}', {
            ...repo,
            artifact_id: artifact.id,
            archive_format: 'zip'
          })
        )
        if (!(data instanceof ArrayBuffer)) return { status: 'refused', message: `${what}: GitHub did not answer with a zip archive` }
        zip = Buffer.from(data)
      } catch (err) {
        if (!(err instanceof GitHubError)) throw err
        if (err.kind === 'gone') return { status: 'expired', message: `${what} has expired (GitHub answered 410)` }
        return { status: 'failed', message: err.message, error: err }
      }
      if (zip.length > limits.maxArchiveBytes) {
        return { status: 'refused', message: `${what} is ${zip.length} bytes, more than the ${limits.maxArchiveBytes} allowed` }
      }
      try {
        const entries = readZip(zip, limits)
        for (const entry of entries) {
          const path = join(dir, ...entry.name.split('/'))
          await mkdir(dirname(path), { recursive: true })
          // 'wx': never write through a file (or a link) that is already there.
          await writeFile(path, entry.data, { flag: 'wx' })
        }
        return { status: 'downloaded', dir, files: entries.map((e) => e.name) }
      } catch (err) {
        if (err instanceof ZipError) return { status: 'refused', message: `${what}: ${err.message}` }
        throw err
      }
    }
  }
}
