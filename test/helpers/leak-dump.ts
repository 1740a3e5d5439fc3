// Parsers for what Go prints about goroutines and races, written for the leak fixtures' sanity test. They
// are deliberately independent of src/parse: the test checks the fixtures, not the gate's own parsers.

export interface StackFrame {
  function: string
  file: string
  line: number
}

export interface Goroutine {
  id: number
  /** The header's state without the goroutineleak profile's ` (leaked)` mark and without `, N minutes`. */
  state: string
  leaked: boolean
  frames: StackFrame[]
  createdBy?: StackFrame & { goroutine: number }
}

// A crash dump (SIGQUIT) adds `gp= m= mp=` to headers and `fp= sp= pc=` to positions.
const HEADER = /^goroutine (\d+)(?: gp=\S+)?(?: m=\S+)?(?: mp=\S+)? \[([^\]]*)\]:$/
const FILE_LINE = /^\t(.+?):(\d+)(?: \+0x[0-9a-f]+)?(?: fp=\S+ sp=\S+ pc=\S+)?$/

/** Function name of a frame line: `pkg.F(0xc000...)`, `pkg.(*T).m(...)` or `pkg.F()` without the arguments. */
function functionOf(line: string): string {
  const open = line.lastIndexOf('(')
  return open > 0 && line.endsWith(')') ? line.slice(0, open) : line
}

/** Every goroutine block of a dump (`runtime.Stack(all)`, a timeout panic, goroutineleak debug=2). */
export function parseGoroutines(text: string): Goroutine[] {
  const out: Goroutine[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const h = HEADER.exec(lines[i])
    if (!h) continue
    let state = h[2]
    const leaked = state.endsWith(' (leaked)')
    if (leaked) state = state.slice(0, -' (leaked)'.length)
    state = state.replace(/, \d+ minutes$/, '').replace(/, locked to thread$/, '')
    const g: Goroutine = { id: Number(h[1]), state, leaked, frames: [] }
    for (i++; i + 1 < lines.length && lines[i] !== ''; i += 2) {
      const at = FILE_LINE.exec(lines[i + 1])
      if (!at) break
      const created = /^created by (\S+) in goroutine (\d+)$/.exec(lines[i])
      const frame = { file: at[1], line: Number(at[2]) }
      if (created) g.createdBy = { function: created[1], ...frame, goroutine: Number(created[2]) }
      else g.frames.push({ function: functionOf(lines[i]), ...frame })
    }
    out.push(g)
  }
  return out
}

export interface RaceReportAccess {
  op: 'read' | 'write'
  previous: boolean
  goroutine: string
  frames: StackFrame[]
}

export interface RaceReport {
  access: RaceReportAccess
  previous: RaceReportAccess
  /** `Goroutine N (running|finished) created at:` sections, by goroutine id. */
  created: Map<string, { status: string; frames: StackFrame[] }>
}

/** The `WARNING: DATA RACE` reports between `==================` lines. */
export function parseRaceReports(text: string): RaceReport[] {
  const reports: RaceReport[] = []
  for (const block of text.split(/^==================$/m)) {
    if (!block.includes('WARNING: DATA RACE')) continue
    const accesses: RaceReportAccess[] = []
    const created = new Map<string, { status: string; frames: StackFrame[] }>()
    let frames: StackFrame[] | undefined
    const lines = block.split('\n')
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]
      const access = /^(Previous )?(read|write|Read|Write) at 0x[0-9a-f]+ by (goroutine \d+|main goroutine):$/.exec(
        line
      )
      const creation = /^Goroutine (\d+) \((\w+)\) created at:$/.exec(line)
      if (access) {
        frames = []
        const op = access[2].toLowerCase() as 'read' | 'write'
        accesses.push({ op, previous: !!access[1], goroutine: access[3], frames })
      } else if (creation) {
        frames = []
        created.set(`goroutine ${creation[1]}`, { status: creation[2], frames })
      } else if (frames && /^ {2}\S/.test(line)) {
        const at = /^ {6}(.+?):(\d+) \+0x[0-9a-f]+$/.exec(lines[i + 1] ?? '')
        if (at) frames.push({ function: functionOf(line.trim()), file: at[1], line: Number(at[2]) })
      }
    }
    const [access, previous] = [accesses.find((a) => !a.previous), accesses.find((a) => a.previous)]
    if (access && previous) reports.push({ access, previous, created })
  }
  return reports
}

/** The text between `=== NAME` and the next `=== END` line, for each occurrence. */
export function sections(text: string, name: string): string[] {
  const out: string[] = []
  const re = new RegExp(`^=== ${name}\\b.*$([\\s\\S]*?)^=== END$`, 'gm')
  for (const m of text.matchAll(re)) out.push(m[0])
  return out
}
