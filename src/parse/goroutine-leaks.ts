// What a parsed goroutine means for leak and hang reports: where it waits, an identity that survives
// between runs (base and head) and between the moments a dump may catch it, and groups of goroutines
// that share one. The goroutines that are never leaks are goroutine-rules.ts.
import { isStandardLibrary, type SourceFrame } from './gofunc.js'
import type { Goroutine } from './goroutine-types.js'
import { isGateFrame, isRuntimePackage, isUserFunction, packageOf } from './stackframes.js'

/**
 * A goroutine's identity without its id: which goroutine it is, not where a dump happened to catch it.
 *
 * The identity is the creation site (the `go` statement) and the goroutine's own function: the outermost
 * frame of the user's code, which the go statement started (or, for a goroutine a library started, the
 * user's callback it runs). Neither changes while the goroutine lives. The wait state and the blocking
 * site are left out on purpose: a goroutine looping on a ticker is parked on the channel in most dumps
 * but runnable now and then, at the receive, at another line of the loop body or inside a function the
 * loop calls, and it must match itself between base and head, between the package's run and one test's,
 * and between two runs. They are reported all the same (groupBySignature picks the most specific state
 * seen and the site most goroutines wait at). The price: goroutines of one go statement that wait at two
 * different places make one leak, counted together and shown where most of them wait.
 *
 * `key` includes the creation line, so two go statements in one function stay apart. `looseKey` leaves
 * it out: an edit above a leak moves its line between base and head, and matching on `looseKey` still
 * pairs them. File names are as Go printed them; the gate builds with -trimpath, which makes them
 * module-relative and identical in the base worktree and the head checkout.
 */
export interface LeakSignature {
  /** This goroutine's state; for a group, the state reported for it (see groupBySignature). */
  state: string
  blocking?: SourceFrame
  creation?: SourceFrame
  /** The goroutine's own function (see above), when its stack has one. */
  origin?: string
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
  /** The stack of a goroutine caught in the reported state at the reported site, innermost first. */
  stack: SourceFrame[]
}

export interface SignatureOptions {
  /** Module path: the blocking frame is then the innermost frame of the module, when there is one. */
  modulePath?: string
}

// Packages a goroutine blocks through rather than in: the user's wait site is further out.
const WAIT_MACHINERY = new Set(['runtime', 'sync', 'sync/atomic', 'time', 'testing'])

// States a goroutine passes through between two waits, the runtime's own included (preemption, GC
// assists): a dump that catches one says nothing about where the goroutine is stuck.
const TRANSIENT_STATES = new Set([
  'running',
  'runnable',
  'syscall',
  'preempted',
  'copystack',
  'GC assist wait',
  'GC assist marking',
  'GC worker (idle)',
  'GC worker (active)',
  'wait for GC cycle',
  'garbage collection',
  'garbage collection scan',
  'stopping the world',
  'flushing proc caches',
  'debug call'
])
// A real wait, but one that a timer ends by itself.
const TIMED_STATES = new Set(['sleep'])

/** Whether a state is one a goroutine passes through rather than waits in (see TRANSIENT_STATES). */
export function isTransientState(state: string): boolean {
  return TRANSIENT_STATES.has(state)
}

// How much a state says about where a goroutine is stuck: a wait nothing but another goroutine ends (2),
// a timed one (1), none (0).
function stateRank(state: string): number {
  if (isTransientState(state)) return 0
  return TIMED_STATES.has(state) ? 1 : 2
}

function isStdInternal(pkg: string): boolean {
  return pkg === 'internal' || pkg.startsWith('internal/') || (isStandardLibrary(pkg) && pkg.includes('/internal/'))
}

// Functions the runtime links into other packages to park goroutines: sync.runtime_Semacquire,
// internal/poll.runtime_pollWait.
function isRuntimeHook(fn: string, pkg: string): boolean {
  return fn.startsWith(`${pkg}.runtime_`)
}

// Frames that are nobody's code to look at: the gate's probe, and the main.main that go test generates.
function isPlumbing(f: SourceFrame): boolean {
  return isGateFrame(f.function, f.file) || (f.function === 'main.main' && f.file.endsWith('_testmain.go'))
}

/**
 * The frame a goroutine waits in: with a module path, the innermost frame of the module (the user's
 * line that is waiting, possibly through a library); otherwise, or when the module has no frame, the
 * innermost frame outside runtime, std internal packages, sync, time and testing. A goroutine that
 * only has such frames (testing's own waits, the runtime's goroutines in a crash dump) gets its
 * innermost frame outside the runtime, then simply its innermost frame. Never a frame of the gate's
 * probe or of go test's generated main.
 */
