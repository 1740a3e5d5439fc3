// The shape of src/: no import cycles, and the pure modules (parse, model, compare, report) import nothing
// that does I/O or talks to GitHub.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from './helpers/fixture-repo.js'

const SRC = join(repoRoot, 'src')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
}

const IMPORT = /^(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm
const files = sources(SRC)
const imports = new Map(files.map((f) => [f, [...readFileSync(f, 'utf8').matchAll(IMPORT)].map((m) => m[1])]))

function localTargets(file: string): string[] {
  return (imports.get(file) ?? []).filter((s) => s.startsWith('.')).map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts')))
}

describe('src/', () => {
  it('has no import cycles', () => {
    const cycles: string[] = []
    const state = new Map<string, 'open' | 'done'>()
    const stack: string[] = []
    const visit = (f: string): void => {
      state.set(f, 'open')
      stack.push(f)
      for (const t of localTargets(f)) {
        if (state.get(t) === 'open') cycles.push(stack.slice(stack.indexOf(t)).map((x) => relative(SRC, x)).join(' -> '))
        else if (!state.has(t)) visit(t)
      }
      stack.pop()
      state.set(f, 'done')
    }
    for (const f of files) if (!state.has(f)) visit(f)
    expect(cycles).toEqual([])
  })

  it('keeps parse, model, compare and report free of I/O and of @actions', () => {
    const pure = files.filter((f) => /^(parse|model|compare|report)\//.test(relative(SRC, f)))
    expect(pure.length).toBeGreaterThan(20)
    const offending = pure.flatMap((f) =>
      (imports.get(f) ?? []).filter((s) => s.startsWith('@actions/') || /^node:(fs|child_process|net|http|https)/.test(s) || /\.\.\/(go|git|jobs|pipeline|publish|baseline)\//.test(s)).map((s) => `${relative(SRC, f)}: ${s}`)
    )
    expect(offending).toEqual([])
  })
})
