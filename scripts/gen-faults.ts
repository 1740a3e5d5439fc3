// Writes README.md's "Faults and exit codes" section from the fault table in test/faults/faults.ts.
// Run: npm run gen:faults (test/faults/faults.test.ts fails when the section is out of date).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { withFaults } from '../test/faults/readme.js'

const readme = join(import.meta.dirname, '..', 'README.md')
writeFileSync(readme, withFaults(readFileSync(readme, 'utf8')))
process.stdout.write(`wrote the faults section in ${readme}\n`)
