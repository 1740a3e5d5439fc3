// Writes what is generated from the option table: src/config/config.schema.json and the options table in
// README.md. Run: npm run gen:schema (test/config/options.test.ts fails when either is out of date).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { withReference } from '../src/config/reference.js'
import { configSchemaText } from '../src/config/schema.js'

const root = join(import.meta.dirname, '..')
const schema = join(root, 'src', 'config', 'config.schema.json')
writeFileSync(schema, configSchemaText())
const readme = join(root, 'README.md')
writeFileSync(readme, withReference(readFileSync(readme, 'utf8')))
process.stdout.write(`wrote ${schema} and the options table in ${readme}\n`)
