// The PR comment and job summary: a Report rendered as GitHub-flavoured markdown. Read top-down it answers,
// in order, what a reviewer asks: did it pass, what fails, which lines did it, what else was measured, how do
// I reproduce it. Every string of the Report is escaped (see escape.ts); only our own words are written raw.

import type { BaselineInfo, Finding, Location, Report } from '../model/report.js'
import { codeBlock, escapeMarkdown, inlineCode } from './escape.js'
import { type Omitted, type Section, fitSections } from './fit.js'
import { formatSiteDelta } from './format.js'
import { decisionList, ignoredByPolicy } from './decision.js'
import { CUT_RANK, MAX_FINDING_ROWS, MAX_LOCATIONS, NAME_MAX, TEXT_MAX, findingTable, moreLine, table } from './markdown-blocks.js'
import { detailSections } from './markdown-details.js'
import { loadSections } from './markdown-load.js'
import { clip, countsPhrase, deltaPer, findingsOf, rankLocations, tallyComparisons, tallyPhrase } from './summary.js'

/**
 * Hidden first line of every comment: the publisher finds its sticky comment by it. Changing it orphans the
 * comments already posted, which would then be duplicated instead of updated.
 */
export const COMMENT_MARKER = '<!-- go-leak-gate -->'

export { GITHUB_COMMENT_MAX_LENGTH } from './fit.js'

export interface MarkdownOptions {
  /** Longest result allowed (GitHub comments: GITHUB_COMMENT_MAX_LENGTH); whole sections are left out to fit. */
  maxLength?: number
  /** Name in the verdict line; defaults to `go-leak-gate`. Set it when one pull request has several gates. */
  title?: string
  /** Where the uncut report is (an artifact or run URL); the cut notice links to it. */
  fullReportUrl?: string
  /** Significance level: comparisons with p >= alpha show `~` instead of their change (default 0.05). */
  alpha?: number
  /** Links under the verdict: the run, the artifact, the HTML report. Only http(s) URLs are shown. */
  links?: { label: string; url: string }[]
}

export function renderMarkdown(report: Report, opts: MarkdownOptions = {}): string {
  const sections: Section[] = [
    header(report, opts.title ?? 'go-leak-gate', opts.links ?? []),
    ...findingTables(report),
    ...locationSections(report),
    ...loadJobSections(report),
    ...detailSections(report, opts.alpha),
    ...reproduceSection(report),
    environmentSection(report)
  ]
  return fitSections(sections, opts.maxLength, (omitted) => cutNotice(omitted, opts))
}

function header(report: Report, title: string, links: { label: string; url: string }[]): Section {
  const verdict = report.verdict === 'fail' ? '❌' : '✅'
  const counts = countsPhrase(report.counts)
  const name = escapeMarkdown(clip(title, NAME_MAX))
  const lines = [
    COMMENT_MARKER,
    `### ${verdict} ${name}: ${escapeMarkdown(report.verdict)}${counts === '' ? '' : ` — ${counts}`}`
  ]
  if (report.incomplete) {
    const errors = report.errors.length
    lines.push(
      '',
      '> [!WARNING]',
      `> **Incomplete:** part of the head run could not complete (${errors} ${errors === 1 ? 'error' : 'errors'}, ` +
        'see *Errors*); the verdict covers only what ran.'
    )
  }
  lines.push('', tallyPhrase(tallyComparisons(report)))
  if (report.baseline !== undefined) lines.push('', baselineLine(report.baseline))
  const shown = links.flatMap((l) => {
    const url = safeUrl(l.url)
    return url === undefined ? [] : [`[${escapeMarkdown(clip(l.label, NAME_MAX))}](${url})`]
  })
  if (shown.length > 0) lines.push('', shown.join(' · '))
  return { text: lines.join('\n'), group: 'verdict' }
}

