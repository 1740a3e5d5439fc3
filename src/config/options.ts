// The option table: every setting once, with its file key, its flag and action input, its parser, its default
// and its documentation. The config loader, the action's inputs, the CLI's flags and help, and the JSON Schema
// are all read off this table, so adding an option is one entry here plus the code that uses it.
//
// Naming: a flag and an input always share one name. `run.X` is named X, `tests.X` is test-X (the switch
// `tests.enabled` is plain `tests`), `thresholds.M.relative` is M-threshold, anything else is its whole key
// in kebab case (`gc.pauseSeverity` is gc-pause-severity). Older spellings stay as aliases.
import { loadJobs } from './load-jobs.js'
import { overrides, policy, type ThresholdKinds } from './policy-kinds.js'
import type { BenchThresholds, CompareConfig, GrowthFloor, LoadConfig, LoadThresholds, RunConfig, TestConfig } from './types.js'
import type { CommentMode } from '../github/comment.js'
import { benchtime, budget, bool, directions, duration, fraction, goPattern, goroutineRules, int, num, oneOf, optionalInt, packages, regexList, shard, text, type Kind } from './values.js'

export interface Option<T> {
  readonly isOption: true
  /** Dotted path in the config file. */
  key: string
  kind: Kind<T>
  default: T
  /** One sentence for the help and the schema; `more` adds detail for action.yml and the schema. */
  doc: string
  more?: string
  /** The CLI flag and the action input, both; absent for options only the file can set. */
  name?: string
  /** An option the action does not offer (a local-only knob); the flag remains. */
  noInput?: boolean
  /** A boolean whose positive flag is taken by an alias of another option: only --no-NAME exists. */
  negativeFlagOnly?: boolean
  /** Old spellings that still work. */
  aliases?: { keys?: string[]; flags?: string[]; inputs?: string[] }
}

function opt<T>(o: Omit<Option<T>, 'isOption'>): Option<T> {
  return { isOption: true, ...o }
}

export function isOption(node: unknown): node is Option<unknown> {
  return typeof node === 'object' && node !== null && (node as { isOption?: unknown }).isOption === true
}

/** One option per field of the typed Config; `satisfies` makes a new Config field without an entry a type error. */
export type Table<S> = {
  [K in keyof S]-?: Option<S[K]> | (S[K] extends readonly unknown[] ? never : S[K] extends object ? Table<S[K]> : never)
}

const pct = (m: string) => `Fail only when head is worse by more than this share of base ${m}.`

/** `name` undefined: a file-only pair (the load jobs' thresholds live in the file, as the jobs do). */
function relAbs(metric: string, name: string | undefined, d: { relative: number; absolute: number }, unit: string, why: string) {
  return {
    relative: opt({ key: `thresholds.${metric}.relative`, kind: fraction, default: d.relative, ...(name ? { name } : {}), doc: pct(unit), more: why }),
    absolute: opt({ key: `thresholds.${metric}.absolute`, kind: num({ min: 0, example: d.absolute }), default: d.absolute, doc: `How much head may add (${unit}) before failing, whatever the share.` })
  }
}

function growthFloor(metric: keyof Pick<LoadThresholds, 'goroutines' | 'heap' | 'fds'>, what: string, d: GrowthFloor): Table<GrowthFloor> {
  const key = `thresholds.load.${metric}`
  return {
    perRequest: opt({ key: `${key}.perRequest`, kind: num({ min: 0, example: d.perRequest }), default: d.perRequest, doc: `Least growth of ${what} per request, round after round, that is a leak.` }),
    perRound: opt({
      key: `${key}.perRound`,
      kind: num({ min: 0, example: d.perRound }),
      default: d.perRound,
      doc: `The same per round, for a run: command that does not say how many requests it sends (${what}).`
    }),
    minRoundGrowth: opt({ key: `${key}.minRoundGrowth`, kind: num({ min: 0, example: d.minRoundGrowth }), default: d.minRoundGrowth, doc: `Least a round must add to count as grown (${what}).` })
  }
}

