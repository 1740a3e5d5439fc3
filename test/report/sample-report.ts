// A plausible Report built by hand, as compare would produce it for a pull request that added an allocation,
// leaked heap from three allocation sites, slowed a benchmark, lengthened GC pauses, broke one benchmark and
// one package's build, and whose benchmark names try to inject markdown.

import type {
  BenchmarkComparison,
  Finding,
  FindingKind,
  MetricComparison,
  Report,
  Severity
} from '../../src/model/report.js'

/** Names a pull request could give its benchmarks (Go allows almost any text after `Benchmark` in b.Run). */
export const HOSTILE_NAMES: string[] = [
  'BenchmarkPipe|Split/a|b',
  'BenchmarkRow\n| injected | row |\n|---|---|',
  'BenchmarkCR\rcarriage',
  'Benchmark@octocat',
  'Benchmark/@github/security-team',
  'Benchmark/user@example.com',
  'Benchmark[click](https://evil.example/x)',
  'Benchmark![img](https://evil.example/x.png)',
  'Benchmark<https://evil.example>',
  'Benchmark/https://evil.example/path?q=1',
  'Benchmark/www.evil.example',
  'Benchmark<b>bold</b>',
  'Benchmark</details></summary><details open>',
  'Benchmark<!-- hidden',
  '<img src=x onerror=alert(1)>',
  'Benchmark`code`',
  'Benchmark```fence',
  '```',
  'Benchmark\\',
  'Benchmark\\|escaped',
  'Benchmark*emph*_under_',
  'Benchmark~~strike~~',
  '# heading',
  '> quote',
  '- list item',
  '+ plus item',
  '1. ordered',
  '2) ordered',
  '=====',
  '---',
  'Benchmark#123',
  'org/repo#42',
  'GH-7',
  'Benchmark$x^2$',
  'Benchmark&lt;script&gt;',
  'Benchmark&#64;octocat',
  'Benchmark[^1]',
  '[ref]: https://evil.example',
  'Benchmark\u202Eevil\u202C',
  'Benchmark\u001b[31mred\u001b[0m',
  '    indented code',
  ''
]

export function metric(
  name: string,
  unit: string,
  base: number | null,
  head: number | null,
  extra: Partial<MetricComparison> = {}
): MetricComparison {
  const pValue = extra.pValue ?? null
  return {
    metric: name,
    unit,
    lowerIsBetter: true,
    baseSamples: base === null ? [] : [base],
    headSamples: head === null ? [] : [head],
    baseMedian: base,
    headMedian: head,
    change: base === null || head === null || base === 0 ? null : (head - base) / base,
    pValue,
    status: 'unchanged',
    method: pValue === null ? 'threshold' : 'threshold+mann-whitney',
    reason: '',
    ...extra
  }
}

export function finding(fields: Partial<Finding> & { kind: FindingKind; severity: Severity }): Finding {
  return {
    pkg: 'example.com/shop/cart',
    subject: 'BenchmarkAddItem',
    metric: '',
    unit: '',
    base: null,
    head: null,
    change: null,
    pValue: null,
    message: '',
    locations: [],
    ...fields
  }
}

/** Counts recomputed from the findings, so a test that edits findings keeps a consistent report. */
export function withCounts(report: Omit<Report, 'counts'>): Report {
  const counts: Report['counts'] = { fail: 0, warn: 0, info: 0, byKind: {} }
  for (const f of report.findings) {
    counts[f.severity]++
    counts.byKind[f.kind] = (counts.byKind[f.kind] ?? 0) + 1
  }
  return { ...report, counts }
}

export const BUILD_OUTPUT = [
  '# example.com/shop/api',
  './handler.go:17:2: undefined: `fmt.Sprintf` (did you mean ```Sprintf```?)',
  './handler.go:21:9: cannot use x (variable of type ````int````) as string value in return statement',
  '</details> @octocat [x](https://evil.example)',
  '```'
].join('\n')

