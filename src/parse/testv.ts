// The -test.v output of a test binary (stdout and stderr merged in write order): which tests ran and how
// they ended, which test a panic belongs to, and whether -test.timeout fired and while running what.
import { isCrashStart, readCrash, type GoCrash } from './panic.js'
import { lastLine, splitLines } from './lines.js'

export type TestOutcome = 'pass' | 'fail' | 'skip'

export interface TestVerbose {
  tests: { name: string; outcome: TestOutcome }[]
  /** Panics and fatal errors, with the test that was running (the last one started and not ended). */
  crashes: { test?: string; crash: GoCrash; line: number }[]
  /** Set when testing's -test.timeout fired: the message and the tests it names as running. */
  timeout?: { message: string; running: string[]; line: number }
  /**
   * The innermost test still running where the output ends, with the last line printed after it started.
   * Unless a timeout or crash explains it, the binary exited in the middle of that test (os.Exit).
   */
  unfinished?: { test: string; lastLine?: string }
}

const RUN = /^=== (RUN|CONT|PAUSE|NAME)\s+(\S+)/
const END = /^\s*--- (PASS|FAIL|SKIP): (\S+) \(/
const TIMEOUT = /^panic: test timed out after (\S+)/
const RUNNING = /^\s+(\S+) \([^)]*\)$/

export function parseTestVerbose(text: string): TestVerbose {
  const lines = splitLines(text)
  const outcomes = new Map<string, TestOutcome>()
  const running: string[] = []
  const crashes: TestVerbose['crashes'] = []
  let timeout: TestVerbose['timeout']
  let lastFailed: string | undefined
  const startedAt = new Map<string, number>()
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const run = RUN.exec(line)
    if (run) {
      if (run[1] === 'RUN' || run[1] === 'CONT') {
        if (!running.includes(run[2])) running.push(run[2])
        startedAt.set(run[2], i)
      }
      continue
    }
    const end = END.exec(line)
    if (end) {
      const outcome = end[1].toLowerCase() as TestOutcome
      outcomes.set(end[2], outcome)
      if (outcome === 'fail') lastFailed = end[2]
      const at = running.lastIndexOf(end[2])
      if (at >= 0) running.splice(at, 1)
      continue
    }
    const t = TIMEOUT.exec(line)
    if (t) {
      // "running tests:" then one indented line per test still running, with its elapsed time.
      const names: string[] = []
      let j = i + 1
      if (j < lines.length && /^\s*running tests:/.test(lines[j])) j++
      for (; j < lines.length; j++) {
        const m = RUNNING.exec(lines[j])
        if (!m) break
        names.push(m[1])
      }
      timeout = { message: `test timed out after ${t[1]}`, running: names, line: i + 1 }
      continue
    }
    if (isCrashStart(line)) {
      const { crash, next } = readCrash(lines, i)
      // testing reports '--- FAIL: TestX' before it re-panics, so the test may have ended already: prefer
      // the test function on the crashing stack, then the innermost running test, then the last failure.
      const test = testOnStack(crash) ?? running[running.length - 1] ?? lastFailed
      crashes.push({ test, crash, line: i + 1 })
      i = next - 1
    }
  }
  const tests = [...outcomes].map(([name, outcome]) => ({ name, outcome }))
  const test = running.at(-1)
  if (test === undefined) return { tests, crashes, timeout }
  const printed = lastLine(lines.slice((startedAt.get(test) ?? -1) + 1).join('\n'), /^=== (RUN|CONT|PAUSE|NAME)\s/)
  return { tests, crashes, timeout, unfinished: { test, ...(printed !== undefined ? { lastLine: printed } : {}) } }
}

/** The top-level test whose function is on the stack (`pkg.TestX` or its closures `pkg.TestX.func1`). */
function testOnStack(crash: GoCrash): string | undefined {
  for (const f of crash.frames) {
    const m = /\.(Test[A-Za-z0-9_]*)(?:\.func\d+(?:\.\d+)*)?$/.exec(f.function)
    if (m) return m[1]
  }
  return undefined
}
