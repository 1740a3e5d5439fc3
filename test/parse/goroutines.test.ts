import { describe, expect, it } from 'vitest'
import { groupBySignature, ignoredBecause, isIgnorable, parseGoroutineDump, type Goroutine } from '../../src/parse/goroutines.js'
import { markedLine, recordedLeaks as recorded } from './recorded-leaks.js'

const MODULE = 'example.com/leaks'
const LEAKY = 'example.com/leaks/leaky'

function createdBy(goroutines: Goroutine[], fn: string): Goroutine[] {
  return goroutines.filter((g) => g.createdBy?.function === fn)
}

function one(goroutines: Goroutine[], fn: string): Goroutine {
  const found = createdBy(goroutines, fn)
  expect(found).toHaveLength(1)
  return found[0]
}

describe('parseGoroutineDump on runtime.Stack(all) after the tests (Go 1.26, GODEBUG=tracebacklabels=1)', () => {
  const dump = parseGoroutineDump(recorded('leaks-stack.txt'))
  const all = dump.goroutines

  it('reads every goroutine of a complete dump, without problems', () => {
    expect(all).toHaveLength(recorded('leaks-stack.txt').match(/^goroutine \d+ \[/gm)?.length ?? -1)
    expect(all.length).toBeGreaterThan(10)
    expect(dump.problems).toEqual([])
    expect(dump.truncated).toBe(false)
    expect(dump.timeout).toBeUndefined()
  })

  it('reads the wait state of each way a goroutine can block', () => {
    const state = (fn: string): string => one(all, `${LEAKY}.${fn}`).state
    expect(state('BlockedSend')).toBe('chan send')
    expect(state('BlockedReceive')).toBe('chan receive')
    expect(state('SelectNoCases')).toBe('select (no cases)')
    expect(state('MutexDeadlock')).toBe('sync.Mutex.Lock')
    expect(state('WaitGroupNeverDone')).toBe('sync.WaitGroup.Wait')
    expect(state('CondNeverSignalled')).toBe('sync.Cond.Wait')
    expect(all[0].state).toBe('running')
  })

  it('marks nothing leaked when the binary has no goroutineleak profile', () => {
    expect(recorded('leaks-notes.txt')).toContain('not available')
    expect(all.filter((g) => g.leaked)).toEqual([])
  })

  it('reads frames innermost first, with file and line, through sync internals', () => {
    const mutex = one(all, `${LEAKY}.MutexDeadlock`)
    expect(mutex.frames.map((f) => f.function)).toEqual([
      'internal/sync.runtime_SemacquireMutex',
      'internal/sync.(*Mutex).lockSlow',
      'internal/sync.(*Mutex).Lock',
      'sync.(*Mutex).Lock',
      `${LEAKY}.MutexDeadlock.func1`
    ])
    expect(mutex.frames[4]).toEqual({
      function: `${LEAKY}.MutexDeadlock.func1`,
      file: `${LEAKY}/leaky.go`,
      line: markedLine('leaky/leaky.go', 'mutex-wait')
    })
    expect(mutex.frames[0].file).toBe('runtime/sema.go')
  })

  it('reads the creation site and the creating goroutine', () => {
    const send = one(all, `${LEAKY}.BlockedSend`)
    expect(send.createdBy).toMatchObject({
      function: `${LEAKY}.BlockedSend`,
      file: `${LEAKY}/leaky.go`,
      line: markedLine('leaky/leaky.go', 'send-go')
    })
    expect(send.createdBy?.goroutine).toBeGreaterThan(1)
    expect(send.createdBy?.goroutine).not.toBe(send.id)
    // The main goroutine has no creator.
    expect(all[0].id).toBe(1)
    expect(all[0].createdBy).toBeUndefined()
  })

  it('reads an inlined frame, printed without +0x', () => {
    const workers = createdBy(all, `${LEAKY}.Worker`)
    expect(workers).toHaveLength(3)
    expect(workers[0].frames).toEqual([
      { function: `${LEAKY}.waitOn`, file: `${LEAKY}/leaky.go`, line: markedLine('leaky/leaky.go', 'worker-wait') }
    ])
  })

  it('reads locked to thread and pprof labels from the header', () => {
    const locked = one(all, `${LEAKY}.LockedToThread`)
    expect(locked).toMatchObject({ state: 'chan receive', lockedToThread: true })
    const labelled = one(all, `${LEAKY}.Labelled`)
    expect(labelled.state).toBe('chan receive')
    expect(labelled.labels).toEqual({ job: 'resize', tenant: 'a "quoted" one' })
    expect(one(all, `${LEAKY}.BlockedSend`).labels).toBeUndefined()
  })

  it('gives each goroutine the line of its header', () => {
    const lines = recorded('leaks-stack.txt').split('\n')
    for (const g of all) expect(lines[g.line - 1]).toMatch(new RegExp(`^goroutine ${g.id} \\[`))
  })
})

describe('parseGoroutineDump on the goroutineleak profile (GOEXPERIMENT=goroutineleakprofile)', () => {
  const profile = parseGoroutineDump(recorded('leakprofile-debug2.txt'))
  const all = profile.goroutines

  it('lists every goroutine at debug=2 and marks the leaked ones', () => {
    expect(profile.problems).toEqual([])
    const leakedBy = all.filter((g) => g.leaked).map((g) => g.createdBy?.function)
    expect(leakedBy).toEqual([
      `${LEAKY}.BlockedSend`,
      `${LEAKY}.BlockedReceive`,
      `${LEAKY}.SelectNoCases`,
      `${LEAKY}.MutexDeadlock`,
      `${LEAKY}.WaitGroupNeverDone`,
      `${LEAKY}.CondNeverSignalled`,
      `${LEAKY}.LockedToThread`,
      `${LEAKY}.Labelled`,
      `${LEAKY}.Worker`,
      `${LEAKY}.Worker`,
      `${LEAKY}.Worker`
    ])
  })

  it('takes the (leaked) mark off the state, also with other extras and labels', () => {
    expect(one(all, `${LEAKY}.BlockedSend`).state).toBe('chan send')
    expect(one(all, `${LEAKY}.SelectNoCases`).state).toBe('select (no cases)')
    expect(one(all, `${LEAKY}.LockedToThread`)).toMatchObject({ state: 'chan receive', leaked: true, lockedToThread: true })
    expect(one(all, `${LEAKY}.Labelled`)).toMatchObject({ state: 'chan receive', leaked: true, labels: { job: 'resize' } })
  })

  it('does not mark a goroutine blocked on a channel reachable from a global', () => {
    expect(one(all, `${LEAKY}.ReachableFromGlobal`)).toMatchObject({ state: 'chan receive', leaked: false })
  })

  it('agrees with Count() after WriteTo, which was still 0 before it', () => {
    const notes = recorded('leakprofile-notes.txt')
    expect(notes).toContain('Count() before WriteTo: 0\n')
    const after = /Count\(\) after WriteTo: (\d+)/.exec(notes)
    expect(Number(after?.[1])).toBe(all.filter((g) => g.leaked).length)
  })

  it('finds the marks again in a later runtime.Stack dump: leaked goroutines keep their state', () => {
    const later = parseGoroutineDump(recorded('leakprofile-stack.txt')).goroutines
    expect(later.filter((g) => g.leaked).map((g) => g.id)).toEqual(all.filter((g) => g.leaked).map((g) => g.id))
  })
})

describe('parseGoroutineDump on testing’s -test.timeout panic', () => {
  const dump = parseGoroutineDump(recorded('hang.stderr'))

  it('reads the deadline and the tests still running', () => {
    expect(dump.timeout).toEqual({ after: '1s', runningTests: [{ name: 'TestHang', elapsed: '1s' }] })
    expect(dump.problems).toEqual([])
  })

  it('shows who waits on what: the test on its WaitGroup, its goroutine on a channel nobody closes', () => {
    const groups = groupBySignature(dump.goroutines, { modulePath: MODULE }).filter((g) => g.blocking?.function.startsWith(LEAKY))
    const byState = new Map(groups.map((g) => [g.state, g]))
    expect(byState.get('sync.WaitGroup.Wait')?.blocking).toEqual({
      function: `${LEAKY}.TestHang`,
      file: `${LEAKY}/leaky_test.go`,
      line: markedLine('leaky/leaky_test.go', 'hang-wait')
    })
    expect(byState.get('chan receive')?.blocking).toEqual({
      function: `${LEAKY}.TestHang.func1`,
      file: `${LEAKY}/leaky_test.go`,
      line: markedLine('leaky/leaky_test.go', 'hang-worker-wait')
    })
    expect(byState.get('chan receive')?.creation).toEqual({
      function: `${LEAKY}.TestHang`,
      file: `${LEAKY}/leaky_test.go`,
      line: markedLine('leaky/leaky_test.go', 'hang-go')
    })
  })

  it('ignores the alarm goroutine that printed the dump and testing’s own waits, not the test’s', () => {
    const reasons = dump.goroutines.map((g) => [g.state, ignoredBecause(g)])
    expect(reasons).toEqual([
      ['running', 'testing'],
      ['chan receive', 'testing'],
      ['syscall', 'os/signal'],
      ['trace reader (blocked)', 'trace reader'],
      ['sync.WaitGroup.Wait', undefined],
      ['chan receive', undefined]
    ])
  })
})

describe('parseGoroutineDump on a SIGQUIT crash dump', () => {
  const text = recorded('sigquit.stderr')
  const dump = parseGoroutineDump(text)
  const user = dump.goroutines.filter((g) => !isIgnorable(g))

  it('reads gp= m= headers, runtime frames and fp= sp= pc= positions, and skips the register dump', () => {
    expect(text).toMatch(/^SIGQUIT: quit/)
    expect(text).toMatch(/^rax +0x/m)
    expect(dump.problems).toEqual([])
    expect(dump.truncated).toBe(false)
    expect(dump.goroutines).toHaveLength(text.match(/^goroutine \d+ gp=/gm)?.length ?? -1)
    const send = createdBy(dump.goroutines, 'main.main').find((g) => g.state === 'chan send')
    expect(send?.frames.map((f) => f.function)).toEqual([
      'runtime.gopark',
      'runtime.chansend',
      'runtime.chansend1',
      'main.main.func1',
      'runtime.goexit'
    ])
    expect(send?.frames[3]).toEqual({ function: 'main.main.func1', file: 'example.com/leaks/cmd/hang/main.go', line: 18 })
  })

  it('ignores the runtime’s own goroutines and g0, and keeps the program’s', () => {
    expect(dump.goroutines.find((g) => g.id === 0)?.state).toBe('idle')
    expect(dump.goroutines.filter((g) => ignoredBecause(g) === 'runtime').map((g) => g.state)).toEqual(
      expect.arrayContaining(['idle', 'force gc (idle)', 'GC sweep wait', 'finalizer wait'])
    )
    expect(user.map((g) => g.state)).toEqual(['sleep', 'chan send', 'chan send', 'sync.Mutex.Lock'])
  })

  it('finds the wait site past runtime.gopark and groups the two senders', () => {
    const groups = groupBySignature(user)
    expect(groups[0]).toMatchObject({
      count: 2,
      state: 'chan send',
      blocking: { function: 'main.main.func1', file: 'example.com/leaks/cmd/hang/main.go', line: 18 },
      creation: { function: 'main.main', file: 'example.com/leaks/cmd/hang/main.go', line: 17 }
    })
    expect(groups[0].ids).toEqual(user.filter((g) => g.state === 'chan send').map((g) => g.id))
    const mutex = groups.find((g) => g.state === 'sync.Mutex.Lock')
    expect(mutex?.blocking?.function).toBe('main.main.func2')
  })
})

describe('parseGoroutineDump on header variants', () => {
  const header = (inside: string): Goroutine | undefined =>
    parseGoroutineDump(`goroutine 9 [${inside}]:\nmain.f()\n\t/src/main.go:3 +0x1\n`).goroutines[0]

  it('reads the wait in minutes and every extra after the state', () => {
    expect(header('chan receive, 3 minutes')).toMatchObject({ state: 'chan receive', waitMinutes: 3, lockedToThread: false })
    expect(header('select, 12 minutes, locked to thread')).toMatchObject({ state: 'select', waitMinutes: 12, lockedToThread: true })
    expect(header('chan receive')?.waitMinutes).toBeUndefined()
  })

  it('reads synctest’s durable blocks and bubbles, whether the mark is part of the wait reason or added', () => {
    expect(header('chan receive (durable), synctest bubble 3')).toMatchObject({ state: 'chan receive', durable: true, synctestBubble: 3 })
    expect(header('sleep (durable), 2 minutes, synctest bubble 1')).toMatchObject({ state: 'sleep', durable: true, waitMinutes: 2 })
    expect(header('chan receive (nil chan)')).toMatchObject({ state: 'chan receive (nil chan)', durable: false })
  })

  it('drops the scan mark a dump taken during GC may carry', () => {
    expect(header('chan send (leaked) (scan)')).toMatchObject({ state: 'chan send', leaked: true })
  })

  it('reads labels with the escapes runtime.printquoted writes', () => {
    expect(header('running labels:{"a\\tb": "line\\none", "u": "\\u00e9\\x01"}')?.labels).toEqual({ 'a\tb': 'line\none', u: 'é\u0001' })
    expect(header('running labels:{}')?.labels).toEqual({})
  })

  it('keeps a goroutine whose header has an extra it does not know', () => {
    expect(header('chan receive, stepping on the moon')).toMatchObject({ state: 'chan receive' })
  })

  it('reports an unreadable header and the label block it could not read', () => {
    const dump = parseGoroutineDump('goroutine 9 [chan receive labels:{"a": b}]:\nmain.f()\n\t/m.go:3\n\ngoroutine 10 [select:\n')
    expect(dump.goroutines).toEqual([])
    expect(dump.problems.map((p) => [p.line, p.reason])).toEqual([
      [1, 'unreadable goroutine header'],
      [5, 'unreadable goroutine header']
    ])
  })
})

describe('parseGoroutineDump on the rest of the format', () => {
  it('reads created by without a creating goroutine (Go < 1.21)', () => {
    const dump = parseGoroutineDump('goroutine 5 [chan send]:\nmain.f()\n\t/m.go:3 +0x1\ncreated by main.main\n\t/m.go:9 +0x2\n')
    expect(dump.goroutines[0].createdBy).toEqual({ function: 'main.main', file: '/m.go', line: 9 })
  })

  it('marks elided frames and keeps reading the frames after them', () => {
    const text = [
      'goroutine 5 [running]:',
      'main.rec(...)',
      '\t/m.go:3',
      '...12 frames elided...',
      'main.rec(0x1)',
      '\t/m.go:3 +0x1',
      '...additional frames elided...',
      'created by main.main in goroutine 1',
      '\t/m.go:9 +0x2',
      ''
    ].join('\n')
    const g = parseGoroutineDump(text).goroutines[0]
    expect(g.framesElided).toBe(true)
    expect(g.frames).toHaveLength(2)
    expect(g.createdBy?.goroutine).toBe(1)
  })

  it('reads names with receivers, generics and nested argument braces', () => {
    const text = [
      'goroutine 5 [select]:',
      'example.com/m/pkg.(*Pool[...]).get(0xc000010000, {0x1, 0x2, ...})',
      '\texample.com/m/pkg/pool.go:41 +0x55',
      'panic({0x4b2f40?, 0x5d1c70?})',
      '\truntime/panic.go:792 +0x132',
      ''
    ].join('\n')
    expect(parseGoroutineDump(text).goroutines[0].frames.map((f) => [f.function, f.line])).toEqual([
      ['example.com/m/pkg.(*Pool[...]).get', 41],
      ['panic', 792]
    ])
  })

  it('skips GODEBUG=tracebackancestors stacks: they are not this goroutine’s frames', () => {
    const text = [
      'goroutine 7 [chan receive]:',
      'main.worker()',
      '\t/m.go:20 +0x1',
      'created by main.spawn in goroutine 6',
      '\t/m.go:15 +0x2',
      '[originating from goroutine 6]:',
      'main.spawn(...)',
      '\t/m.go:15 +0x2',
      '',
      'goroutine 8 [chan send]:',
      'main.other()',
      '\t/m.go:30 +0x1',
      ''
    ].join('\n')
    const dump = parseGoroutineDump(text)
    expect(dump.goroutines.map((g) => g.frames.map((f) => f.function))).toEqual([['main.worker'], ['main.other']])
    expect(dump.problems).toEqual([])
  })

  it('accepts a goroutine whose stack is on another thread', () => {
    const dump = parseGoroutineDump('goroutine 3 [running]:\n\tgoroutine running on other thread; stack unavailable\n')
    expect(dump.goroutines[0]).toMatchObject({ id: 3, state: 'running', frames: [] })
    expect(dump.truncated).toBe(false)
    expect(dump.problems).toEqual([])
  })

  it('reads CRLF line ends', () => {
    const g = parseGoroutineDump('goroutine 3 [sleep]:\r\nmain.f()\r\n\t/m.go:4 +0x1\r\n').goroutines[0]
    expect(g.frames).toEqual([{ function: 'main.f', file: '/m.go', line: 4 }])
  })
})

describe('parseGoroutineDump on broken input', () => {
  it.each([
    ['leaks-stack.txt', 'runtime.Stack'],
    ['sigquit.stderr', 'SIGQUIT']
  ])('keeps what a %s (%s) dump cut at any byte has, says so, and never invents a line number', (name) => {
    const full = recorded(name)
    const whole = parseGoroutineDump(full).goroutines
    // From the first header to the end of the last goroutine (before the register dump of SIGQUIT).
    const registers = full.search(/^rax /m)
    const end = registers < 0 ? full.length : registers
    const frameKey = (f: { function: string; file: string; line: number }): string => `${f.function} ${f.file}:${f.line}`
    const wrong: string[] = []
    for (let cut = full.indexOf('goroutine ') + 1; cut < end; cut++) {
      const prefix = full.slice(0, cut)
      const dump = parseGoroutineDump(prefix)
      if (dump.problems.length > 0) wrong.push(`cut at ${cut}: problems ${JSON.stringify(dump.problems)}`)
      if (dump.goroutines.length !== (prefix.match(/^goroutine \d+ .*\]:$/gm)?.length ?? 0)) wrong.push(`cut at ${cut}: goroutine count`)
      for (const [i, g] of dump.goroutines.entries()) {
        const kept = g.frames.map(frameKey).join('\n')
        const before = whole[i].frames.slice(0, g.frames.length).map(frameKey).join('\n')
        const creator = whole[i].createdBy
        const sameCreator = g.createdBy === undefined || (creator !== undefined && frameKey(g.createdBy) === frameKey(creator))
        if (g.id !== whole[i].id || kept !== before || !sameCreator) wrong.push(`cut at ${cut}: goroutine ${g.id} differs`)
      }
      // A cut shows when it leaves a partial line, or a function or header line waiting for what follows
      // it. A cut right after a frame's position line cannot be told from a goroutine that ends there.
      const lastLine = prefix.slice(0, -1).split('\n').pop() ?? ''
      const visible = !prefix.endsWith('\n') || (lastLine !== '' && !lastLine.startsWith('\t'))
      if (dump.truncated !== visible) wrong.push(`cut at ${cut}: truncated ${dump.truncated}`)
    }
    expect(wrong).toEqual([])
  })

  it('keeps the partial goroutine of a dump cut mid-frame, with the frames it has', () => {
    const text = 'goroutine 7 [chan send]:\nmain.a()\n\t/m.go:3 +0x1\nmain.b()\n\t/m.go:1'
    const dump = parseGoroutineDump(text)
    expect(dump.truncated).toBe(true)
    expect(dump.goroutines).toEqual([expect.objectContaining({ id: 7, frames: [{ function: 'main.a', file: '/m.go', line: 3 }] })])
  })

  it('reports a function line without its position and a position without a function', () => {
    const text = ['goroutine 7 [chan send]:', 'main.a()', 'main.b()', '\t/m.go:3 +0x1', '\t/m.go:4 +0x1', '\t/m.go:x', ''].join('\n')
    const dump = parseGoroutineDump(text)
    expect(dump.goroutines[0].frames).toEqual([{ function: 'main.b', file: '/m.go', line: 3 }])
    expect(dump.problems.map((p) => [p.line, p.reason])).toEqual([
      [2, 'function line without its file:line'],
      [5, 'file:line without a function line before it'],
      [6, 'file:line without a function line before it']
    ])
    expect(dump.truncated).toBe(false)
  })

  it('skips garbage and test output around and between goroutines', () => {
    const text = [
      '=== RUN   TestHang',
      '\x00\x01binary junk',
      'goroutine 7 [chan send]:',
      'main.a()',
      '\t/m.go:3 +0x1',
      '--- FAIL: TestHang (1.00s)',
      'main.orphan()',
      '\t/m.go:9 +0x1',
      'FAIL\texample.com/m\t1.012s',
      'exit status 2',
      ''
    ].join('\n')
    const dump = parseGoroutineDump(text)
    expect(dump.goroutines).toHaveLength(1)
    expect(dump.goroutines[0].frames).toEqual([{ function: 'main.a', file: '/m.go', line: 3 }])
    expect(dump.problems).toEqual([])
    expect(dump.truncated).toBe(false)
  })

  it('caps the problems of a dump garbled throughout and says how many it left out', () => {
    const text = Array.from({ length: 300 }, (_, i) => `goroutine ${i} [bad`).join('\n') + '\n'
    const dump = parseGoroutineDump(text)
    expect(dump.problems).toHaveLength(101)
    expect(dump.problems[100].reason).toBe('200 more problems not listed')
  })

  it('returns nothing for empty or unrelated text', () => {
    expect(parseGoroutineDump('')).toEqual({ goroutines: [], problems: [], truncated: false })
    expect(parseGoroutineDump('PASS\nok  \texample.com/m\t0.01s\n')).toEqual({ goroutines: [], problems: [], truncated: false })
  })
})

