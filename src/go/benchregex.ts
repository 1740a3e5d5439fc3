/**
 * Splits a -bench regular expression into its per-level parts the way the testing package does:
 * on every '/' that is not inside brackets, parentheses or escaped. Level 0 matches top-level
 * benchmark names, level 1 their sub-benchmarks, and so on.
 */
export function splitBenchRegex(re: string): string[] {
  const parts: string[] = []
  let depth = 0
  let inClass = false
  let start = 0
  for (let i = 0; i < re.length; i++) {
    const c = re[i]
    if (c === '\\') {
      i++
      continue
    }
    if (inClass) {
      if (c === ']') inClass = false
      continue
    }
    if (c === '[') inClass = true
    else if (c === '(') depth++
    else if (c === ')') depth = Math.max(0, depth - 1)
    else if (c === '/' && depth === 0) {
      parts.push(re.slice(start, i))
      start = i + 1
    }
  }
  parts.push(re.slice(start))
  return parts
}
