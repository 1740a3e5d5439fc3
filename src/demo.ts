import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_COMPARE, DEFAULT_TESTS } from './config/defaults.js'
import type { Config } from './config/types.js'
import { reportJson, writeOutput } from './engine/outputs.js'
import { gate } from './engine/pipeline.js'
import { makeFixtureRepo } from './fixture-repo.js'
import type { BenchDeps } from './jobs/bench.js'
import type { Report } from './model/report.js'
import { renderMarkdown } from './report/markdown.js'

export async function runDemo(deps: BenchDeps, outDir?: string): Promise<{ report: Report; markdownPath: string }> {
  const work = outDir ?? (await mkdtemp(join(tmpdir(), 'go-leak-gate-demo-')))
  const repoDir = join(work, 'repo')
  await rm(repoDir, { recursive: true, force: true })
  deps.log(`building the demo repository in ${repoDir}`)
  const repo = await makeFixtureRepo(deps.run, 'demo', repoDir)
  const config: Config = {
    // Enough runs per side for the Mann-Whitney test to reach significance after the
    // multiple-comparison control, short enough to finish in well under a minute.
    run: { dir: repo.dir, packages: ['./...'], bench: '.', count: 8, benchtime: '100ms', timeoutMs: 120_000, race: false },
    compare: DEFAULT_COMPARE,
    // The test pass too: the demo's head also leaks a goroutine (notify), found with no code change.
    tests: { ...DEFAULT_TESTS, timeoutMs: 120_000 }
  }
  const { report } = await gate(deps, config, repo.baseSha, join(work, 'results'))
  const markdownPath = join(work, 'report.md')
  await writeOutput(markdownPath, renderMarkdown(report))
  await writeOutput(join(work, 'report.json'), reportJson(report))
  return { report, markdownPath }
}
