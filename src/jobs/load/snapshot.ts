// What the gate reads from a service between traffic phases: its goroutines (the debug=2 dump, the
// proto, and the goroutineleak profile where the runtime has it), its heap after a GC, its resident
// memory and descriptors. Before reading, it waits for goroutines and connections that are finishing.
import { writeFile } from 'node:fs/promises'
import type { Agent } from 'node:http'
import { join } from 'node:path'
import { relativeSites } from '../../compare/attribute.js'
import type { LoadHeapSite, LoadSnapshot } from '../../model/result.js'
import { parseGoroutineDump, type GoroutineRule } from '../../parse/goroutines.js'
import { decodeProfile, heapSites, ProfileError } from '../../parse/pprof.js'
import { leakGroups } from '../observations.js'
import { LoadConfigError, LoadRunError } from './errors.js'
import { ExchangeError, exchange } from './http.js'
import { descriptors, rssBytes } from './procfs.js'

const PPROF_TIMEOUT_MS = 60_000
const MAX_PROFILE_BYTES = 256 * 1024 * 1024
// Enough to hold every group that grows; a service with thousands of distinct stacks keeps its largest.
const MAX_GROUPS = 60
const MAX_STACK = 12
const MAX_SITES = 40
const SETTLE_POLL_MS = 100
// Equal readings in a row that count as settled.
const SETTLED_READINGS = 3

export interface SnapshotContext {
  job: string
  /** The net/http/pprof index, ending in '/'. */
  pprof: URL
  modulePath: string
  rules: GoroutineRule[]
  /** The service process to read /proc of. */
  pid: number | undefined
  /** Whether goroutineleak answered; undefined until first asked. */
  leakProfile?: boolean
  /**
   * One kept-alive connection for all the gate's reads: a connection per read would leave the service
   * closing ones (a descriptor and a goroutine each) at the moment it is counted.
   */
  agent?: Agent
  /** Where to write the profiles (absolute) and how result.json names that place. */
  profiles?: { dir: string; relative: string }
}

async function fetchProfile(ctx: SnapshotContext, name: string, query: string, optional = false): Promise<Buffer | undefined> {
  const url = new URL(name + query, ctx.pprof)
  let answer
  try {
    answer = await exchange(url, { timeoutMs: PPROF_TIMEOUT_MS, keepBytes: MAX_PROFILE_BYTES, ...(ctx.agent ? { agent: ctx.agent } : {}) })
  } catch (e) {
    const why = e instanceof ExchangeError ? `${e.code}: ${e.message}` : String(e)
    throw new LoadRunError(ctx.job, 'snapshot', `cannot read ${url.href} (${why})`)
  }
  if (answer.status === 404 && optional) return undefined
  if (answer.status === 404) {
    throw new LoadConfigError(
      ctx.job,
      'snapshot',
      `${url.href} answers 404: no net/http/pprof handlers there. Mount them in the service (import _ "net/http/pprof", or pprof.Index on /debug/pprof/) or point pprof.url at them`
    )
  }
  if (answer.status !== 200) {
    const first = answer.body.toString('utf8').split('\n')[0].slice(0, 200)
    throw new LoadRunError(ctx.job, 'snapshot', `${url.href} answers ${answer.status}${first ? `: ${first}` : ''}`)
  }
  return answer.body
}

async function required(ctx: SnapshotContext, name: string, query: string): Promise<Buffer> {
  return (await fetchProfile(ctx, name, query)) ?? Buffer.alloc(0)
}

function garbage(ctx: SnapshotContext, what: string, why: string): LoadRunError {
  return new LoadRunError(ctx.job, 'snapshot', `${new URL(what, ctx.pprof).href} is not what net/http/pprof serves: ${why}`)
}

