// What Linux says about a running service: resident memory and open descriptors from /proc/PID, the
// processes it started (to stop them all), and which of them holds the listening socket. Elsewhere
// these read as unknown (null), and the job still runs.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs'

/** A process as /proc/PID/stat describes it; `start` (clock ticks since boot) tells a reused pid apart. */
export interface ProcessId {
  pid: number
  start: number
}

interface StatLine extends ProcessId {
  ppid: number
  pgrp: number
  state: string
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

function stat(pid: number): StatLine | undefined {
  const text = read(`/proc/${pid}/stat`)
  if (text === undefined) return undefined
  // The command name sits in parentheses and may itself hold spaces and ')'.
  const close = text.lastIndexOf(')')
  const fields = text.slice(close + 2).split(' ')
  // After the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
  // cutime cstime priority nice threads itrealvalue starttime.
  return { pid, state: fields[0], ppid: Number(fields[1]), pgrp: Number(fields[2]), start: Number(fields[19]) }
}

/** Whether the process still runs as the same process (a zombie has exited: it only waits to be reaped). */
export function isAlive(p: ProcessId): boolean {
  const s = stat(p.pid)
  return s !== undefined && s.start === p.start && s.state !== 'Z'
}

export function processId(pid: number): ProcessId | undefined {
  const s = stat(pid)
  return s ? { pid, start: s.start } : undefined
}

function allProcesses(): StatLine[] {
  let names: string[]
  try {
    names = readdirSync('/proc')
  } catch {
    return []
  }
  const out: StatLine[] = []
  for (const n of names) {
    if (!/^\d+$/.test(n)) continue
    const s = stat(Number(n))
    if (s !== undefined) out.push(s)
  }
  return out
}

/**
 * The processes of a service: its process group, and every descendant of a known member, including
 * those that left the group (setsid) and were re-parented when their parent exited. `known` carries
 * what earlier scans found, so a child whose parent already died is still found through it.
 */
export function serviceProcesses(leader: ProcessId, known: readonly ProcessId[] = []): ProcessId[] {
  const procs = allProcesses()
  const members = new Map<number, ProcessId>()
  const add = (p: { pid: number; start: number }): void => {
    if (!members.has(p.pid)) members.set(p.pid, { pid: p.pid, start: p.start })
  }
  for (const p of [leader, ...known]) if (isAlive(p)) add(p)
  for (const p of procs) if (p.pgrp === leader.pid && p.state !== 'Z') add(p)
  let grew = true
  while (grew) {
    grew = false
    for (const p of procs) {
      if (members.has(p.pid) || p.state === 'Z' || !members.has(p.ppid)) continue
      add(p)
      grew = true
    }
  }
  return [...members.values()]
}

/** Resident set size (VmRSS) in bytes, or null when unknown. */
export function rssBytes(pid: number): number | null {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(read(`/proc/${pid}/status`) ?? '')
  return m ? Number(m[1]) * 1024 : null
}

interface SocketInfo {
  remote: string
  state: string
  localPort: number
}

// /proc/net/tcp states, as include/net/tcp_states.h numbers them.
const TCP_STATES: Record<string, string> = {
  '01': 'ESTABLISHED', '02': 'SYN_SENT', '03': 'SYN_RECV', '04': 'FIN_WAIT1', '05': 'FIN_WAIT2', '06': 'TIME_WAIT',
  '07': 'CLOSE', '08': 'CLOSE_WAIT', '09': 'LAST_ACK', '0A': 'LISTEN', '0B': 'CLOSING'
}

function hexAddress(hex: string): string {
  const [ip, port] = hex.split(':')
  const p = parseInt(port, 16)
  if (ip.length === 8) {
    const bytes = [6, 4, 2, 0].map((i) => parseInt(ip.slice(i, i + 2), 16))
    return `${bytes.join('.')}:${p}`
  }
  // IPv6 (four little-endian words): loopback and v4-mapped addresses are what a local service sees.
  if (/^0{24}01000000$/i.test(ip)) return `[::1]:${p}`
  if (/^0{16}FFFF0000/i.test(ip)) return `${hexAddress(`${ip.slice(24)}:${port}`)}`
  return `[${ip}]:${p}`
}

/** Sockets of a process's network namespace by inode. */
function sockets(pid: number): Map<string, SocketInfo> {
  const out = new Map<string, SocketInfo>()
  for (const file of ['tcp', 'tcp6']) {
    const lines = (read(`/proc/${pid}/net/${file}`) ?? '').split('\n').slice(1)
    for (const line of lines) {
      const f = line.trim().split(/\s+/)
      if (f.length < 10) continue
      out.set(f[9], { remote: hexAddress(f[2]), state: TCP_STATES[f[3]] ?? f[3], localPort: parseInt(f[1].split(':')[1], 16) })
    }
  }
  return out
}

export interface Descriptors {
  count: number
  /** Open descriptors by what they point at: 'tcp 127.0.0.1:8080 CLOSE_WAIT', 'file /tmp/x', 'pipe'. */
  targets: Record<string, number>
}

const MAX_TARGETS = 20

function targetOf(link: string, socks: () => Map<string, SocketInfo>): string {
  const socket = /^socket:\[(\d+)\]$/.exec(link)
  if (socket) {
    const s = socks().get(socket[1])
    // A listening socket is the same for every connection; an accepted or dialled one is named by its peer.
    return s ? (s.state === 'LISTEN' ? `tcp listen :${s.localPort}` : `tcp ${s.remote} ${s.state}`) : 'socket'
  }
  if (link.startsWith('pipe:')) return 'pipe'
  if (link.startsWith('anon_inode:')) return link
  return `file ${link}`
}

/** Open descriptors of a process and what they point at, or null when /proc cannot tell. */
export function descriptors(pid: number): Descriptors | null {
  let names: string[]
  try {
    names = readdirSync(`/proc/${pid}/fd`)
  } catch {
    return null
  }
  let cache: Map<string, SocketInfo> | undefined
  const socks = (): Map<string, SocketInfo> => (cache ??= sockets(pid))
  const targets: Record<string, number> = {}
  for (const n of names) {
    let link: string
    try {
      link = readlinkSync(`/proc/${pid}/fd/${n}`)
    } catch {
      continue
    }
    const t = targetOf(link, socks)
    targets[t] = (targets[t] ?? 0) + 1
  }
  const top = Object.entries(targets).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_TARGETS)
  return { count: names.length, targets: Object.fromEntries(top) }
}

/** Whether the process holds a socket listening on the port: the service answering is the one started. */
export function listensOn(pid: number, port: number): boolean {
  let names: string[]
  try {
    names = readdirSync(`/proc/${pid}/fd`)
  } catch {
    return false
  }
  const socks = sockets(pid)
  for (const n of names) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${n}`))
      const s = m ? socks.get(m[1]) : undefined
      if (s?.state === 'LISTEN' && s.localPort === port) return true
    } catch {
      // closed meanwhile
    }
  }
  return false
}
