// Writes src/config/config.schema.json from the option table. Run: npm run gen:schema
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { configSchemaText } from '../src/config/schema.js'

const path = join(import.meta.dirname, '..', 'src', 'config', 'config.schema.json')
writeFileSync(path, configSchemaText())
process.stdout.write(`wrote ${path}\n`)
