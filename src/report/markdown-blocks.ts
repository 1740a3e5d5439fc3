// Building blocks shared by the markdown sections: tables of escaped cells, the finding table, and the
// bounds and cut ranks that keep the comment under GitHub's limit.

import { markdownTable } from 'markdown-table'
import type { Finding } from '../model/report.js'
import { escapeMarkdown, inlineCode } from './escape.js'
import { formatChange, formatPValue, formatValue } from './format.js'
import { clip } from './summary.js'

// Which sections go first when the comment is too long: the exhaustive listings before the explanations of
// what fails, and the failing table last of all. Sections without a rank (the verdict) are never cut.
export const CUT_RANK = {
  packageComparisons: 10,
  loadJobs: 12,
  infoFindings: 15,
  oneSided: 20,
  notes: 30,
  errors: 40,
  reproduce: 50,
  locations: 60,
  environment: 70,
  ignored: 75,
  warnings: 80,
  failing: 90
} as const

// Bounds that keep one section from growing without limit with hostile or huge input: names are clipped in
// tables, long lists end with a count of what was left out.
export const NAME_MAX = 200
export const TEXT_MAX = 1000
export const MAX_FINDING_ROWS = 100
export const MAX_LOCATIONS = 10

/** A table of findings, one row each; shared with the info section of the details. */
export function findingTable(findings: Finding[]): string {
  const rows = findings
    .slice(0, MAX_FINDING_ROWS)
    .map((f) => [
      escapeMarkdown(f.kind),
      inlineCode(clip(f.pkg, NAME_MAX)),
      inlineCode(clip(f.subject, NAME_MAX)),
      escapeMarkdown(clip(f.metric, NAME_MAX)),
      formatValue(f.base, f.unit),
      formatValue(f.head, f.unit),
      formatChange(f.change),
      formatPValue(f.pValue)
    ])
  const header = ['kind', 'package', 'benchmark or test', 'metric', 'base', 'head', 'change', 'p-value']
  return table(header, rows, 'llllrrrr') + moreLine(findings.length - rows.length, 'finding')
}

/**
 * A GFM table of cells that are already escaped. Delimiters are not aligned (padding the source only costs
 * characters of the comment limit), but every cell keeps a space on each side: a cell ending in an escaped
 * backslash right before the next `|` would otherwise read as `\|` and swallow the separator.
 */
export function table(header: string[], rows: string[][], align: string): string {
  return markdownTable([header, ...rows], { alignDelimiters: false, align: align.split('') })
}

export function moreLine(count: number, noun: string): string {
  return count > 0 ? `\n\n… and ${count} more ${count === 1 ? noun : `${noun}s`}, in the full report.` : ''
}
