// Mutated real `git diff -U0` output (base..head of the fixtures, as compare reads it) through the unified-diff
// parser and the line map built from it.
import { describe, expect, it } from 'vitest'
import { lineMapFrom, parseUnifiedDiff } from '../../src/parse/unidiff.js'
import { expectFinite, fuzzCases, fuzzCount, TEXT_MUTATORS, timed } from './corpus-mutate.js'
import { texts } from './recorded-corpus.js'

const corpus = texts('recorded-results', ['gate/source.diff', 'untrusted/source.diff'])

describe('unified diff fuzz', () => {
  it('reads every mutated diff into hunks with safe line numbers, and maps lines through it', () => {
    fuzzCases(corpus, TEXT_MUTATORS, fuzzCount(150), (text, where) => {
      const files = timed(() => parseUnifiedDiff(text), where)
      expectFinite(files, where)
      expect(files.every((f) => f.hunks.every((h) => [h.oldStart, h.oldCount, h.newStart, h.newCount].every(Number.isSafeInteger))), where).toBe(true)
      const map = lineMapFrom(files)
      for (const f of files) {
        for (const line of [1, 10, 100]) {
          const moved = f.oldPath === null ? 1 : map.toHead(f.oldPath, line)
          expect(moved === undefined || Number.isSafeInteger(moved), where).toBe(true)
          if (f.newPath !== null) map.changedInHead(f.newPath, line)
        }
      }
    })
  })
})
