import { describe, expect, it } from 'vitest'
import { listChangedFiles } from '../../src/github/pull-files.js'
import { client, useFakeGitHub } from './helpers.js'

const fake = useFakeGitHub()

describe('listChangedFiles', () => {
  it('reads every page of a pull request’s files, 100 at a time', async () => {
    const files = Array.from({ length: 230 }, (_, i) => ({
      filename: `pkg${i}/file.go`,
      status: 'modified' as const,
      additions: 1,
      deletions: 1,
      patch: `@@ -${i},1 +${i},1 @@\n-old\n+new`
    }))
    fake().addPull({ number: 7, headSha: 'a'.repeat(40), files })
    const { files: listed, complete } = await listChangedFiles(client(fake()), { owner: 'octo', repo: 'demo', pullNumber: 7 })
    expect(listed).toHaveLength(230)
    expect(listed[229]).toEqual({ filename: 'pkg229/file.go', status: 'modified', patch: '@@ -229,1 +229,1 @@\n-old\n+new' })
    expect(complete).toBe(true)
    expect(fake().requests.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3'])
  })
})
