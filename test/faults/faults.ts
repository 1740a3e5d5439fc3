// The faults the gate handles, as data: what the user did, the command, the exit code, the one line the
// user sees, and what else must hold. test/faults/faults.test.ts runs every row through the CLI bundle on
// small fixture repositories (rows with the same `run` object share one execution) or, for a row another
// test already runs, checks that the test it names still exists. `npm run gen:faults` writes the README's
// "Faults and exit codes" section from this table.
import type { FindingKind, Severity } from '../../src/model/report.js'
import { LOAD_FAULTS } from './load-faults.js'

export type FixtureName = 'gate' | 'leaks' | 'untrusted' | 'hang' | 'exits'

/**
 * Result directories as `run` writes them, made by the test: {stored}/base and {stored}/head, one benchmark
 * whose allocs/op doubles on head. 'no-profiles': results without memory profiles; the other kinds have six
 * runs per side, each naming a profile that is 'corrupt' (a cut gzip stream) or 'missing'; 'truncated' and
 * 'version-1' spoil head's result.json.
 */
export type StoredKind = 'no-profiles' | 'corrupt-profiles' | 'missing-profiles' | 'truncated' | 'version-1'

export const STORED: Record<StoredKind, string> = {
  'no-profiles': 'results of one benchmark whose allocs/op goes 1 → 2, without memory profiles',
  'corrupt-profiles': 'results of one benchmark whose allocs/op goes 1 → 2, each run naming a profile that is a cut gzip stream',
  'missing-profiles': 'results of one benchmark whose allocs/op goes 1 → 2, each run naming a profile that is not there',
  truncated: "results whose head result.json is cut in half",
  'version-1': 'results whose head result.json says schemaVersion 1'
}

/** One execution of the CLI. Placeholders in args: {repo} {base} {out} {file} {stored}. */
export interface Run {
  /** The fixture as a two-commit repository: {repo} is its work tree at head, {base} the base commit. */
  fixture?: FixtureName
  /** A file the user wrote, {file}: text, or bytes for a binary file. */
  file?: { name: string; text?: string; bytes?: number[] }
  stored?: StoredKind
  /** Arguments after `go-leak-gate`. */
  args: string[]
  /** 'no-go': PATH has git and nothing else, so no Go toolchain. */
  path?: 'no-go'
  /** Stopped with this signal `delayMs` after the first stderr line matching `after`. */
  signal?: { name: 'SIGINT' | 'SIGTERM'; after: string; delayMs: number }
}

/**
 * A row another test runs: the file and the test's name, and text of that test that makes the row's claims
 * (its exit code and message). Such a row claims nothing else: its `holds` stay empty.
 */
export interface CoveredBy {
  file: string
  test: string
  evidence: string[]
}

/** What else must hold after the run, besides the exit code, the message and the rules for every row. */
export type Hold =
  /** A finding in report.json; `pkg` is the package's directory in the module, `at` a `file:line` location. */
  | { finding: { kind: FindingKind; pkg: string; subject: string; severity: Severity; at?: string } }
  | { incomplete: boolean }
  /** A benchmark measured on both sides (runs in both result.json files). */
  | { measured: string }
  /** No benchmark of this name on either side: a line the code printed was not taken for a result. */
  | { noBenchmark: string }
  /** A benchmark that still got its -race run on head after an earlier one ended the process. */
  | { raceRun: { pkg: string; benchmark: string } }
  /** A report file written although something else failed. */
  | { written: 'report.json' | 'report.md' }
  /** Refused before any work: no package listed, built or run. */
  | { nothingStarted: true }
  /** A process of the gate's was alive when the signal came (so "none left" below means something). */
  | { stoppedMidRun: true }

export interface Fault {
  id: string
  group: string
  /** What a user did, in their words. */
  did: string
  run: Run | CoveredBy
  exit: number
  stream: 'stdout' | 'stderr'
  /** The line the user sees (trimmed), whole: `{name}` stands for one or more characters, `…` for any. */
  message: string
  holds: Hold[]
}

// Small runs: two rounds, short benchtimes, short settle waits. Timing is not what these rows are about.
const QUICK = ['--count', '2', '--settle', '100ms', '--test-settle', '100ms']
const REPORT = ['--out', '{out}', '--json', '{out}/report.json']