// Why these numbers (load jobs):
// - one goroutine or descriptor per 500 requests is the floor: a settled service moves neither, and
//   the default 1000 requests a round then add two; one leak per 100 requests adds ten.
// - 64 B per request of live heap, as for benchmarks' retained heap: below it, GC timing and pools move
//   the heap more than a leak would. A round must add at least 16 KiB to count as grown.
// - latency p50 +25% and 0.2 ms, p99 +50% and 1 ms: loopback answers take a millisecond or two under
//   -race, and a shared runner moves single rounds by tens of percent.
// - allocations per request as allocs/op (+5% and one allocation); bytes +10% and 256 B, since the gate's
//   own reads of MemStats around each round allocate a little.
// - errors: any rise of 0.1% of requests (one in a thousand).
const LOAD_THRESHOLDS = {
  latencyP50: relAbs('load.latencyP50', undefined, { relative: 0.25, absolute: 0.2 }, 'in ms of a round\'s median latency', 'One sample per round; judged with a Mann-Whitney U test too.'),
  latencyP99: relAbs('load.latencyP99', undefined, { relative: 0.5, absolute: 1 }, 'in ms of a round\'s 99th percentile latency', 'One sample per round; judged with a Mann-Whitney U test too.'),
  errorRate: relAbs('load.errorRate', undefined, { relative: 0, absolute: 0.001 }, 'in errors per request', 'Answers of 400 and above, and requests that got none.'),
  gcPauseP99: relAbs('load.gcPauseP99', undefined, { relative: 0.5, absolute: 0.5 }, 'in ms of a round\'s p99 stop-the-world pause', 'Severity as gc.pauseSeverity.'),
  allocsPerRequest: relAbs('load.allocsPerRequest', undefined, { relative: 0.05, absolute: 1 }, 'in allocations per request', 'Not exact under load (sync.Pool, GC timing): judged with a test too.'),
  bytesPerRequest: relAbs('load.bytesPerRequest', undefined, { relative: 0.1, absolute: 256 }, 'in bytes allocated per request', 'Not exact under load: judged with a test too.'),
  goroutines: growthFloor('goroutines', 'goroutines', { perRequest: 0.002, perRound: 2, minRoundGrowth: 1 }),
  heap: growthFloor('heap', 'live heap bytes', { perRequest: 64, perRound: 256 * 1024, minRoundGrowth: 16 * 1024 }),
  fds: growthFloor('fds', 'open descriptors', { perRequest: 0.002, perRound: 2, minRoundGrowth: 1 })
} satisfies Table<LoadThresholds>

