// A result directory: result.json and profiles/, as `run` and `gate` write them. Written by the measure
// stage; read back as a baseline (see source.ts) and by `compare`.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { errorMessage, UsageError } from '../errors.js'
import { RESULT_SCHEMA_VERSION, type RunResult } from '../model/result.js'
import RESULT_SCHEMA from '../model/result.schema.json' with { type: 'json' }
import { makeDirs } from '../publish/paths.js'
import type { StoredBaselineSource } from './source.js'

const ajv = new Ajv({ allErrors: false, strict: false })
const validateResult = ajv.compile<RunResult>(RESULT_SCHEMA)

export const RESULT_FILE = 'result.json'
export const PROFILES_DIR = 'profiles'

export async function writeResult(dir: string, result: RunResult): Promise<string> {
  await makeDirs(dir)
  const path = join(dir, RESULT_FILE)
  await writeFile(path, JSON.stringify(result, null, 2) + '\n')
  return path
}

/** Reads and validates a result directory written by `run` (or by a stored baseline). */
export async function readResult(dir: string): Promise<RunResult> {
  const path = join(dir, RESULT_FILE)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    throw new UsageError(`${path} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}): give a directory written by 'go-leak-gate run'`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    throw new UsageError(`${path} is not valid JSON: ${errorMessage(err)}`)
  }
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion
  if (version !== RESULT_SCHEMA_VERSION) {
    throw new UsageError(`${path} has schemaVersion ${JSON.stringify(version)}; this go-leak-gate reads version ${RESULT_SCHEMA_VERSION}`)
  }
  if (!validateResult(value)) {
    const e = validateResult.errors?.[0]
    throw new UsageError(`${path} does not match the result schema: ${e?.instancePath || '(top)'} ${e?.message ?? ''}`)
  }
  return value
}

/**
 * A baseline measured earlier: a directory written by `go-leak-gate run` (or unpacked from an artifact).
 * The directory is kept as given: the report names it so.
 */
export function resultDirBaseline(dir: string): StoredBaselineSource {
  return {
    describe: `the results in ${dir}`,
    obtain: async () => ({ kind: 'stored', result: await readResult(dir), dir })
  }
}
