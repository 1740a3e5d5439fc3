// The config file as untrusted input: each case from the fuzzing report (issue 12, item 8) loads or is
// refused with a UsageError naming the file, the place and the key, in bounded time.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildConfig, parseConfigBytes, parseConfigText, readConfigFile } from '../../src/config/load.js'
import { UsageError } from '../../src/errors.js'

function refusal(f: () => unknown): UsageError {
  try {
    f()
  } catch (err) {
    if (err instanceof UsageError) return err
    throw new Error(`threw ${String(err)} instead of a UsageError`)
  }
  throw new Error('loaded instead of being refused')
}

const timed = (f: () => unknown): number => {
  const t0 = performance.now()
  f()
  return performance.now() - t0
}

let work: string
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'glg-cfg-'))
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('config file as untrusted input', () => {
  it('refuses an alias bomb instead of expanding it, naming the key', () => {
    // Nine anchors of nine aliases each: 9^9 strings if expanded.
    const levels = Array.from({ length: 9 }, (_, i) => `  l${i}: &l${i} [${i === 0 ? Array(9).fill('lol').join(', ') : Array(9).fill(`*l${i - 1}`).join(', ')}]`)
    let err: UsageError | undefined
    const ms = timed(() => (err = refusal(() => parseConfigText(`metrics:\n${levels.join('\n')}\n`, 'bomb.yml'))))
    expect(err?.message).toMatch(/^bomb\.yml: metrics at line 2, column 3: the value cannot be expanded \(Excessive alias count/)
    // A hang guard, not a speed test: expanding 9^9 strings would take minutes and gigabytes.
    expect(ms).toBeLessThan(5000)
    // Aliases under unknown keys are never expanded: the key is what is wrong. Aliases to known sections work.
    const sections = `ignore:\n  benchmarks: &b [x]\n  goroutines: []\n${Array.from({ length: 120 }, (_, i) => `x${i}: *b`).join('\n')}\n`
    expect(refusal(() => parseConfigText(sections, 'many.yml')).message).toMatch(/^many\.yml: unknown key 'x0'/)
    const chained = `thresholds:\n  allocsPerOp: &t { relative: 2% }\n  bytesPerOp: *t\n  retainedBytesPerOp: *t\n`
    expect(buildConfig('/m', parseConfigText(chained, 'ok.yml'), {}).compare.thresholds.retainedBytesPerOp.relative).toBeCloseTo(0.02)
  })

  it('names the file, the key and the place for an alias to an anchor that does not exist', () => {
    expect(refusal(() => parseConfigText('run:\n  bench: *undefined_anchor\n', 'gate.yml')).message).toBe(
      "gate.yml: run.bench: the alias *undefined_anchor at line 2, column 10 names no anchor defined above it; define it with &name first, or quote the value if '*' was meant literally"
    )
    expect(refusal(() => parseConfigText('ignore:\n  benchmarks: [a, *nope]\n', 'g.yml')).message).toMatch(/^g\.yml: ignore\.benchmarks: the alias \*nope at line 2, column 19/)
  })

  it('refuses deep nesting quickly, with the place it got too deep', () => {
    for (const text of ['metrics: ' + '['.repeat(100_000) + ']'.repeat(100_000), Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'), '- '.repeat(5000) + 'x']) {
      let err: UsageError | undefined
      const ms = timed(() => (err = refusal(() => parseConfigText(text, 'deep.yml'))))
      expect(err?.message).toMatch(/^deep\.yml:\d+:\d+: nested more than 32 levels deep/)
      // A hang guard, not a speed test: expanding 9^9 strings would take minutes and gigabytes.
    expect(ms).toBeLessThan(5000)
    }
  })

  it('refuses values of unexpected shapes with the key, never a TypeError', () => {
    const cases: [string, RegExp][] = [
      ['run: [1, 2]\n', /^run in s\.yml:1:6 must be a mapping of settings \(got a list/],
      ['thresholds:\n  time: 5\n', /^thresholds\.time in s\.yml:2:9 must be a mapping of settings \(got 5/],
      ['ignore:\n  goroutines: {createdBy: x}\n', /^ignore\.goroutines in s\.yml:2:15 must be a list of goroutine rules \(got a mapping\)/],
      ['ignore:\n  goroutines: [[x]]\n', /^ignore\.goroutines\[0\] in s\.yml:2:16 must be a rule with one or more of/],
      ['ignore:\n  goroutines: [{createdBy: [x]}]\n', /createdBy must be a function name/],
      ['metrics: [items/op]\n', /^metrics in s\.yml:1:10 must be a mapping of unit names/],
      ['metrics: {[a]: higher}\n', /^s\.yml: metrics: keys must be plain names at line 1, column 11/],
      ['? [a, b]\n: 1\n', /^s\.yml: keys in \(top level\) must be plain names/],
      ['run:\n  packages: ./...\n', /^run\.packages in s\.yml:2:13 must be a list of package patterns, like '\.\/\.\.\.' or '\.\/pkg\/\.\.\.' \(got '\.\/\.\.\.'\)/],
      ['run:\n  count: 1e400\n', /^run\.count in s\.yml:2:10 must be a whole number from 1 to 1000, like '10' \(got Infinity\)/],
      ['run:\n  count: -3\n', /got -3\)/],
      ['statistics:\n  alpha: .nan\n', /^statistics\.alpha in s\.yml:2:10 must be a number above 0 and at most 0\.5/],
      ['tests:\n  timeout: 9999999999h\n', /^tests\.timeout in s\.yml:2:12 must be a duration above 0, like '90s' or '10m' \(got '9999999999h': at most 24h\)/],
      ['run:\n  bench: "a\\0b"\n', /^run\.bench in s\.yml:2:10 must be a regular expression, as go test takes it, .*\(got 'a\\u0000b': contains a NUL character\)/],
      ['"just a string"\n', /^s\.yml: expected a mapping of settings .* found 'just a string'/],
      ['run:\n  count: 3\nrun:\n  count: 4\n', /^s\.yml:3:1: not valid YAML: Map keys must be unique/]
    ]
    for (const [text, want] of cases) expect(refusal(() => parseConfigText(text, 's.yml')).message, text).toMatch(want)
  })

  it('answers a megabyte-long unknown key at once, without a suggestion', () => {
    // YAML caps plain keys at 1024 characters; JSON-style quoted keys have no such cap.
    const text = `{"thresholds": {"${'x'.repeat(1_000_000)}": 1}}`
    let err: UsageError | undefined
    const ms = timed(() => (err = refusal(() => parseConfigText(text, 'k.yml'))))
    expect(err?.message).toMatch(/^k\.yml: unknown key 'x{60}\.\.\. \(1000000 characters\)' in thresholds at line 1, column 17\. Known keys: time, custom,/)
    // A hang guard: parsing a megabyte of YAML takes tens of milliseconds, while an edit distance over the
    // key is 10^12 steps. The bound leaves room for a machine shared with other jobs.
    expect(ms).toBeLessThan(5000)
  })

  it('still suggests the closest key for a short typo', () => {
    expect(refusal(() => parseConfigText('tests:\n  setle: 1s\n', 't.yml')).message).toMatch(/^t\.yml: unknown key 'setle' in tests \(did you mean 'settle'\?\) at line 2, column 3/)
  })

  it('refuses text that is not UTF-8, and files over the size cap before reading them', async () => {
    expect(refusal(() => parseConfigBytes(Buffer.from([0x72, 0x75, 0x6e, 0x3a, 0xc0, 0xaf, 0x0a]), 'u.yml')).message).toBe('u.yml: not UTF-8 text; save the file as UTF-8')
    const big = join(work, 'big.yml')
    await writeFile(big, `# ${'x'.repeat(2 << 20)}\n`)
    await expect(readConfigFile(big, work)).rejects.toThrowError(`${big}: 2097155 bytes is too large for a config file (at most 1048576 bytes)`)
  })

  it('loads CRLF line ends, a byte-order mark and JSON alike', () => {
    const crlf = parseConfigBytes(Buffer.from('\ufeffrun:\r\n  count: 7\r\ntests:\r\n  settle: 1s\r\n'), 'w.yml')
    const json = parseConfigText('{"run": {"count": 7}, "tests": {"settle": "1s"}}', 'w.json')
    for (const f of [crlf, json]) {
      const cfg = buildConfig('/m', f, {})
      expect([cfg.run.count, cfg.tests.settleMs]).toEqual([7, 1000])
    }
  })

  it('refuses a path that is a directory or a FIFO instead of blocking on it', async () => {
    await mkdir(join(work, 'dir.yml'))
    await expect(readConfigFile(join(work, 'dir.yml'), work)).rejects.toThrowError(/dir\.yml is not a regular file/)
    const fifo = join(work, 'fifo.yml')
    execFileSync('mkfifo', [fifo])
    // Opening a FIFO for reading blocks until a writer comes; this writer never writes, only lets open() return.
    const writer = (await import('node:child_process')).spawn('sh', ['-c', `exec 3>"$1"; sleep 2`, 'sh', fifo])
    try {
      await expect(readConfigFile(fifo, work)).rejects.toThrowError(/fifo\.yml is not a regular file/)
    } finally {
      writer.kill()
    }
  })

  it('reads every setting of the fixture that uses them all', async () => {
    const { file } = await readConfigFile(join(import.meta.dirname, '..', 'fixtures', 'config', 'full.yml'), work)
    const cfg = buildConfig('/m', file, {})
    expect(cfg.run).toMatchObject({ packages: ['./...', './cmd/...'], count: 12, benchtime: '200ms', timeoutMs: 300_000, race: false })
    expect(cfg.tests).toMatchObject({ run: '^Test', timeoutMs: 480_000, settleMs: 750, narrowBudgetMs: 90_000, raceBenchtime: '20x' })
    expect(cfg.compare.thresholds.gcCyclesPerOp).toEqual({ relative: 0.2, absolute: 0.01 })
    expect(cfg.compare.statistics).toEqual({ alpha: 0.01, minSamples: 6, correction: 'none' })
    expect(cfg.compare.gcPauseSeverity).toBe('fail')
    expect(cfg.tests.ignore).toEqual([{ topFunction: 'example.com/m/pool.(*Pool).worker' }, { createdBy: 'example.com/m/cache.init.0', anyFunction: 'time.Sleep' }])
    expect(cfg.compare.thresholds.load.latencyP99).toEqual({ relative: 0.6, absolute: 2 })
    expect(cfg.compare.thresholds.load.heap).toEqual({ perRequest: 128, perRound: 524288, minRoundGrowth: 32768 })
    expect(cfg.load.enabled).toBe(false)
    expect(cfg.load.jobs.map((j) => [j.name, j.service.package ?? j.service.command, j.traffic.kind, j.rounds])).toEqual([
      ['api', './cmd/api', 'embedded', 4],
      ['worker', ['./bin/worker', '--port', '{port}'], 'command', 5]
    ])
    expect(cfg.load.jobs[0]).toMatchObject({
      service: { race: true, env: { GOMAXPROCS: '2' }, stopGraceMs: 2000 },
      ready: { url: '/healthz', timeoutMs: 20_000 },
      traffic: { requests: [{ method: 'POST', url: '/orders', weight: 3 }, { method: 'GET', url: '/healthz', weight: 1 }], count: 500, concurrency: 8, rate: 400, timeoutMs: 2000 },
      warmup: { count: 250 },
      cooldownMs: 500,
      ignore: [{ topFunction: 'example.com/m/pool.(*Pool).worker' }]
    })
  })

  it('names the job, the key and the line of a mistake in the load list', () => {
    const text = 'load:\n  - name: api\n    service: { package: ./cmd/api }\n    traffic: { requests: [{ url: /a }] }\n  - name: web\n    service: { package: ./cmd/web }\n    traffic: { requests: [{ url: "http://example.com/" }] }\n'
    expect(refusal(() => parseConfigText(text, 'l.yml')).message).toBe(
      "load[1] in l.yml:5:5 must be a load job (got a mapping: 'web': traffic.requests[0].url: 'http://example.com/' is not on a loopback address: load traffic goes to 127.0.0.1, ::1 or localhost only, never to another machine)"
    )
    const typo = 'load:\n  - name: api\n    service: { package: ./cmd/api }\n    trafic: { requests: [{ url: /a }] }\n'
    expect(refusal(() => parseConfigText(typo, 'y.yml')).message).toMatch(/^load\[0\] in y\.yml:2:5 must be a load job \(got a mapping: 'api': trafic: unknown key \(did you mean 'traffic'\?\); the keys here are /)
    const twice = 'load:\n  - { name: api, service: { package: ./a }, traffic: { run: "true" } }\n  - { name: api, service: { package: ./b }, traffic: { run: "true" } }\n'
    expect(refusal(() => parseConfigText(twice, 't.yml')).message).toBe("load in t.yml:2:3 must be a list of load jobs (got a list: two jobs are named 'api'; names pair a job's base and head results)")
    const ignored = 'load:\n  - { name: api, service: { package: ./a }, traffic: { run: "true" }, ignore: [{ topFunc: x }] }\n'
    expect(refusal(() => parseConfigText(ignored, 'i.yml')).message).toMatch(/^load\[0\] in i\.yml:2:5 must be a load job \(got a mapping: 'api': ignore\[0\]: must be a rule with one or more of topFunction, anyFunction, createdBy \(unknown rule key 'topFunc'\)\)$/)
  })

  it('accepts the old key run.race, and refuses it beside its new name', () => {
    expect(buildConfig('/m', parseConfigText('run:\n  race: true\n', 'o.yml'), {}).run.race).toBe(true)
    expect(refusal(() => parseConfigText('run:\n  race: true\n  benchRace: true\n', 'o.yml')).message).toBe(
      'o.yml: run.benchRace is given twice at line 3, column 3 (run.benchRace and run.race are the same setting)'
    )
  })
})