const RUN = {
  packages: opt({ key: 'run.packages', kind: packages, default: ['./...'], name: 'packages', doc: 'Package patterns to benchmark, as for go test.', more: 'As an input: separated by spaces, commas or newlines. On the CLI: repeat the flag.' }),
  bench: opt({ key: 'run.bench', kind: goPattern, default: '.', name: 'bench', doc: 'Regular expression selecting benchmarks, as for go test -bench.' }),
  // Rounds, not run length, make the power: on a shared runner the noise of a run is the machine's state
  // while it ran (bench:noise measured the spread of paired rounds flat from 20ms to 1s per run), so 20
  // rounds of 200ms judge a change better than 10 of 1s, in less than half the time. 20 paired rounds also
  // let the signed-rank interval reach its Bonferroni level for up to 50,000 comparisons (10 reach it for
  // 51: a repository with 26 benchmarks judged on ns/op and cpu-ns/op has 52).
  count: opt({
    key: 'run.count',
    kind: int({ min: 1, max: 1000, example: 10 }),
    default: 20,
    name: 'count',
    doc: 'Runs per benchmark and side; with adaptive rounds (the default) the budget is a multiple of what count rounds take, and a benchmark gets at most 20 x count.',
    more: 'Timing is judged on a confidence interval of the per-round head/base ratios; with many benchmarks the interval needs more rounds to reach its level, and the report says how many.'
  }),
  benchtime: opt({
    key: 'run.benchtime',
    kind: benchtime({ allowEmpty: false }),
    default: '200ms',
    name: 'benchtime',
    doc: "As go test -benchtime: '1s', '200ms' or '1000x'.",
    more: "Shorter than go test's 1s on purpose: a longer run is no less noisy here, so the time goes into rounds instead (see count)."
  }),
  timeoutMs: opt({ key: 'run.timeout', kind: duration({ min: 1 }), default: 10 * 60_000, name: 'timeout', doc: 'Time limit for one benchmark process; one that takes longer is killed and reported.' }),
  race: opt({
    key: 'run.benchRace',
    kind: bool,
    default: false,
    name: 'bench-race',
    aliases: { keys: ['run.race'] },
    doc: 'Measure benchmarks under -race (compare only with a base measured the same way).'
  }),
  // As tests.settle: goleak retries for about 0.4 s; a benchmark's workers stop after b.N like a test's.
  settleMs: opt({
    key: 'run.settle',
    kind: duration(),
    default: 500,
    name: 'settle',
    doc: "How long goroutines a benchmark started get to exit after its memory-only runs before the rest count as leaked.",
    more: 'Only those runs wait; the timed runs never do.'
  }),
  // Off by default: run.adaptive gives a budget relative to what count costs, which fits any suite and
  // runner; a budget in seconds is for a job with a hard limit. See jobs/bench/adaptive.ts.
  timeBudgetMs: opt({
    key: 'run.timeBudget',
    kind: duration(),
    default: 0,
    name: 'time-budget',
    doc: "Wall time for the timed benchmark rounds; '0ms' (the default) leaves the budget to adaptive.",
    more:
      'With a budget the gate starts with at most 6 rounds, then judges at planned looks (after 6, 9, 14, 21, 32, 48, 72, 108, 162 and 200 rounds at count 10, up to 20 x count): benchmarks whose interval lies wholly above or below the threshold stop, the inconclusive ones run the rounds up to the next look, until they settle or the budget is spent. Each of the K looks may fail a comparison, so the failing bound is at alpha / (comparisons x K) (Bonferroni over the looks too); the report says what it chose, the looks and that level. Needs a base measured on this runner (gate).'
  }),
  // On by default: no fixed count catches a true +10% slowdown 95% of the time at a shared runner's spreads
  // (bench:power measured 2.6% to 30% per round beside another gate: 8 to 1,010 rounds), and a fixed count
  // big enough for the noisy ones spends those rounds on every benchmark. bench/adaptive.ts: at this
  // machine's spreads, 4 x the cost of count 20 catches 99 of 100 true +10% slowdowns while spending 1.8 x
  // (count 80, at 4 x: 71 of 100), with no A/A failure in either. A budget in seconds fits one runner and
  // one suite; a multiple of the fixed count's own cost fits any. 0 gives back exactly count rounds.
  adaptive: opt({
    key: 'run.adaptive',
    kind: num({ min: 0, max: 20, example: 4 }),
    default: 4,
    name: 'adaptive',
    doc: "Adaptive rounds with a budget of this many times what count rounds take (timed on the first rounds), spent on the benchmarks still undecided; 0 runs exactly count rounds.",
    more: 'As time-budget, which it can be combined with (the smaller budget holds): at most 6 rounds first, then planned looks up to 20 x count rounds; settled benchmarks stop early, so unchanged code usually costs less than the budget. The report says the budget it worked out and the rounds each benchmark got. Only when base and head are measured here together (gate); a stored baseline is compared at count rounds.'
  }),
  // Auto by default: on a shared runner, shared rounds cut the per-round spread of CPU-bound benchmarks
  // from about 14% to 2% (bench/README.md, measurement 7), which is what catching +10% takes; the ones that
  // mostly wait still alternate. Without taskset (macOS) the rounds alternate and the report says why.
  pairing: opt({
    key: 'run.pairing',
    kind: oneOf(['alternate', 'duet', 'shared', 'auto']),
    default: 'auto',
    name: 'pairing',
    doc: "How base and head share a timed round: 'alternate' runs one after the other (order flipped each round); 'duet' starts both at once, each pinned to its own CPUs; 'shared' starts both at once on the same one CPU; 'auto' shares except for the benchmarks that mostly wait, which alternate.",
    more: "Auto reads each benchmark's calibration run: one that spent under 30% of its wall time on a CPU mostly waits (a sleep, I/O, a lock), and a slower wait shows in wall time only, so it alternates (on a very busy machine a CPU-bound one can too, at a cost in power). Shared rounds run GOMAXPROCS 1, so contention between a parallel benchmark's goroutines on different CPUs is not measured there. Duet, shared and auto use taskset (util-linux); without it (or, for duet, two CPUs) the rounds alternate and the report says why. Duet gives each side GOMAXPROCS equal to its CPUs, so interference during the round hits both alike. Shared pins both to one CPU with GOMAXPROCS 1, so the scheduler interleaves them every few milliseconds and both run through the same moments; time is then judged on CPU time (cpu-ns/op) alone, as each run's wall time includes the other's turns (ns/op, MB/s and GC pauses of those runs are dropped, the pauses then coming from the memory runs, which alternate; a custom metric that is a wall time is squeezed toward no change). Only the timed rounds; memory and profiled runs alternate. Needs base and head measured on this runner (gate)."
  }),
  // By a hash of the import path, not by position in a list: adding a package moves no other package.
  shard: opt({
    key: 'run.shard',
    kind: shard,
    default: { index: 1, count: 1 },
    name: 'shard',
    doc: "The part 'i/n' of the packages this job measures, for a matrix of n jobs; '1/1' is all of them.",
    more: "Packages go to shards by a hash of their import path, so adding one moves no other. Each job uploads its part; a final job with mode 'aggregate' merges them."
  })
} satisfies Table<Omit<RunConfig, 'dir'>>

