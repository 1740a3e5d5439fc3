// Pieces shared by the readers of Go stack text: goroutine dumps (a function line, then a tab and
// `file:line +0xPC`) and race reports (the same pair, indented by spaces).
import { inModule, isStandardLibrary } from './gofunc.js'
import { readCount } from './lines.js'
import { PROBE_FILE, PROBE_PREFIX, USER_TEST_MAIN } from './probe-names.js'

// `name(args)`: Go prints argument words (`0x1`, `{...}`, `?`, `...`) inside the last parentheses and
// never puts a space or parenthesis in a name except the receiver's `(*T)`, so the name is what comes
// before the last `(`.
const CALL = /^(\S+?)\([^()]*\)$/
// The position after a function line: `file:line`, then ` +0xPC` (not for inlined frames) and, in
// crash dumps, ` fp=0x.. sp=0x.. pc=0x..`. The path is greedy so a `:` inside it (C:\...) stays in it.
const POSITION = /^(.+):(\d+)(?: (.*))?$/

/** The function a call line names, without its arguments; undefined when the line is not a call. */
export function readCall(line: string): string | undefined {
  const call = CALL.exec(line)
  return call === null ? undefined : call[1]
}

/**
 * Reads the `file:line` of a frame from its position line, indentation already removed. `complete`
 * says whether text follows the number (` +0x..`): when a dump is cut inside this line, only then is
 * the number known to be whole.
 */
export function readPosition(text: string): { file: string; line: number; complete: boolean } | undefined {
  const position = POSITION.exec(text)
  if (position === null) return undefined
  const rest = position[3]
  if (rest !== undefined && !rest.startsWith('+0x') && !rest.startsWith('fp=')) return undefined
  const line = readCount(position[2])
  if (line === undefined) return undefined
  return { file: position[1], line, complete: rest !== undefined }
}

/**
 * The import path of a function's package: `example.com/mod/pkg` for `example.com/mod/pkg.(*T).M`.
 * Type arguments are cut first: a race report names `F[go.shape.*example.com/x.T]`, whose slashes are
 * not the package's.
 */
export function packageOf(fn: string): string {
  const bracket = fn.indexOf('[')
  const name = bracket >= 0 ? fn.slice(0, bracket) : fn
  const slash = name.lastIndexOf('/')
  const dot = name.indexOf('.', slash + 1)
  return dot >= 0 ? name.slice(0, dot) : name
}

/** The runtime's packages: `runtime`, `runtime/...` and `internal/runtime/...`. */
export function isRuntimePackage(pkg: string): boolean {
  return pkg === 'runtime' || pkg.startsWith('runtime/') || pkg.startsWith('internal/runtime/')
}

// A function's own name, after its package path and receiver: `glgProbe.func1` for
// `example.com/m/pkg.glgProbe.func1`.
function localName(fn: string): string {
  const bracket = fn.indexOf('[')
  const name = bracket >= 0 ? fn.slice(0, bracket) : fn
  return name.slice(name.indexOf('.', name.lastIndexOf('/') + 1) + 1)
}

const PROBE_NAME = new RegExp(`^${PROBE_PREFIX}[A-Z]`)

// The user's TestMain as the overlay renamed it, or a closure inside it.
function isRenamedTestMain(local: string): boolean {
  return local === USER_TEST_MAIN || local.startsWith(`${USER_TEST_MAIN}.`)
}

/**
 * Whether a frame is go-leak-gate's own code, which the probe's overlay adds to every package it builds:
 * the probe file (its TestMain, glgProbe, glgExit) and any glg* function. Never the user's code, so never
 * a blocking site, a creation site or an attribution. The user's own TestMain, renamed glgUserTestMain
 * in the user's file, is the exception: see userFacingName.
 */
export function isGateFrame(fn: string, file: string): boolean {
  return file === PROBE_FILE || file.endsWith(`/${PROBE_FILE}`) || isProbeFunction(fn)
}

/** One of the probe's glg* functions (not the user's renamed TestMain): the probe is running. */
export function isProbeFunction(fn: string): boolean {
  const local = localName(fn)
  return PROBE_NAME.test(local) && !isRenamedTestMain(local)
}

/** The name to show for a function: the user's TestMain under its own name, not the one the overlay gave it. */
export function userFacingName(fn: string): string {
  const local = localName(fn)
  if (!isRenamedTestMain(local)) return fn
  return fn.slice(0, fn.length - local.length) + 'TestMain' + local.slice(USER_TEST_MAIN.length)
}

/**
 * Whether a function is the user's code rather than the Go distribution's or the gate's. With a module
 * path, its packages; else anything outside the standard library. Either way package main counts as the
 * user's (a service built with -race names its handlers `main.handle`), except the `main.main` that go
 * test generates; frames of the gate's probe never do (isGateFrame).
 */
export function isUserFunction(fn: string, file: string, modulePath?: string): boolean {
  if (isGateFrame(fn, file)) return false
  if (fn.startsWith('main.')) return !file.endsWith('_testmain.go')
  if (modulePath !== undefined && modulePath !== '') return inModule(fn, modulePath)
  return !isStandardLibrary(fn)
}
