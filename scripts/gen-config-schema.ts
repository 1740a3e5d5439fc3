// Writes what is generated from the option table: src/config/config.schema.json, the options table in
// README.md, and README.md's tables of the action's own inputs and outputs (from action.yml). Run: npm run
// gen:schema (test/config/options.test.ts and action-yml.test.ts fail when any is out of date).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { withActionReference, withReference, type ActionMetadata } from '../src/config/reference.js'
import { configSchemaText } from '../src/config/schema.js'

const root = join(import.meta.dirname, '..')
const schema = join(root, 'src', 'config', 'config.schema.json')
writeFileSync(schema, configSchemaText())
const readme = join(root, 'README.md')
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as ActionMetadata
writeFileSync(readme, withActionReference(withReference(readFileSync(readme, 'utf8')), action))
process.stdout.write(`wrote ${schema} and the options and action tables in ${readme}\n`)
