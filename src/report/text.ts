// The CLI's terminal summary: what a developer needs to act on, in a few lines. Plain text without colour (the
// CLI adds colour when its output is a terminal); every string of the Report goes through singleLine, so the
// code under test cannot move the cursor, recolour the terminal or fake extra lines.

import type { Finding, LoadJobReport, Report } from '../model/report.js'
import { singleLine } from './escape.js'
import { formatChange, formatPValue, formatSiteDelta, formatValue } from './format.js'
import { decisionText, ignoredByPolicy } from './decision.js'
import { clip, countsPhrase, deltaPer, findingsOf, rankLocations, tallyComparisons, tallyPhrase } from './summary.js'

/** Locations listed under each finding; the markdown report has the rest. */
export const TOP_LOCATIONS = 3
const NAME_MAX = 120
const TEXT_MAX = 300

export function renderText(report: Report): string {
  const counts = countsPhrase(report.counts)
  const lines = [`go-leak-gate: ${plain(report.verdict, 10).toUpperCase()}${counts === '' ? '' : ` — ${counts}`}`]
  if (report.incomplete) {
    lines.push(
      `Incomplete: part of the head run could not complete (${report.errors.length} ` +
        `${report.errors.length === 1 ? 'error' : 'errors'} below); the verdict covers only what ran.`
    )
  }

  const shown = [...findingsOf(report, 'fail'), ...findingsOf(report, 'warn'), ...report.findings.filter(ignoredByPolicy)]
  if (shown.length > 0) lines.push('')
  for (const finding of shown) lines.push(...findingLines(finding))

  lines.push('', tallyPhrase(tallyComparisons(report)))
  for (const job of report.loads ?? []) lines.push(loadLine(job))

  if (report.errors.length > 0) {
    lines.push('', `Errors (${report.errors.length}):`)
    for (const error of report.errors) {
      const { first, more } = headline(error.message)
      const rest = more > 0 ? ` (+${more} more ${more === 1 ? 'line' : 'lines'})` : ''
      const what = `${plain(error.side, 10)} ${plain(error.kind, 20)} ${plain(error.subject, NAME_MAX)}`
      lines.push(`  ${what}: ${plain(first, TEXT_MAX)}${rest}`)
    }
  }
  return `${lines.join('\n')}\n`
}

/** `Load job api: 5 rounds of 1000 requests on head; 7 metrics compared, 2 regressed; still growing: goroutines, fds.` */
function loadLine(job: LoadJobReport): string {
  const side = job.head ?? job.base
  const where = job.head ? 'on head' : 'on base only'
  const per = side?.rounds[0]?.requests
  const ran = `${side?.rounds.length ?? 0} rounds${per !== null && per !== undefined ? ` of ${per} requests` : ''} ${where}`
  const parts = [side?.error ? `${ran}, then stopped: ${plain(side.error.message, TEXT_MAX)}` : ran]
  if (job.metrics.length > 0) parts.push(`${job.metrics.length} metrics compared, ${job.metrics.filter((m) => m.status === 'regression').length} regressed`)
  const growing = job.growth.filter((g) => g.head?.leaking).map((g) => g.metric)
  if (growing.length > 0) parts.push(`still growing: ${growing.join(', ')}`)
  return `Load job ${plain(job.name, NAME_MAX)}: ${parts.join('; ')}.`
}

function findingLines(finding: Finding): string[] {
  const label = finding.severity === 'fail' ? 'FAIL' : ignoredByPolicy(finding) ? 'IGNORED' : 'WARN'
  const fields = [label, plain(finding.kind, 20), plain(finding.pkg, NAME_MAX), plain(finding.subject, NAME_MAX)]
  if (finding.metric !== '') fields.push(plain(finding.metric, 40))
  if (finding.base !== null || finding.head !== null) {
    fields.push(`${formatValue(finding.base, finding.unit)} → ${formatValue(finding.head, finding.unit)}`)
    const p = finding.pValue === null ? '' : ` (${formatPValue(finding.pValue)})`
    fields.push(`${formatChange(finding.change)}${p}`)
  } else {
    // Without values (a failed benchmark) the message is the finding.
    fields.push(plain(finding.message, TEXT_MAX))
  }
  const lines = [fields.join('  ')]
  const decided = finding.decision ? decisionText(finding.decision) : ''
  if (decided !== '') lines.push(`      ${plain(decided, TEXT_MAX)}`)

  const ranked = rankLocations(finding.locations)
  for (const location of ranked.slice(0, TOP_LOCATIONS)) {
    const parts = [
      `${plain(location.file, NAME_MAX)}:${String(location.line)}`,
      plain(location.function, NAME_MAX),
      plain(location.role, 20)
    ]
    if (location.deltaPerOp !== undefined) parts.push(`${formatSiteDelta(location.deltaPerOp, location.deltaUnit)}/${deltaPer(finding)}`)
    if (location.inDiff === true) parts.push('(changed in this PR)')
    lines.push(`      at ${parts.join('  ')}`)
  }
  const more = ranked.length - TOP_LOCATIONS
  if (more > 0) lines.push(`      … and ${more} more ${more === 1 ? 'location' : 'locations'}`)
  return lines
}

/**
 * The line of a multi-line message worth showing alone. `go build` and `go vet` head each package's errors
 * with a `# import/path` line that says nothing the subject does not, so the first other line is taken.
 */
function headline(message: string): { first: string; more: number } {
  const lines = message
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => line.trim() !== '')
  const index = Math.max(0, lines.findIndex((line) => !line.startsWith('# ')))
  return { first: lines[index] ?? '', more: Math.max(0, lines.length - 1) }
}

function plain(text: string, max: number): string {
  return clip(singleLine(text), max)
}