/** Which baseline, in one line: what it is, its commit and run, how old, measured where. */
function baselineLine(b: BaselineInfo): string {
  const parts = [escapeMarkdown(clip(b.description, TEXT_MAX))]
  if (b.commit !== undefined) parts.push(`commit ${commit(b.commit)}`)
  const run = safeUrl(b.runUrl)
  if (b.runId !== undefined) parts.push(run === undefined ? `run ${b.runId}` : `[run ${b.runId}](${run})`)
  if (b.ageSeconds !== undefined) parts.push(`recorded ${formatAge(b.ageSeconds)} ago`)
  if (b.machine !== undefined) parts.push(`on ${escapeMarkdown(clip(b.machine, NAME_MAX))}`)
  return `**Baseline:** ${parts.join(' · ')}`
}

function formatAge(seconds: number): string {
  const units: [number, string][] = [[86_400, 'day'], [3600, 'hour'], [60, 'minute']]
  for (const [size, name] of units) {
    const n = Math.floor(seconds / size)
    if (n >= 1) return `${n} ${name}${n === 1 ? '' : 's'}`
  }
  return 'less than a minute'
}

function findingTables(report: Report): Section[] {
  const sections: Section[] = []
  const failing = findingsOf(report, 'fail')
  if (failing.length > 0) {
    sections.push({
      text: `**❌ Failing (${failing.length})**\n\n${findingTable(failing)}`,
      cutRank: CUT_RANK.failing,
      group: 'failing findings'
    })
  }
  const warnings = findingsOf(report, 'warn')
  if (warnings.length > 0) {
    const decided = decisionList(warnings, MAX_FINDING_ROWS)
    sections.push({
      text: `**⚠️ Warnings (${warnings.length})**\n\n${findingTable(warnings)}${decided === '' ? '' : `\n\nDecided by the configuration:\n\n${decided}`}`,
      cutRank: CUT_RANK.warnings,
      group: 'warnings'
    })
  }
  // Out of the verdict, never out of sight: what the policy ignored, and by which rule.
  const ignored = report.findings.filter(ignoredByPolicy)
  if (ignored.length > 0) {
    sections.push({
      text: `**🔕 Ignored by policy (${ignored.length})**\n\n${findingTable(ignored)}\n\n${decisionList(ignored, MAX_FINDING_ROWS)}`,
      cutRank: CUT_RANK.ignored,
      group: 'ignored by policy'
    })
  }
  return sections
}

function locationSections(report: Report): Section[] {
  const explained = [...findingsOf(report, 'fail'), ...findingsOf(report, 'warn')].filter(
    (f) => f.locations.length > 0
  )
  return explained.map((finding, i) => ({
    // The heading travels with the first finding, which is cut last of them.
    text: `${i === 0 ? '### Responsible lines\n\n' : ''}${locationBlock(finding)}`,
    cutRank: CUT_RANK.locations,
    group: 'responsible lines'
  }))
}

/** A section per load job; the heading travels with the first, which is cut last of them. */
function loadJobSections(report: Report): Section[] {
  return loadSections(report.loads).map((s, i) => (i === 0 ? { ...s, text: `### Load jobs\n\n${s.text}` } : s))
}

function locationBlock(finding: Finding): string {
  const mark = finding.severity === 'fail' ? '❌' : '⚠️'
  const title =
    `#### ${mark} ${escapeMarkdown(finding.kind)} · ${inlineCode(clip(finding.pkg, NAME_MAX), { inTable: false })}` +
    ` · ${inlineCode(clip(finding.subject, NAME_MAX), { inTable: false })}`
  const parts = [title]
  const message = escapeMarkdown(clip(finding.message, TEXT_MAX))
  if (message !== '') parts.push(message)
  parts.push(locationTable(rankLocations(finding.locations), deltaPer(finding)))
  return parts.join('\n\n')
}

