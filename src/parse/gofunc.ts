/** A frame of Go code, named the way the runtime and pprof name it. */
export interface SourceFrame {
  /** Fully qualified: `example.com/mod/pkg.(*T).Method`, `example.com/mod.Func.func1`. */
  function: string
  file: string
  line: number
}

/**
 * Whether a Go function belongs to the module. Go qualifies functions by import path, so the module
 * path must be followed by `.` (a function of the root package), `/` (a package below it) or
 * `_test.` (the root package's external test package); a bare prefix test would put
 * `example.com/modx` inside `example.com/mod`.
 */
export function inModule(fn: string, modulePath: string): boolean {
  if (modulePath === '' || !fn.startsWith(modulePath)) return false
  const rest = fn.slice(modulePath.length)
  return rest.startsWith('.') || rest.startsWith('/') || rest.startsWith('_test.')
}

/**
 * Whether a Go function is in the standard library (or the runtime's own frames such as `panic`).
 * Standard import paths have no dot in their first element (`runtime`, `net/http`,
 * `internal/strconv`); module paths nearly always do (`github.com/...`). A module whose path has no
 * dot is misjudged as standard: callers that know the module path should ask inModule instead.
 */
export function isStandardLibrary(fn: string): boolean {
  const slash = fn.indexOf('/')
  const dot = fn.indexOf('.')
  let first: string
  if (slash >= 0) first = fn.slice(0, slash)
  else if (dot >= 0) first = fn.slice(0, dot)
  else first = fn
  return !first.includes('.')
}

/**
 * The top-level benchmark a Go function belongs to: `BenchmarkSizes` for
 * `example.com/mod.BenchmarkSizes.func1`. Sub-benchmark names are not in function names.
 */
export function benchmarkOfFunction(fn: string): string | undefined {
  const lastElement = fn.slice(fn.lastIndexOf('/') + 1)
  // Go only treats a function as a benchmark when no lower-case letter follows "Benchmark".
  const match = /\.(Benchmark(?!\p{Ll})[^.]*)/u.exec(lastElement)
  return match === null ? undefined : match[1]
}
