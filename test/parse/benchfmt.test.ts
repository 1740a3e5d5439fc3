import { spawnSync } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'
import { benchmarkPattern, parseBenchOutput, splitProcs } from '../../src/parse/benchfmt.js'
import { buildRecordedTestBinary, RECORDED_MODULE, RECORDED_SRC, recordedText } from './recorded.js'

const allOutput = recordedText('bench-all.stdout')

const SIZES = ['size=10', 'size=100', 'a|b', 'x.y(z)+', 'with_space', 'end-10', '[set]^$', 'dir/file'].map(
  (s) => `BenchmarkSizes/${s}`
)

describe('parseBenchOutput on recorded go test output', () => {
  const out = parseBenchOutput(allOutput, { procs: 4 })

  it('reads every result line, in order, with names stripped of the GOMAXPROCS suffix', () => {
    expect(out.results.map((r) => r.name)).toEqual([
      'BenchmarkParse',
      ...SIZES,
      'BenchmarkThroughput',
      'BenchmarkCustomMetric',
      'BenchmarkGroup/ok',
      'BenchmarkRetain',
      'BenchmarkRetainLoop'
    ])
    expect(out.results.every((r) => r.procs === 4 && r.fullName === `${r.name}-4`)).toBe(true)
  })

  it('keeps a sub-benchmark whose own name ends in -10', () => {
    const end = out.results.find((r) => r.fullName === 'BenchmarkSizes/end-10-4')
    expect(end?.name).toBe('BenchmarkSizes/end-10')
  })

  it('reads iterations and every value/unit pair, including MB/s and custom units', () => {
    const byName = new Map(out.results.map((r) => [r.name, r]))
    expect(out.results.every((r) => r.iterations === 2000)).toBe(true)
    expect(Object.keys(byName.get('BenchmarkParse')?.metrics ?? {})).toEqual(['ns/op', 'B/op', 'allocs/op'])
    expect(byName.get('BenchmarkParse')?.metrics['allocs/op']).toBe(2)
    expect(byName.get('BenchmarkThroughput')?.metrics['MB/s']).toBeGreaterThan(0)
    expect(byName.get('BenchmarkCustomMetric')?.metrics['widgets/op']).toBe(3)
    expect(byName.get('BenchmarkRetain')?.metrics['B/op']).toBeGreaterThan(1024)
  })

  it('attaches the pkg and cpu lines in effect to each result and keeps all config lines', () => {
    expect(out.results.every((r) => r.pkg === 'example.com/recorded' && r.cpu === out.config.cpu)).toBe(true)
    expect(out.config.cpu).not.toBe('')
    expect(out.config.goos).toBe('linux')
    expect(Object.keys(out.config).sort()).toEqual(['cpu', 'goarch', 'goos', 'pkg'])
  })

  it('reads the direction a Unit line declares', () => {
    expect(out.unitDirections['widgets/op']).toBe('higher')
  })

  it('reports b.Fatal failures with their log lines, including one printed on a started result line', () => {
    expect(out.failures).toEqual([
      {
        name: 'BenchmarkFatal',
        message: expect.stringMatching(
          /^recorded_test\.go:\d+: connecting to the fixture\nrecorded_test\.go:\d+: fixture unavailable: connection refused$/
        )
      },
      { name: 'BenchmarkGroup/late', message: expect.stringMatching(/^recorded_test\.go:\d+: lost 1 of 2000\n {4}second line$/) },
      { name: 'BenchmarkGroup', message: 'failed without log output' }
    ])
  })

  it('finds no problems in well-formed output and skips --- BENCH log blocks', () => {
    expect(out.problems).toEqual([])
    expect(JSON.stringify(out)).not.toContain('made 3 widgets')
  })
})

describe('the GOMAXPROCS suffix', () => {
  const cpu1 = recordedText('bench-cpu1.stdout')

  it('is absent with GOMAXPROCS=1, and procs=1 keeps names that end in digits whole', () => {
    const out = parseBenchOutput(cpu1, { procs: 1 })
    expect(out.results.map((r) => r.name)).toEqual(SIZES)
    expect(out.results.every((r) => r.procs === 1)).toBe(true)
  })

  it('is ambiguous without opts.procs: a trailing -10 is read as GOMAXPROCS', () => {
    const out = parseBenchOutput(cpu1)
    const end = out.results.find((r) => r.fullName === 'BenchmarkSizes/end-10')
    expect(end).toMatchObject({ name: 'BenchmarkSizes/end', procs: 10 })
  })

  it('is only stripped when it equals the given procs', () => {
    expect(splitProcs('BenchmarkX/end-10-4', 4)).toEqual({ name: 'BenchmarkX/end-10', procs: 4 })
    expect(splitProcs('BenchmarkX/end-10', 4)).toEqual({ name: 'BenchmarkX/end-10', procs: 1 })
    expect(splitProcs('BenchmarkX-8')).toEqual({ name: 'BenchmarkX', procs: 8 })
  })
})

