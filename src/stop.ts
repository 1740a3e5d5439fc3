// What happens when the gate is stopped (Ctrl-C, a cancelled workflow, a timeout of the caller): the
// child processes die first, so they let go of their files, then everything the gate made is undone,
// newest first, then the process exits with 128 + the signal's number. Undo steps are synchronous:
// inside a signal handler nothing asynchronous gets to finish before the exit.

import { writeSync } from 'node:fs'

type Undo = () => void

const undos = new Map<number, Undo>()
let nextId = 0
let killChildren: () => void = () => {}
let installed = false
let signalsWanted = false
let signalsInstalled = false

const SIGNALS = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129]
] as const

function undoAll(): void {
  for (const [id, undo] of [...undos].reverse()) {
    undos.delete(id)
    try {
      undo()
    } catch {
      // A cleanup that fails leaves what the next run's sweep removes; the others must still run.
    }
  }
}

function install(): void {
  if (!installed) {
    installed = true
    process.once('exit', () => {
      killChildren()
      undoAll()
    })
  }
  if (!signalsWanted || signalsInstalled) return
  signalsInstalled = true
  for (const [signal, code] of SIGNALS) {
    process.once(signal, () => {
      killChildren()
      undoAll()
      // Synchronous: process.exit follows at once, and stderr may be a pipe nobody has drained yet.
      try {
        writeSync(2, `go-leak-gate: stopped by ${signal}: child processes killed, temporary worktree and files removed (exit code ${code})\n`)
      } catch {
        // A closed stderr (the terminal went away with SIGHUP) must not stop the exit.
      }
      process.exit(code)
    })
  }
}

/**
 * Makes SIGINT, SIGTERM and SIGHUP stop the gate as above. Only the process entry points call it (the CLI's
 * and the action's): a program that uses the gate as a library, or a test runner's worker, keeps its own
 * handling of signals; its exit still kills the children and undoes what the gate made.
 */
export function handleStopSignals(): void {
  signalsWanted = true
  install()
}

/** Sets how the live child processes are killed when the gate stops (see go/process.ts). */
export function stopChildrenWith(kill: () => void): void {
  killChildren = kill
  install()
}

/**
 * Registers a step that undoes something the gate made (a temporary directory, a git worktree) if the
 * gate stops before it is done with it. Returns the release for the normal path, which undoes it itself.
 */
export function onStop(undo: Undo): () => void {
  install()
  const id = nextId++
  undos.set(id, undo)
  return () => {
    undos.delete(id)
  }
}
