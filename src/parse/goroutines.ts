// Goroutine text dumps as Go prints them: runtime.Stack(buf, true) and pprof's goroutine and
// goroutineleak profiles at debug=2, testing's -test.timeout panic, and the crash dump of a fatal
// signal (SIGQUIT) or GOTRACEBACK=crash, whose headers add `gp= m=` and whose frames add `fp= sp= pc=`.
import type { Goroutine } from './goroutine-types.js'
import { readCount, type LineProblem } from './lines.js'
import { readCall, readPosition } from './stackframes.js'

export { blockingFrame, groupBySignature, isTransientState, leakSignature, originFrame } from './goroutine-leaks.js'
export type { GoroutineGroup, LeakSignature } from './goroutine-leaks.js'
export { ignoredBecause, isIgnorable } from './goroutine-rules.js'
export type { GoroutineRule } from './goroutine-rules.js'
export type { CreationSite, Goroutine } from './goroutine-types.js'

export interface GoroutineDump {
  goroutines: Goroutine[]
  problems: LineProblem[]
  /**
   * The text visibly ends inside a goroutine (runtime.Stack's buffer filled up, a process died
   * mid-write): a partial line, or a function, `created by` or header line without what follows it.
   * The cut goroutine is kept with what it has. A cut right after a complete frame cannot be told
   * from a goroutine that ends there.
   */
  truncated: boolean
  /** testing's -test.timeout panic, when the dump is one: the deadline and the tests still running. */
  timeout?: { after: string; runningTests: { name: string; elapsed: string }[] }
}