describe('a benchmark that panics', () => {
  const stderr = recordedText('panic-cut.stderr')

  it('names the benchmark from the cut-off result line and gives the panic value and user frame', () => {
    const out = parseBenchOutput(recordedText('panic-cut.stdout') + '\n' + stderr, { procs: 4 })
    expect(out.results).toEqual([])
    expect(out.failures).toHaveLength(1)
    const [failure] = out.failures
    expect(failure.name).toBe('BenchmarkPanic')
    expect(failure.message).toMatch(/^panic: store: missing key "absent"\n {4}at example\.com\/recorded\/store\.MustLookup \(.*store\/store\.go:\d+\)$/)
    expect(failure.location?.function).toBe('example.com/recorded/store.MustLookup')
    expect(failure.location?.file).toMatch(/recorded-src\/store\/store\.go$/)
    expect(out.problems.map((p) => p.reason)).toEqual([expect.stringMatching(/^missing iteration count/)])
  })

  it('rejects the bogus 0-iteration NaN result Go sometimes prints while the panic unwinds', () => {
    const out = parseBenchOutput(recordedText('panic-nan.stdout') + stderr, { procs: 4 })
    expect(out.results).toEqual([])
    expect(out.problems).toHaveLength(1)
    expect(out.problems[0].text).toContain('NaN ns/op')
    expect(out.problems[0].reason).toMatch(/^zero iterations/)
    expect(out.failures.map((f) => f.name)).toEqual(['BenchmarkPanic'])
  })

  it('does not blame a benchmark whose line was garbled for a later one that died in its first run', () => {
    const out = parseBenchOutput('BenchmarkParse-4 \t 2000 \t 12 ns/op 57\n' + stderr, { procs: 4 })
    expect(out.failures.map((f) => f.name)).toEqual(['BenchmarkPanic'])
  })

  it('names the benchmark from the stack when only stderr is parsed', () => {
    const out = parseBenchOutput(stderr)
    expect(out.failures.map((f) => f.name)).toEqual(['BenchmarkPanic'])
    expect(Object.keys(out.config)).toEqual([])
  })

  it('prefers a frame in the module over other non-standard frames when modulePath is given', () => {
    const vendored = [
      'panic: boom',
      '',
      'goroutine 7 [running]:',
      'github.com/dep/lib.Must(...)',
      '\t/go/pkg/mod/github.com/dep/lib/lib.go:10 +0x1',
      'example.com/recorded.BenchmarkSizes.func1(0xc000)',
      '\t/src/recorded_test.go:33 +0x2',
      'testing.(*B).runN(0xc000, 0x1)',
      '\t/usr/local/go/src/testing/benchmark.go:219 +0x190'
    ].join('\n')
    expect(parseBenchOutput(vendored).failures[0].location?.function).toBe('github.com/dep/lib.Must')
    const own = parseBenchOutput(vendored, { modulePath: RECORDED_MODULE }).failures[0]
    expect(own).toMatchObject({ name: 'BenchmarkSizes', location: { function: 'example.com/recorded.BenchmarkSizes.func1', line: 33 } })
  })

  it('reads a fatal error and a standard-library panic with the caller as the user frame', () => {
    const text = [
      'fatal error: concurrent map writes',
      '',
      'goroutine 9 [running]:',
      'internal/runtime/maps.fatal({0x5a1b2c?, 0x0?})',
      '\t/usr/local/go/src/runtime/panic.go:1046 +0x18',
      'example.com/app/cache.(*Cache).Put(...)',
      '\t/src/cache/cache.go:41',
      'created by example.com/app.BenchmarkPut in goroutine 8',
      '\t/src/app_test.go:12 +0x55'
    ].join('\n')
    const [failure] = parseBenchOutput(text).failures
    expect(failure.message).toMatch(/^fatal error: concurrent map writes\n {4}at example\.com\/app\/cache\.\(\*Cache\)\.Put \(\/src\/cache\/cache\.go:41\)$/)
  })
})