export function blockingFrame(g: Goroutine, opts: SignatureOptions = {}): SourceFrame | undefined {
  const frames = g.frames.filter((f) => !isPlumbing(f))
  if (opts.modulePath !== undefined && opts.modulePath !== '') {
    const own = frames.find((f) => isUserFunction(f.function, f.file, opts.modulePath))
    if (own !== undefined) return own
  }
  const outside = frames.find((f) => {
    const pkg = packageOf(f.function)
    return !WAIT_MACHINERY.has(pkg) && !isRuntimePackage(pkg) && !isStdInternal(pkg) && !isRuntimeHook(f.function, pkg)
  })
  if (outside !== undefined) return outside
  const notRuntime = frames.find((f) => {
    const pkg = packageOf(f.function)
    return !isRuntimePackage(pkg) && !isStdInternal(pkg) && !isRuntimeHook(f.function, pkg)
  })
  return notRuntime ?? frames[0] ?? g.frames[0]
}

// What the compiler wraps around the call of a go or defer statement (Go 1.22 on): not the user's function.
const CALL_WRAPPER = /\.(?:gowrap|deferwrap)\d+$/

/**
 * The goroutine's own function (see LeakSignature): its outermost frame of the user's code, else its
 * outermost frame outside the runtime (a library's goroutine: net/http's readLoop).
 */
export function originFrame(g: Goroutine, opts: SignatureOptions = {}): SourceFrame | undefined {
  const frames = g.frames.filter((f) => !isPlumbing(f) && !CALL_WRAPPER.test(f.function))
  const outermost = (accept: (f: SourceFrame) => boolean): SourceFrame | undefined => {
    for (let i = frames.length - 1; i >= 0; i--) if (accept(frames[i])) return frames[i]
    return undefined
  }
  return (
    outermost((f) => isUserFunction(f.function, f.file, opts.modulePath)) ??
    outermost((f) => !isRuntimePackage(packageOf(f.function)))
  )
}

function site(f: SourceFrame | undefined, withLine: boolean): string {
  if (f === undefined) return '?'
  return withLine ? `${f.function} ${f.file}:${f.line}` : `${f.function} ${f.file}`
}

/** See LeakSignature. Never includes goroutine ids (neither this one's nor its creator's). */
export function leakSignature(g: Goroutine, opts: SignatureOptions = {}): LeakSignature {
  const blocking = blockingFrame(g, opts)
  const origin = originFrame(g, opts)?.function
  const creation =
    g.createdBy === undefined ? undefined : { function: g.createdBy.function, file: g.createdBy.file, line: g.createdBy.line }
  const key = (withLine: boolean): string => `${origin ?? '?'} | created by ${site(creation, withLine)}`
  return {
    state: g.state,
    ...(blocking === undefined ? {} : { blocking }),
    ...(creation === undefined ? {} : { creation }),
    ...(origin === undefined ? {} : { origin }),
    key: key(true),
    looseKey: key(false)
  }
}

/** Goroutines of one group caught in one state at one blocking site. */
interface Sighting {
  where: string
  rank: number
  state: string
  blocking?: SourceFrame
  stack: SourceFrame[]
  count: number
}

// The sighting a group is reported by: the most specific state, then the most goroutines, then a fixed
// order of state and site, so that the choice depends on what was seen, not on the order of the dump.
function better(a: Sighting, b: Sighting): boolean {
  if (a.rank !== b.rank) return a.rank > b.rank
  if (a.count !== b.count) return a.count > b.count
  return a.where < b.where
}

/**
 * Groups goroutines by `key`, largest group first, then in dump order. A group reports the state, the
 * blocking site and the stack of its most telling sighting: a goroutine parked on a channel tells more
 * than one caught runnable on its way there.
 */
export function groupBySignature(goroutines: Goroutine[], opts: SignatureOptions = {}): GoroutineGroup[] {
  const groups = new Map<string, { group: GoroutineGroup; sightings: Map<string, Sighting> }>()
  for (const g of goroutines) {
    const signature = leakSignature(g, opts)
    let entry = groups.get(signature.key)
    if (entry === undefined) {
      entry = { group: { ...signature, count: 0, leaked: 0, ids: [], stack: g.frames }, sightings: new Map() }
      groups.set(signature.key, entry)
    }
    const group = entry.group
    group.count++
    if (g.leaked) group.leaked++
    if (g.waitMinutes !== undefined && (group.waitMinutes === undefined || g.waitMinutes > group.waitMinutes)) {
      group.waitMinutes = g.waitMinutes
    }
    group.ids.push(g.id)
    const where = `${g.state}\u0000${site(signature.blocking, true)}`
    const seen = entry.sightings.get(where)
    if (seen !== undefined) seen.count++
    else entry.sightings.set(where, { where, rank: stateRank(g.state), state: g.state, blocking: signature.blocking, stack: g.frames, count: 1 })
  }
  const out: GoroutineGroup[] = []
  for (const { group, sightings } of groups.values()) {
    let best: Sighting | undefined
    for (const s of sightings.values()) if (best === undefined || better(s, best)) best = s
    if (best !== undefined) {
      group.state = best.state
      group.stack = best.stack
      if (best.blocking === undefined) delete group.blocking
      else group.blocking = best.blocking
    }
    out.push(group)
  }
  // Array.prototype.sort is stable: equal counts keep the order they were first seen in.
  return out.sort((a, b) => b.count - a.count)
}
