// The names go-leak-gate's probe (go/probe-source.ts) gives what it adds to a package. The readers of
// stacks (stackframes.ts) must know them to keep the gate's frames out of what they show as the user's
// code, and parse/ stays free of go/, so they live here and probe-source.ts takes them from here.

/** The file the probe is added as, in every package the gate builds. */
export const PROBE_FILE = 'zz_goleakgate_probe_test.go'
/**
 * Beside it, the process's CPU clock: getrusage where the platform has it (the unix build tag), a stub
 * that reports none elsewhere, so the probe builds on every platform Go does.
 */
export const PROBE_CPU_FILES = { unix: 'zz_goleakgate_cpu_unix_test.go', other: 'zz_goleakgate_cpu_other_test.go' } as const
/**
 * What a package's own TestMain is renamed to, so that the probe's TestMain can call it: the user's code
 * still, in the user's file, shown to the user as TestMain.
 */
export const USER_TEST_MAIN = 'glgUserTestMain'
/** Every function the probe declares starts with this (glgProbe, glgExit, ...). */
export const PROBE_PREFIX = 'glg'
