// Starting the measured commands: argument arrays only (no shell), wall time from spawn to the end of the
// streams, and optionally the peak resident set size of the process tree.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Runs argv to completion. Every stderr line is kept with the time it arrived (ms since spawn), which is how
 * the CLI's progress lines become a phase breakdown without touching the CLI.
 * onSpawn(pid) is called right after the process started (the process-tree watcher hooks in there).
 */
export function run(argv, { cwd, env, onSpawn } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const since = () => Number(process.hrtime.bigint() - started) / 1e6
    const child = spawn(argv[0], argv.slice(1), { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] })
    const out = []
    const stderrLines = []
    let partial = ''
    child.stdout.on('data', (c) => out.push(c))
    child.stderr.on('data', (c) => {
      const at = since()
      const text = partial + c.toString('utf8')
      const lines = text.split('\n')
      partial = lines.pop()
      for (const line of lines) stderrLines.push({ ms: at, text: line })
    })
    child.on('error', reject)
    if (onSpawn && child.pid) onSpawn(child.pid)
    child.on('close', (code, signal) => {
      if (partial) stderrLines.push({ ms: since(), text: partial })
      resolve({
        argv,
        code,
        signal,
        wallMs: since(),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: stderrLines.map((l) => l.text).join('\n'),
        stderrLines
      })
    })
  })
}

/** Like run, but throws with the output when the command does not exit 0 (or one of okCodes). */
export async function runChecked(argv, opts = {}, okCodes = [0]) {
  const r = await run(argv, opts)
  if (!okCodes.includes(r.code)) {
    throw new Error(`${argv.join(' ')} exited ${r.code ?? r.signal}\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`)
  }
  return r
}

/** Synchronous one-liner for facts (go version, nproc); '' when the program is missing. */
export function capture(argv, opts = {}) {
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', ...opts })
  return r.status === 0 ? r.stdout.trim() : ''
}

const GNU_TIME = '/usr/bin/time'

/** Whether /usr/bin/time is GNU time (it understands -f %M and -o). Checked, never installed. */
export function hasGnuTime() {
  const r = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' })
  return r.status === 0 && /^\d+\s*$/.test(r.stderr.trim().split('\n').pop() ?? '')
}

/**
 * Runs argv and reports its peak RSS in KiB. With GNU time: %M from wait4, which is the largest
 * resident set of the process and of the descendants it waited for (so `go tool pprof` reports the pprof
 * process the go command starts). Without it: VmHWM of the process itself, polled from /proc every 2 ms.
 */
export async function runWithPeakRss(argv, opts = {}, useGnuTime = hasGnuTime()) {
  if (useGnuTime) {
    const dir = mkdtempSync(join(tmpdir(), 'glg-bench-time-'))
    const file = join(dir, 'rss')
    try {
      const r = await run([GNU_TIME, '-f', '%M', '-o', file, ...argv], opts)
      const kib = Number(readFileSync(file, 'utf8').trim().split('\n').pop())
      return { ...r, peakRssKiB: Number.isFinite(kib) ? kib : null, rssMethod: 'GNU time %M (wait4 ru_maxrss)' }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  let peak = 0
  let timer
  const r = await run(argv, {
    ...opts,
    onSpawn: (pid) => {
      timer = setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
          if (m) peak = Math.max(peak, Number(m[1]))
        } catch {
          // exited between polls
        }
      }, 2)
    }
  })
  clearInterval(timer)
  return { ...r, peakRssKiB: peak || null, rssMethod: '/proc VmHWM polled every 2 ms' }
}