export const HOSTILE = 'Benchmark|Pipe@octocat[x](https://evil.example)<b>`tick`'

export function sampleReport(): Report {
  const findings: Finding[] = [
    finding({
      kind: 'regression',
      severity: 'fail',
      metric: 'allocs/op',
      unit: 'allocs/op',
      base: 3,
      head: 5,
      change: 2 / 3,
      message: 'allocs/op rose from 3 to 5 per op (+66.7%), over the 0% threshold for allocation counts',
      locations: [
        { file: 'cart/cart.go', line: 42, function: 'cart.(*Cart).Add', role: 'allocation', deltaPerOp: 64, inDiff: true }
      ]
    }),
    finding({
      kind: 'heap-leak',
      severity: 'fail',
      pkg: 'example.com/shop/cache',
      subject: 'BenchmarkCacheSet',
      metric: 'retained heap',
      unit: 'B/op',
      base: 0,
      head: 1536,
      message: 'retained heap grows by 1.5KiB per op across rounds of 1x and 4x the work; the base does not grow',
      locations: [
        { file: 'cache/entry.go', line: 19, function: 'cache.newEntry', role: 'allocation', deltaPerOp: 128 },
        { file: 'cache/cache.go', line: 88, function: 'cache.(*Cache).Set', role: 'allocation', deltaPerOp: 1024, inDiff: true },
        { file: 'cache/index.go', line: 51, function: 'cache.(*index).add', role: 'allocation', deltaPerOp: 384, inDiff: false }
      ]
    }),
    finding({
      kind: 'regression',
      severity: 'fail',
      pkg: 'example.com/shop/api',
      subject: 'BenchmarkServeHTTP/route=cart',
      metric: 'sec/op',
      unit: 'ns/op',
      base: 1234,
      head: 1480,
      change: (1480 - 1234) / 1234,
      pValue: 0.002,
      message: 'time per op rose 19.9% (p=0.002, 10 runs each), over the 5% threshold'
    }),
    finding({
      kind: 'gc-pause',
      severity: 'warn',
      pkg: 'example.com/shop/cache',
      subject: 'BenchmarkCacheSet',
      metric: 'stw pause p99',
      unit: 'ms',
      base: 0.12,
      head: 0.31,
      change: (0.31 - 0.12) / 0.12,
      pValue: 0.03,
      message: 'p99 stop-the-world pause rose from 120µs to 310µs'
    }),
    finding({
      kind: 'bench-failure',
      severity: 'fail',
      pkg: 'example.com/shop/parse',
      subject: 'BenchmarkParse',
      message: 'panic: runtime error: index out of range [5] with length 3',
      locations: [{ file: 'parse/parse_test.go', line: 31, function: 'parse.BenchmarkParse', role: 'benchmark' }]
    }),
    finding({
      kind: 'build-failure',
      severity: 'fail',
      pkg: 'example.com/shop/api',
      subject: 'example.com/shop/api',
      message: 'the head does not build: ./handler.go:17:2: undefined: `fmt.Sprintf`'
    }),
    finding({
      kind: 'regression',
      severity: 'fail',
      pkg: 'example.com/shop/cart',
      subject: HOSTILE,
      metric: 'B/op',
      unit: 'B/op',
      base: 1024,
      head: 2048,
      change: 1,
      message: 'B/op doubled for @octocat </details> [x](https://evil.example)',
      locations: [
        { file: 'cart/`evil`|x.go', line: 7, function: 'cart.<b>@octocat</b>', role: 'allocation', deltaPerOp: 1024 }
      ]
    }),
    finding({
      kind: 'goroutine-leak',
      severity: 'info',
      pkg: 'example.com/shop/cache',
      subject: 'BenchmarkCacheSet',
      metric: 'goroutines',
      unit: 'goroutines',
      base: 2,
      head: 2,
      change: 0,
      message: 'two background goroutines, present on the base too'
    })
  ]

  const comparisons: BenchmarkComparison[] = [
    {
      pkg: 'example.com/shop/cart',
      benchmark: 'BenchmarkAddItem',
      metrics: [
        metric('sec/op', 'ns/op', 812, 820, { pValue: 0.42, reason: 'not significant (p=0.42)' }),
        metric('B/op', 'B/op', 96, 96),
        metric('allocs/op', 'allocs/op', 3, 5, { status: 'regression', reason: '+66.7% > 0% threshold' })
      ]
    },
    {
      pkg: 'example.com/shop/cart',
      benchmark: HOSTILE,
      metrics: [metric('B/op', 'B/op', 1024, 2048, { status: 'regression', reason: '+100% > 10% threshold' })]
    },
    ...HOSTILE_NAMES.map((name) => ({
      pkg: 'example.com/shop/hostile',
      benchmark: name,
      metrics: [metric('sec/op', 'ns/op', 100, 99, { pValue: 0.9 })]
    })),
    {
      pkg: 'example.com/shop/cache',
      benchmark: 'BenchmarkCacheSet',
      metrics: [
        metric('sec/op', 'ns/op', 2_500, 2_450, { pValue: 0.01, status: 'improvement', reason: '-2.0%' }),
        metric('B/op', 'B/op', 1_536, 1_536),
        metric('items/op', 'items/op', 4, 4, { status: 'not-judged', reason: 'custom unit: direction unknown' })
      ]
    },
    {
      pkg: 'example.com/shop/api',
      benchmark: 'BenchmarkServeHTTP/route=cart',
      metrics: [metric('sec/op', 'ns/op', 1234, 1480, { pValue: 0.002, status: 'regression', reason: '+19.9% > 5%' })]
    }
  ]

  return withCounts({
    schemaVersion: 2,
    verdict: 'fail',
    incomplete: true,
    base: {
      commit: '1f3e5a7c9b2d4f6081a3c5e7092b4d6f8a1c3e5f',
      goVersion: 'go1.24.4',
      goos: 'linux',
      goarch: 'amd64',
      cpu: 'AMD EPYC 7763 64-Core Processor',
      race: false,
      count: 10,
      benchtime: '1s',
      dir: 'base'
    },
    head: {
      commit: '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d',
      goVersion: 'go1.24.4',
      goos: 'linux',
      goarch: 'amd64',
      cpu: 'AMD EPYC 7763 64-Core Processor',
      race: false,
      count: 10,
      benchtime: '1s',
      dir: 'head'
    },
    findings,
    comparisons,
    onlyInBase: [{ pkg: 'example.com/shop/cart', benchmark: 'BenchmarkOldCheckout' }],
    onlyInHead: [{ pkg: 'example.com/shop/cart', benchmark: 'Benchmark@octocat|New' }],
    notes: [
      'benchtime is the same on both sides, but GOMAXPROCS differs: base 4, head 8',
      '# items/op could not be judged: custom unit @octocat'
    ],
    errors: [{ side: 'head', kind: 'build', subject: 'example.com/shop/api', message: BUILD_OUTPUT }],
    reproduce: [
      {
        title: 'Run the regressed benchmark on both sides',
        command: "go test -run='^$' -bench='^BenchmarkAddItem$' -benchmem -count=10 ./cart"
      },
      {
        title: 'Diff the retained heap',
        command: 'go tool pprof -sample_index=inuse_space -diff_base base/profiles/cache.mem head/profiles/cache.mem'
      }
    ]
  })
}

/** A report with nothing to say: every benchmark unchanged. */
export function passingReport(): Report {
  const sample = sampleReport()
  return withCounts({
    ...sample,
    verdict: 'pass',
    incomplete: false,
    findings: [],
    comparisons: sample.comparisons.slice(0, 1).map((c) => ({
      ...c,
      metrics: c.metrics.map((m) => ({ ...m, status: 'unchanged' as const, headMedian: m.baseMedian, change: 0 }))
    })),
    onlyInBase: [],
    onlyInHead: [],
    notes: [],
    errors: []
  })
}
