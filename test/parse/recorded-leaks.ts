import { readFileSync } from 'node:fs'

// Outputs of real Go runs, made by scripts/record-leak-fixtures.sh from the module in recorded-leaks-src/.
export function recordedLeaks(name: string): string {
  return readFileSync(new URL(`../fixtures/recorded-leaks/${name}`, import.meta.url), 'utf8')
}

/**
 * The line of the recorded module's source that carries the comment `// @marker`: tests name source
 * lines by marker, so editing the Go module above them does not break the tests.
 */
export function markedLine(file: string, marker: string): number {
  const lines = readFileSync(new URL(`../fixtures/recorded-leaks-src/${file}`, import.meta.url), 'utf8').split('\n')
  const found = lines.flatMap((line, i) => (new RegExp(`// @${marker}\\b`).test(line) ? [i + 1] : []))
  if (found.length !== 1) throw new Error(`${file}: ${found.length} lines marked @${marker}`)
  return found[0]
}