/** runtime.MemStats as heap?debug=1 prints it at its end (`# HeapAlloc = 123`). */
export function parseMemStats(text: string): Record<string, number> {
  const out: Record<string, number> = {}
  for (const m of text.matchAll(/^# (\w+) = (\d+)$/gm)) out[m[1]] = Number(m[2])
  return out
}

/** Mallocs and TotalAlloc now, without a GC: read right before and after traffic for allocations per request. */
export async function allocationCounters(ctx: SnapshotContext): Promise<{ mallocs: number; allocBytes: number }> {
  const stats = parseMemStats((await required(ctx, 'heap', '?debug=1')).toString('utf8'))
  if (stats.Mallocs === undefined || stats.TotalAlloc === undefined) throw garbage(ctx, 'heap?debug=1', 'no runtime.MemStats at its end')
  return { mallocs: stats.Mallocs, allocBytes: stats.TotalAlloc }
}

async function goroutineTotal(ctx: SnapshotContext): Promise<number> {
  const text = (await required(ctx, 'goroutine', '?debug=1')).toString('utf8')
  const m = /^goroutine profile: total (\d+)/.exec(text)
  if (!m) throw garbage(ctx, 'goroutine?debug=1', `it starts with '${text.slice(0, 40)}'`)
  return Number(m[1])
}

/**
 * Waits until the goroutine and descriptor counts stop changing (three equal readings 100 ms apart),
 * for at most maxMs: handlers still finishing and connections still closing are not leaks.
 */
export async function settle(ctx: SnapshotContext, maxMs: number): Promise<void> {
  const until = performance.now() + maxMs
  let last = ''
  let same = 0
  while (performance.now() < until) {
    const reading = `${await goroutineTotal(ctx)}/${ctx.pid !== undefined ? (descriptors(ctx.pid)?.count ?? '?') : '?'}`
    same = reading === last ? same + 1 : 1
    last = reading
    if (same >= SETTLED_READINGS) return
    await new Promise((r) => setTimeout(r, SETTLE_POLL_MS))
  }
}

function decode(ctx: SnapshotContext, data: Buffer, what: string) {
  try {
    return decodeProfile(data, new URL(what, ctx.pprof).href)
  } catch (e) {
    if (e instanceof ProfileError) throw garbage(ctx, what, e.message.replace(`${e.source}: `, ''))
    throw e
  }
}

async function keep(ctx: SnapshotContext, name: string, data: Buffer): Promise<string | undefined> {
  if (!ctx.profiles) return undefined
  await writeFile(join(ctx.profiles.dir, name), data)
  return `${ctx.profiles.relative}/${name}`
}

/** One snapshot; `label` names the profile files ('warmup', 'round-3'). */
export async function takeSnapshot(
  ctx: SnapshotContext,
  at: { phase: LoadSnapshot['phase']; round: number; requestsBefore: number | null },
  label: string
): Promise<LoadSnapshot> {
  // The plain dump first: the goroutineleak profile marks what it finds, and the mark stays.
  const dumpText = (await required(ctx, 'goroutine', '?debug=2')).toString('utf8')
  const dump = parseGoroutineDump(dumpText)
  if (dump.goroutines.length === 0) throw garbage(ctx, 'goroutine?debug=2', `no goroutine in it (it starts with '${dumpText.slice(0, 40)}')`)
  const goroutineProto = await required(ctx, 'goroutine', '?debug=0')
  decode(ctx, goroutineProto, 'goroutine?debug=0')
  let leakText: string | null = null
  if (ctx.leakProfile !== false) {
    const body = await fetchProfile(ctx, 'goroutineleak', '?debug=2', true)
    ctx.leakProfile = body !== undefined
    leakText = body?.toString('utf8') ?? null
  }
  const groups = leakGroups(dumpText, leakText, ctx.modulePath, ctx.rules)
    .slice(0, MAX_GROUPS)
    .map((g) => ({ ...g, stack: g.stack.slice(0, MAX_STACK) }))

  const stats = parseMemStats((await required(ctx, 'heap', '?gc=1&debug=1')).toString('utf8'))
  if (stats.HeapAlloc === undefined) throw garbage(ctx, 'heap?gc=1&debug=1', 'no runtime.MemStats at its end')
  // The profile reflects the GC just forced; asking again for gc=1 would only run another.
  const heapProto = await required(ctx, 'heap', '')
  const sites: LoadHeapSite[] = relativeSites(heapSites(decode(ctx, heapProto, 'heap'), { modulePath: ctx.modulePath }).sites, ctx.modulePath)
    .filter((s) => s.inuseBytes > 0)
    .slice(0, MAX_SITES)
  const fds = ctx.pid !== undefined ? descriptors(ctx.pid) : null
  const leaked = leakText !== null ? parseGoroutineDump(leakText).goroutines.filter((g) => g.leaked).length : undefined
  const goroutineFile = await keep(ctx, `${label}.goroutine.pb.gz`, goroutineProto)
  const heapFile = await keep(ctx, `${label}.heap.pb.gz`, heapProto)
  return {
    phase: at.phase,
    round: at.round,
    requestsBefore: at.requestsBefore,
    goroutines: dump.goroutines.length,
    groups,
    heapAllocBytes: stats.HeapAlloc,
    heapObjects: stats.HeapObjects ?? 0,
    heapSites: sites,
    rssBytes: ctx.pid !== undefined ? rssBytes(ctx.pid) : null,
    fds: fds?.count ?? null,
    fdTargets: fds?.targets ?? {},
    ...(leaked !== undefined ? { leakedGoroutines: leaked } : {}),
    ...(goroutineFile || heapFile ? { profiles: { ...(goroutineFile ? { goroutine: goroutineFile } : {}), ...(heapFile ? { heap: heapFile } : {}) } } : {})
  }
}
