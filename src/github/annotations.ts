// Which findings to put on source lines as workflow annotations (core.error/warning/notice with a file and a
// line), so a reviewer sees them in the pull request's diff.
//
// GitHub shows at most 10 annotations of each level per step and 50 per job, and silently drops the rest. So
// the most important go first (failures, then lines this PR changed, then compare's order), the limits are
// applied here, and when something had to be left out one notice says how many, pointing at the summary.
//
// Annotation text is plain text, not markdown. @actions/core escapes %, CR and LF in the message and also : and
// , in properties, so no command can be injected or a property ended early; what is left to us is display:
// other line breaks (U+2028...), control characters and bidi overrides (see escape.ts: singleLine), and length.

import type { Finding, FindingKind, Location, Report, Severity } from '../model/report.js'
import { singleLine } from '../report/escape.js'
import { clip, rankLocations } from '../report/summary.js'

export type AnnotationLevel = 'error' | 'warning' | 'notice'

/** The subset of @actions/core's AnnotationProperties used here. */
export interface AnnotationProperties {
  title: string
  file?: string
  startLine?: number
  endLine?: number
}

export interface Annotation {
  level: AnnotationLevel
  message: string
  properties: AnnotationProperties
}

export interface AnnotationOptions {
  /** The Go module's directory relative to the repository root ('' or '.' when it is the root). */
  moduleDir: string
  /** Per level and step; GitHub's limit is 10. */
  maxPerLevel?: number
  /** In all; GitHub's limit is 50 per job (other steps of the job may annotate too). */
  maxTotal?: number
  /** Whether a repository-relative path is a file of the repository; the action checks the work tree. */
  isRepoFile?: (path: string) => boolean
}

const LEVEL: Record<Severity, AnnotationLevel> = { fail: 'error', warn: 'warning', info: 'notice' }
const SEVERITY_RANK: Record<Severity, number> = { fail: 0, warn: 1, info: 2 }
const MESSAGE_MAX = 1000
const TITLE_SUBJECT_MAX = 80

const KIND_LABEL: Partial<Record<FindingKind, string>> = {
  'goroutine-leak': 'goroutine leak',
  race: 'data race',
  hang: 'hang',
  panic: 'panic',
  'heap-leak': 'retained heap',
  regression: 'allocation regression',
  'bench-failure': 'benchmark failure'
}

const ROLE_LABEL: Partial<Record<Location['role'], string>> = {
  blocking: 'blocked here',
  creation: 'started here',
  access: 'racing access',
  'previous-access': 'earlier racing access',
  allocation: 'allocates here',
  panic: 'panicked here',
  benchmark: 'failing benchmark'
}

/** The locations of a finding worth a line annotation, in the order they should appear. */
export function annotatedSites(finding: Finding): Location[] {
  const of = (role: Location['role']): Location[] => finding.locations.filter((l) => l.role === role)
  switch (finding.kind) {
    case 'goroutine-leak':
      return [...of('blocking').slice(0, 1), ...of('creation').slice(0, 1)]
    case 'race':
      return [...of('access').slice(0, 1), ...of('previous-access').slice(0, 1)]
    case 'hang':
      // The largest group of stuck goroutines comes first; its blocking frame is where the hang is.
      return of('blocking').slice(0, 1)
    case 'panic':
      return of('panic').slice(0, 1)
    case 'bench-failure':
      return [...of('panic'), ...of('benchmark')].slice(0, 1)
    case 'heap-leak':
    case 'regression':
      return rankLocations(of('allocation')).slice(0, 1)
    default:
      return []
  }
}

/** A location's file relative to the repository root, or undefined when it is not a file of the repository. */
export function repositoryPath(file: string, moduleDir: string): string | undefined {
  if (file === '' || singleLine(file) !== file || file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file)) return undefined
  // module@version/...: a dependency in the module cache, not a file of this repository.
  if (/(^|\/)[^/]+@v\d[^/]*\//.test(file)) return undefined
  const parts: string[] = []
  for (const part of `${moduleDir}/${file}`.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (parts.length === 0) return undefined
      parts.pop()
    } else {
      parts.push(part)
    }
  }
  return parts.length === 0 ? undefined : parts.join('/')
}

