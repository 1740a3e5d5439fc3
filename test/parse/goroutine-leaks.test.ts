// What a goroutine means for leak and hang reports: where it blocks, which goroutine it is (an identity
// that does not depend on the moment a dump caught it), and which goroutines are never leaks.
import { describe, expect, it } from 'vitest'
import {
  blockingFrame,
  groupBySignature,
  ignoredBecause,
  isIgnorable,
  leakSignature,
  parseGoroutineDump,
  type Goroutine
} from '../../src/parse/goroutines.js'
import { markedLine, recordedLeaks as recorded } from './recorded-leaks.js'

const MODULE = 'example.com/leaks'
const LEAKY = 'example.com/leaks/leaky'

function goroutine(partial: Partial<Goroutine>): Goroutine {
  return {
    id: 1,
    state: 'chan receive',
    leaked: false,
    lockedToThread: false,
    durable: false,
    frames: [],
    framesElided: false,
    line: 1,
    ...partial
  }
}

function frame(fn: string, file = 'x.go', line = 1): { function: string; file: string; line: number } {
  return { function: fn, file, line }
}

describe('blockingFrame', () => {
  it('skips runtime, std internal, sync and time frames to the first frame that waits', () => {
    const g = goroutine({
      frames: [
        frame('runtime.gopark'),
        frame('internal/poll.runtime_pollWait'),
        frame('internal/poll.(*FD).Read'),
        frame('time.Sleep'),
        frame('net.(*conn).Read', 'net/net.go', 194),
        frame('example.com/m.serve', 'serve.go', 12)
      ]
    })
    expect(blockingFrame(g)).toEqual(frame('net.(*conn).Read', 'net/net.go', 194))
  })

  it('prefers the innermost frame of the module when its path is known', () => {
    const g = goroutine({
      frames: [
        frame('sync.(*WaitGroup).Wait'),
        frame('golang.org/x/sync/errgroup.(*Group).Wait'),
        frame('example.com/m/run.All', 'run/all.go', 30)
      ]
    })
    expect(blockingFrame(g)?.function).toBe('golang.org/x/sync/errgroup.(*Group).Wait')
    expect(blockingFrame(g, { modulePath: 'example.com/m' })).toEqual(frame('example.com/m/run.All', 'run/all.go', 30))
    expect(blockingFrame(g, { modulePath: 'example.com/other' })?.function).toBe('golang.org/x/sync/errgroup.(*Group).Wait')
  })

  it('counts package main as the user’s code, but not the main.main go test generates', () => {
    const g = goroutine({ frames: [frame('sync.(*WaitGroup).Wait'), frame('main.run', '/srv/main.go', 8)] })
    expect(blockingFrame(g, { modulePath: 'example.com/m' })?.function).toBe('main.run')
    const test = goroutine({ frames: [frame('golang.org/x/lib.Wait'), frame('main.main', '_testmain.go', 50)] })
    expect(blockingFrame(test, { modulePath: 'example.com/m' })?.function).toBe('golang.org/x/lib.Wait')
  })

  it('falls back to testing’s or sync’s frame outside the runtime, then to the innermost frame', () => {
    const testing = goroutine({
      frames: [
        frame('runtime.gopark'),
        frame('sync.runtime_SemacquireWaitGroup'),
        frame('sync.(*WaitGroup).Wait'),
        frame('testing.tRunner')
      ]
    })
    expect(blockingFrame(testing)?.function).toBe('sync.(*WaitGroup).Wait')
    const runtime = goroutine({ frames: [frame('runtime.gopark'), frame('runtime.forcegchelper')] })
    expect(blockingFrame(runtime)?.function).toBe('runtime.gopark')
    expect(blockingFrame(goroutine({ frames: [] }))).toBeUndefined()
  })
})

