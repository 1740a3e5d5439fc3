// The configuration of one comparison: the file's thresholds and policy with the `overrides` that match a
// package or benchmark laid over them, in order, later ones winning key by key. Pure.
import type { BenchThresholds, CompareConfig, Override, PolicyAction, PolicyClass, RelAbs } from '../config/types.js'
import type { MetricComparison } from '../model/report.js'

/** What a finding is about, as overrides match it: a package, and a benchmark when it is one's. */
export interface Scope {
  pkg: string
  benchmark?: string
}

export interface Scoped {
  config: CompareConfig
  /** Indexes of the overrides that matched, in order. */
  applied: number[]
  /** Per policy class, where its action came from ('policy', 'overrides[2]'); absent: the default. */
  policySource: Partial<Record<PolicyClass, string>>
  /** Per threshold, the override that set it last; absent: the file's (or the default) thresholds. */
  thresholdSource: Partial<Record<keyof BenchThresholds, string>>
}

const ESCAPE = /[.+?^${}()|[\]\\]/g

/**
 * A Go package pattern as a regular expression on import paths: '...' is any text (as go list takes it),
 * '*' any text within one path element, and a leading './' the module's own path.
 */
export function packageRegExp(pattern: string, modulePath: string | undefined): RegExp {
  let p = pattern
  if (modulePath !== undefined && (p === '.' || p.startsWith('./'))) p = modulePath + p.slice(1)
  // 'x/...' matches x itself too, as `go list x/...` does.
  const source = p
    .split('...')
    .map((part) => part.split('*').map((s) => s.replace(ESCAPE, '\\$&')).join('[^/]*'))
    .join('.*')
    .replace(/\/\.\*$/, '(/.*)?')
  return new RegExp(`^${source}$`)
}

/** A load job's package is module-relative ('./cmd/api'); overrides match import paths. */
function importPath(pkg: string, modulePath: string | undefined): string {
  return modulePath !== undefined && (pkg === '.' || pkg.startsWith('./')) ? modulePath + pkg.slice(1) : pkg
}

function matches(o: Override, scope: Scope, modulePath: string | undefined): boolean {
  if (o.package !== undefined && !packageRegExp(o.package, modulePath).test(importPath(scope.pkg, modulePath))) return false
  if (o.benchmark !== undefined && (scope.benchmark === undefined || !new RegExp(o.benchmark).test(scope.benchmark))) return false
  return true
}

/** The configuration for one package or benchmark. Without overrides, the file's own. */
export function scopedConfig(cfg: CompareConfig, scope: Scope, modulePath: string | undefined): Scoped {
  const policySource: Scoped['policySource'] = {}
  for (const cls of Object.keys(cfg.policy) as PolicyClass[]) policySource[cls] = 'policy'
  const out: Scoped = { config: cfg, applied: [], policySource, thresholdSource: {} }
  for (const [index, o] of cfg.overrides.entries()) {
    if (!matches(o, scope, modulePath)) continue
    const name = `overrides[${index}]`
    const thresholds = { ...out.config.thresholds }
    for (const [metric, limits] of Object.entries(o.thresholds) as [keyof BenchThresholds, Partial<RelAbs>][]) {
      thresholds[metric] = { ...thresholds[metric], ...limits }
      out.thresholdSource[metric] = name
    }
    for (const cls of Object.keys(o.policy) as PolicyClass[]) policySource[cls] = name
    out.config = { ...out.config, thresholds, policy: { ...out.config.policy, ...o.policy } }
    out.applied.push(index)
  }
  return out
}

/** What a class of finding does: the policy's action, else fail; gc by default as gc.pauseSeverity says. */
export function actionFor(cls: PolicyClass, s: Scoped): { action: PolicyAction; source: string } {
  const given = s.config.policy[cls]
  if (given !== undefined) return { action: given, source: s.policySource[cls] ?? 'policy' }
  if (cls === 'gc') return { action: s.config.gcPauseSeverity, source: 'gc.pauseSeverity' }
  return { action: 'fail', source: 'default' }
}

function fmt(x: number): string {
  return Number.isInteger(x) || Math.abs(x) >= 100 ? String(Math.round(x)) : x.toPrecision(3)
}

/**
 * A slowdown the interval decided is still unchanged when its median moved by less than the absolute floor
 * (thresholds.time.absolute, .custom.absolute; 0 by default, so only a configured floor changes a decision).
 */
export function applyFloor(m: MetricComparison, limits: RelAbs, key: string): void {
  if (m.method !== 'interval' || m.status !== 'regression' || limits.absolute <= 0) return
  if (typeof m.baseMedian !== 'number' || typeof m.headMedian !== 'number' || m.lowerIsBetter === null) return
  const worse = m.lowerIsBetter ? m.headMedian - m.baseMedian : m.baseMedian - m.headMedian
  if (worse >= limits.absolute) return
  m.status = 'unchanged'
  m.reason += `; but the median moved by ${fmt(worse)} ${m.unit}, under the ${fmt(limits.absolute)} ${m.unit} floor (${key}.absolute)`
}
