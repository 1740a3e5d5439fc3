// What a parsed goroutine means for leak and hang reports: where it waits, an identity that survives
// between runs (base and head), and groups of goroutines stuck in the same place. The goroutines that
// are never leaks are goroutine-rules.ts.
import { isStandardLibrary, type SourceFrame } from './gofunc.js'
import type { Goroutine } from './goroutine-types.js'
import { isUserFunction, packageOf } from './stackframes.js'

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

export function isRuntimePackage(pkg: string): boolean {
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
