// Fitting a document under a length limit by leaving out whole sections. GitHub rejects a comment body over
// 65,536 characters, and a cut in the middle of a table, a code fence or a <details> block would break the
// rendering of everything after it, so a section is kept whole or left out whole.

/** GitHub's limit on a comment body. */
export const GITHUB_COMMENT_MAX_LENGTH = 65_536

export interface Section {
  /** Complete markdown blocks: tables, fences and HTML blocks open and close inside one section. */
  text: string
  /** Sections with the lowest rank are left out first, later ones before earlier ones of the same rank. */
  cutRank?: number
  /** What the section is, in the cut notice (`package comparisons`); sections with one group are counted together. */
  group: string
}

export interface Omitted {
  group: string
  count: number
}

const SEPARATOR = '\n\n'

/**
 * Joins the sections with blank lines. When the result would be longer than `maxLength`, leaves out cuttable
 * sections (lowest rank first, then from the end) until it and the notice that `notice` writes about the
 * omitted sections fit; the notice goes last. Length is counted in UTF-16 code units, which is never less than
 * the characters GitHub counts.
 *
 * @throws RangeError when even the sections that cannot be cut, with the notice, do not fit.
 */
export function fitSections(
  sections: Section[],
  maxLength: number | undefined,
  notice: (omitted: Omitted[]) => string
): string {
  const full = sections.map((s) => s.text).join(SEPARATOR)
  if (maxLength === undefined || full.length <= maxLength) return full

  const kept = sections.map(() => true)
  const cutOrder = sections
    .map((section, index) => ({ section, index }))
    .filter(({ section }) => section.cutRank !== undefined)
    .sort((a, b) => (a.section.cutRank ?? 0) - (b.section.cutRank ?? 0) || b.index - a.index)

  let keptLength = full.length
  // Counted as sections are cut, not recounted per cut: that was quadratic in the sections of a large report.
  const counts = new Map<string, number>()
  for (const { section, index } of cutOrder) {
    kept[index] = false
    keptLength -= section.text.length + SEPARATOR.length
    counts.set(section.group, (counts.get(section.group) ?? 0) + 1)
    const tail = notice(omittedGroups(sections, counts))
    if (keptLength + SEPARATOR.length + tail.length <= maxLength) {
      return [...sections.filter((_, i) => kept[i]).map((s) => s.text), tail].join(SEPARATOR)
    }
  }
  throw new RangeError(`maxLength ${maxLength} is too small for the parts of the report that are never cut`)
}

/** The omitted groups in the order they first appear in the document, as the notice lists them. */
function omittedGroups(sections: Section[], counts: Map<string, number>): Omitted[] {
  return groupOrder(sections).filter((group) => counts.has(group)).map((group) => ({ group, count: counts.get(group) ?? 0 }))
}

const orders = new WeakMap<Section[], string[]>()

function groupOrder(sections: Section[]): string[] {
  let order = orders.get(sections)
  if (order === undefined) {
    order = [...new Set(sections.map((s) => s.group))]
    orders.set(sections, order)
  }
  return order
}
