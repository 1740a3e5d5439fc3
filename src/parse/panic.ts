import { benchmarkOfFunction, inModule, isStandardLibrary, type SourceFrame } from './gofunc.js'
import { readCount } from './lines.js'

/** A panic or fatal error as the Go runtime prints it, with the stack of the goroutine that died. */
export interface GoCrash {
  kind: 'panic' | 'fatal error'
  /** The panic value, with any continuation lines (`[recovered]`, a signal line, running tests). */
  value: string
  /** The crashing goroutine's frames, innermost first. */
  frames: SourceFrame[]
}

const CRASH_START = /^(panic|fatal error): (.*)$/
const GOROUTINE_HEADER = /^goroutine \d+\b.*:$/
const FRAME_FILE = /^\t(.+):(\d+)(?: \+0x[0-9a-f]+)?/
const CALL_ARGS = /^(.*)\([^()]*\)$/
// Go prints at most 100 frames of a goroutine and a short value line; a panic value can be any string
// (panic(bigText)), and a report needs only its start.
const MAX_FRAMES = 256
const MAX_VALUE_CHARS = 16 * 1024

export function isCrashStart(line: string): boolean {
  return CRASH_START.test(line)
}

/** Reads a crash starting at lines[start]; `next` is the first line after the crashing goroutine's stack. */
export function readCrash(lines: string[], start: number): { crash: GoCrash; next: number } {
  const head = CRASH_START.exec(lines[start])
  const kind = head !== null && head[1] === 'fatal error' ? 'fatal error' : 'panic'
  const valueLines = [head === null ? lines[start] : head[2]]
  let i = start + 1
  let valueChars = valueLines[0].length
  while (i < lines.length && lines[i] !== '' && !GOROUTINE_HEADER.test(lines[i])) {
    if (valueChars < MAX_VALUE_CHARS) valueLines.push(lines[i].trim())
    valueChars += lines[i].length
    i++
  }
  while (i < lines.length && lines[i] === '') i++

  const frames: SourceFrame[] = []
  if (i < lines.length && GOROUTINE_HEADER.test(lines[i])) {
    i++
    while (i < lines.length && lines[i] !== '' && !lines[i].startsWith('created by ')) {
      const call = CALL_ARGS.exec(lines[i])
      const file = i + 1 < lines.length ? FRAME_FILE.exec(lines[i + 1]) : null
      const line = file === null ? undefined : readCount(file[2])
      if (call !== null && file !== null && line !== undefined) {
        if (frames.length < MAX_FRAMES) frames.push({ function: call[1], file: file[1], line })
        i += 2
      } else {
        // "...additional frames elided..." and anything else that is not a frame pair.
        i++
      }
    }
    if (i < lines.length && lines[i].startsWith('created by ')) i += 2
  }
  const value = valueLines.join('\n')
  const clipped = value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value
  return { crash: { kind, value: clipped, frames }, next: Math.min(i, lines.length) }
}

/**
 * The frame a reader wants to look at: the innermost frame of the module when its path is known,
 * else the innermost frame outside the standard library (so a panic raised by strings.Repeat points
 * at the user's call, not into strings).
 */
export function firstUserFrame(frames: SourceFrame[], modulePath?: string): SourceFrame | undefined {
  if (modulePath !== undefined && modulePath !== '') {
    const own = frames.find((f) => inModule(f.function, modulePath))
    if (own !== undefined) return own
  }
  return frames.find((f) => !isStandardLibrary(f.function))
}

/**
 * The benchmark that crashed, from its stack: the frame testing's runN called is the benchmark
 * function (or, for a sub-benchmark, its closure, which names only the top-level benchmark).
 */
export function crashedBenchmark(crash: GoCrash): string | undefined {
  const runN = crash.frames.findIndex((f) => f.function === 'testing.(*B).runN')
  if (runN > 0) {
    const name = benchmarkOfFunction(crash.frames[runN - 1].function)
    if (name !== undefined) return name
  }
  for (let i = crash.frames.length - 1; i >= 0; i--) {
    const name = benchmarkOfFunction(crash.frames[i].function)
    if (name !== undefined) return name
  }
  return undefined
}
