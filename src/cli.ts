import { realpathSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { readResult, RESULT_FILE, resultDirBaseline } from './baseline/result-dir.js'
import { worktreeBaseline } from './baseline/worktree.js'
import { flagHelp, flagOptions, flagValues } from './config/flags.js'
import { readConfigFile, resolveConfig } from './config/load.js'
import { runDemo } from './demo.js'
import { debugRequested, describeError, UsageError, errorMessage } from './errors.js'
import { EXIT, exitCodeForError, exitCodeForReport, exitCodeForResult, withOutputFailures } from './exit.js'
import { runProcess } from './go/process.js'
import { probeToolchain } from './go/toolchain.js'
import type { JobDeps } from './jobs/deps.js'
import type { Report } from './model/report.js'
import { compareStored } from './pipeline/compare.js'
import { gate, measureWorkingTree } from './pipeline/gate.js'
import { jsonFile, markdownFile } from './publish/files.js'
import { htmlFile, type ComparedResults } from './publish/html.js'
import { checkOutputs, type CheckedOutputs } from './publish/outputs.js'
import { describeProblem, publish } from './publish/sinks.js'
import { resultSummary, terminalMarkdown, terminalText } from './publish/terminal.js'
import { VERSION } from './version.js'
import { handleStopSignals } from './stop.js'

// The measuring options (run, gate) and the judging ones (compare, gate) come from the option table.
const RUN_SIDES = ['run'] as const
const GATE_SIDES = ['run', 'compare'] as const
const COMPARE_SIDES = ['compare'] as const

const RUN_OPTIONS = {
  ...flagOptions(RUN_SIDES),
  dir: { type: 'string', default: '.' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} as const satisfies ParseArgsConfig['options']

const REPORT_OPTIONS = {
  json: { type: 'string' },
  html: { type: 'string' },
  markdown: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' }
} as const satisfies ParseArgsConfig['options']

const HELP: Record<string, string> = {
  main: `go-leak-gate ${VERSION}: gate Go changes on benchmark regressions, allocations, retained heap and GC pauses.

Usage:
  go-leak-gate run     --dir MODULE --out DIR [options]      measure one tree, write DIR/result.json and profiles
  go-leak-gate compare --base DIR --head DIR [options]     compare two results and print the verdict
  go-leak-gate gate    --dir MODULE --base-ref REF [opts]  run base and head interleaved on this machine, compare
  go-leak-gate demo                                        run the gate on the bundled demo and show the report

Exit codes: 0 pass, 1 the gate failed, 2 bad usage or configuration, 3 the run could not complete.
Run 'go-leak-gate COMMAND --help' for a command's options.`,
  runOpts: `  --dir DIR                 Go module root (default .)
  --config FILE             config file (default: .github/go-leak-gate.yml or go-leak-gate.yml in --dir)
${flagHelp(RUN_SIDES)}`,
  compareOpts: flagHelp(COMPARE_SIDES),
  reportOpts: `  --json FILE               write report.json there
  --markdown FILE           write the markdown report there
  --html FILE               write the HTML report there (flame graphs and charts, one offline file)
  -q, --quiet               print only the verdict line`
}

HELP.run = `go-leak-gate run --dir MODULE --out DIR [options]

Builds one test binary per package with benchmarks, runs each benchmark in its own process --count
times with -benchmem, a memory profile and GODEBUG=gctrace=1, and writes DIR/result.json and DIR/profiles/.
Exit codes: 0 all measured, 1 a benchmark failed or hung, 2 bad usage, 3 part of the run could not be
measured (a package does not build, Go missing, a corrupt profile).

Options:
  --out DIR                 result directory (required)
${HELP.runOpts}`

HELP.compare = `go-leak-gate compare --base DIR --head DIR [--config FILE] [--json FILE] [--markdown FILE] [--html FILE]

Compares two result directories written by 'run' and prints the verdict.

Options:
  --base DIR, --head DIR    result directories (required)
  --config FILE             config file with thresholds and statistics settings
${HELP.compareOpts}
${HELP.reportOpts}`

HELP.gate = `go-leak-gate gate --dir MODULE --base-ref REF [options]

Checks REF out into a temporary git worktree, builds both sides' test binaries, runs base and head
interleaved (base, head, head, base, ...) on this machine and compares them.

Options:
  --base-ref REF            base commit, branch or tag (required)
  --out DIR                 where base/ and head/ results go (default .go-leak-gate)
${HELP.runOpts}
${HELP.compareOpts}
${HELP.reportOpts}`

HELP.demo = `go-leak-gate demo [--out DIR]

Builds a git repository from the bundled demo fixture (a base and a head with an extra allocation,
a memory leak, a goroutine leak and a slowdown), runs the gate on it and prints the markdown report.
Exits 0 when the gate reached the failing verdict the demo is built to show (a real run would exit 1
there), and non-zero when it did not: 1 for a different verdict or findings, 3 for an incomplete run.`

function parse<O extends ParseArgsConfig['options']>(args: string[], options: O, command: string) {
  try {
    return parseArgs({ args, options, allowPositionals: false, strict: true })
  } catch (err) {
    throw new UsageError(`${errorMessage(err)}\nRun 'go-leak-gate ${command} --help' for the options.`)
  }
}

const out = (text: string): void => {
  process.stdout.write(text)
}
const say = (line: string): void => {
  process.stderr.write(`go-leak-gate: ${line}\n`)
}

async function jobDeps(): Promise<JobDeps> {
  return { run: runProcess, toolchain: await probeToolchain(runProcess), log: say }
}

/**
 * The report's sinks the options name, and the results directory, checked before any work: a results
 * directory that cannot be written stops here (exit 2); a report file that cannot be written is said
 * now, and the rest is still written at the end.
 */
async function checkedOutputs(
  v: { json?: string; markdown?: string; html?: string; quiet?: boolean },
  results?: { dir: string; option: string },
  compared?: () => Promise<ComparedResults>
): Promise<CheckedOutputs> {
  const sinks = [
    ...(v.json ? [jsonFile(resolve(v.json), `--json ${v.json}`)] : []),
    ...(v.markdown ? [markdownFile(resolve(v.markdown), `--markdown ${v.markdown}`)] : []),
    ...(v.html && compared ? [htmlFile(resolve(v.html), `--html ${v.html}`, compared)] : []),
    terminalText(out, { quiet: v.quiet })
  ]
  const checked = await checkOutputs(results && resolve(results.dir), sinks, results && `${results.option} ${results.dir}`)
  for (const p of checked.problems) say(`${describeProblem(p)}; going on, the other outputs and the verdict will still be written (exit code 2)`)
  return checked
}

/** Publishes to what passed the check; an output that could not be written makes the exit code 2. */
async function emitReport(report: Report, outputs: CheckedOutputs): Promise<number> {
  const failed = await publish(report, outputs.ready)
  for (const p of failed) say(describeProblem(p))
  return withOutputFailures(exitCodeForReport(report), outputs.problems.length + failed.length)
}

async function cmdRun(args: string[]): Promise<number> {
  const { values: v } = parse(args, { ...RUN_OPTIONS, out: { type: 'string' } }, 'run')
  if (v.help) return help('run')
  if (!v.out) throw new UsageError(`run needs --out DIR, the directory for result.json and profiles`)
  const dir = resolve(v.dir)
  const flags = flagValues(v, RUN_SIDES)
  const { file } = await readConfigFile(v.config, dir)
  const config = resolveConfig(dir, [file.values, flags])
  await checkOutputs(resolve(v.out), [], `--out ${v.out}`)
  const result = await measureWorkingTree(await jobDeps(), config, resolve(v.out))
  out(resultSummary(result, resolve(v.out, RESULT_FILE)))
  return exitCodeForResult(result)
}

async function cmdCompare(args: string[]): Promise<number> {
  const { values: v } = parse(
    args,
    {
      ...flagOptions(COMPARE_SIDES),
      base: { type: 'string' },
      head: { type: 'string' },
      config: { type: 'string' },
      dir: { type: 'string', default: '.' },
      help: { type: 'boolean', short: 'h' },
      ...REPORT_OPTIONS
    },
    'compare'
  )
  if (v.help) return help('compare')
  if (!v.base || !v.head) throw new UsageError(`compare needs --base DIR and --head DIR (directories written by 'go-leak-gate run')`)
  const flags = flagValues(v, COMPARE_SIDES)
  const { file } = await readConfigFile(v.config, resolve(v.dir))
  const config = resolveConfig(resolve(v.dir), [file.values, flags])
  const dirs = { baseDir: resolve(v.base), headDir: resolve(v.head) }
  const outputs = await checkedOutputs(v, undefined, async () => ({ ...dirs, base: await readResult(dirs.baseDir), head: await readResult(dirs.headDir) }))
  const report = await compareStored(runProcess, config.compare, resultDirBaseline(v.base), resultDirBaseline(v.head), resolve(v.dir))
  return emitReport(report, outputs)
}

async function cmdGate(args: string[]): Promise<number> {
  const { values: v } = parse(
    args,
    { ...flagOptions(GATE_SIDES), ...RUN_OPTIONS, ...REPORT_OPTIONS, 'base-ref': { type: 'string' }, out: { type: 'string', default: '.go-leak-gate' } },
    'gate'
  )
  if (v.help) return help('gate')
  if (!v['base-ref']) throw new UsageError(`gate needs --base-ref REF, the commit to compare against (e.g. origin/main)`)
  const dir = resolve(v.dir)
  const flags = flagValues(v, GATE_SIDES)
  const { file } = await readConfigFile(v.config, dir)
  const config = resolveConfig(dir, [file.values, flags])
  let compared: ComparedResults | undefined
  const outputs = await checkedOutputs(v, { dir: v.out, option: '--out' }, async () => {
    if (compared === undefined) throw new Error('the gate did not get as far as comparing')
    return compared
  })
  const deps = await jobDeps()
  const outDir = resolve(v.out)
  const { report, base, head } = await gate(deps, config, worktreeBaseline(dir, v['base-ref'], deps.log), outDir)
  compared = { base, head, baseDir: resolve(outDir, 'base'), headDir: resolve(outDir, 'head') }
  return emitReport(report, outputs)
}

async function cmdDemo(args: string[]): Promise<number> {
  const { values: v } = parse(args, { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, 'demo')
  if (v.help) return help('demo')
  const { report, markdownPath, htmlPath, outcome, failed } = await runDemo(await jobDeps(), v.out ? resolve(v.out) : undefined, [
    terminalMarkdown(out),
    terminalText(out, { ruleAbove: true })
  ])
  for (const p of failed) say(describeProblem(p))
  out(`The markdown report above is also in ${markdownPath}; the HTML report is ${htmlPath}\n`)
  // The demo head fails the gate on purpose: reaching that verdict is the demo working, so it exits 0 and
  // says what a real run would have done. Anything else (a pass, a missed or unplanted finding) is a fault.
  const real = exitCodeForReport(report)
  if (failed.length > 0) return withOutputFailures(real, failed.length)
  if (outcome.asDesigned) {
    out(`demo: OK, the gate reached the verdict the demo is built to show (${report.verdict.toUpperCase()}); a real run would exit ${real} here\n`)
    return EXIT.pass
  }
  out(`demo: NOT as designed:\n${outcome.differences.map((l) => `  ${l}`).join('\n')}\n`)
  return real === EXIT.pass ? EXIT.fail : real
}

function help(command: string): number {
  process.stdout.write((HELP[command] ?? HELP.main) + '\n')
  return EXIT.pass
}

/** `--debug` anywhere, or GO_LEAK_GATE_DEBUG=1: errors come with their stack trace. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug') || debugRequested()
  const [command, ...rest] = argv.filter((a) => a !== '--debug')
  try {
    switch (command) {
      case 'run':
        return await cmdRun(rest)
      case 'compare':
        return await cmdCompare(rest)
      case 'gate':
        return await cmdGate(rest)
      case 'demo':
        return await cmdDemo(rest)
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        return help(rest[0] ?? 'main')
      case '--version':
        process.stdout.write(VERSION + '\n')
        return EXIT.pass
      default:
        throw new UsageError(`unknown command '${command}'. Commands: run, compare, gate, demo. Run 'go-leak-gate --help'.`)
    }
  } catch (err) {
    say(describeError(err, debug))
    return exitCodeForError(err)
  }
}

// Run only when executed, not when imported by tests.
const invoked = process.argv[1] ? realpathSync(process.argv[1]) : ''
if (invoked.endsWith('cli.js') || invoked.endsWith('cli.ts')) {
  handleStopSignals()
  main(process.argv.slice(2)).then((code) => process.exit(code))
}
