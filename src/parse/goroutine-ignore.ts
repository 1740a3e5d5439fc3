// The goroutines that are never leaks: the testing package's, the runtime's and the standard library's
// own, the gate's probe, and those the user's goleak-style rules name.
import type { Goroutine } from './goroutines.js'
import { isProbeFunction, isRuntimePackage, packageOf } from './stackframes.js'

/**
 * A goleak-style rule for goroutines that are not leaks, with exact function names. Every field given
 * must match; a rule with no field matches nothing.
 */
export interface GoroutineRule {
  /** The function the goroutine is blocked in (its first frame outside package runtime). */
  topFunction?: string
  /** A function anywhere in the goroutine's stack. */
  anyFunction?: string
  /** The function whose `go` statement started it. */
  createdBy?: string
}

// Where the testing package parks its own goroutines while tests run (as goleak's isTestStack), and, for
// a benchmark, the main goroutine waiting for the one that runs it (doBench from Go 1.25, run1 before).
const TESTING_WAITS = new Set([
  'testing.RunTests',
  'testing.(*T).Run',
  'testing.(*T).Parallel',
  'testing.(*testState).waitParallel',
  'testing.runFuzzing',
  'testing.runFuzzTests',
  'testing.(*B).doBench',
  'testing.(*B).run1'
])

/** The first frame outside package runtime: what goleak calls the top function. */
function topFunction(g: Goroutine): string | undefined {
  return g.frames.find((f) => !isRuntimePackage(packageOf(f.function)))?.function
}

function hasFunction(g: Goroutine, fn: string): boolean {
  return g.frames.some((f) => f.function === fn)
}

/**
 * Why a goroutine is not a leak, or undefined when it may be one: a built-in reason ('probe',
 * 'testing', 'os/signal', 'trace reader', 'runtime') or `rule N` for the user's rule at index N.
 */
export function ignoredBecause(g: Goroutine, rules: GoroutineRule[] = []): string | undefined {
  // The goroutine taking the dump runs the gate's probe.
  if (g.frames.some((f) => isProbeFunction(f.function))) return 'probe'
  const top = topFunction(g)
  if (top !== undefined && TESTING_WAITS.has(top) && g.state.startsWith('chan receive')) return 'testing'
  // testing's -test.timeout alarm: the goroutine that panics and prints the dump.
  if (hasFunction(g, 'testing.(*M).startAlarm.func1')) return 'testing'
  // signal.Notify starts os/signal's loop; with masks to manage, the runtime's ensureSigM (a closure).
  const sigM = g.frames.some((f) => f.function === 'runtime.ensureSigM' || f.function.startsWith('runtime.ensureSigM.'))
  if (top === 'os/signal.signal_recv' || top === 'os/signal.loop' || sigM) return 'os/signal'
  if (hasFunction(g, 'runtime.ReadTrace')) return 'trace reader'
  // The runtime's own goroutines (GC workers, finalizers, g0 stacks) appear only in crash dumps and
  // with GOTRACEBACK=system; a cgo thread's goroutine sits in syscall with nothing but runtime frames.
  const runtimeOnly = g.frames.every((f) => isRuntimePackage(packageOf(f.function)))
  const runtimeMade = g.createdBy === undefined || isRuntimePackage(packageOf(g.createdBy.function))
  if (g.id === 0 || (g.frames.length > 0 && runtimeOnly && runtimeMade)) return 'runtime'
  for (let i = 0; i < rules.length; i++) {
    if (matches(g, rules[i], top)) return `rule ${i}`
  }
  return undefined
}

/** Whether a goroutine is not a leak: see ignoredBecause. */
export function isIgnorable(g: Goroutine, rules: GoroutineRule[] = []): boolean {
  return ignoredBecause(g, rules) !== undefined
}

function matches(g: Goroutine, rule: GoroutineRule, top: string | undefined): boolean {
  if (rule.topFunction === undefined && rule.anyFunction === undefined && rule.createdBy === undefined) return false
  // A crash dump shows runtime.gopark on top where runtime.Stack hides it: accept either.
  if (rule.topFunction !== undefined && rule.topFunction !== top && rule.topFunction !== g.frames[0]?.function) return false
  if (rule.anyFunction !== undefined && !hasFunction(g, rule.anyFunction)) return false
  if (rule.createdBy !== undefined && rule.createdBy !== g.createdBy?.function) return false
  return true
}
