/** A line that looked like the parser's kind of output but could not be read. */
export interface LineProblem {
  /** 1-based line number in the text the parser was given. */
  line: number
  text: string
  reason: string
}

/**
 * Splits captured output into lines. Go writes `\n`; `\r\n` is tolerated for files that passed
 * through other tools. A last line without a newline is kept: a process that died mid-write leaves one.
 */
export function splitLines(text: string): string[] {
  const lines = text.split('\n')
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line.endsWith('\r')) lines[i] = line.slice(0, -1)
  }
  return lines
}

/**
 * A record whose keys come from the code under test (units, config keys): without a prototype, a
 * key such as `__proto__` is stored like any other instead of being swallowed.
 */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}