const TESTS = {
  enabled: opt({
    key: 'tests.enabled',
    kind: bool,
    default: true,
    name: 'tests',
    negativeFlagOnly: true,
    doc: 'Run the test pass: tests under -race with the goroutine-leak probe, and benchmarks briefly under -race.',
    more: 'Finds data races, goroutine leaks, hangs and panics; the probe is added at build time, with no code changes.'
  }),
  race: opt({
    key: 'tests.race',
    kind: bool,
    default: true,
    name: 'test-race',
    aliases: { flags: ['race'], inputs: ['race'] },
    doc: 'Run the test pass with -race (needs cgo and a C compiler, present on GitHub\'s Linux runners).'
  }),
  run: opt({ key: 'tests.run', kind: goPattern, default: '.', name: 'test-run', aliases: { flags: ['tests'] }, doc: 'Regular expression selecting tests for the test pass, as go test -run.' }),
  timeoutMs: opt({
    key: 'tests.timeout',
    kind: duration({ min: 1 }),
    default: 10 * 60_000,
    name: 'test-timeout',
    doc: "Time limit for one package's tests; a package that takes longer is reported as a hang with a goroutine dump."
  }),
  // goleak retries for about 0.4 s in all; a little more covers a loaded CI runner.
  settleMs: opt({ key: 'tests.settle', kind: duration(), default: 500, name: 'test-settle', doc: 'How long finishing goroutines get to exit after the tests before the rest count as leaked.' }),
  narrowBudgetMs: opt({
    key: 'tests.narrowBudget',
    kind: duration(),
    default: 120_000,
    name: 'test-narrow-budget',
    doc: "Time bound for re-running a leaking package's tests one at a time to name the test that leaks."
  }),
  // A few iterations are enough for RunParallel bodies to overlap; timing under -race means nothing.
  raceBenchtime: opt({
    key: 'tests.raceBenchtime',
    kind: benchtime({ allowEmpty: true }),
    default: '10x',
    name: 'test-race-benchtime',
    doc: "-benchtime for the short -race pass over benchmarks; '' skips it."
  }),
  ignore: opt({ key: 'ignore.goroutines', kind: goroutineRules, default: [], doc: 'goleak-style rules: goroutines matching any rule are never leaks.' }),
  // A minute per side finds in its default budget the fixtures' bugs that one run misses (bench/stress.ts).
  stress: {
    budgetMs: opt({
      key: 'stress.budget',
      kind: budget(),
      default: 60_000,
      name: 'stress-budget',
      doc: "Time per side for re-running, with varied scheduling, the tests of the changed packages and of the packages that import them, to find leaks, hangs, races and panics that show in a fraction of runs; 'off' skips it.",
      more: 'Test binaries are re-run with -test.count, -test.cpu, -test.shuffle, with and without -race; the base is stressed the same way, so what it shows too is pre-existing.'
    }),
    all: opt({ key: 'stress.all', kind: bool, default: false, name: 'stress-all', doc: 'Stress every package with tests, not only those the pull request changes and their importers.' })
  }
} satisfies Table<TestConfig>

