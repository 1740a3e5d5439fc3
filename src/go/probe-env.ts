// How the probe (probe-source.ts) is told what to do, and what it writes back. The probe does nothing
// unless PROBE names the file to write.
import type { GoroutineRule } from '../parse/goroutine-rules.js'
import { BUILTIN_RULES } from '../parse/goroutine-rules.js'

export const PROBE_ENV = {
  /** The JSON file the probe writes after the tests or benchmarks of the process. */
  file: 'GO_LEAK_GATE_PROBE',
  /** How long finishing goroutines get to exit (a Go duration); unset: no wait. */
  settle: 'GO_LEAK_GATE_SETTLE',
  /** The goroutine rules (built-in and the user's) as JSON: ignored goroutines cost no settle wait. */
  rules: 'GO_LEAK_GATE_RULES'
} as const

export function probeEnv(opts: { file: string; settleMs?: number; rules: readonly GoroutineRule[] }): Record<string, string> {
  return {
    [PROBE_ENV.file]: opts.file,
    ...(opts.settleMs !== undefined ? { [PROBE_ENV.settle]: `${opts.settleMs}ms` } : {}),
    [PROBE_ENV.rules]: JSON.stringify([...BUILTIN_RULES, ...opts.rules])
  }
}

/** What the probe wrote; each field absent when missing or of the wrong type. */
export interface ProbeOutput {
  heapAllocBytes?: number
  heapObjects?: number
  numGoroutine?: number
  /** runtime.Stack(all) after the settle wait. */
  goroutines?: string
  /** The goroutineleak profile at debug=2, where the toolchain has it. */
  leakProfile?: string
  /** CPU time (user + system, all threads) the process spent from the package's init to the probe; absent where the platform has no getrusage. */
  cpuNs?: number
}

export function parseProbeOutput(text: string): ProbeOutput | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const v = value as Record<string, unknown>
  // Finite only: JSON.parse turns 1e999 into Infinity, which result.json cannot hold.
  const num = (k: string): { [k: string]: number } => (typeof v[k] === 'number' && Number.isFinite(v[k]) ? { [k]: v[k] } : {})
  const str = (k: string): { [k: string]: string } => (typeof v[k] === 'string' ? { [k]: v[k] } : {})
  const cpu = num('cpuNs')
  return { ...num('heapAllocBytes'), ...num('heapObjects'), ...num('numGoroutine'), ...str('goroutines'), ...str('leakProfile'), ...(cpu.cpuNs !== undefined && cpu.cpuNs >= 0 ? cpu : {}) }
}
