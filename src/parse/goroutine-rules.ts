// The goroutines that are never leaks: one list of one rule type for the built-in ones (the testing
// package's, os/signal's, the runtime's, the probe's own) and the user's goleak-style rules. The same
// list goes to the probe (go/probe-env.ts), so a goroutine ignored here costs no settle wait there.
import type { Goroutine } from './goroutine-types.js'
import { isProbeFunction, isRuntimePackage, packageOf } from './stackframes.js'

/**
 * A goroutine that is not a leak. Every field given must match; a rule with no field but `because`
 * matches nothing. Users write the first three (goleak's IgnoreTopFunction, IgnoreAnyFunction,
 * IgnoreCreatedBy, with exact function names); the others serve the built-in rules.
 */
export interface GoroutineRule {
  /** The function the goroutine is blocked in: its first frame outside package runtime. */
  topFunction?: string
  /** A function anywhere in the goroutine's stack. */
  anyFunction?: string
  /** The function whose `go` statement started it. */
  createdBy?: string
  /** The wait state starts with this (`chan receive` also covers `chan receive (nil chan)`). */
  state?: string
  /** A regular expression (RE2 syntax, which JavaScript reads alike) matching a function in the stack. */
  anyFunctionMatching?: string
  /** Only runtime frames, started by the runtime (or by nobody): the runtime's own goroutines. */
  runtimeOnly?: boolean
  /**
   * One of the gate's probe functions in the stack (isProbeFunction). Not a pattern: the user's TestMain,
   * renamed glgUserTestMain by the overlay, is the user's code, and RE2 has no look-ahead to leave it out.
   */
  probeFunction?: boolean
  /** The reason ignoredBecause gives; the user's rules are named `rule N` instead. */
  because?: string
}

// Where the testing package parks its own goroutines while tests run (as goleak's isTestStack), and, for
// a benchmark, the main goroutine waiting for the one that runs it (doBench from Go 1.25, run1 before).
const TESTING_WAITS = [
  'testing.RunTests',
  'testing.(*T).Run',
  'testing.(*T).Parallel',
  'testing.(*testState).waitParallel',
  'testing.runFuzzing',
  'testing.runFuzzTests',
  'testing.(*B).doBench',
  'testing.(*B).run1'
]

/** In the order they are tried: the first that matches gives the reason. */
export const BUILTIN_RULES: readonly GoroutineRule[] = [
  // The goroutine taking the dump runs the gate's probe (go/probe-source.ts).
  { probeFunction: true, because: 'probe' },
  ...TESTING_WAITS.map((fn) => ({ topFunction: fn, state: 'chan receive', because: 'testing' })),
  // testing's -test.timeout alarm: the goroutine that panics and prints the dump.
  { anyFunction: 'testing.(*M).startAlarm.func1', because: 'testing' },
  // signal.Notify starts os/signal's loop; with masks to manage, the runtime's ensureSigM (a closure).
  { topFunction: 'os/signal.signal_recv', because: 'os/signal' },
  { topFunction: 'os/signal.loop', because: 'os/signal' },
  { anyFunctionMatching: String.raw`^runtime\.ensureSigM(?:\.|$)`, because: 'os/signal' },
  { anyFunction: 'runtime.ReadTrace', because: 'trace reader' },
  // GC workers, finalizers and g0 stacks appear only in crash dumps and with GOTRACEBACK=system; a cgo
  // thread's goroutine sits in syscall with nothing but runtime frames.
  { runtimeOnly: true, because: 'runtime' }
]

/** The first frame outside package runtime: what goleak calls the top function. */
function topFunction(g: Goroutine): string | undefined {
  return g.frames.find((f) => !isRuntimePackage(packageOf(f.function)))?.function
}

function runtimeOwned(g: Goroutine): boolean {
  if (g.id === 0) return true
  const runtimeOnly = g.frames.every((f) => isRuntimePackage(packageOf(f.function)))
  const runtimeMade = g.createdBy === undefined || isRuntimePackage(packageOf(g.createdBy.function))
  return g.frames.length > 0 && runtimeOnly && runtimeMade
}

const compiled = new Map<string, RegExp | null>()

function pattern(source: string): RegExp | null {
  let re = compiled.get(source)
  if (re === undefined) {
    try {
      re = new RegExp(source)
    } catch {
      // A pattern that does not compile matches nothing, here and in the probe.
      re = null
    }
    compiled.set(source, re)
  }
  return re
}

export function matchesRule(g: Goroutine, rule: GoroutineRule, top: string | undefined = topFunction(g)): boolean {
  const { topFunction: topFn, anyFunction, createdBy, state, anyFunctionMatching, runtimeOnly, probeFunction } = rule
  if ([topFn, anyFunction, createdBy, state, anyFunctionMatching].every((v) => v === undefined) && !runtimeOnly && !probeFunction) return false
  // A crash dump shows runtime.gopark on top where runtime.Stack hides it: accept either.
  if (topFn !== undefined && topFn !== top && topFn !== g.frames[0]?.function) return false
  if (anyFunction !== undefined && !g.frames.some((f) => f.function === anyFunction)) return false
  if (createdBy !== undefined && createdBy !== g.createdBy?.function) return false
  if (state !== undefined && !g.state.startsWith(state)) return false
  if (anyFunctionMatching !== undefined) {
    const re = pattern(anyFunctionMatching)
    if (re === null || !g.frames.some((f) => re.test(f.function))) return false
  }
  if (runtimeOnly && !runtimeOwned(g)) return false
  if (probeFunction && !g.frames.some((f) => isProbeFunction(f.function))) return false
  return true
}

/**
 * Why a goroutine is not a leak, or undefined when it may be one: a built-in reason ('probe',
 * 'testing', 'os/signal', 'trace reader', 'runtime') or `rule N` for the user's rule at index N.
 */
export function ignoredBecause(g: Goroutine, rules: readonly GoroutineRule[] = []): string | undefined {
  const top = topFunction(g)
  const builtin = BUILTIN_RULES.find((r) => matchesRule(g, r, top))
  if (builtin !== undefined) return builtin.because
  const i = rules.findIndex((r) => matchesRule(g, r, top))
  return i >= 0 ? `rule ${i}` : undefined
}

/** Whether a goroutine is not a leak: see ignoredBecause. */
export function isIgnorable(g: Goroutine, rules: readonly GoroutineRule[] = []): boolean {
  return ignoredBecause(g, rules) !== undefined
}