// Why these thresholds:
// - time 5%: the decision is on a confidence interval (compare/timing.ts), so the threshold is what the
//   interval must clear, not the change to catch: an interval wholly above +5% catches a true +10% once
//   the rounds narrow it, and unchanged code would need its lower bound 5% above the truth to fail.
// - allocs/op +1 and 5%: allocs/op is deterministic for most code, so one extra allocation per op is
//   real; the 5% keeps 1000 -> 1001 (amortised map/slice growth) from failing.
// - B/op 5% and 64 B: one extra small allocation shows in allocs/op already; the floor keeps 0 -> 8 B/op
//   from being reported as an infinite relative change on its own.
// - retained heap 25% and 64 B/op: end-of-run inuse is sampled (512 KiB MemProfileRate) and includes
//   constant warm-up, so small per-op changes are noise.
// - GC pause p99 50% and 0.5 ms, warn only: pauses depend on the machine's load more than on the code.
// - GC pause max 100% and 1 ms, warn only as p99: the median over runs of each run's longest pause, since
//   one pooled maximum is one sample; a pause that doubles and grows by a millisecond is felt.
// - goroutines 0% and 1: a goroutine left blocked that the base does not leave is a leak, however many the
//   base leaves of other kinds; more of the same kind counts from one more.
// - the absolute floors of time and custom metrics are 0: the interval already decides how large a change
//   is; a floor in ns/op is for a repository whose fastest benchmarks move by a few ns without meaning.
const BENCH_THRESHOLDS = {
  time: {
    relative: opt({
      key: 'thresholds.time.relative',
      kind: fraction,
      default: 0.05,
      name: 'time-threshold',
      doc: 'ns/op (and cpu-ns/op, the CPU time per op) fails when the confidence interval of the slowdown lies wholly above this; wholly below it passes.',
      more: 'Set it below the slowdown you must catch: an interval above +5% catches a true +10% once enough rounds narrow it, while a +10% threshold would catch a true +10% only half the time.'
    }),
    absolute: opt({ key: 'thresholds.time.absolute', kind: num({ min: 0, example: 0 }), default: 0, doc: 'How much the median ns/op (or cpu-ns/op) must grow, in ns, for a decided slowdown to fail or warn.', more: '0: the interval alone decides.' })
  },
  custom: {
    relative: opt({
      key: 'thresholds.custom.relative',
      kind: fraction,
      default: 0.05,
      name: 'custom-threshold',
      doc: 'Custom metrics (b.ReportMetric) and MB/s fail when the interval of the change lies wholly above this.'
    }),
    absolute: opt({ key: 'thresholds.custom.absolute', kind: num({ min: 0, example: 0 }), default: 0, doc: "How much a custom metric's median must get worse, in its own unit, for a decided change to count.", more: '0: the interval alone decides.' })
  },
  allocsPerOp: relAbs('allocsPerOp', 'allocs-threshold', { relative: 0.05, absolute: 1 }, 'in allocs/op', 'allocs/op is deterministic, so no statistics are needed.'),
  bytesPerOp: relAbs('bytesPerOp', 'bytes-threshold', { relative: 0.05, absolute: 64 }, 'in B/op', 'B/op is deterministic, so no statistics are needed.'),
  retainedBytesPerOp: relAbs('retainedBytesPerOp', 'retained-threshold', { relative: 0.25, absolute: 64 }, 'in retained heap bytes per op', 'Heap still in use at the end of a run, per op.'),
  gcPauseP99: relAbs('gcPauseP99', 'gc-pause-threshold', { relative: 0.5, absolute: 0.5 }, 'in milliseconds of p99 stop-the-world pause', 'Pauses depend on the machine\'s load more than on the code.'),
  gcPauseMax: relAbs('gcPauseMax', 'gc-pause-max-threshold', { relative: 1, absolute: 1 }, "in milliseconds of each run's longest stop-the-world pause", 'The median over runs of the longest pause of each run, with a test; warns by default as p99 does.'),
  gcCyclesPerOp: relAbs('gcCyclesPerOp', 'gc-cycles-threshold', { relative: 0.2, absolute: 0 }, 'in GC cycles per op', 'GC cycles per op in the measured runs.'),
  goroutines: relAbs('goroutines', 'goroutines-threshold', { relative: 0, absolute: 1 }, 'in goroutines left blocked', 'Counted per kind of goroutine (creation site and function) against the same kind on base, after tests and after benchmarks.')
} satisfies Table<BenchThresholds>