const HEADER = /^goroutine (\d+)(?: gp=0x[0-9a-f]+)?(?: m=(?:\d+|nil))?(?: mp=0x[0-9a-f]+)? \[(.*)\]:$/
const HEADER_START = /^goroutine \d/
const CREATED_BY = /^created by (\S+?)(?: in goroutine (\d+))?$/
const ELIDED = /^\.\.\.(?:\d+|additional) frames elided\.\.\.$/
const ANCESTOR = /^\[originating from goroutine \d+\]:$/
const STACK_UNAVAILABLE = 'goroutine running on other thread; stack unavailable'
const TIMEOUT = /^panic: test timed out after (\S+)$/
const RUNNING_TEST = /^\t\t(\S+) \(([^)]*)\)$/
const SIMPLE_ESCAPES = new Map([
  ['"', '"'],
  ['\\', '\\'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t']
])
const STATUS_MARKS = [' (leaked)', ' (scan)', ' (durable)']
// A dump of 100k goroutines cut or garbled throughout would otherwise carry 100k problems.
const MAX_PROBLEMS = 100

/**
 * Parses every goroutine in a dump. Text around the dump (the panic or signal that caused it, register
 * dumps, test output) is skipped. Linear in the text; the text is walked line by line without being
 * split, and function and file names are shared between goroutines, so 100k goroutines blocked in the
 * same few places cost little more than their frames.
 */
export function parseGoroutineDump(text: string): GoroutineDump {
  const dump: GoroutineDump = { goroutines: [], problems: [], truncated: false }
  const names = new Map<string, string>()
  const intern = (s: string): string => {
    const known = names.get(s)
    if (known !== undefined) return known
    names.set(s, s)
    return s
  }
  let dropped = 0
  const problem = (line: number, lineText: string, reason: string): void => {
    if (dump.problems.length < MAX_PROBLEMS) dump.problems.push({ line, text: lineText, reason })
    else dropped++
  }

  let g: Goroutine | undefined
  // A function line waiting for its position line, and the same for `created by`.
  let call: { fn: string; line: number; text: string } | undefined
  let creator: { fn: string; goroutine?: number } | undefined
  let stackUnavailable = false
  let inAncestors = false
  const endGoroutine = (): void => {
    if (g !== undefined && call !== undefined) problem(call.line, call.text, 'function line without its file:line')
    g = undefined
    call = undefined
    creator = undefined
    inAncestors = false
  }

  let lineNo = 0
  let start = 0
  let inTimeout = false
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    const cut = end < 0
    if (cut) end = text.length
    let line = text.slice(start, end)
    if (line.endsWith('\r')) line = line.slice(0, -1)
    start = end + 1
    lineNo++

    if (cut && g === undefined && line !== '' && 'goroutine '.startsWith(line)) {
      // The dump was cut just as the next goroutine began.
      dump.truncated = true
      continue
    }
    if (HEADER_START.test(line)) {
      endGoroutine()
      const header = readHeader(line, lineNo)
      if (header !== undefined) {
        g = header
        stackUnavailable = false
        dump.goroutines.push(g)
      } else if (cut) {
        dump.truncated = true
      } else {
        problem(lineNo, line, 'unreadable goroutine header')
      }
      continue
    }

    if (g === undefined) {
      // Outside any goroutine: only testing's timeout panic is of interest.
      const timeout = TIMEOUT.exec(line)
      if (timeout !== null) {
        dump.timeout = { after: timeout[1], runningTests: [] }
        inTimeout = true
        continue
      }
      const running = inTimeout ? RUNNING_TEST.exec(line) : null
      if (running !== null && dump.timeout !== undefined) dump.timeout.runningTests.push({ name: running[1], elapsed: running[2] })
      else if (line !== '\trunning tests:') inTimeout = false
      continue
    }

    if (line === '') {
      endGoroutine()
      continue
    }
    if (inAncestors) continue

    if (line.startsWith('\t')) {
      const position = readPosition(line.slice(1))
      // The last line of a cut dump may have lost digits of its line number.
      const usable = position !== undefined && (!cut || position.complete)
      if (call !== undefined) {
        if (usable) g.frames.push({ function: call.fn, file: intern(position.file), line: position.line })
        else if (!cut) problem(lineNo, line, 'expected the file:line of the function on the line before')
        call = undefined
      } else if (creator !== undefined) {
        if (usable) g.createdBy = { function: creator.fn, file: intern(position.file), line: position.line, ...goroutineOf(creator) }
        else if (!cut) problem(lineNo, line, 'expected the file:line of the created by line before')
        creator = undefined
      } else if (line.slice(1) === STACK_UNAVAILABLE) {
        stackUnavailable = true
      } else {
        problem(lineNo, line, 'file:line without a function line before it')
      }
      continue
    }

    if (call !== undefined) {
      problem(call.line, call.text, 'function line without its file:line')
      call = undefined
    }
    if (line.startsWith('created by ')) {
      const created = CREATED_BY.exec(line)
      const parent = created?.[2] === undefined ? undefined : readCount(created[2])
      if (created !== null) creator = { fn: intern(created[1]), ...(parent === undefined ? {} : { goroutine: parent }) }
      else if (!cut) problem(lineNo, line, 'unreadable created by line')
      continue
    }
    if (ELIDED.test(line)) {
      g.framesElided = true
      continue
    }
    if (ANCESTOR.test(line)) {
      // GODEBUG=tracebackancestors: the stacks of the goroutines that led here, not this one's frames.
      inAncestors = true
      continue
    }
    const fn = readCall(line)
    if (fn !== undefined) {
      call = { fn: intern(fn), line: lineNo, text: line }
      continue
    }
    // Something else printed right after the dump (go test's FAIL line, a shell's exit status).
    if (!cut) endGoroutine()
  }

  if (g !== undefined) {
    const lastCut = !text.endsWith('\n')
    if (lastCut || call !== undefined || creator !== undefined || (g.frames.length === 0 && !stackUnavailable)) {
      dump.truncated = true
      call = undefined
    }
  }
  endGoroutine()
  if (dropped > 0) dump.problems.push({ line: lineNo, text: '', reason: `${dropped} more problems not listed` })
  return dump
}

