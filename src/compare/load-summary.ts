// What the report keeps of one side of a load job: the figures a reviewer reads (requests, rates,
// latencies per round; goroutines, live heap, descriptors and RSS after each snapshot), not the
// goroutine groups and heap sites the findings were drawn from.
import type { LoadSideSummary } from '../model/report.js'
import type { LoadJobResult } from '../model/result.js'

export function summarizeLoadSide(r: LoadJobResult): LoadSideSummary {
  const s = r.service
  return {
    service: { ...(s.package !== undefined ? { package: s.package } : {}), race: s.race, leakProfile: s.leakProfile },
    traffic: { ...r.traffic },
    wallMs: r.wallMs,
    ...(r.error ? { error: { kind: r.error.kind, phase: r.error.phase, message: r.error.message } } : {}),
    ...(r.crash ? { crash: r.crash.value.split('\n')[0] } : {}),
    notes: [...r.notes],
    rounds: r.phases
      .filter((p) => p.phase === 'round')
      .map((p) => ({
        round: p.round,
        requests: p.requests,
        errors: p.errors,
        throughput: p.throughput,
        ...(p.latencyMs ? { latencyMs: { p50: p.latencyMs.p50, p99: p.latencyMs.p99 } } : {})
      })),
    snapshots: r.snapshots.map((x) => ({
      phase: x.phase,
      round: x.round,
      requestsBefore: x.requestsBefore,
      goroutines: x.goroutines,
      heapAllocBytes: x.heapAllocBytes,
      fds: x.fds,
      rssBytes: x.rssBytes
    }))
  }
}
