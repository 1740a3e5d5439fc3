// Writes src/report/html/assets.gen.ts from the page's script and style in src/report/html/assets/, so
// the generator can inline them from a plain module (tsc, rollup, vitest and tsx all read it as it is).
// test/report/html/page.test.ts fails when the module is out of date: run `npm run gen:html`.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { assetsModule } from '../src/report/html/assets-module.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const dir = join(root, 'src', 'report', 'html')
const read = (name: string): string => readFileSync(join(dir, 'assets', name), 'utf8')
writeFileSync(join(dir, 'assets.gen.ts'), assetsModule(read('report.js'), read('report.css')))
process.stdout.write('wrote src/report/html/assets.gen.ts\n')