describe('broken output', () => {
  const lines = allOutput.split('\n')
  const parseIndex = lines.findIndex((l) => l.startsWith('BenchmarkParse-4'))

  it('reports a result line cut in the middle of its fields and keeps the others', () => {
    const cut = lines[parseIndex].slice(0, lines[parseIndex].indexOf('B/op'))
    const text = [...lines.slice(0, parseIndex), cut, ...lines.slice(parseIndex + 1)].join('\n')
    const out = parseBenchOutput(text, { procs: 4 })
    expect(out.problems).toEqual([
      { line: parseIndex + 1, text: cut, reason: expect.stringMatching(/^odd number of value\/unit fields/), benchmark: 'BenchmarkParse' }
    ])
    expect(out.results.map((r) => r.name)).not.toContain('BenchmarkParse')
    expect(out.results).toHaveLength(13)
  })

  it('reports non-numeric values, iteration counts and misaligned fields', () => {
    const text = [
      'BenchmarkA-4   \t 2000\t  12x ns/op',
      'BenchmarkB-4   \t many\t  12 ns/op',
      'BenchmarkC-4   \t 2000\t  12 ns/op 3 4',
      'BenchmarkD-4   \t 2000',
      'BenchmarkE-4   \t 2000\t  12 ns/op'
    ].join('\n')
    const out = parseBenchOutput(text, { procs: 4 })
    expect(out.problems.map((p) => [p.line, p.reason])).toEqual([
      [1, 'value "12x" for unit "ns/op" is not a number'],
      [2, 'iteration count "many" is not an integer'],
      [3, 'unit "4" after value "3" is a number: fields are out of step'],
      [4, 'missing measurements']
    ])
    expect(out.results.map((r) => r.name)).toEqual(['BenchmarkE'])
  })

  it('skips noise: garbage, prose that merely starts with Benchmark, verbose announcements, PASS/ok/FAIL', () => {
    const text = [
      '\u0000\u0001garbage ~~~',
      'Benchmarking is fun',
      'BenchmarkX',
      'PASS',
      'ok  \texample.com/recorded\t0.123s',
      'FAIL\texample.com/recorded\t0.2s',
      'BenchmarkX-4 \t 10 \t 5 ns/op'
    ].join('\n')
    const out = parseBenchOutput(text, { procs: 4 })
    expect(out.problems).toEqual([])
    expect(out.results.map((r) => [r.name, r.metrics['ns/op']])).toEqual([['BenchmarkX', 5]])
  })

  it('reads CRLF line endings like LF', () => {
    const crlf = parseBenchOutput(allOutput.replace(/\n/g, '\r\n'), { procs: 4 })
    expect(crlf).toEqual(parseBenchOutput(allOutput, { procs: 4 }))
  })

  it('stores a unit named __proto__ like any other', () => {
    const out = parseBenchOutput('BenchmarkX-4 10 5 __proto__ 7 ns/op', { procs: 4 })
    expect(Object.entries(out.results[0].metrics)).toEqual([
      ['__proto__', 5],
      ['ns/op', 7]
    ])
  })

  it('reports malformed Unit lines and a config key without a value removes it', () => {
    const out = parseBenchOutput('Unit x/op better=sideways\nUnit\npkg: a\npkg:\nBenchmarkX 1 2 ns/op')
    expect(out.problems.map((p) => p.line)).toEqual([1, 2])
    expect(out.results[0].pkg).toBe('')
  })
})

describe('benchmarkPattern', () => {
  it('quotes and anchors each name element', () => {
    expect(benchmarkPattern('BenchmarkSizes/a|b')).toBe('^BenchmarkSizes$/^a\\|b$')
    expect(benchmarkPattern('BenchmarkSizes/[set]^$')).toBe('^BenchmarkSizes$/^\\[set\\]\\^\\$$')
    expect(benchmarkPattern('BenchmarkSizes/x.y(z)+')).toBe('^BenchmarkSizes$/^x\\.y\\(z\\)\\+$')
  })

  describe('against the real test binary', () => {
    let binary = ''
    beforeAll(() => {
      binary = buildRecordedTestBinary()
    })

    const runWith = (pattern: string): ReturnType<typeof parseBenchOutput> => {
      const r = spawnSync(binary, ['-test.run=^$', `-test.bench=${pattern}`, '-test.benchtime=1x', '-test.cpu=4'], {
        cwd: RECORDED_SRC,
        encoding: 'utf8'
      })
      return parseBenchOutput(r.stdout, { procs: 4 })
    }

    it('runs exactly the named leaf, for every benchmark the recorded run printed', () => {
      const names = parseBenchOutput(allOutput, { procs: 4 }).results.map((r) => r.name)
      for (const name of names) {
        const out = runWith(benchmarkPattern(name))
        expect({ name, ran: out.results.map((r) => r.name), failures: out.failures }).toEqual({ name, ran: [name], failures: [] })
      }
    })

    it('runs exactly a failing leaf', () => {
      const out = runWith(benchmarkPattern('BenchmarkFatal'))
      expect(out.results).toEqual([])
      expect(out.failures.map((f) => f.name)).toEqual(['BenchmarkFatal'])
    })

    it('is needed: the unquoted names match other benchmarks too', () => {
      expect(runWith('BenchmarkSizes/size=10').results.map((r) => r.name)).toEqual(['BenchmarkSizes/size=10', 'BenchmarkSizes/size=100'])
      expect(runWith('BenchmarkSizes/a|b').results.length).toBeGreaterThan(1)
    })
  })
})

