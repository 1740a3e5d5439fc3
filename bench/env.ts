// Settings of the benches, read from the environment.

/** A positive integer from the environment, or the default when unset or empty. */
export function intEnv(name: string, dflt: number): number {
  const v = process.env[name]
  if (v === undefined || v === '') return dflt
  const n = Number(v)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got '${v}'`)
  return n
}
