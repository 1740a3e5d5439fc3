// The policy per class of finding: fail (as judged), warn (reported, the gate passes) or ignore (left out of
// the verdict, and said so in the report: a finding is never silently lost). Only what would fail or warn
// is changed; a pre-existing finding (info) stays as it is. Pure.
import type { BenchThresholds, PolicyClass, RelAbs } from '../config/types.js'
import type { Finding, PolicyDecision, Severity } from '../model/report.js'
import { isTimeUnit } from '../model/result.js'
import { actionFor, type Scoped } from './scope.js'

/** Where a finding was made: the class of a goroutine leak under stress is 'stress', of a load regression 'load'. */
export type Origin = 'benchmark' | 'tests' | 'stress' | 'load' | 'errors'

export function policyClass(f: Finding, origin: Origin): PolicyClass {
  if (origin === 'stress') return 'stress'
  switch (f.kind) {
    case 'regression':
      if (origin === 'load') return 'load'
      return isTimeUnit(f.unit) ? 'time' : f.unit === 'allocs/op' ? 'allocs' : f.unit === 'B/op' ? 'bytes' : 'custom'
    case 'heap-leak':
      return 'retained'
    case 'gc-pause':
      return 'gc'
    case 'goroutine-leak':
      return 'goroutines'
    case 'fd-leak':
      return 'fds'
    case 'race':
      return 'race'
    case 'hang':
      return 'hang'
    case 'panic':
      return 'panic'
    case 'bench-failure':
      return 'benchFailure'
    case 'build-failure':
      return 'buildFailure'
  }
}

/** The threshold a benchmark finding was judged against, by class and metric; none for events (races, hangs). */
function thresholdKey(cls: PolicyClass, f: Finding): keyof BenchThresholds | undefined {
  const byClass: Partial<Record<PolicyClass, keyof BenchThresholds>> = {
    time: 'time',
    custom: 'custom',
    allocs: 'allocsPerOp',
    bytes: 'bytesPerOp',
    retained: 'retainedBytesPerOp',
    goroutines: 'goroutines'
  }
  if (cls === 'gc') return f.metric === 'gc pause max' ? 'gcPauseMax' : f.metric === 'gc cycles/op' ? 'gcCyclesPerOp' : 'gcPauseP99'
  return byClass[cls]
}

function threshold(cls: PolicyClass, f: Finding, origin: Origin, s: Scoped): PolicyDecision['threshold'] {
  // Load jobs and stress have thresholds of their own (thresholds.load), not overridable per package.
  if (origin === 'load' || origin === 'stress' || origin === 'errors') return undefined
  const key = thresholdKey(cls, f)
  if (key === undefined) return undefined
  const limits: RelAbs = s.config.thresholds[key]
  return { key: `thresholds.${key}`, relative: limits.relative, absolute: limits.absolute, source: s.thresholdSource[key] ?? 'thresholds' }
}

/**
 * Applies the policy to one finding, and records on it what the configuration decided when that is more
 * than the defaults: the policy's action and its source, and the threshold with the override that set it.
 */
export function applyPolicy(f: Finding, origin: Origin, s: Scoped): void {
  const cls = policyClass(f, origin)
  const { action, source } = actionFor(cls, s)
  const judged: Severity = f.severity
  let acted: 'warn' | 'ignore' | undefined
  if (action === 'warn' && judged === 'fail') acted = 'warn'
  if (action === 'ignore' && judged !== 'info') acted = 'ignore'
  if (acted === undefined && s.applied.length === 0) return
  if (acted === 'warn') f.severity = 'warn'
  if (acted === 'ignore') f.severity = 'info'
  const limits = threshold(cls, f, origin, s)
  f.decision = {
    class: cls,
    ...(acted !== undefined ? { policy: acted, judged, policySource: source } : {}),
    ...(limits !== undefined ? { threshold: limits } : {}),
    ...(s.applied.length > 0 ? { overrides: s.applied } : {})
  }
}
