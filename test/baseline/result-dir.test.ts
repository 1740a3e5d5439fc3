// Result directories: written by the measure stage, read back (validated) as a stored baseline.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readResult, resultDirBaseline, writeResult } from '../../src/baseline/result-dir.js'
import { UsageError } from '../../src/errors.js'
import { RESULT_SCHEMA_VERSION } from '../../src/model/result.js'
import { runProcess } from '../../src/go/process.js'
import { bench, repeat, result } from '../compare/build-result.js'

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glg-rd-'))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('result directories', () => {
  it('round-trips a result through result.json, creating the directory', async () => {
    const r = result({ 'example.com/m/p': [bench('BenchmarkA', repeat(3, () => ({ allocs: 2 })))] })
    const path = await writeResult(join(dir, 'deep', 'side'), r)
    expect(path).toBe(join(dir, 'deep', 'side', 'result.json'))
    expect(await readResult(join(dir, 'deep', 'side'))).toEqual(r)
  })

  it('is a stored baseline named by the directory as given', async () => {
    const b = await resultDirBaseline(join(dir, 'deep', 'side')).obtain(runProcess)
    expect(b).toMatchObject({ kind: 'stored', dir: join(dir, 'deep', 'side') })
    expect(b.result.packages[0].benchmarks[0].runs).toHaveLength(3)
  })

  it('refuses another schema version and a result that does not match the schema, naming the file', async () => {
    const r = result({})
    await writeFile(join(dir, 'result.json'), JSON.stringify({ ...r, schemaVersion: RESULT_SCHEMA_VERSION + 1 }))
    await expect(readResult(dir)).rejects.toThrow(
      `${join(dir, 'result.json')} has schemaVersion ${RESULT_SCHEMA_VERSION + 1}; this go-leak-gate reads result version ${RESULT_SCHEMA_VERSION}`
    )
    await writeFile(join(dir, 'result.json'), JSON.stringify({ ...r, packages: 'none' }))
    await expect(readResult(dir)).rejects.toThrow(UsageError)
    await expect(readResult(dir)).rejects.toThrow(/does not match the result schema: \/packages/)
    expect(JSON.parse(await readFile(join(dir, 'result.json'), 'utf8')).packages).toBe('none')
  })
})
