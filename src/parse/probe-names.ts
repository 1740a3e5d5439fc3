// The names go-leak-gate's probe (go/probe-source.ts) gives what it adds to a package. The readers of
// stacks (stackframes.ts) must know them to keep the gate's frames out of what they show as the user's
// code, and parse/ stays free of go/, so they live here and probe-source.ts takes them from here.

/** The file the probe is added as, in every package the gate builds. */
export const PROBE_FILE = 'zz_goleakgate_probe_test.go'
/**
 * What a package's own TestMain is renamed to, so that the probe's TestMain can call it: the user's code
 * still, in the user's file, shown to the user as TestMain.
 */
export const USER_TEST_MAIN = 'glgUserTestMain'
/** Every function the probe declares starts with this (glgProbe, glgExit, ...). */
export const PROBE_PREFIX = 'glg'
