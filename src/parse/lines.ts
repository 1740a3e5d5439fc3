/** A line that looked like the parser's kind of output but could not be read. */
export interface LineProblem {
  /** 1-based line number in the text the parser was given. */
  line: number
  text: string
  reason: string
}

/**
 * The longest line the parsers read; longer ones are cut and marked. Nothing Go prints comes near (a result
 * line is under 1 KB, a frame a few KB), and every string a parser keeps then fits result.json's bound.
 */
export const MAX_LINE_CHARS = 1024 * 1024 - 64
export const CUT_MARK = '…[line cut]'

/**
 * Splits captured output into lines. Go writes `\n`; `\r\n` is tolerated for files that passed
 * through other tools. A last line without a newline is kept: a process that died mid-write leaves one.
 */
export function splitLines(text: string): string[] {
  const lines = text.split('\n')
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]
    if (line.endsWith('\r')) line = line.slice(0, -1)
    if (line.length > MAX_LINE_CHARS) line = line.slice(0, MAX_LINE_CHARS) + CUT_MARK
    lines[i] = line
  }
  return lines
}

/**
 * A count, id or line number from decimal digits; undefined when it is beyond what a JavaScript number holds
 * exactly (Number would round it, or give Infinity for 400 digits). Go never prints such a number there.
 */
export function readCount(digits: string): number | undefined {
  if (digits.length === 0 || digits.length > 16 || !/^[0-9]+$/.test(digits)) return undefined
  const n = Number(digits)
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined
}

/**
 * A record whose keys come from the code under test (units, config keys): without a prototype, a
 * key such as `__proto__` is stored like any other instead of being swallowed.
 */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}

/** The longest line `lastLine` returns: it goes into a one-line message. */
const LAST_LINE_CHARS = 300

/**
 * The last line of `text` with something on it, for a message that says what a process printed before it
 * ended; lines `skip` matches are passed over. Clipped: the code under test may print a megabyte on it.
 */
export function lastLine(text: string, skip?: RegExp): string | undefined {
  const lines = splitLines(text)
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i].trim()
    if (line === '' || skip?.test(line)) continue
    return line.length > LAST_LINE_CHARS ? `${line.slice(0, LAST_LINE_CHARS)}…` : line
  }
  return undefined
}
