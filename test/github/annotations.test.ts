import * as core from '@actions/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { annotatedSites, chooseAnnotations, repositoryPath, type Annotation } from '../../src/github/annotations.js'
import type { Finding, Location } from '../../src/model/report.js'
import { finding, sampleReport, withCounts } from '../report/sample-report.js'
import { ADVERSARIAL } from './helpers.js'

function loc(role: Location['role'], file: string, line: number, extra: Partial<Location> = {}): Location {
  return { role, file, line, function: 'example.com/m/p.F', ...extra }
}

function report(findings: Finding[]) {
  return withCounts({ ...sampleReport(), findings })
}

const leak = finding({
  kind: 'goroutine-leak',
  severity: 'fail',
  subject: 'TestServe',
  message: '1 goroutine left blocked in [chan receive] at p.wait (p/wait.go:12), started at p.Serve (p/serve.go:30)',
  locations: [loc('blocking', 'p/wait.go', 12), loc('caller', 'p/mid.go', 20), loc('creation', 'p/serve.go', 30)]
})
const race = finding({
  kind: 'race',
  severity: 'fail',
  subject: 'TestCounter',
  message: 'new data race',
  locations: [loc('access', 'c/c.go', 5), loc('previous-access', 'c/c.go', 9), loc('creation', 'c/c_test.go', 14)]
})
const heap = finding({
  kind: 'heap-leak',
  severity: 'warn',
  subject: 'BenchmarkCache',
  message: 'retained heap grows',
  locations: [loc('allocation', 'cache/a.go', 1, { deltaPerOp: 10 }), loc('allocation', 'cache/b.go', 2, { deltaPerOp: 900 })]
})
const hang = finding({
  kind: 'hang',
  severity: 'fail',
  subject: 'TestDeadlock',
  message: 'test timed out',
  locations: [loc('blocking', 'd/lock.go', 7), loc('creation', 'd/start.go', 3), loc('blocking', 'd/other.go', 40)]
})

describe('annotatedSites', () => {
  it('picks the blocking and creation site of a leak, both accesses of a race, the top allocation, the blocked frame of a hang', () => {
    expect(annotatedSites(leak).map((l) => `${l.file}:${l.line}`)).toEqual(['p/wait.go:12', 'p/serve.go:30'])
    expect(annotatedSites(race).map((l) => l.role)).toEqual(['access', 'previous-access'])
    expect(annotatedSites(heap).map((l) => l.file)).toEqual(['cache/b.go'])
    expect(annotatedSites(hang).map((l) => l.file)).toEqual(['d/lock.go'])
    expect(annotatedSites(finding({ kind: 'gc-pause', severity: 'warn' }))).toEqual([])
  })
})

describe('repositoryPath', () => {
  it('joins the module directory and keeps the path inside the repository', () => {
    expect(repositoryPath('p/wait.go', 'services/api')).toBe('services/api/p/wait.go')
    expect(repositoryPath('p/wait.go', '.')).toBe('p/wait.go')
    expect(repositoryPath('p/wait.go', '')).toBe('p/wait.go')
    expect(repositoryPath('../shared/x.go', 'services/api')).toBe('services/shared/x.go')
    expect(repositoryPath('../../../etc/passwd', 'services/api')).toBeUndefined()
    expect(repositoryPath('/usr/local/go/src/runtime/chan.go', '.')).toBeUndefined()
    expect(repositoryPath('golang.org/x/sync@v0.7.0/errgroup/errgroup.go', '.')).toBeUndefined()
    expect(repositoryPath('p/a\nb.go', '.')).toBeUndefined()
  })
})

