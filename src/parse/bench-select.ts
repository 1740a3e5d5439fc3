// Which of the lines a benchmark process printed are results. The code under test writes to the same stdout
// as testing does, so it can print anything that looks like a result line: of a benchmark that does not
// exist, or of itself with made-up numbers. Only lines that name the benchmark the process was started
// for count; the rest is the benchmark's own output.
import type { BenchLine, BenchOutput, BenchProblem } from './benchfmt.js'

export type LeafOutcome =
  | { kind: 'result'; line: BenchLine }
  /** The benchmark printed something where its result should be: `message` says where and why. */
  | { kind: 'unreadable'; message: string }
  | { kind: 'missing' }

/** The message of a benchmark whose result line could not be read (it becomes the benchmark's failure). */
export function unreadableMessage(line: number, reason: string): string {
  return `the benchmark's output could not be read: line ${line}: ${reason}`
}

function problemMessage(p: BenchProblem): string {
  return unreadableMessage(p.line, p.reason)
}

/**
 * The result of one leaf from a process that ran only it with -test.benchtime=<iterations>x: testing then
 * prints exactly one line for it, with exactly that b.N. A line of the same name with another count is
 * one the benchmark printed itself (in its b.N = 1 run, before testing prints the name).
 */
export function resultOf(out: BenchOutput, name: string, iterations: number): LeafOutcome {
  const own = out.results.filter((l) => l.name === name)
  const real = own.filter((l) => l.iterations === iterations)
  if (real.length === 1) return { kind: 'result', line: real[0] }
  if (real.length > 1) {
    const at = real.map((l) => l.line).join(', ')
    return { kind: 'unreadable', message: unreadableMessage(real[0].line, `${real.length} result lines for ${name} (lines ${at}) in a process that ran it once: the benchmark prints lines like its own results`) }
  }
  const problem = out.problems.find((p) => p.benchmark === name)
  if (problem !== undefined) return { kind: 'unreadable', message: problemMessage(problem) }
  if (own.length > 0) {
    return { kind: 'unreadable', message: unreadableMessage(own[0].line, `${own[0].iterations} iterations where the run was started with -test.benchtime=${iterations}x`) }
  }
  return { kind: 'missing' }
}

/** Whether `name` is the top-level benchmark `top` or one of its sub-benchmarks. */
export function isUnder(name: string, top: string): boolean {
  return name === top || name.startsWith(`${top}/`)
}

/**
 * The leaves a run of one top-level benchmark printed: per name under `top`, its last result line (testing
 * prints a leaf's result after the leaf ran, so a line the benchmark printed itself comes first), in the
 * order the names first appeared. `unreadable`: leaves with a garbled line and no result.
 */
export function leavesUnder(out: BenchOutput, top: string): { results: BenchLine[]; unreadable: { name: string; message: string }[] } {
  const last = new Map<string, BenchLine>()
  for (const line of out.results) if (isUnder(line.name, top)) last.set(line.name, line)
  const unreadable = new Map<string, string>()
  for (const p of out.problems) {
    const name = p.benchmark
    if (name === undefined || !isUnder(name, top) || last.has(name) || unreadable.has(name)) continue
    unreadable.set(name, problemMessage(p))
  }
  return { results: [...last.values()], unreadable: [...unreadable].map(([name, message]) => ({ name, message })) }
}