/** The kinds an override's thresholds are read with: the table's own, metric by metric. */
const OVERRIDE_KINDS: ThresholdKinds = Object.fromEntries(Object.entries(BENCH_THRESHOLDS).map(([m, t]) => [m, { relative: t.relative.kind, absolute: t.absolute.kind }]))

const COMPARE = {
  thresholds: {
    ...BENCH_THRESHOLDS,
    load: LOAD_THRESHOLDS
  },
  statistics: {
    alpha: opt({ key: 'statistics.alpha', kind: num({ above: 0, max: 0.5, example: 0.05 }), default: 0.05, name: 'statistics-alpha', doc: 'Family-wise error of the timing decisions: the chance that any interval fails unchanged code.' }),
    minSamples: opt({
      key: 'statistics.minSamples',
      kind: int({ min: 2, max: 1000, example: 4 }),
      default: 4,
      name: 'statistics-min-samples',
      doc: 'Fewer runs than this per side: timing is reported but never judged.'
    }),
    // Bonferroni: benchmarks of one run share the machine's load, so their tests are dependent in ways BH's
    // guarantee does not cover; Bonferroni holds under any dependence (see compare/timing.ts).
    correction: opt({
      key: 'statistics.correction',
      kind: oneOf(['none', 'bonferroni', 'bh']),
      default: 'bonferroni',
      name: 'statistics-correction',
      doc: "'bonferroni': the failing bound of each interval errs with alpha / m over the m timing comparisons, so unchanged code fails with at most alpha; 'bh': false-coverage-rate intervals after Benjamini-Hochberg; 'none' judges each alone."
    })
  },
  metricDirections: opt({ key: 'metrics', kind: directions, default: {}, doc: "Direction of custom units from b.ReportMetric: { 'items/op': 'higher' }." }),
  ignoreBenchmarks: opt({ key: 'ignore.benchmarks', kind: regexList, default: [], doc: "Regular expressions on 'import/path.BenchmarkName': reported, never failed." }),
  gcPauseSeverity: opt({ key: 'gc.pauseSeverity', kind: oneOf(['fail', 'warn']), default: 'warn', name: 'gc-pause-severity', doc: 'Severity of GC-pause findings: pauses are noisy on shared runners.', more: "The policy's gc class wins when given." }),
  // Empty: every class fails as it always did, gc as gc.pauseSeverity says (warn).
  policy: opt({
    key: 'policy',
    kind: policy,
    default: {},
    name: 'policy',
    doc: "Per class of finding: 'fail' (the default), 'warn' (reported, the gate passes) or 'ignore' (left out of the verdict; the report lists it as ignored by policy).",
    more: "Classes: time, custom, allocs (allocs/op), bytes (B/op), retained, gc (pauses and cycles; default gc.pauseSeverity), goroutines (leaks), race, hang, panic (and crashes under load), benchFailure, buildFailure, load (load jobs' latency, errors and allocations), fds, stress (leaks and hangs found under stress). As a flag or input: 'allocs=warn,gc=ignore'. Only findings that would fail or warn are changed; pre-existing ones stay information."
  }),
  overrides: opt({
    key: 'overrides',
    kind: overrides(OVERRIDE_KINDS),
    default: [],
    doc: "Other thresholds and policy for the packages or benchmarks that match: [{ package: 'example.com/m/legacy/...', benchmark: '^BenchmarkParse', thresholds: { time: { relative: 20% } }, policy: { allocs: warn } }].",
    more: "package is a Go package pattern on import paths ('...' any text, '*' within one element, './' the module); benchmark a regular expression on the benchmark's name, and such an override applies to benchmarks only. Later entries win over earlier ones, key by key. Load jobs are matched by their service's package, for the policy only."
  })
} satisfies Table<CompareConfig>