describe('chooseAnnotations', () => {
  it('annotates failures before warnings, lines this PR changed first, with paths from the repository root', () => {
    const changed = { ...race, locations: race.locations.map((l) => ({ ...l, inDiff: l.role === 'previous-access' })) }
    const out = chooseAnnotations(report([heap, leak, changed]), { moduleDir: 'svc' })
    expect(out.map((a) => `${a.level} ${a.properties.file}:${a.properties.startLine}`)).toEqual([
      'error svc/c/c.go:9',
      'error svc/p/wait.go:12',
      'error svc/p/serve.go:30',
      'error svc/c/c.go:5',
      'warning svc/cache/b.go:2'
    ])
    expect(out[1]).toEqual({
      level: 'error',
      message: leak.message,
      properties: { title: 'go-leak-gate: goroutine leak, blocked here (TestServe)', file: 'svc/p/wait.go', startLine: 12, endLine: 12 }
    })
  })

  it('keeps to 10 per level, then says in one notice how many more there are', () => {
    const many = Array.from({ length: 15 }, (_, i) => ({ ...race, locations: [loc('access', `r/r${i}.go`, 1), loc('previous-access', `r/r${i}.go`, 2)] }))
    const notes = Array.from({ length: 12 }, (_, i) => ({ ...leak, severity: 'info' as const, locations: [loc('blocking', `n/n${i}.go`, 3)] }))
    const out = chooseAnnotations(report([...notes, ...many]), { moduleDir: '.' })
    const count = (level: Annotation['level']) => out.filter((a) => a.level === level).length
    expect(count('error')).toBe(10)
    expect(count('notice')).toBe(10)
    // 20 of 30 race sites dropped, 3 of 12 notices (one gave its slot to the closing notice).
    expect(out.at(-1)).toMatchObject({ level: 'notice', message: expect.stringMatching(/^23 more locations are not annotated/) })
    expect(out.at(-1)?.properties.file).toBeUndefined()
  })

  it('keeps to the total across levels', () => {
    const errors = Array.from({ length: 5 }, (_, i) => ({ ...hang, locations: [loc('blocking', `h/${i}.go`, 1)] }))
    const warns = Array.from({ length: 5 }, (_, i) => ({ ...heap, locations: [loc('allocation', `w/${i}.go`, 1)] }))
    const out = chooseAnnotations(report([...errors, ...warns]), { moduleDir: '.', maxTotal: 6 })
    expect(out).toHaveLength(6)
    expect(out.slice(0, 5).every((a) => a.level === 'error')).toBe(true)
    expect(out[5].message).toMatch(/^5 more locations/)
  })

  it('makes one annotation of several findings on one line', () => {
    const twice = [leak, { ...leak, subject: 'TestOther' }, { ...leak, subject: 'TestThird' }]
    const out = chooseAnnotations(report(twice), { moduleDir: '.' })
    expect(out).toHaveLength(2)
    expect(out[0].message).toMatch(/\(and 2 more findings at this line\)$/)
  })

  it('skips files the repository does not have', () => {
    const out = chooseAnnotations(report([leak]), { moduleDir: '.', isRepoFile: (p) => p !== 'p/wait.go' })
    expect(out.map((a) => a.properties.file)).toEqual(['p/serve.go'])
  })
})

describe('chooseAnnotations: untrusted text', () => {
  const log: string[] = []
  afterEach(() => {
    vi.restoreAllMocks()
    log.length = 0
  })

  // How the runner reads a workflow command line back (unescaping as @actions/core escaped).
  function parseCommand(line: string): { command: string; props: Record<string, string>; message: string } {
    const m = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line)
    if (m === null) throw new Error(`not a command: ${line}`)
    const unescape = (s: string) => s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
    const props = Object.fromEntries((m[2] ?? '').split(',').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), unescape(kv.slice(kv.indexOf('=') + 1))]))
    return { command: m[1], props, message: unescape(m[3]) }
  }

  it('stays one inert workflow command per annotation, whatever the names and messages hold', () => {
    const hostile = [...ADVERSARIAL, 'x\n::warning::injected', 'a\u2028b\rc::set-output name=verdict::pass', '%0A::error::escaped']
    const findings = hostile.map((name) =>
      finding({ kind: 'race', severity: 'fail', subject: name, message: `race in ${name}`, locations: [loc('access', `p/${hostile.indexOf(name)}.go`, 1)] })
    )
    const out = chooseAnnotations(report(findings), { moduleDir: '.' })
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      log.push(String(chunk))
      return true
    })
    for (const a of out) core.error(a.message, a.properties)
    vi.restoreAllMocks()
    const lines = log.join('').split('\n').filter((l) => l !== '')
    expect(lines).toHaveLength(out.length)
    lines.forEach((line, i) => {
      const parsed = parseCommand(line)
      expect(parsed.command).toBe('error')
      expect(parsed.message).toBe(out[i].message)
      expect(parsed.props.title).toBe(out[i].properties.title)
      expect(parsed.props.file).toBe(out[i].properties.file)
      expect(parsed.message).not.toMatch(/[\n\r\u2028\u2029\u202A-\u202E\u2066-\u2069]/)
      expect(parsed.message.length).toBeLessThanOrEqual(1000)
      expect(parsed.props.title.length).toBeLessThanOrEqual(160)
    })
  })
})
