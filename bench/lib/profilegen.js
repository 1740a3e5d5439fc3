// bench/profilegen: builds the generator once and writes a base and a head heap profile of N stacks.
import { join } from 'node:path'
import { runChecked } from './proc.js'

export const PROFILE_TOOL = 'profilegen'
/** profilegen's recursion reaches at most 2^22 distinct paths. */
export const MAX_STACKS = 2 ** 22

export async function buildProfilegen(repoDir, work) {
  const binary = join(work, PROFILE_TOOL)
  await runChecked(['go', 'build', '-trimpath', '-o', binary, '.'], { cwd: join(repoDir, 'bench', 'profilegen') })
  return binary
}

/** Writes `out`; returns profilegen's totals ({records, inuseBytes, inuseObjects}). */
export async function generateProfile(binary, out, stacks, head) {
  const r = await runChecked([binary, '-out', out, '-stacks', String(stacks), ...(head ? ['-head'] : [])], {})
  return JSON.parse(r.stdout)
}

/** The pair the measurements diff: base.pprof and head.pprof of `stacks` stacks in `dir`. */
export async function generatePair(binary, dir, stacks) {
  const base = join(dir, `base-${stacks}.pprof`)
  const head = join(dir, `head-${stacks}.pprof`)
  const baseTotals = await generateProfile(binary, base, stacks, false)
  const headTotals = await generateProfile(binary, head, stacks, true)
  return { base, head, baseTotals, headTotals }
}
