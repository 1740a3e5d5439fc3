// Watches the direct children of one process through /proc (pid/task/pid/children) to see how long each
// child lived: the only way to split the CLI's silent "build, then calibrate" stretch without editing it.
// Polling costs CPU on the machine being measured, so this is used on a separate run, never a timed one.
import { readFileSync } from 'node:fs'

function readChildren(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
  } catch {
    return []
  }
}

function readArgv(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)
  } catch {
    return null
  }
}

export function childrenSupported() {
  try {
    readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8')
    return true
  } catch {
    return false
  }
}

/** Starts polling pid's children every intervalMs; stop() returns [{ pid, argv, firstMs, lastMs }]. */
export function watchChildren(pid, intervalMs = 5) {
  const t0 = process.hrtime.bigint()
  const now = () => Number(process.hrtime.bigint() - t0) / 1e6
  const seen = new Map()
  const poll = () => {
    const at = now()
    for (const c of readChildren(pid)) {
      let e = seen.get(c)
      if (!e) {
        e = { pid: c, argv: [], firstMs: at, lastMs: at }
        seen.set(c, e)
      }
      e.lastMs = at
      // Right after fork the child still shows node's command line; keep reading until exec replaced it.
      if (e.argv.length === 0 || /(^|\/)node$/.test(e.argv[0])) e.argv = readArgv(c) ?? e.argv
    }
  }
  const timer = setInterval(poll, intervalMs)
  poll()
  return {
    stop() {
      clearInterval(timer)
      poll()
      return [...seen.values()]
    }
  }
}

/** What the gate's CLI uses each child for, from its argv. */
export function classifyChild(argv) {
  const prog = (argv[0] ?? '').split('/').pop()
  const has = (prefix) => argv.some((a) => a.startsWith(prefix))
  if (prog === 'go' && argv[1] === 'test' && argv.includes('-c')) return argv.includes('-race') ? 'build with -race (test pass)' : 'build (benchmarks)'
  if (prog === 'go' && argv[1] === 'list') return 'go list'
  if (prog === 'go') return 'toolchain probe (go version/env)'
  if (prog === 'git') return 'git'
  // The test pass builds into its own temporary directory (jobs/test.ts: glg-test-LABEL-).
  if ((argv[0] ?? '').includes('/glg-test-')) return has('-test.list=') ? 'test pass: list' : 'test pass: tests, race benchmarks'
  if (has('-test.list=')) return 'list benchmarks (-test.list)'
  const profile = argv.find((a) => a.startsWith('-test.memprofile='))
  if (profile) return /\.s\d+\.pprof$/.test(profile) ? 'memory runs (quarter b.N)' : 'measured runs'
  if (has('-test.bench=')) return 'calibration runs'
  return 'unidentified (gone before its exec was seen)'
}