const EXITS_GATE: Run = { fixture: 'exits', args: ['gate', '--dir', '{repo}', '--base-ref', '{base}', ...QUICK, '--benchtime', '2000x', ...REPORT] }
const TESTS_GATE: Run = {
  fixture: 'leaks',
  args: ['gate', '--dir', '{repo}', '--base-ref', '{base}', '--packages', './panics ./deadlock', '--bench', '^$', ...QUICK, '--test-timeout', '5s', ...REPORT]
}
const BROKEN_GATE: Run = { fixture: 'gate', args: ['gate', '--dir', '{repo}', '--base-ref', '{base}', '--packages', './broken', '--no-tests', ...QUICK, '--benchtime', '10x', ...REPORT] }
const GARBAGE_GATE: Run = {
  fixture: 'untrusted',
  args: ['gate', '--dir', '{repo}', '--base-ref', '{base}', '--packages', './forge ./garbled', '--no-tests', ...QUICK, '--benchtime', '100x', ...REPORT]
}
const HANG_GATE: Run = { fixture: 'hang', args: ['gate', '--dir', '{repo}', '--base-ref', '{base}', '--timeout', '3s', ...QUICK, '--benchtime', '10x', ...REPORT] }
const config = (name: string, text: string | undefined, bytes?: number[]): Run => ({
  fixture: 'exits',
  file: { name, text, bytes },
  args: ['gate', '--dir', '{repo}', '--base-ref', '{base}', '--config', '{file}', ...REPORT]
})
const compare = (stored: StoredKind, outputs: string[] = ['--json', '{out}/report.json']): Run => ({
  stored,
  args: ['compare', '--base', '{stored}/base', '--head', '{stored}/head', ...outputs]
})
const HUNG_TEST = 'example\\.com/leakfixture/deadlock'
const OUTPUTS_TEST = 'test/cli/outputs.test.ts'

