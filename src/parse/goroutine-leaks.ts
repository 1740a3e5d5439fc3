// What a parsed goroutine means for leak and hang reports: where it waits, an identity that survives
// between runs (base and head), groups of goroutines stuck in the same place, and the goroutines that
// are never leaks.
import { isStandardLibrary, type SourceFrame } from './gofunc.js'
import type { Goroutine } from './goroutines.js'
import { isUserFunction, packageOf } from './stackframes.js'

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

/**
 * A goroutine's identity without its id: wait state, blocking site and creation site.
 *
 * `key` includes line numbers, so two leaks in one function stay apart. `looseKey` leaves them out:
 * an edit above a leak moves its line between base and head, and matching on `looseKey` still pairs
 * them. File names are as Go printed them; the gate builds with -trimpath, which makes them
 * module-relative and identical in the base worktree and the head checkout.
 */
export interface LeakSignature {
  state: string
  blocking?: SourceFrame
  creation?: SourceFrame
  key: string
  looseKey: string
}

/** Goroutines that share a signature: "who waits on what" in a hang report, and a leak count. */
export interface GoroutineGroup extends LeakSignature {
  count: number
  /** How many of them the goroutineleak profile marked as leaked. */
  leaked: number
  /** The longest wait Go reported for one of them. */
  waitMinutes?: number
  ids: number[]
  /** The stack of the first goroutine with this signature, innermost first. */
  stack: SourceFrame[]
}

export interface SignatureOptions {
  /** Module path: the blocking frame is then the innermost frame of the module, when there is one. */
  modulePath?: string
}

// Packages a goroutine blocks through rather than in: the user's wait site is further out.
const WAIT_MACHINERY = new Set(['runtime', 'sync', 'sync/atomic', 'time', 'testing'])

function isRuntimePackage(pkg: string): boolean {
  return pkg === 'runtime' || pkg.startsWith('runtime/') || pkg.startsWith('internal/runtime/')
}

function isStdInternal(pkg: string): boolean {
  return pkg === 'internal' || pkg.startsWith('internal/') || (isStandardLibrary(pkg) && pkg.includes('/internal/'))
}

// Functions the runtime links into other packages to park goroutines: sync.runtime_Semacquire,
// internal/poll.runtime_pollWait.
function isRuntimeHook(fn: string, pkg: string): boolean {
  return fn.startsWith(`${pkg}.runtime_`)
}

/**
 * The frame a goroutine waits in: with a module path, the innermost frame of the module (the user's
 * line that is waiting, possibly through a library); otherwise, or when the module has no frame, the
 * innermost frame outside runtime, std internal packages, sync, time and testing. A goroutine that
 * only has such frames (testing's own waits, the runtime's goroutines in a crash dump) gets its
 * innermost frame outside the runtime, then simply its innermost frame.
 */
export function blockingFrame(g: Goroutine, opts: SignatureOptions = {}): SourceFrame | undefined {
  if (opts.modulePath !== undefined && opts.modulePath !== '') {
    const own = g.frames.find((f) => isUserFunction(f.function, f.file, opts.modulePath))
    if (own !== undefined) return own
  }
  const outside = g.frames.find((f) => {
    const pkg = packageOf(f.function)
    return !WAIT_MACHINERY.has(pkg) && !isRuntimePackage(pkg) && !isStdInternal(pkg) && !isRuntimeHook(f.function, pkg)
  })
  if (outside !== undefined) return outside
  const notRuntime = g.frames.find((f) => {
    const pkg = packageOf(f.function)
    return !isRuntimePackage(pkg) && !isStdInternal(pkg) && !isRuntimeHook(f.function, pkg)
  })
  return notRuntime ?? g.frames[0]
}

function site(f: SourceFrame | undefined, withLine: boolean): string {
  if (f === undefined) return '?'
  return withLine ? `${f.function} ${f.file}:${f.line}` : `${f.function} ${f.file}`
}

/** See LeakSignature. Never includes goroutine ids (neither this one's nor its creator's). */
export function leakSignature(g: Goroutine, opts: SignatureOptions = {}): LeakSignature {
  const blocking = blockingFrame(g, opts)
  const creation =
    g.createdBy === undefined ? undefined : { function: g.createdBy.function, file: g.createdBy.file, line: g.createdBy.line }
  const key = (withLine: boolean): string => `${g.state} | ${site(blocking, withLine)} | created by ${site(creation, withLine)}`
  return {
    state: g.state,
    ...(blocking === undefined ? {} : { blocking }),
    ...(creation === undefined ? {} : { creation }),
    key: key(true),
    looseKey: key(false)
  }
}

/** Groups goroutines by `key` (line numbers included), largest group first, then in dump order. */
export function groupBySignature(goroutines: Goroutine[], opts: SignatureOptions = {}): GoroutineGroup[] {
  const groups = new Map<string, GoroutineGroup>()
  for (const g of goroutines) {
    const signature = leakSignature(g, opts)
    let group = groups.get(signature.key)
    if (group === undefined) {
      group = { ...signature, count: 0, leaked: 0, ids: [], stack: g.frames }
      groups.set(signature.key, group)
    }
    group.count++
    if (g.leaked) group.leaked++
    if (g.waitMinutes !== undefined && (group.waitMinutes === undefined || g.waitMinutes > group.waitMinutes)) {
      group.waitMinutes = g.waitMinutes
    }
    group.ids.push(g.id)
  }
  // Array.prototype.sort is stable: equal counts keep the order they were first seen in.
  return [...groups.values()].sort((a, b) => b.count - a.count)
}

// Where the testing package parks its own goroutines while tests run (as goleak's isTestStack).
const TESTING_WAITS = new Set([
  'testing.RunTests',
  'testing.(*T).Run',
  'testing.(*T).Parallel',
  'testing.(*testState).waitParallel',
  'testing.runFuzzing',
  'testing.runFuzzTests'
])
// go-leak-gate's probe (go/probe-source.ts) names its functions glg*; the goroutine running it is the
// one taking the dump.
const PROBE_FUNCTION = /\.glg[A-Z]\w*(?:\.|$)/

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
  if (g.frames.some((f) => PROBE_FUNCTION.test(f.function))) return 'probe'
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
