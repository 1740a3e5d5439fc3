import type { Runner } from '../go/process.js'
import type { Toolchain } from '../go/toolchain.js'

/** What every job (benchmarks, tests, later load) needs from outside: processes, the Go found, a log. */
export interface JobDeps {
  run: Runner
  toolchain: Toolchain
  /** Progress lines for a human; the CLI prints them to stderr, the action to the log. */
  log: (line: string) => void
}