describe('parseGoroutineDump at scale', () => {
  it('reads 100k goroutines and groups them by signature', () => {
    const sites = [
      ['chan receive', 'example.com/m/srv.(*Conn).readLoop', 'srv/conn.go', 88, 'example.com/m/srv.Dial', 'srv/dial.go', 31],
      ['select', 'example.com/m/pool.worker', 'pool/pool.go', 120, 'example.com/m/pool.New', 'pool/pool.go', 44],
      ['sync.Mutex.Lock', 'example.com/m/cache.(*LRU).Get', 'cache/lru.go', 17, 'example.com/m/cache.fill', 'cache/fill.go', 9]
    ] as const
    const parts: string[] = []
    for (let id = 1; id <= 100_000; id++) {
      const [state, fn, file, line, creator, cfile, cline] = sites[id % 3]
      parts.push(
        `goroutine ${id} [${state}, ${id % 7} minutes]:\nsync.(*Mutex).Lock(...)\n\tsync/mutex.go:46\n${fn}(0xc000${id.toString(16)})\n\t${file}:${line} +0x4d\n` +
          `created by ${creator} in goroutine ${id % 5}\n\t${cfile}:${cline} +0x1f\n`
      )
    }
    const dump = parseGoroutineDump(parts.join('\n'))
    expect(dump.goroutines).toHaveLength(100_000)
    expect(dump.problems).toEqual([])
    expect(dump.goroutines[99_999]).toMatchObject({ id: 100_000, state: 'select', waitMinutes: 100_000 % 7 })
    const groups = groupBySignature(dump.goroutines)
    // Goroutine 1 is the first of the largest group; equal groups keep the order they were seen in.
    expect(groups.map((g) => [g.state, g.count, g.waitMinutes])).toEqual([
      ['select', 33_334, 6],
      ['sync.Mutex.Lock', 33_333, 6],
      ['chan receive', 33_333, 6]
    ])
    expect(groups[0].blocking).toEqual({ function: 'example.com/m/pool.worker', file: 'pool/pool.go', line: 120 })
    expect(groups[0].ids.slice(0, 2)).toEqual([1, 4])
    expect(groups[2].creation).toEqual({ function: 'example.com/m/srv.Dial', file: 'srv/dial.go', line: 31 })
  })
})
