// What the configuration decided about a finding, in the words of the report: the policy that warned or
// ignored it, and the threshold (and override) it was judged against.
import type { Finding, PolicyDecision } from '../model/report.js'
import { escapeMarkdown, inlineCode } from './escape.js'
import { NAME_MAX } from './markdown-blocks.js'
import { clip } from './summary.js'

/** One line for a report: what the policy did, and which threshold and override applied. */
export function decisionText(d: PolicyDecision): string {
  const parts: string[] = []
  if (d.policy !== undefined) {
    const by = d.policySource === 'gc.pauseSeverity' ? 'gc.pauseSeverity' : `${d.policySource === 'policy' ? 'policy' : `${d.policySource} policy`} ${d.class}=${d.policy}`
    parts.push(`${d.policy === 'ignore' ? 'ignored' : 'warned'} by ${by} (judged ${d.judged})`)
  }
  if (d.threshold !== undefined) {
    const pct = `${Math.round(d.threshold.relative * 10_000) / 100}%`
    parts.push(`threshold ${d.threshold.key} ${pct} / ${d.threshold.absolute}${d.threshold.source === 'thresholds' ? '' : ` from ${d.threshold.source}`}`)
  }
  if (d.overrides !== undefined && d.overrides.length > 0 && d.threshold?.source === 'thresholds') parts.push(`matched ${d.overrides.map((i) => `overrides[${i}]`).join(', ')}`)
  return parts.join('; ')
}

/** Whether the policy left a finding out of the verdict. */
export function ignoredByPolicy(f: Finding): boolean {
  return f.decision?.policy === 'ignore'
}

/**
 * One bullet per finding whose severity or thresholds the configuration decided: what it is and what applied.
 * Names come from the code under test and are escaped; the decision's words are ours, escaped all the same.
 */
export function decisionList(findings: Finding[], max: number): string {
  const decided = findings.filter((f) => f.decision !== undefined && decisionText(f.decision) !== '')
  const lines = decided
    .slice(0, max)
    .map((f) => `- ${escapeMarkdown(f.kind)} ${inlineCode(clip(f.pkg, NAME_MAX))} ${inlineCode(clip(f.subject, NAME_MAX))} ${escapeMarkdown(clip(f.metric, NAME_MAX))}: ${escapeMarkdown(f.decision ? decisionText(f.decision) : '')}`)
  const more = decided.length - lines.length
  return lines.join('\n') + (more > 0 ? `\n- … and ${more} more` : '')
}
