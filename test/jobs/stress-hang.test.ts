// A race printed before a hang, in a stress process: testing's alarm ended the process (a real run,
// test/fixtures/recorded-leaks/race-hang.out), but the race report above the dump is still a finding.
// The stress loop runs with a stand-in for the test binary that gives back that recorded output.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_TESTS } from '../../src/config/defaults.js'
import type { BuiltPackage } from '../../src/go/build.js'
import { repetitionsStarted, stressPackage, type StressBinaryRun } from '../../src/jobs/stress.js'
import type { TestPackageResult } from '../../src/model/result.js'

const MODULE = 'example.com/leaks'
const recorded = (name: string) => readFile(join(import.meta.dirname, '..', 'fixtures', 'recorded-leaks', name), 'utf8')

const built: BuiltPackage = {
  pkg: { importPath: `${MODULE}/racy`, dir: '/src/racy', relDir: 'racy', name: 'racy', hasTests: true, hasBenchmarks: false } as unknown as BuiltPackage['pkg'],
  build: { ok: true } as unknown as BuiltPackage['build'],
  binary: '/bin/racy.test',
  probe: true
}

function normalPass(): TestPackageResult {
  return {
    importPath: `${MODULE}/racy`,
    dir: '/src/racy',
    build: built.build,
    probe: true,
    runs: [{ purpose: 'tests', command: ['racy.test'], outcome: 'pass', exitCode: 0, wallMs: 500 }],
    tests: [],
    races: [],
    leaks: [],
    panics: []
  }
}

describe('stress: a race before a hang', () => {
  it('reports the race and the hang of the same process', async () => {
    const out = await recorded('race-hang.out')
    const calls: string[][] = []
    const run: StressBinaryRun = async (_b, args) => {
      calls.push(args)
      return {
        process: { argv: ['racy.test', ...args], cwd: '/src/racy', code: 2, signal: null, stdout: out, stderr: '', timedOut: false, truncated: false, wallMs: 2_000 },
        record: { purpose: 'stress', command: ['racy.test', ...args], outcome: 'timeout', exitCode: 2, wallMs: 2_000 }
      }
    }
    const r = await stressPackage(run, { ...DEFAULT_TESTS, race: true }, { binaries: { race: built }, result: normalPass() }, { shareMs: 60_000, modulePath: MODULE, now: () => 0 })
    expect(calls).toHaveLength(1)
    expect(r.stoppedBy).toBe('hang')
    expect(r.hang?.message).toMatch(/test timed out after 2s under stress/)
    expect(r.races).toHaveLength(1)
    const race = r.races?.[0]
    const sites = [race?.access.frames[0], race?.previous.frames[0]].map((f) => `${f?.function} ${f?.file.split('/').pop()}:${f?.line}`)
    expect(sites).toEqual(['example.com/leaks/racy.(*Counter).Value racy.go:16', 'example.com/leaks/racy.(*Counter).Inc racy.go:11'])
    expect(race?.found).toMatchObject({ process: 0, race: true })
    // The process was given more repetitions than the one it started before it hung.
    expect(race?.found.count).toBeGreaterThan(1)
    expect(r.repetitions).toBe(1)
  })

  it('counts the repetitions a process started from its -test.v output', () => {
    const rep = (names: string[]) => names.map((n) => `=== RUN   ${n}\n--- PASS: ${n} (0.00s)\n`).join('')
    expect(repetitionsStarted(rep(['TestA', 'TestB', 'TestA', 'TestB', 'TestA']), 10)).toBe(3)
    // Subtests do not count; nor does anything past count.
    expect(repetitionsStarted(rep(['TestA', 'TestA/sub', 'TestA', 'TestA/sub']), 10)).toBe(2)
    expect(repetitionsStarted(rep(['TestA', 'TestA', 'TestA']), 2)).toBe(2)
    expect(repetitionsStarted('panic: in init\n', 5)).toBe(1)
  })
})