function goroutineOf(creator: { goroutine?: number }): { goroutine?: number } {
  return creator.goroutine === undefined ? {} : { goroutine: creator.goroutine }
}

/**
 * `goroutine 7 [chan send (leaked), 3 minutes, locked to thread, synctest bubble 2 labels:{"k": "v"}]:`
 * as runtime.goroutineheader prints it (Go 1.26): status, marks, then comma-separated extras, then labels.
 */
function readHeader(line: string, lineNo: number): Goroutine | undefined {
  const header = HEADER.exec(line)
  const id = header === null ? undefined : readCount(header[1])
  if (header === null || id === undefined) return undefined
  let body = header[2]
  let labels: Record<string, string> | undefined
  const labelsAt = body.indexOf(' labels:{')
  if (labelsAt >= 0) {
    labels = readLabels(body.slice(labelsAt + ' labels:{'.length))
    if (labels === undefined) return undefined
    body = body.slice(0, labelsAt)
  }
  const [status, ...extras] = body.split(', ')
  const g: Goroutine = {
    id,
    state: status,
    leaked: false,
    lockedToThread: false,
    durable: false,
    frames: [],
    framesElided: false,
    line: lineNo,
    ...(labels === undefined ? {} : { labels })
  }
  for (let marked = true; marked;) {
    marked = false
    for (const mark of STATUS_MARKS) {
      if (g.state.endsWith(mark)) {
        g.state = g.state.slice(0, -mark.length)
        if (mark === ' (leaked)') g.leaked = true
        // synctest's own wait reasons carry the mark in their name ("chan receive (durable)").
        if (mark === ' (durable)') g.durable = true
        marked = true
      }
    }
  }
  for (const extra of extras) {
    const minutes = /^(\d+) minutes$/.exec(extra)
    const bubble = /^synctest bubble (\d+)$/.exec(extra)
    // A number beyond range is left unset rather than kept as Infinity.
    const n = readCount((minutes ?? bubble)?.[1] ?? '')
    if (minutes !== null) {
      if (n !== undefined) g.waitMinutes = n
    } else if (bubble !== null) {
      if (n !== undefined) g.synctestBubble = n
    }
    else if (extra === 'locked to thread') g.lockedToThread = true
    // Anything else is an extra a later Go added: the goroutine is still worth having.
  }
  return g
}

/**
 * `"k": "v", "k2": "v2"}` as runtime.printquoted writes them: `\"`, `\\`, `\n`, `\r`, `\t`, `\xNN`,
 * `\uNNNN`, `\UNNNNNNNN`. Undefined when the text is not that.
 */
function readLabels(text: string): Record<string, string> | undefined {
  const labels = Object.create(null) as Record<string, string>
  let i = 0
  const quoted = (): string | undefined => {
    if (text[i] !== '"') return undefined
    i++
    let out = ''
    while (i < text.length && text[i] !== '"') {
      if (text[i] !== '\\') {
        out += text[i++]
        continue
      }
      const kind = text[i + 1]
      const width = kind === 'x' ? 2 : kind === 'u' ? 4 : kind === 'U' ? 8 : 0
      const simple = kind === undefined ? undefined : SIMPLE_ESCAPES.get(kind)
      if (simple !== undefined) {
        out += simple
        i += 2
      } else if (width > 0 && /^[0-9a-f]+$/i.test(text.slice(i + 2, i + 2 + width))) {
        out += String.fromCodePoint(parseInt(text.slice(i + 2, i + 2 + width), 16))
        i += 2 + width
      } else {
        return undefined
      }
    }
    if (i >= text.length) return undefined
    i++
    return out
  }
  if (text === '}') return labels
  for (;;) {
    const key = quoted()
    if (key === undefined || !text.startsWith(': ', i)) return undefined
    i += 2
    const value = quoted()
    if (value === undefined) return undefined
    labels[key] = value
    if (text.startsWith(', ', i)) i += 2
    else return text.slice(i) === '}' ? labels : undefined
  }
}