describe('leakSignature', () => {
  const base = goroutine({
    id: 17,
    state: 'chan send',
    frames: [frame('example.com/m.leak.func1', 'leak.go', 16)],
    createdBy: { function: 'example.com/m.leak', file: 'leak.go', line: 15, goroutine: 3 }
  })

  it('never includes goroutine ids', () => {
    const other = { ...base, id: 99_999, createdBy: { function: 'example.com/m.leak', file: 'leak.go', line: 15, goroutine: 77 } }
    expect(leakSignature(other)).toEqual(leakSignature(base))
    expect(leakSignature(base).key).not.toMatch(/\b(17|3)\b/)
  })

  it('keeps line numbers in key and leaves them out of looseKey, so a moved leak still matches', () => {
    const moved = {
      ...base,
      frames: [frame('example.com/m.leak.func1', 'leak.go', 26)],
      createdBy: { function: 'example.com/m.leak', file: 'leak.go', line: 25 }
    }
    expect(leakSignature(moved).key).not.toBe(leakSignature(base).key)
    expect(leakSignature(moved).looseKey).toBe(leakSignature(base).looseKey)
    expect(leakSignature(base)).toMatchObject({
      state: 'chan send',
      blocking: frame('example.com/m.leak.func1', 'leak.go', 16),
      creation: { function: 'example.com/m.leak', file: 'leak.go', line: 15 }
    })
  })

  it('tells apart the goroutine’s own function and the creator', () => {
    const keys = [
      base,
      { ...base, frames: [frame('example.com/m.other', 'leak.go', 16)] },
      { ...base, createdBy: { function: 'example.com/m.spawn', file: 'leak.go', line: 15 } },
      { ...base, createdBy: undefined }
    ].map((g) => leakSignature(g).looseKey)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('leaves the wait state out, transient or not: one goroutine seen at different moments', () => {
    for (const state of ['chan receive', 'runnable', 'running', 'syscall', 'sleep']) {
      expect(leakSignature({ ...base, state }).key, state).toBe(leakSignature(base).key)
    }
  })
})

describe('isIgnorable', () => {
  it('ignores the goroutine running go-leak-gate’s probe', () => {
    const probe = goroutine({
      state: 'running',
      frames: [frame('runtime.Stack'), frame('example.com/m_test.glgStacks'), frame('example.com/m_test.glgProbe.func1')]
    })
    expect(ignoredBecause(probe)).toBe('probe')
    expect(isIgnorable(goroutine({ frames: [frame('example.com/m.glgood')] }))).toBe(false)
  })

  it('ignores testing’s waits only while they wait on a channel', () => {
    expect(ignoredBecause(goroutine({ frames: [frame('runtime.gopark'), frame('testing.(*T).Run')] }))).toBe('testing')
    expect(ignoredBecause(goroutine({ frames: [frame('testing.(*testState).waitParallel'), frame('testing.(*T).Parallel')] }))).toBe(
      'testing'
    )
    expect(isIgnorable(goroutine({ state: 'sync.Mutex.Lock', frames: [frame('testing.(*T).Run')] }))).toBe(false)
  })

  it('ignores os/signal’s loop and the runtime’s ensureSigM', () => {
    expect(ignoredBecause(goroutine({ state: 'syscall', frames: [frame('os/signal.signal_recv'), frame('os/signal.loop')] }))).toBe(
      'os/signal'
    )
    const sigM = goroutine({
      state: 'select',
      frames: [frame('runtime.gopark'), frame('runtime.selectgo'), frame('runtime.ensureSigM.func1')]
    })
    expect(ignoredBecause(sigM)).toBe('os/signal')
    expect(isIgnorable(goroutine({ frames: [frame('example.com/m.ensureSigMore')] }))).toBe(false)
  })

  it('ignores the execution tracer’s reader and the runtime’s own goroutines of a crash dump', () => {
    expect(
      ignoredBecause(
        goroutine({
          state: 'trace reader (blocked)',
          frames: [frame('runtime.ReadTrace'), frame('runtime/trace.(*traceMultiplexer).startLocked.func1')]
        })
      )
    ).toBe('trace reader')
    const bgsweep = goroutine({
      state: 'GC sweep wait',
      frames: [frame('runtime.gopark'), frame('runtime.bgsweep')],
      createdBy: frame('runtime.gcenable')
    })
    expect(ignoredBecause(bgsweep)).toBe('runtime')
    // Runtime frames only, but started by the user: a goroutine parked in select {} shows just gopark.
    const user = goroutine({
      state: 'select (no cases)',
      frames: [frame('runtime.gopark'), frame('runtime.block')],
      createdBy: frame('example.com/m.start')
    })
    expect(isIgnorable(user)).toBe(false)
  })

  it('applies user rules by top function, any function and creator, all fields together', () => {
    const g = goroutine({
      frames: [frame('runtime.gopark'), frame('internal/poll.runtime_pollWait'), frame('example.com/lib.(*Client).loop')],
      createdBy: frame('example.com/lib.NewClient')
    })
    expect(ignoredBecause(g, [{ topFunction: 'internal/poll.runtime_pollWait' }])).toBe('rule 0')
    expect(ignoredBecause(g, [{ topFunction: 'runtime.gopark' }])).toBe('rule 0')
    expect(ignoredBecause(g, [{ anyFunction: 'example.com/lib.(*Client).loop' }])).toBe('rule 0')
    expect(ignoredBecause(g, [{ createdBy: 'example.com/other.New' }, { createdBy: 'example.com/lib.NewClient' }])).toBe('rule 1')
    expect(isIgnorable(g, [{ createdBy: 'example.com/lib.NewClient', anyFunction: 'example.com/lib.missing' }])).toBe(false)
    expect(isIgnorable(g, [{ anyFunction: 'example.com/lib' }])).toBe(false)
    expect(isIgnorable(g, [{}])).toBe(false)
  })

  it('leaves every leak of the recorded dump, ignores what goleak ignores and what a rule names', () => {
    const all = parseGoroutineDump(recorded('leaks-stack.txt')).goroutines
    const reasons = new Map(all.map((g) => [g.id, ignoredBecause(g, [{ anyFunction: `${LEAKY}.dump` }])]))
    expect(all.filter((g) => reasons.get(g.id) === undefined).map((g) => g.createdBy?.function.slice(LEAKY.length + 1))).toEqual([
      'BlockedSend',
      'BlockedReceive',
      'SelectNoCases',
      'MutexDeadlock',
      'WaitGroupNeverDone',
      'CondNeverSignalled',
      'LockedToThread',
      'Labelled',
      'ReachableFromGlobal',
      'Worker',
      'Worker',
      'Worker'
    ])
    expect([...reasons.values()].filter((r) => r !== undefined)).toEqual(['rule 0', 'os/signal', 'trace reader'])
  })
})

describe('a goroutine looping on a ticker, caught at four moments (recorded by cmd/tickloop)', () => {
  const TICK = `${MODULE}/tickloop`
  const MOMENTS = ['parked', 'runnable-wait', 'busy-body', 'busy-call'] as const
  const ticking = (moment: string): Goroutine => {
    const found = parseGoroutineDump(recorded(`tickloop-${moment}.txt`)).goroutines.filter((g) => g.createdBy?.function === `${TICK}.Watch`)
    expect(found, moment).toHaveLength(1)
    return found[0]
  }
  const line = (marker: string): number => markedLine('tickloop/tickloop.go', marker)
  const caught = MOMENTS.map(ticking)

  it('is caught parked on the channel, and runnable at the receive, in the loop body and in a callee', () => {
    expect(caught.map((g) => g.state)).toEqual(['chan receive', 'runnable', 'runnable', 'runnable'])
    expect(caught.map((g) => blockingFrame(g, { modulePath: MODULE }))).toEqual([
      { function: `${TICK}.(*Watcher).run`, file: `${TICK}/tickloop.go`, line: line('tick-wait') },
      { function: `${TICK}.(*Watcher).run`, file: `${TICK}/tickloop.go`, line: line('tick-wait') },
      { function: `${TICK}.(*Watcher).run`, file: `${TICK}/tickloop.go`, line: line('tick-body') },
      { function: `${TICK}.digest`, file: `${TICK}/tickloop.go`, line: line('tick-digest') }
    ])
  })

  it('has one identity at every moment, with the module path known or not', () => {
    for (const opts of [{ modulePath: MODULE }, {}]) {
      const signatures = caught.map((g) => leakSignature(g, opts))
      expect(new Set(signatures.map((s) => s.key)).size).toBe(1)
      expect(new Set(signatures.map((s) => s.looseKey)).size).toBe(1)
      expect(signatures[0]).toMatchObject({
        origin: `${TICK}.(*Watcher).run`,
        creation: { function: `${TICK}.Watch`, file: `${TICK}/tickloop.go`, line: line('tick-go') }
      })
    }
  })

  it('is reported by its parked sighting, whatever the others and their order', () => {
    for (const order of [caught, [...caught].reverse()]) {
      const groups = groupBySignature(order, { modulePath: MODULE })
      expect(groups).toHaveLength(1)
      expect(groups[0]).toMatchObject({
        count: 4,
        state: 'chan receive',
        blocking: { function: `${TICK}.(*Watcher).run`, line: line('tick-wait') }
      })
      expect(groups[0].stack).toBe(caught[0].frames)
    }
  })

  it('picks the same sighting whatever the order when none is parked', () => {
    const busy = caught.slice(1)
    const one = groupBySignature(busy, { modulePath: MODULE })
    const other = groupBySignature([...busy].reverse(), { modulePath: MODULE })
    expect(one).toHaveLength(1)
    expect(one[0].state).toBe('runnable')
    expect(other[0].blocking).toEqual(one[0].blocking)
  })
})

describe('the gate’s own frames', () => {
  const PKG = 'example.com/m/pkg'
  // The main goroutine of a test binary while a benchmark runs, with the probe's TestMain in its stack.
  const runner = goroutine({
    state: 'chan receive',
    frames: [
      frame('testing.(*B).doBench', 'testing/benchmark.go', 297),
      frame('testing.(*B).run', 'testing/benchmark.go', 288),
      frame('testing.(*M).Run', 'testing/testing.go', 2459),
      frame(`${PKG}.TestMain`, 'example.com/m/pkg/zz_goleakgate_probe_test.go', 180),
      frame('main.main', '_testmain.go', 48)
    ]
  })

  it('are never where a goroutine blocks, nor its own function', () => {
    expect(blockingFrame(runner, { modulePath: 'example.com/m' })?.function).toBe('testing.(*B).doBench')
    expect(blockingFrame(runner)?.function).toBe('testing.(*B).doBench')
    expect(leakSignature(runner, { modulePath: 'example.com/m' }).origin).toBe('testing.(*M).Run')
  })

  it('leave the user’s own TestMain, renamed by the overlay, the user’s code', () => {
    const own = goroutine({
      frames: [frame('sync.(*WaitGroup).Wait'), frame(`${PKG}.glgUserTestMain`, 'example.com/m/pkg/main_test.go', 12), ...runner.frames.slice(3)]
    })
    expect(blockingFrame(own, { modulePath: 'example.com/m' })).toEqual(frame(`${PKG}.glgUserTestMain`, 'example.com/m/pkg/main_test.go', 12))
  })

  it('count testing’s wait for a benchmark as testing’s own goroutine', () => {
    expect(ignoredBecause(runner)).toBe('testing')
  })

  it('skip the wrapper the compiler puts around a go statement’s call', () => {
    const g = goroutine({
      frames: [frame(`${PKG}.(*W).run`, 'pkg/w.go', 9), frame(`${PKG}.Start.gowrap1`, 'pkg/w.go', 4)],
      createdBy: frame(`${PKG}.Start`, 'pkg/w.go', 4)
    })
    expect(leakSignature(g, { modulePath: 'example.com/m' }).origin).toBe(`${PKG}.(*W).run`)
  })
})