function locationTable(locations: Location[], per: 'op' | 'request'): string {
  const shown = locations.slice(0, MAX_LOCATIONS)
  const withDelta = shown.some((l) => l.deltaPerOp !== undefined)
  const withDiff = shown.some((l) => l.inDiff !== undefined)
  const header = ['function', 'file:line', 'role']
  let align = 'lll'
  if (withDelta) {
    header.push(`per ${per}`)
    align += 'r'
  }
  if (withDiff) {
    header.push('in this PR')
    align += 'l'
  }
  const rows = shown.map((l) => {
    const row = [
      inlineCode(clip(l.function, NAME_MAX)),
      inlineCode(`${clip(l.file, NAME_MAX)}:${String(l.line)}`),
      escapeMarkdown(l.role)
    ]
    if (withDelta) row.push(l.deltaPerOp === undefined ? '' : formatSiteDelta(l.deltaPerOp, l.deltaUnit))
    if (withDiff) row.push(l.inDiff === true ? '✏️ changed' : '')
    return row
  })
  return table(header, rows, align) + moreLine(locations.length - shown.length, 'location')
}

function reproduceSection(report: Report): Section[] {
  if (report.reproduce.length === 0) return []
  const blocks = report.reproduce.map((r) => {
    const title = escapeMarkdown(clip(r.title, TEXT_MAX))
    return `${title === '' ? '' : `${title}\n\n`}${codeBlock(r.command, 'sh')}`
  })
  return [
    {
      text: ['### Reproduce locally', ...blocks].join('\n\n'),
      cutRank: CUT_RANK.reproduce,
      group: 'reproduce commands'
    }
  ]
}

function environmentSection(report: Report): Section {
  const { base, head } = report
  const esc = (text: string): string => escapeMarkdown(clip(text, NAME_MAX))
  const both = (b: string, h: string): string => (b === h ? esc(b) : `${esc(b)} → ${esc(h)}`)
  const parts = [
    `Go ${both(base.goVersion, head.goVersion)}`,
    both(`${base.goos}/${base.goarch}`, `${head.goos}/${head.goarch}`),
    `CPU ${both(base.cpu === '' ? 'unknown' : base.cpu, head.cpu === '' ? 'unknown' : head.cpu)}`,
    `count=${both(String(base.count), String(head.count))}`,
    `benchtime=${both(base.benchtime, head.benchtime)}`
  ]
  if (base.race || head.race) parts.push(`race ${both(onOff(base.race), onOff(head.race))}`)
  parts.push(`base ${commit(base.commit)}`, `head ${commit(head.commit)}`)
  return { text: `**Environment:** ${parts.join(' · ')}`, cutRank: CUT_RANK.environment, group: 'environment' }
}

function onOff(flag: boolean): string {
  return flag ? 'on' : 'off'
}

function commit(sha: string | undefined): string {
  if (sha === undefined || sha === '') return 'unknown'
  // A commit id is left as text for GitHub to link to the commit (it links only commits of this repository);
  // anything else is shown as code. 12 digits stay unambiguous and short.
  return /^[0-9a-f]{7,40}$/i.test(sha) ? sha.slice(0, 12) : inlineCode(clip(sha, 12), { inTable: false })
}

function cutNotice(omitted: Omitted[], opts: MarkdownOptions): string {
  const what = omitted.map((o) => (o.count > 1 ? `${o.group} (${o.count})` : o.group)).join(', ')
  const limit = opts.maxLength === undefined ? '' : ` of ${opts.maxLength.toLocaleString('en-US')} characters`
  let text = `✂️ **This report was cut** to fit the length limit${limit}; left out: ${what}.`
  const url = safeUrl(opts.fullReportUrl)
  if (url !== undefined) text += ` [Read the full report](${url}).`
  return text
}

/** An http(s) URL that can stand as a link destination, or undefined. */
function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined || !/^https?:\/\/[^\s<>\\\u0000-\u001F\u007F]+$/i.test(url)) return undefined
  // Parentheses would end or nest the destination; percent-encoding them keeps the same URL.
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29')
}