describe('values Go prints that JSON has no number for', () => {
  // Lines as Go 1.26 printed them for the fixtures/untrusted benchmarks (b.ReportMetric of x/0 and 0/0).
  const text = [
    'BenchmarkLookup-2      \t     100\t         7.010 ns/op\t      +Inf hits/lookup',
    'BenchmarkMissRatio-2   \t     100\t         5.100 ns/op\t       NaN misses/lookup',
    'BenchmarkDrop-2        \t     100\t         5.100 ns/op\t      -Inf gain/op'
  ].join('\n')

  it('keeps +Inf, NaN and -Inf as the text Go printed, next to the finite values', () => {
    const out = parseBenchOutput(text, { procs: 2 })
    expect(out.problems).toEqual([])
    expect(out.results.map((r) => [r.name, r.metrics])).toEqual([
      ['BenchmarkLookup', { 'ns/op': 7.01, 'hits/lookup': '+Inf' }],
      ['BenchmarkMissRatio', { 'ns/op': 5.1, 'misses/lookup': 'NaN' }],
      ['BenchmarkDrop', { 'ns/op': 5.1, 'gain/op': '-Inf' }]
    ])
    // What result.json stores: the text survives JSON, where Infinity would have become null.
    expect(JSON.parse(JSON.stringify(out.results[0].metrics))).toEqual({ 'ns/op': 7.01, 'hits/lookup': '+Inf' })
  })

  it('refuses spellings Go never prints for them', () => {
    const out = parseBenchOutput('BenchmarkA-2 100 Infinity x/op\nBenchmarkB-2 100 inf x/op\nBenchmarkC-2 100 1 NaN', { procs: 2 })
    expect(out.results).toEqual([])
    expect(out.problems.map((p) => p.reason)).toEqual([
      'value "Infinity" for unit "x/op" is not a number',
      'value "inf" for unit "x/op" is not a number',
      'unit "NaN" after value "1" is a number: fields are out of step'
    ])
  })
})

describe('numbers no benchmark prints', () => {
  it('reports an iteration count beyond 2^53 and a value beyond float64 as problems of that benchmark', () => {
    const out = parseBenchOutput('BenchmarkHuge 99999999999999999999999 1 ns/op\nBenchmarkPrints 1 1e999 ns/op\nBenchmarkOk-2 10 1e308 ns/op', { procs: 2 })
    expect(out.problems.map((p) => [p.benchmark, p.reason])).toEqual([
      ['BenchmarkHuge', 'iteration count "99999999999999999999999" is out of range: Go stops b.N at 1e9'],
      ['BenchmarkPrints', 'value "1e999" for unit "ns/op" is out of the range of a float64']
    ])
    expect(out.results.map((r) => [r.name, r.metrics['ns/op']])).toEqual([['BenchmarkOk', 1e308]])
  })

  it('reads the 309 digits %10.0f prints for the largest float64', () => {
    // The exact decimal expansion, as Go's %f prints it (toFixed switches to exponent form above 1e21).
    const digits = BigInt(1.7976931348623157e308).toString()
    expect(digits).toHaveLength(309)
    const out = parseBenchOutput(`BenchmarkMax-2 10 ${digits} x/op`, { procs: 2 })
    expect(out.results[0]?.metrics['x/op']).toBe(1.7976931348623157e308)
  })

  it('takes linear time on a 40,000-digit number followed by x and on a 2 MB line pair', () => {
    const started = performance.now()
    const out = parseBenchOutput(`BenchmarkX-2 100 ${'1'.repeat(40_000)}x ns/op\nBenchmarkY-2 100 1 ${'9'.repeat(1 << 20)}x\nBenchmarkZ-2 100 ${'9'.repeat(1 << 20)}x ns/op\n`, { procs: 2 })
    // The old pattern took 1.9 s on the first line alone, and more than 60 s on the pair.
    expect(performance.now() - started).toBeLessThan(250)
    expect(out.problems.map((p) => p.benchmark)).toEqual(['BenchmarkX', 'BenchmarkY', 'BenchmarkZ'])
    expect(out.problems.every((p) => p.reason.length < 200)).toBe(true)
  })

  it('refuses names and units longer than any benchmark has, which would not fit a -test.bench argument', () => {
    const out = parseBenchOutput(`Benchmark${'N'.repeat(5000)}-2 10 1 ns/op\nBenchmarkU-2 10 1 ${'u'.repeat(2000)}`, { procs: 2 })
    expect(out.results).toEqual([])
    expect(out.problems.map((p) => p.reason)).toEqual([
      expect.stringMatching(/^a benchmark name of 5011 characters/),
      expect.stringMatching(/^a unit of 2000 characters/)
    ])
  })
})
