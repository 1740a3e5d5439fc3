// The ports a load job's service gets: free ones the kernel picks, or a fixed one that must be free.
import { createServer } from 'node:net'
import { LOOPBACK_HOST } from '../../config/loopback.js'

/** A port that was free a moment ago: the kernel's pick for port 0 on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once('error', reject)
    server.listen(0, LOOPBACK_HOST, () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port assigned'))))
    })
  })
}

/** Whether something listens on 127.0.0.1:port already (binding it fails with EADDRINUSE). */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.unref()
    server.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'EADDRINUSE' || err.code === 'EACCES'))
    server.listen(port, LOOPBACK_HOST, () => server.close(() => resolve(false)))
  })
}
