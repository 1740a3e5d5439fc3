// Zip archives made by real tools (Info-ZIP's zip, Python's zipfile), not by the reader under test.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** A zip of `files` (path -> content) made by the zip command; `store` keeps entries uncompressed. */
export function zipOf(files: Record<string, string | Buffer>, store = false): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'glg-zip-'))
  try {
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, 'in', name)), { recursive: true })
      writeFileSync(join(dir, 'in', name), content)
    }
    execFileSync('zip', ['-q', '-r', ...(store ? ['-0'] : []), join(dir, 'out.zip'), '.'], { cwd: join(dir, 'in') })
    return readFileSync(join(dir, 'out.zip'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A zip whose entry names Python's zipfile writes as given, '../' and all (zip would refuse them). */
export function zipWithNames(entries: [string, string][]): Buffer {
  const script = [
    'import io, json, sys, zipfile',
    'buf = io.BytesIO()',
    'with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:',
    '    for name, text in json.loads(sys.argv[1]):',
    '        z.writestr(name, text)',
    'sys.stdout.buffer.write(buf.getvalue())'
  ].join('\n')
  return execFileSync('python3', ['-c', script, JSON.stringify(entries)])
}
