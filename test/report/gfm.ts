// Just enough of GitHub's markdown reading to check the structure of what the renderers write: how cmark-gfm
// splits a table row into cells, where tables, code fences and <details> blocks open and close.

/**
 * The cells of one table row as cmark-gfm's scanner splits it: a `|` ends a cell unless it is the second
 * character of a `\|` pair (pairs are taken left to right, so `\\|` is a backslash and an escaped pipe). A
 * leading and a trailing `|` only delimit the row.
 */
export function tableCells(row: string): string[] {
  let text = row.trim()
  if (text.startsWith('|')) text = text.slice(1)
  const cells: string[] = []
  let cell = ''
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && text[i + 1] === '|') {
      cell += '\\|'
      i++
    } else if (text[i] === '|') {
      cells.push(cell.trim())
      cell = ''
    } else {
      cell += text[i]
    }
  }
  if (cell.trim() !== '') cells.push(cell.trim())
  return cells
}

export interface Table {
  header: string[]
  rows: string[][]
  /** Cell counts per row, header and delimiter row included, to compare with the header's. */
  widths: number[]
}

const DELIMITER_ROW = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/

/** Every GFM table of a document: a header line followed by a delimiter row, and the lines after it. */
export function tables(markdown: string): Table[] {
  const lines = markdown.split('\n')
  const found: Table[] = []
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i].startsWith('|') || !DELIMITER_ROW.test(lines[i + 1])) continue
    const header = tableCells(lines[i])
    const widths = [header.length, tableCells(lines[i + 1]).length]
    const rows: string[][] = []
    let j = i + 2
    // cmark-gfm ends a table at a blank line or a line that opens another block; ours always end blank.
    while (j < lines.length && lines[j].trim() !== '') {
      const cells = tableCells(lines[j])
      rows.push(cells)
      widths.push(cells.length)
      j++
    }
    found.push({ header, rows, widths })
    i = j
  }
  return found
}

/** Checks that every fenced code block closes: a closing fence is the same character, at least as long. */
export function openFence(markdown: string): string | null {
  let open: string | null = null
  for (const line of markdown.split('\n')) {
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line)
    if (fence === null) continue
    if (open === null) open = fence[1]
    else if (fence[1][0] === open[0] && fence[1].length >= open.length && fence[2].trim() === '') open = null
  }
  return open
}

/** <details> opened and closed in the markdown outside code blocks; the two must be equal and nest. */
export function detailsBalance(markdown: string): { opened: number; closed: number; maxDepth: number } {
  let opened = 0
  let closed = 0
  let depth = 0
  let maxDepth = 0
  let fence: string | null = null
  for (const line of markdown.split('\n')) {
    const f = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line)
    if (f !== null) {
      if (fence === null) fence = f[1]
      else if (f[1][0] === fence[0] && f[1].length >= fence.length && f[2].trim() === '') fence = null
      continue
    }
    if (fence !== null) continue
    for (const tag of line.match(/<\/?details\b/g) ?? []) {
      if (tag.startsWith('</')) {
        closed++
        depth--
      } else {
        opened++
        depth++
        maxDepth = Math.max(maxDepth, depth)
      }
    }
  }
  return { opened, closed, maxDepth }
}

/**
 * Reverses escapeMarkdown's escapes as a markdown renderer would read them (backslash escapes, the entities
 * it writes) and drops the zero-width spaces: what a reader sees.
 */
export function renderedText(escaped: string): string {
  return escaped.replace(/\\([!-/:-@[-`{-~])|&(lt|gt|amp|quot|#39|#8203);/g, (_, punct: string | undefined, entity: string | undefined) => {
    if (punct !== undefined) return punct
    return { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'", '#8203': '' }[entity ?? ''] ?? ''
  })
}

/**
 * The markdown with fenced code blocks and code spans removed: the text GitHub's markdown and its mention and
 * link filters do read. Backslash-escaped backticks open no span, as in CommonMark.
 */
export function outsideCode(markdown: string): string {
  const lines: string[] = []
  let fence: string | null = null
  for (const line of markdown.split('\n')) {
    const f = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line)
    if (f !== null && (fence === null || (f[1][0] === fence[0] && f[1].length >= fence.length && f[2].trim() === ''))) {
      fence = fence === null ? f[1] : null
      continue
    }
    if (fence === null) lines.push(withoutCodeSpans(line))
  }
  return lines.join('\n')
}

function withoutCodeSpans(line: string): string {
  let out = ''
  for (let i = 0; i < line.length; ) {
    if (line[i] === '\\') {
      out += line.slice(i, i + 2)
      i += 2
      continue
    }
    if (line[i] !== '`') {
      out += line[i]
      i++
      continue
    }
    const open = /^`+/.exec(line.slice(i))?.[0] ?? '`'
    const close = new RegExp(`(?<!\`)${open}(?!\`)`, 'g')
    close.lastIndex = i + open.length
    const end = close.exec(line)
    if (end === null) {
      out += open
      i += open.length
    } else {
      i = end.index + open.length
    }
  }
  return out
}
