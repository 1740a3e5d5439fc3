// The closest known key to a misspelt one, for the config readers' "did you mean" (file.ts for the
// option table's keys, load-reader.ts for a load job's).

// Suggestions compare keys letter by letter; a long unknown key gets none rather than costing quadratic time.
const MAX_SUGGEST_KEY = 64

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1))
    prev = row
  }
  return prev[b.length]
}

/** ` (did you mean 'x'?)` when a known key is a few edits away, else ''. */
export function suggestion(key: string, known: string[]): string {
  if (key.length > MAX_SUGGEST_KEY) return ''
  const best = known.map((c) => ({ c, d: editDistance(key, c) })).sort((x, y) => x.d - y.d)[0]
  return best && best.d <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean '${best.c}'?)` : ''
}
