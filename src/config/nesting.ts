// The YAML parser takes time that grows faster than the text on deep flow nesting (a 240 KB line of '['
// took over a minute) and overflows the stack on deep block nesting. A config needs five levels at most,
// so one linear pass finds where a text nests too deeply before the parser sees it.

const TOKEN_START = new Set(['', ' ', '\t', '[', '{', ',', ':', '-', '?'])

/** Where the text first nests deeper than `limit` (block indentation levels plus flow brackets), if it does. */
export function tooDeep(text: string, limit: number): { line: number; col: number } | undefined {
  const indents: number[] = []
  let flow = 0
  let quote: '"' | "'" | '' = ''
  let line = 1
  let lineStart = 0
  let atLineStart = true
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\n') {
      line++
      lineStart = i + 1
      atLineStart = true
      continue
    }
    if (quote) {
      if (quote === '"' && c === '\\') i++
      else if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") i++
        else quote = ''
      }
      continue
    }
    if (atLineStart && flow === 0) {
      atLineStart = false
      // Block structure: the line's indentation, and one more level for each '- ' or '? ' that opens it.
      let j = i
      while (text[j] === ' ') j++
      if (text[j] === '\n' || text[j] === '#' || j >= text.length) {
        i = j - 1
        continue
      }
      const levels = [j - lineStart]
      while ((text[j] === '-' || text[j] === '?') && (text[j + 1] === ' ' || text[j + 1] === '\t')) {
        j += 2
        while (text[j] === ' ') j++
        levels.push(j - lineStart)
      }
      while (indents.length && indents[indents.length - 1] >= levels[0]) indents.pop()
      indents.push(...levels)
      if (indents.length > limit) return { line, col: j - lineStart + 1 }
      i = j - 1
      continue
    }
    atLineStart = false
    const prev = i === lineStart ? '' : text[i - 1]
    if (c === '#' && (prev === '' || prev === ' ' || prev === '\t')) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++
    } else if ((c === '"' || c === "'") && TOKEN_START.has(prev)) {
      quote = c
    } else if ((c === '[' || c === '{') && (flow > 0 || TOKEN_START.has(prev))) {
      if (++flow + indents.length > limit) return { line, col: i - lineStart + 1 }
    } else if ((c === ']' || c === '}') && flow > 0) {
      flow--
    }
  }
  return undefined
}
