import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// Outputs of real Go runs, made by scripts/record-fixtures.sh from the module in recorded-src/.
export const RECORDED_DIR = fileURLToPath(new URL('../fixtures/recorded/', import.meta.url))
export const RECORDED_SRC = fileURLToPath(new URL('../fixtures/recorded-src/', import.meta.url))
export const RECORDED_MODULE = 'example.com/recorded'

export function recordedText(name: string): string {
  return readFileSync(join(RECORDED_DIR, name), 'utf8')
}

export function recordedBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(RECORDED_DIR, name)))
}

/** Builds the recorded module's test binary, as the script does, and returns its path. */
export function buildRecordedTestBinary(): string {
  const binary = join(mkdtempSync(join(tmpdir(), 'glg-parse-')), 'recorded.test')
  execFileSync('go', ['test', '-c', '-o', binary, '.'], { cwd: RECORDED_SRC, stdio: ['ignore', 'pipe', 'pipe'] })
  return binary
}
