// The real recordings the fuzz tests mutate, by the recording directories' own names.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url))

export function texts(dir: string, names: string[]): { name: string; value: string }[] {
  return names.map((name) => ({ name: `${dir}/${name}`, value: readFileSync(`${FIXTURES}${dir}/${name}`, 'utf8') }))
}

export function bytes(dir: string, names: string[]): { name: string; value: Uint8Array }[] {
  return names.map((name) => ({ name: `${dir}/${name}`, value: new Uint8Array(readFileSync(`${FIXTURES}${dir}/${name}`)) }))
}

export const FIXTURES_DIR = FIXTURES
