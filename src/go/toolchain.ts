import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { IncompleteRunError } from '../errors.js'
import { scratchDir } from '../scratch.js'
import { describeExit, type Runner } from './process.js'

export interface Toolchain {
  /** `go` binary to run (from PATH unless overridden). */
  go: string
  goVersion: string
  goos: string
  goarch: string
  /** GOMAXPROCS the Go runtime picks here (respects a GOMAXPROCS already in the environment). */
  gomaxprocs: number
  numCPU: number
  /** Minor version, e.g. 26 for go1.26.8, to gate features. */
  minor: number
}

// Go decides GOMAXPROCS itself (cgroup limits since 1.25); asking the runtime is the only exact way, and
// the benchmark name suffix (-P) can only be stripped reliably when P is known.
const PROBE = `package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println(runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.GOMAXPROCS(0), runtime.NumCPU())
}
`

export async function probeToolchain(run: Runner, go = 'go'): Promise<Toolchain> {
  const scratch = await scratchDir('probe')
  const dir = scratch.path
  try {
    await writeFile(join(dir, 'go.mod'), 'module probe\n\ngo 1.21\n')
    await writeFile(join(dir, 'main.go'), PROBE)
    const env = { ...process.env, GOFLAGS: '' }
    const r = await run({ argv: [go, 'run', 'main.go'], cwd: dir, env, timeoutMs: 120_000 })
    if (r.spawnError?.code === 'ENOENT') {
      throw new IncompleteRunError(`Go toolchain not found: '${go}' is not on PATH. Install Go 1.21 or newer (actions/setup-go in CI).`)
    }
    if (r.code !== 0) {
      throw new IncompleteRunError(`Go toolchain does not work: 'go run' of a one-line program failed (${describeExit(r)})`, r.stderr)
    }
    const [version, goos, goarch, procs, cpus] = r.stdout.trim().split(/\s+/)
    const m = /^go1\.(\d+)/.exec(version ?? '')
    if (!m) throw new IncompleteRunError(`unrecognised Go version '${version ?? ''}'`)
    const minor = Number(m[1])
    if (minor < 21) throw new IncompleteRunError(`Go ${version} is too old: go-leak-gate needs Go 1.21 or newer (go test -c -o DIR/)`)
    return { go, goVersion: version, goos, goarch, gomaxprocs: Number(procs), numCPU: Number(cpus), minor }
  } finally {
    await scratch.remove()
  }
}