const LOAD = {
  enabled: opt({
    key: 'run.load',
    kind: bool,
    default: true,
    name: 'load',
    doc: "Run the load jobs of the config file's load list (in gate, base and head side by side).",
    more: 'With no load list there is nothing to run.'
  }),
  jobs: opt({
    key: 'load',
    kind: loadJobs,
    default: [],
    doc: 'Load jobs: a service built from the module (or started by a command) under traffic, round after round.',
    more: 'Leaks (goroutines, live heap, descriptors growing with the requests), races and regressions of latency, errors, GC pauses and allocations per request, head against base. See README: Load jobs.'
  })
} satisfies Table<LoadConfig>

export const TABLE = { run: RUN, tests: TESTS, compare: COMPARE, load: LOAD } as const

/** Fills a typed section from the table: one value per option, the last layer that has it winning. */
export function fromTable<S>(table: Table<S>, value: (option: Option<unknown>) => unknown): S {
  const out: Record<string, unknown> = {}
  for (const [field, node] of Object.entries(table)) out[field] = isOption(node) ? value(node) : fromTable(node as Table<unknown>, value)
  // Table<S> has one entry per field of S, each an Option of that field's type (or a table of its fields).
  return out as S
}

/** Which commands take an option: 'run' ones measure (run, gate), 'compare' ones judge (compare, gate). */
export type Side = 'run' | 'compare'

export interface Entry {
  option: Option<unknown>
  side: Side
}

function collect(node: object, side: Side, out: Entry[]): Entry[] {
  for (const child of Object.values(node)) {
    if (isOption(child)) out.push({ option: child, side })
    else if (typeof child === 'object' && child !== null) collect(child, side, out)
  }
  return out
}

/** Every option, in table order. */
export const OPTIONS: readonly Entry[] = [...collect(RUN, 'run', []), ...collect(TESTS, 'run', []), ...collect(LOAD, 'run', []), ...collect(COMPARE, 'compare', [])]

/** Descriptions of the file's sections, for the schema. */
export const SECTIONS: Record<string, string> = {
  run: 'How benchmarks are run.',
  tests: 'The test pass: tests under -race with the goroutine-leak probe, and benchmarks briefly under -race.',
  thresholds: 'How much worse head may be than base, per metric, before the gate fails.',
  statistics: 'How timing changes are judged.',
  ignore: 'What is reported but never failed.',
  gc: 'GC findings.',
  'thresholds.time': 'Time per op (ns/op), decided on a confidence interval of the per-round ratios.',
  'thresholds.load': "Load jobs: how much worse head's rounds may be than base's, and how much growth per request is a leak."
}

/**
 * An input of the action alone: how it talks to GitHub and where its baseline comes from. None of these is a
 * key of the config file, which may come from the pull request being gated: a pull request must not be able
 * to pick its own baseline, the login whose comments count, or the token.
 */
export interface ActionInput<T> {
  name: string
  kind: Kind<T>
  default: T
  doc: string
}

const input = <T>(o: ActionInput<T>): ActionInput<T> => o

export const MODES = ['gate', 'record', 'comment', 'aggregate'] as const
export type Mode = (typeof MODES)[number]

