// What the configuration decided about a finding, in the words of the report: the policy that warned or
// ignored it, and the threshold (and override) it was judged against.
import type { PolicyDecision } from '../model/report.js'

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
