// `git diff -U0` output -> which base lines survive at which head line, and which head lines the change
// touched. Line numbers move whenever code is added above a site; without this map the same allocation
// in base and head would look like one site removed and another added.

import { readCount } from './lines.js'

export interface Hunk {
  oldStart: number
  oldCount: number
  newStart: number
  newCount: number
}

export interface FileDiff {
  oldPath: string | null
  newPath: string | null
  hunks: Hunk[]
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/

function unquote(path: string): string {
  // git quotes unusual paths C-style; the prefixes a/ and b/ stay inside the quotes.
  if (path.startsWith('"') && path.endsWith('"')) {
    try {
      return JSON.parse(path) as string
    } catch {
      return path.slice(1, -1)
    }
  }
  return path
}

function stripPrefix(path: string, prefix: string): string | null {
  if (path === '/dev/null') return null
  const p = unquote(path)
  return p.startsWith(prefix) ? p.slice(prefix.length) : p
}

/** A hunk's numbers; undefined when one is beyond what a number holds (no file has that many lines). */
function readHunk(m: RegExpExecArray): Hunk | undefined {
  const oldStart = readCount(m[1])
  const oldCount = m[2] === undefined ? 1 : readCount(m[2])
  const newStart = readCount(m[3])
  const newCount = m[4] === undefined ? 1 : readCount(m[4])
  if (oldStart === undefined || oldCount === undefined || newStart === undefined || newCount === undefined) return undefined
  return { oldStart, oldCount, newStart, newCount }
}

export function parseUnifiedDiff(text: string): FileDiff[] {
  const files: FileDiff[] = []
  let current: FileDiff | undefined
  for (const line of text.split('\n')) {
    if (line.startsWith('diff --git ')) {
      current = { oldPath: null, newPath: null, hunks: [] }
      files.push(current)
    } else if (!current) {
      continue
    } else if (line.startsWith('--- ')) {
      current.oldPath = stripPrefix(line.slice(4).trimEnd(), 'a/')
    } else if (line.startsWith('+++ ')) {
      current.newPath = stripPrefix(line.slice(4).trimEnd(), 'b/')
    } else {
      const m = HUNK.exec(line)
      const hunk = m === null ? undefined : readHunk(m)
      if (hunk !== undefined) current.hunks.push(hunk)
    }
  }
  return files
}

export interface LineMap {
  /** Where a base line stands in head; undefined when the change removed or rewrote it. */
  toHead(file: string, line: number): number | undefined
  /** Whether the change added or rewrote this head line. */
  changedInHead(file: string, line: number): boolean
}

export function lineMapFrom(diffs: FileDiff[]): LineMap {
  const byOld = new Map<string, FileDiff>()
  const byNew = new Map<string, FileDiff>()
  for (const d of diffs) {
    if (d.oldPath) byOld.set(d.oldPath, d)
    if (d.newPath) byNew.set(d.newPath, d)
  }
  return {
    toHead(file, line) {
      const d = byOld.get(file)
      if (!d) return line
      if (!d.newPath) return undefined
      let shift = 0
      for (const h of d.hunks) {
        // With -U0 a pure insertion after line L has oldStart = L and oldCount = 0.
        const oldEnd = h.oldStart + h.oldCount - 1
        if (h.oldCount > 0 && line >= h.oldStart && line <= oldEnd) return undefined
        const before = h.oldCount === 0 ? line > h.oldStart : line > oldEnd
        if (before) shift += h.newCount - h.oldCount
      }
      return line + shift
    },
    changedInHead(file, line) {
      const d = byNew.get(file)
      if (!d) return false
      if (!d.oldPath) return true
      return d.hunks.some((h) => h.newCount > 0 && line >= h.newStart && line < h.newStart + h.newCount)
    }
  }
}
