import { run } from './main.js'
import { handleStopSignals } from './stop.js'

// Not a top-level await: the bundle inlines dynamic imports (@actions/artifact) after this module's body, and
// awaiting run() here would hold their evaluation until run() returned, so they would still be undefined.
handleStopSignals()
setImmediate(() => void run())
