// A result directory: result.json and profiles/, as `run` and `gate` write them. Written by the measure
// stage; read back as a baseline (see source.ts) and by `compare`. Files from elsewhere (a stored baseline, a
// fork's artifact) are untrusted: bounded in size and validated against the schema before use.
import { open, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Ajv, type ValidateFunction } from 'ajv'
import { errorMessage, UsageError } from '../errors.js'
import { REPORT_SCHEMA_VERSION, type Report } from '../model/report.js'
import { RESULT_SCHEMA_VERSION, type RunResult } from '../model/result.js'
import REPORT_SCHEMA from '../model/report.schema.json' with { type: 'json' }
import RESULT_SCHEMA from '../model/result.schema.json' with { type: 'json' }
import { makeDirs } from '../publish/paths.js'
import type { StoredBaselineSource } from './source.js'

// strictNumbers: JSON.parse reads `1e999` as Infinity, which is no number the schema means.
const ajv = new Ajv({ allErrors: false, strict: false, strictNumbers: true })
const validateResult = ajv.compile<RunResult>(RESULT_SCHEMA)
const validateReport = ajv.compile<Report>(REPORT_SCHEMA)

export const RESULT_FILE = 'result.json'
export const PROFILES_DIR = 'profiles'

/**
 * The largest result.json or report.json read. JSON.parse needs several times the file's size in memory, and
 * a file from elsewhere may be any size. A real result takes about 1.3 KB per benchmark run (measured on the
 * gate fixture: test/fixtures/recorded-results/gate), so this holds some 200,000 runs, 16,000 benchmarks at
 * the default 12 runs per side: beyond any repository, and well within a runner's memory to parse.
 */
export const MAX_JSON_BYTES = 256 * 1024 * 1024

export async function writeResult(dir: string, result: RunResult): Promise<string> {
  await makeDirs(dir)
  const path = join(dir, RESULT_FILE)
  await writeFile(path, JSON.stringify(result, null, 2) + '\n')
  return path
}

/** Reads a file of at most `max` bytes as UTF-8 text; a larger one is refused before it is read whole. */
async function readBounded(path: string, max: number, hint: string): Promise<string> {
  let file
  try {
    // Opening a FIFO would wait for a writer forever.
    if (!(await stat(path)).isFile()) throw new UsageError(`${path} is not a regular file: ${hint}`)
    file = await open(path, 'r')
  } catch (err) {
    if (err instanceof UsageError) throw err
    throw new UsageError(`${path} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}): ${hint}`)
  }
  try {
    const { size } = await file.stat()
    if (size > max) throw new UsageError(`${path} is ${size} bytes, more than the ${max} a go-leak-gate file can be: ${hint}`)
    // Read in chunks up to one byte past the limit: a file that grows, or a device without a size, is caught too.
    const chunks: Buffer[] = []
    let length = 0
    for (;;) {
      const chunk = Buffer.alloc(Math.min(max + 1 - length, 1 << 20))
      const { bytesRead } = await file.read(chunk, 0, chunk.length, null)
      if (bytesRead === 0) break
      chunks.push(chunk.subarray(0, bytesRead))
      length += bytesRead
      if (length > max) throw new UsageError(`${path} is more than the ${max} bytes a go-leak-gate file can be: ${hint}`)
    }
    return Buffer.concat(chunks, length).toString('utf8')
  } catch (err) {
    if (err instanceof UsageError) throw err
    throw new UsageError(`${path} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}): ${hint}`)
  } finally {
    await file.close()
  }
}

/** Parses and validates untrusted JSON; every refusal names the file and, for a schema error, the JSON path. */
function parseValidated<T>(path: string, text: string, what: string, version: number, validate: ValidateFunction<T>): T {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    throw new UsageError(`${path} is not valid JSON: ${errorMessage(err)}`)
  }
  const found = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { schemaVersion?: unknown }).schemaVersion : undefined
  if (found !== version) {
    throw new UsageError(`${path} has schemaVersion ${describeValue(found)}; this go-leak-gate reads ${what} version ${version}`)
  }
  if (!validate(value)) {
    const e = validate.errors?.[0]
    throw new UsageError(`${path} does not match the ${what} schema: ${clipped(e?.instancePath || '(top)')} ${e?.message ?? ''}`)
  }
  return value
}

/** A value from the file, for a message: never serialised whole (it may be huge, or nested too deep to). */
function describeValue(v: unknown): string {
  if (v === undefined) return 'missing'
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (typeof v === 'string') return JSON.stringify(clipped(v))
  return Array.isArray(v) ? 'an array' : 'an object'
}

/** A JSON path or value quoted in a message: keys come from the file and may be huge. */
function clipped(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text
}

/** Reads and validates a result directory written by `run` (or by a stored baseline). */
export async function readResult(dir: string): Promise<RunResult> {
  const path = join(dir, RESULT_FILE)
  const text = await readBounded(path, MAX_JSON_BYTES, `give a directory written by 'go-leak-gate run'`)
  return parseValidated(path, text, 'result', RESULT_SCHEMA_VERSION, validateResult)
}

/** Reads and validates a report.json (as `compare --json` writes it), for publishing a report made elsewhere. */
export async function readReport(path: string): Promise<Report> {
  const text = await readBounded(path, MAX_JSON_BYTES, `give a report.json written by 'go-leak-gate compare --json'`)
  return parseValidated(path, text, 'report', REPORT_SCHEMA_VERSION, validateReport)
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