export const FAULTS: Fault[] = [
  {
    id: 'build-failure',
    group: 'The code under test',
    did: 'a package that compiles on base does not compile on head',
    run: BROKEN_GATE,
    exit: 3,
    stream: 'stdout',
    message: 'FAIL  build-failure  {pkg}  {pkg}  build  package {pkg} does not build on head; its benchmarks were not measured',
    holds: [{ finding: { kind: 'build-failure', pkg: 'broken', subject: 'example.com/gatefixture/broken', severity: 'fail' } }, { incomplete: true }]
  },
  {
    id: 'test-panic',
    group: 'The code under test',
    did: 'a test panics on head',
    run: TESTS_GATE,
    exit: 1,
    stream: 'stdout',
    message: 'FAIL  panic  {pkg}  TestAdd  panic  assignment to entry in nil map … at {function} (panics/index.go:17)',
    holds: [{ finding: { kind: 'panic', pkg: 'panics', subject: 'TestAdd', severity: 'fail', at: 'panics/index.go:17' } }, { incomplete: false }]
  },
  {
    id: 'test-hang',
    group: 'The code under test',
    did: 'a test deadlocks on head (`--test-timeout 5s`)',
    run: TESTS_GATE,
    exit: 1,
    stream: 'stdout',
    message: 'FAIL  hang  {pkg}  TestHandshake  hang  test timed out after 5s in TestHandshake. Waiting: 2× [chan send] at {function} (deadlock/peer.go:32)…',
    holds: [{ finding: { kind: 'hang', pkg: 'deadlock', subject: 'TestHandshake', severity: 'fail', at: 'deadlock/peer.go:32' } }]
  },
  {
    id: 'bench-hang',
    group: 'The code under test',
    did: 'a benchmark blocks forever on head (`--timeout 3s`)',
    run: HANG_GATE,
    exit: 1,
    stream: 'stdout',
    message:
      "FAIL  hang  {pkg}  BenchmarkDouble  hang  did not finish within 3s and was stopped (goroutine dump from SIGQUIT in the output); it hung in the test pass's -race run, so it was not started again to be measured…",
    holds: [{ finding: { kind: 'hang', pkg: 'pool', subject: 'BenchmarkDouble', severity: 'fail', at: 'pool/pool.go:47' } }, { measured: 'BenchmarkSum' }]
  },
  {
    id: 'test-exit',
    group: 'The code under test',
    did: 'a test calls `log.Fatalf` (`os.Exit(1)`) on head',
    run: EXITS_GATE,
    exit: 1,
    stream: 'stdout',
    message:
      "FAIL  panic  {pkg}  TestParseBadLine  panic  os.Exit(1) during the test: the test binary exited without a panic (os.Exit, or log.Fatal, which calls it), so the tests after it did not run; its last output: {date} settings: line 2: no '=' in \"oops\"",
    holds: [{ finding: { kind: 'panic', pkg: 'settings', subject: 'TestParseBadLine', severity: 'fail' } }]
  },
  {
    id: 'test-exit-0',
    group: 'The code under test',
    did: 'a test calls `os.Exit(0)` on head',
    run: EXITS_GATE,
    exit: 1,
    stream: 'stdout',
    message: 'FAIL  panic  {pkg}  TestHelp  panic  unexpected call to os.Exit(0) during test … at {function} (cli/cli.go:16)',
    holds: [{ finding: { kind: 'panic', pkg: 'cli', subject: 'TestHelp', severity: 'fail', at: 'cli/cli.go:16' } }]
  },
  {
    id: 'bench-exit',
    group: 'The code under test',
    did: 'a benchmark calls `log.Fatalf` (`os.Exit(1)`) on head',
    run: EXITS_GATE,
    exit: 1,
    stream: 'stdout',
    message:
      'FAIL  bench-failure  {pkg}  BenchmarkFieldsOrEmpty  failure  fails on head (run 1): the benchmark process exited with code 1 before the benchmark finished, without a panic (os.Exit, or log.Fatal, which calls it, in the code under test); its last output: {date} parse: empty line',
    holds: [
      { finding: { kind: 'bench-failure', pkg: 'parse', subject: 'BenchmarkFieldsOrEmpty', severity: 'fail' } },
      { measured: 'BenchmarkFields' },
      { raceRun: { pkg: 'parse', benchmark: 'BenchmarkFields' } }
    ]
  },
  {
    id: 'bench-exit-0',
    group: 'The code under test',
    did: 'a benchmark calls `os.Exit(0)` on head',
    run: EXITS_GATE,
    exit: 1,
    stream: 'stdout',
    message: 'FAIL  bench-failure  {pkg}  BenchmarkHelp  failure  fails on head (run 1): panic: unexpected call to os.Exit(0) during test …',
    holds: [{ finding: { kind: 'bench-failure', pkg: 'parse', subject: 'BenchmarkHelp', severity: 'fail' } }]
  },
  {
    id: 'bench-garbage',
    group: 'The code under test',
    did: 'a benchmark prints lines that look like benchmark results, and one reports a number as its unit',
    run: GARBAGE_GATE,
    exit: 1,
    stream: 'stdout',
    message:
      'FAIL  bench-failure  {pkg}  BenchmarkOddUnit  failure  fails on head (run 1): the benchmark\'s output could not be read: line {n}: unit "1000" after value "3.000" is a number: fields are out of step',
    holds: [
      { finding: { kind: 'bench-failure', pkg: 'garbled', subject: 'BenchmarkOddUnit', severity: 'fail' } },
      { noBenchmark: 'BenchmarkHuge' },
      { measured: 'BenchmarkPrints' }
    ]
  },
  {
    id: 'missing-base-ref',
    group: 'The repository and the toolchain',
    did: 'gave a base ref the repository does not have (a shallow clone in CI)',
    run: { fixture: 'exits', args: ['gate', '--dir', '{repo}', '--base-ref', 'no-such-branch', ...REPORT] },
    exit: 2,
    stream: 'stderr',
    message: "go-leak-gate: base ref 'no-such-branch' does not exist in {repo}. In GitHub Actions, check out with 'fetch-depth: 0' (actions/checkout) so the base commit is present.",
    holds: []
  },
  {
    id: 'no-go-run',
    group: 'The repository and the toolchain',
    did: '`run` on a machine without Go on PATH',
    run: { fixture: 'exits', path: 'no-go', args: ['run', '--dir', '{repo}', '--out', '{out}'] },
    exit: 3,
    stream: 'stderr',
    message: "go-leak-gate: Go toolchain not found: 'go' is not on PATH. Install Go 1.21 or newer (actions/setup-go in CI).",
    holds: []
  },
  {
    id: 'no-go-gate',
    group: 'The repository and the toolchain',
    did: '`gate` on a machine without Go on PATH',
    run: { fixture: 'exits', path: 'no-go', args: ['gate', '--dir', '{repo}', '--base-ref', '{base}', ...REPORT] },
    exit: 3,
    stream: 'stderr',
    message: "go-leak-gate: Go toolchain not found: 'go' is not on PATH. Install Go 1.21 or newer (actions/setup-go in CI).",
    holds: []
  },
  {
    id: 'no-go-compare',
    group: 'The repository and the toolchain',
    did: '`compare` of two result directories on a machine without Go (it needs none)',
    run: { ...compare('no-profiles'), path: 'no-go' },
    exit: 1,
    stream: 'stdout',
    message: 'FAIL  regression  example.com/m/p  BenchmarkA  allocs/op  1 → 2  +100% (p={p})',
    holds: [{ finding: { kind: 'regression', pkg: 'p', subject: 'BenchmarkA', severity: 'fail' } }, { written: 'report.json' }]
  },
  {
    id: 'config-typo',
    group: 'The configuration',
    did: 'a config file with a misspelt key',
    run: config('typo.yml', 'thresholds:\n  allocsPerOp:\n    relativ: 5%\n'),
    exit: 2,
    stream: 'stderr',
    message: "go-leak-gate: {file}: unknown key 'relativ' in thresholds.allocsPerOp (did you mean 'relative'?) at line 3, column 5. Known keys: relative, absolute.",
    holds: [{ nothingStarted: true }]
  },
  {
    id: 'config-type',
    group: 'The configuration',
    did: 'a config file with a value of the wrong type',
    run: config('count.yml', 'run:\n  count: ten\n'),
    exit: 2,
    stream: 'stderr',
    message: "go-leak-gate: run.count in {file}:2:10 must be a whole number from 1 to 1000, like '10' (got 'ten')",
    holds: [{ nothingStarted: true }]
  },
  {
    id: 'config-binary',
    group: 'The configuration',
    did: 'a config file that is not text at all (a gzip file)',
    run: config('binary.yml', undefined, [0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe, 0x00, 0x80, 0x0a]),
    exit: 2,
    stream: 'stderr',
    message: 'go-leak-gate: {file}: not UTF-8 text; save the file as UTF-8',
    holds: [{ nothingStarted: true }]
  },
  {
    id: 'config-not-yaml',
    group: 'The configuration',
    did: 'a config file that is text but not YAML',
    run: config('broken.yml', 'run: [count: 3\n'),
    exit: 2,
    stream: 'stderr',
    message: 'go-leak-gate: {file}:2:1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    holds: [{ nothingStarted: true }]
  },
  {
    id: 'result-truncated',
    group: 'Stored results and profiles',
    did: "`compare` with a result.json cut short (a failed upload)",
    run: compare('truncated'),
    exit: 2,
    stream: 'stderr',
    message: 'go-leak-gate: {stored}/head/result.json is not valid JSON: …',
    holds: []
  },
  {
    id: 'result-version',
    group: 'Stored results and profiles',
    did: '`compare` with a result.json written by an older go-leak-gate',
    run: compare('version-1'),
    exit: 2,
    stream: 'stderr',
    message: 'go-leak-gate: {stored}/head/result.json has schemaVersion 1; this go-leak-gate reads result version 2',
    holds: []
  },
  {
    id: 'profile-corrupt',
    group: 'Stored results and profiles',
    did: '`compare` where the memory profiles a result names are corrupt',
    run: compare('corrupt-profiles'),
    exit: 3,
    stream: 'stdout',
    message: 'head profile example.com/m/p.BenchmarkA: memory profile unusable, left out of the allocation sites: {stored}/head/profiles/p0.pprof: truncated or corrupt gzip data (unexpected end of file)',
    holds: [{ finding: { kind: 'regression', pkg: 'p', subject: 'BenchmarkA', severity: 'fail' } }, { incomplete: true }, { written: 'report.json' }]
  },
  {
    id: 'profile-missing',
    group: 'Stored results and profiles',
    did: '`compare` where the memory profiles a result names are missing',
    run: compare('missing-profiles'),
    exit: 3,
    stream: 'stdout',
    message: 'head profile example.com/m/p.BenchmarkA: memory profile unusable, left out of the allocation sites: {stored}/head/profiles/p0.pprof is missing (result.json names it)',
    holds: [{ finding: { kind: 'regression', pkg: 'p', subject: 'BenchmarkA', severity: 'fail' } }, { incomplete: true }, { written: 'report.json' }]
  },
  {
    id: 'out-under-file',
    group: 'Output paths',
    did: '`--out` under a path that is a file',
    run: { fixture: 'exits', file: { name: 'a-file', text: 'not a directory\n' }, args: ['run', '--dir', '{repo}', '--out', '{file}/results'] },
    exit: 2,
    stream: 'stderr',
    message: 'go-leak-gate: cannot write --out {file}/results: a part of the path is a file, not a directory (ENOTDIR)',
    holds: [{ nothingStarted: true }]
  },
  {
    id: 'out-refused',
    group: 'Output paths',
    did: '`--out` in a directory that refuses new files',
    run: { file: OUTPUTS_TEST, test: '--out in a directory that refuses new files: exit 2 before any work', evidence: ["'go-leak-gate: cannot write --out /sys/kernel: permission denied (EACCES)'"] },
    exit: 2,
    stream: 'stderr',
    message: 'go-leak-gate: cannot write --out {dir}: permission denied (EACCES)',
    holds: []
  },
  {
    id: 'out-proc',
    group: 'Output paths',
    did: '`--out` under /proc, where nothing can be created',
    run: { file: OUTPUTS_TEST, test: '--out under /proc: returns (exit 2) instead of spinning in mkdir', evidence: ['expect(r.code, r.stderr).toBe(2)', 'toContain(`--out ${out}`)'] },
    exit: 2,
    stream: 'stderr',
    message: 'go-leak-gate: cannot write --out {dir}: …',
    holds: []
  },
  {
    id: 'json-unwritable',
    group: 'Output paths',
    did: '`--json` where it cannot be written, `--markdown` where it can',
    run: compare('no-profiles', ['--json', '/proc/glg-faults/report.json', '--markdown', '{out}/report.md']),
    exit: 2,
    stream: 'stderr',
    message: 'go-leak-gate: cannot write --json /proc/glg-faults/report.json: the directory cannot be created there (ENOENT); going on, the other outputs and the verdict will still be written (exit code 2)',
    holds: [{ written: 'report.md' }]
  },
  {
    id: 'sigint',
    group: 'Stopping',
    did: 'Ctrl-C (SIGINT) on `gate` while a test hangs on head',
    run: {
      fixture: 'leaks',
      args: ['gate', '--dir', '{repo}', '--base-ref', '{base}', '--packages', './deadlock', '--bench', '^$', ...REPORT],
      signal: { name: 'SIGINT', after: `\\[head\\] testing ${HUNG_TEST}`, delayMs: 1500 }
    },
    exit: 130,
    stream: 'stderr',
    message: 'go-leak-gate: stopped by SIGINT: child processes killed, temporary worktree and files removed (exit code 130)',
    holds: [{ stoppedMidRun: true }]
  },
  {
    id: 'sigterm',
    group: 'Stopping',
    did: 'SIGTERM (a cancelled workflow) on `run` while a test hangs',
    run: {
      fixture: 'leaks',
      args: ['run', '--dir', '{repo}', '--packages', './deadlock', '--bench', '^$', '--out', '{out}'],
      signal: { name: 'SIGTERM', after: `testing ${HUNG_TEST}`, delayMs: 1500 }
    },
    exit: 143,
    stream: 'stderr',
    message: 'go-leak-gate: stopped by SIGTERM: child processes killed, temporary worktree and files removed (exit code 143)',
    holds: [{ stoppedMidRun: true }]
  },
  {
    id: 'sigkill',
    group: 'Stopping',
    did: 'SIGKILL on `gate` mid-run (no cleanup possible), then `gate` again',
    run: {
      file: 'test/cli/stop.test.ts',
      test: 'after a SIGKILL, which cannot clean, the next run removes what was left and completes',
      evidence: ['expect(r.code, r.stderr).toBe(1)', 'left by a gate that was killed', 'expect(await worktrees()).toEqual([demo.dir])']
    },
    exit: 1,
    stream: 'stderr',
    message: 'go-leak-gate: removed the worktree {dir}, left by a gate that was killed',
    holds: []
  },
  ...LOAD_FAULTS
]

export function isCoveredBy(run: Run | CoveredBy): run is CoveredBy {
  return 'test' in run
}
