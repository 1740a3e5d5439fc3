// Builds the one typed Config from the option table: defaults, then the config file, then flags or inputs.
import { open } from 'node:fs/promises'
import { resolve } from 'node:path'
import { UsageError } from '../errors.js'
import { MAX_CONFIG_BYTES, emptyFile, parseConfigBytes, type FileConfig } from './file.js'
import { fromTable, isOption, OptionValues, TABLE, type Option, type Table } from './options.js'
import type { CompareConfig, Config, LoadConfig, RunConfig, TestConfig } from './types.js'
import { durationMs } from './values.js'

export { parseConfigText, parseConfigBytes, type FileConfig } from './file.js'

function lookup(layers: readonly OptionValues[]): (option: Option<unknown>) => unknown {
  return (option) => {
    for (let i = layers.length - 1; i >= 0; i--) if (layers[i].has(option)) return layers[i].get(option)
    return structuredClone(option.default)
  }
}

/** The Config for a module: later layers win (file, then inputs or flags). */
export function resolveConfig(dir: string, layers: readonly OptionValues[]): Config {
  const value = lookup(layers)
  return {
    run: { dir, ...fromTable<Omit<RunConfig, 'dir'>>(TABLE.run, value) },
    compare: fromTable<CompareConfig>(TABLE.compare, value),
    tests: fromTable<TestConfig>(TABLE.tests, value),
    load: fromTable<LoadConfig>(TABLE.load, value)
  }
}

/** Options given on the command line or as action inputs as typed values; they win over the file. */
export type RunOverrides = Partial<Omit<RunConfig, 'dir'>>
export type TestOverrides = Partial<Pick<TestConfig, 'enabled' | 'race' | 'run' | 'timeoutMs'>>

function overrideLayer<S extends object>(table: Table<S>, overrides: Partial<S>): OptionValues {
  const layer = new OptionValues()
  for (const [field, node] of Object.entries(table)) {
    const v: unknown = (overrides as Record<string, unknown>)[field]
    if (v !== undefined && isOption(node)) layer.set(node, v)
  }
  return layer
}

/** The Config from a file and typed overrides (kept for callers that build overrides themselves). */
export function buildConfig(dir: string, file: FileConfig, overrides: RunOverrides, tests: TestOverrides = {}, more: readonly OptionValues[] = []): Config {
  return resolveConfig(dir, [file.values, overrideLayer<Omit<RunConfig, 'dir'>>(TABLE.run, overrides), overrideLayer<TestConfig>(TABLE.tests, tests), ...more])
}

/** Milliseconds of a Go-style duration; `what` names the value in the error. */
export function parseDuration(text: string, what: string): number {
  const ms = durationMs(text)
  if (ms === undefined) throw new UsageError(`${what}: '${text}' is not a duration; write it like '90s' or '10m'`)
  return ms
}

export const DEFAULT_CONFIG_FILES = ['.github/go-leak-gate.yml', 'go-leak-gate.yml', '.go-leak-gate.yml']

async function readBounded(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const info = await handle.stat()
    // A FIFO or a device would block or never end; a config file is a regular file.
    if (!info.isFile()) throw new UsageError(`config file ${path} is not a regular file`)
    if (info.size > MAX_CONFIG_BYTES) throw new UsageError(`${path}: ${info.size} bytes is too large for a config file (at most ${MAX_CONFIG_BYTES} bytes)`)
    return await handle.readFile()
  } finally {
    await handle.close()
  }
}

/**
 * Reads the config file: the given path (which must exist), or the first default location found
 * under the module directory. Returns an empty config when there is none.
 */
export async function readConfigFile(path: string | undefined, moduleDir: string): Promise<{ file: FileConfig; source?: string }> {
  const candidates = path ? [resolve(path)] : DEFAULT_CONFIG_FILES.map((f) => resolve(moduleDir, f))
  for (const c of candidates) {
    let bytes: Uint8Array
    try {
      bytes = await readBounded(c)
    } catch (err) {
      if (err instanceof UsageError) throw err
      if (path) throw new UsageError(`config file ${path} cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
      continue
    }
    return { file: parseConfigBytes(bytes, c), source: c }
  }
  return { file: emptyFile() }
}