// Artifact names may not hold these (the artifact service refuses them); keys are made safe separately.
const ARTIFACT_NAME = /^[^"\\:<>|*?/\u0000-\u001f]+$/

export const ACTION_INPUTS = {
  mode: input<Mode>({
    name: 'mode',
    kind: oneOf(MODES),
    default: 'gate',
    doc: "'gate': compare the pull request with its baseline and fail on regressions. 'record': measure this commit (a push to the default branch) and upload it as the stored baseline. 'comment': in a workflow_run workflow, post the report a pull_request run uploaded (the fork-safe pair). 'aggregate': merge the shards of a matrix into one verdict."
  }),
  baseline: input<string>({
    name: 'baseline',
    kind: text({ allowEmpty: false, max: 1024, expected: "'auto', 'same-runner', 'stored' or a results directory", example: 'auto' }),
    default: 'auto',
    doc: "'same-runner': build and run the base commit here, beside head. 'stored': compare with the artifact the latest push run recorded (timings then only warn: they were measured on another machine). 'auto': the stored baseline for the test pass (leaks, races, hangs) and same-runner for benchmarks; same-runner alone when nothing is stored. Anything else is a results directory written by 'go-leak-gate run'."
  }),
  baselineArtifact: input<string>({
    name: 'baseline-artifact',
    kind: text({ allowEmpty: false, max: 200, pattern: ARTIFACT_NAME, expected: 'an artifact name (no " : < > | * ? \\ /)', example: 'go-leak-gate-baseline' }),
    default: 'go-leak-gate-baseline',
    doc: "Name of the stored baseline's artifact: 'record' uploads it, 'stored' and 'auto' look for it in the push runs of this workflow on the base branch."
  }),
  retentionDays: input<number | undefined>({
    name: 'retention-days',
    kind: optionalInt({ min: 1, max: 90, example: 30 }),
    default: undefined,
    doc: "Days the uploaded artifacts are kept; empty: the repository's setting (90 days unless changed). A stored baseline older than this is gone."
  }),
  comment: input<CommentMode>({
    name: 'comment',
    kind: oneOf(['always', 'on-failure', 'changes', 'never'] satisfies CommentMode[]),
    default: 'always',
    doc: "The sticky pull request comment: 'always', 'on-failure' (an existing comment is still updated to say it passes now), 'changes' (only when the verdict or the set of findings changed) or 'never'."
  }),
  commentKey: input<string>({
    name: 'comment-key',
    kind: text({ allowEmpty: false, max: 100, expected: 'a key of at most 100 characters', example: 'go-leak-gate' }),
    default: 'go-leak-gate',
    doc: 'Keeps gates apart: each key has its own comment and artifacts. Give each matrix leg (other than shards) and each second workflow its own.'
  }),
  commentAuthor: input<string>({
    name: 'comment-author',
    kind: text({ allowEmpty: true, max: 100, example: 'my-app[bot]' }),
    default: '',
    doc: "The login the token writes as, when it is a GitHub App's token ('my-app[bot]'); empty finds it (GITHUB_TOKEN writes as github-actions[bot]). Only comments by this login are updated."
  }),
  githubToken: input<string>({
    name: 'github-token',
    kind: text({ allowEmpty: true, max: 4096 }),
    default: '${{ github.token }}',
    doc: "Token for the comment, the stored baseline and the comment mode's download. Empty: no GitHub calls (the job summary and the exit code still carry the verdict)."
  }),
  gateWorkflow: input<string>({
    name: 'gate-workflow',
    kind: text({ allowEmpty: true, max: 200, pattern: /^[\w.-]+\.ya?ml$/, expected: 'a workflow file name', example: 'perf.yml' }),
    default: '',
    doc: "Mode 'comment': the file name of the pull_request workflow whose runs may be posted (the triggering run must be of it)."
  })
} as const

/** Inputs of action.yml that are not options of the run: where things are, not how to measure. */
export const NON_OPTION_INPUTS = ['working-directory', 'config', 'base-ref', 'out-dir'] as const

/** Parsed option values from one source (the file, the flags, the inputs); later sources win over earlier ones. */
export class OptionValues {
  private readonly values = new Map<Option<unknown>, unknown>()
  set<T>(option: Option<T>, value: T): void {
    this.values.set(option, value)
  }
  has(option: Option<unknown>): boolean {
    return this.values.has(option)
  }
  /** Only `set` puts values in, each with its option's type, so reading one back as that type is sound. */
  get<T>(option: Option<T>): T | undefined {
    return this.values.get(option) as T | undefined
  }
  get size(): number {
    return this.values.size
  }
}
