// One goroutine of a dump, as parseGoroutineDump (goroutines.ts) reads it. Apart from the parser so that
// what reads goroutines (goroutine-leaks.ts, goroutine-rules.ts) does not import the parser back.
import type { SourceFrame } from './gofunc.js'

/** Where a goroutine was started: the `go` statement, and the goroutine that ran it (Go >= 1.21). */
export interface CreationSite extends SourceFrame {
  goroutine?: number
}

export interface Goroutine {
  id: number
  /**
   * Go's wait reason (`chan receive`, `select (no cases)`, `sync.Mutex.Lock`, `IO wait`) or status
   * (`running`, `runnable`, `syscall`), without the `(leaked)`, `(scan)` and `(durable)` marks.
   */
  state: string
  /** How long it has been blocked; Go prints it only from one minute on. */
  waitMinutes?: number
  /** The goroutineleak profile proved it can never be woken: `[chan send (leaked)]`. */
  leaked: boolean
  lockedToThread: boolean
  /** Blocked inside a testing/synctest bubble on something only the bubble can wake. */
  durable: boolean
  synctestBubble?: number
  /** pprof labels, printed in the header when GODEBUG=tracebacklabels=1 (Go >= 1.26). */
  labels?: Record<string, string>
  /** Innermost first. */
  frames: SourceFrame[]
  /** Go left frames out (`...N frames elided...`): a deep stack keeps only its ends. */
  framesElided: boolean
  createdBy?: CreationSite
  /** 1-based line of the header in the parsed text. */
  line: number
}
