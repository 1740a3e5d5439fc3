import { execFile } from 'node:child_process'

export interface ProcessResult {
  /** Exit code; null when a signal ended the process. */
  code: number | null
  stdout: string
  stderr: string
}

/**
 * The Go the fixtures run on. npm test runs the suite once per supported release by setting GOTOOLCHAIN
 * to it (scripts/test-go-versions.mjs): a release (go1.X.Y) is kept, or the sanity tests would check the
 * fixtures on the Go on PATH every time. Anything else (unset, auto, path, a +auto suffix) could let a
 * go.mod's toolchain line switch Go or start a download: local. With GOPROXY=off a release comes from the
 * module cache, where selecting it for the suite already put it.
 */
export function fixtureToolchain(env: NodeJS.ProcessEnv = process.env): string {
  const selected = env.GOTOOLCHAIN ?? ''
  return /^go1\.\d+\.\d+$/.test(selected) ? selected : 'local'
}

// No downloads, no workspace from a parent directory: fixtures have no dependencies.
const GO_ENV = { GOTOOLCHAIN: fixtureToolchain(), GOWORK: 'off', GOPROXY: 'off', GOFLAGS: '' }

/** Runs a program with an argument array; resolves with its exit code instead of rejecting on failure. */
export function runProcess(
  file: string,
  args: string[],
  opts: { cwd: string; env?: Record<string, string>; timeoutMs?: number; quitAfterMs?: number }
): Promise<ProcessResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...GO_ENV, ...opts.env }
  // A test binary inherits GODEBUG; only the runs that ask for gctrace should get it.
  if (!opts.env?.GODEBUG) delete env.GODEBUG
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      args,
      { cwd: opts.cwd, env, maxBuffer: 64 << 20, timeout: opts.timeoutMs ?? 120_000 },
      (err, stdout, stderr) => {
        if (!err) {
          resolve({ code: 0, stdout, stderr })
          return
        }
        // A number is the exit status; a string (ENOENT, ...) means the process never ran.
        const status: unknown = (err as { code?: unknown }).code
        if (typeof status === 'number') resolve({ code: status, stdout, stderr })
        else if (err.signal) resolve({ code: null, stdout, stderr })
        else reject(err)
      }
    )
    // SIGQUIT makes a Go program print every goroutine and exit 2. Sent by hand: execFile's own timeout
    // closes the pipes as it kills, and the dump would be lost.
    if (opts.quitAfterMs !== undefined) {
      const quit = setTimeout(() => child.kill('SIGQUIT'), opts.quitAfterMs)
      child.on('exit', () => clearTimeout(quit))
    }
  })
}

export function runGo(args: string[], cwd: string, env?: Record<string, string>): Promise<ProcessResult> {
  return runProcess('go', args, { cwd, env })
}

/** One result line: metric values by unit (`ns/op`, `B/op`, `allocs/op`, `MB/s`, custom units). */
export type BenchSample = Record<string, number>

/** Samples by import path, then by benchmark name (without the -GOMAXPROCS suffix). */
export type BenchResults = Map<string, Map<string, BenchSample[]>>

/**
 * Parses `go test -bench` text. The suffix stripped is exactly `-<procs>`, so a sub-benchmark named
 * `dash-8` keeps its name; run with `-cpu <procs>` so the suffix is known.
 */
export function parseBenchOutput(text: string, procs: number): BenchResults {
  const results: BenchResults = new Map()
  let pkg = ''
  const suffix = procs === 1 ? '' : `-${procs}`
  for (const line of text.split('\n')) {
    const pkgLine = /^pkg: (\S+)$/.exec(line)
    if (pkgLine) {
      pkg = pkgLine[1]
      continue
    }
    if (!line.startsWith('Benchmark')) continue
    const fields = line.trim().split(/\s+/)
    if (fields.length < 4 || !/^\d+$/.test(fields[1]) || fields.length % 2 !== 0) continue
    let name = fields[0]
    if (suffix && name.endsWith(suffix)) name = name.slice(0, -suffix.length)
    const sample: BenchSample = {}
    for (let i = 2; i < fields.length; i += 2) sample[fields[i + 1]] = Number(fields[i])
    const byName = results.get(pkg) ?? new Map<string, BenchSample[]>()
    results.set(pkg, byName)
    byName.set(name, [...(byName.get(name) ?? []), sample])
  }
  return results
}

export function median(xs: number[]): number {
  if (xs.length === 0) throw new Error('median of no values')
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

/** Live heap after each GC that the program triggered itself (gctrace's H2, in MB), in order. */
export function liveHeapsMB(gctrace: string): number[] {
  const heaps: number[] = []
  for (const line of gctrace.split('\n')) {
    const m = /^gc \d+ @.* (\d+)->(\d+)->(\d+) MB,/.exec(line)
    if (m && !line.endsWith('(forced)')) heaps.push(Number(m[3]))
  }
  return heaps
}