interface Candidate {
  level: AnnotationLevel
  severity: Severity
  inDiff: boolean
  order: number
  file: string
  line: number
  title: string
  message: string
}

function candidates(report: Report, opts: AnnotationOptions): Candidate[] {
  const isRepoFile = opts.isRepoFile ?? (() => true)
  const out: Candidate[] = []
  report.findings.forEach((finding) => {
    for (const site of annotatedSites(finding)) {
      const file = repositoryPath(site.file, opts.moduleDir)
      if (file === undefined || !Number.isSafeInteger(site.line) || site.line < 1 || !isRepoFile(file)) continue
      const kind = KIND_LABEL[finding.kind] ?? finding.kind
      const subject = clip(singleLine(finding.subject).trim(), TITLE_SUBJECT_MAX)
      out.push({
        level: LEVEL[finding.severity],
        severity: finding.severity,
        inDiff: site.inDiff === true,
        order: out.length,
        file,
        line: site.line,
        title: `go-leak-gate: ${kind}, ${ROLE_LABEL[site.role] ?? site.role}${subject === '' ? '' : ` (${subject})`}`,
        message: clip(singleLine(finding.message).trim(), MESSAGE_MAX)
      })
    }
  })
  return out.sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || Number(b.inDiff) - Number(a.inDiff) || a.order - b.order
  )
}

/**
 * The annotations to emit, most important first, within GitHub's limits; when some were left out, the last one
 * is a notice that says how many. Several findings on one line make one annotation that counts them.
 */
export function chooseAnnotations(report: Report, opts: AnnotationOptions): Annotation[] {
  const maxPerLevel = opts.maxPerLevel ?? 10
  const maxTotal = opts.maxTotal ?? 50
  const chosen: Annotation[] = []
  const extraAt = new Map<string, { annotation: Annotation; extra: number }>()
  const perLevel: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 }
  let dropped = 0
  for (const c of candidates(report, opts)) {
    const at = `${c.level}\u0000${c.file}\u0000${c.line}`
    const same = extraAt.get(at)
    if (same !== undefined) {
      same.extra++
      continue
    }
    if (perLevel[c.level] >= maxPerLevel || chosen.length >= maxTotal) {
      dropped++
      continue
    }
    const annotation: Annotation = { level: c.level, message: c.message, properties: { title: c.title, file: c.file, startLine: c.line, endLine: c.line } }
    chosen.push(annotation)
    extraAt.set(at, { annotation, extra: 0 })
    perLevel[c.level]++
  }
  const extras = new Map([...extraAt.values()].map(({ annotation, extra }) => [annotation, extra]))
  if (dropped > 0 && (perLevel.notice >= maxPerLevel || chosen.length >= maxTotal)) {
    // The notice about the rest needs a slot of its own: give up the least important notice, or the last one.
    const lastNotice = chosen.map((a) => a.level).lastIndexOf('notice')
    const [givenUp] = chosen.splice(lastNotice >= 0 ? lastNotice : chosen.length - 1, 1)
    dropped += 1 + (extras.get(givenUp) ?? 0)
  }
  for (const annotation of chosen) {
    const extra = extras.get(annotation) ?? 0
    if (extra > 0) annotation.message += ` (and ${extra} more ${extra === 1 ? 'finding' : 'findings'} at this line)`
  }
  if (dropped === 0) return chosen
  chosen.push({
    level: 'notice',
    message:
      `${dropped} more ${dropped === 1 ? 'location is' : 'locations are'} not annotated: GitHub shows at most ` +
      `${maxPerLevel} annotations of each level per step. The job summary lists every finding.`,
    properties: { title: 'go-leak-gate: more findings in the summary' }
  })
  return chosen
}
