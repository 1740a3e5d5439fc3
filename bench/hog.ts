// One core's worth of someone else's work, for the benches that measure the gate on a busy runner.
import { spawn, type ChildProcess } from 'node:child_process'

const hogs = new Set<ChildProcess>()

/** `yes` writing to /dev/null (stdio 'ignore' is /dev/null): one busy core until stopHogs. */
export function startHog(): ChildProcess {
  const child = spawn('yes', [], { stdio: 'ignore' })
  hogs.add(child)
  child.on('exit', () => hogs.delete(child))
  return child
}

export function stopHogs(): void {
  for (const h of hogs) h.kill('SIGKILL')
}

// A bench stopped by a signal leaves no hog behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopHogs()
    process.exit(130)
  })
}
