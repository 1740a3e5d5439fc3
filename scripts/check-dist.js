// Fails when dist/ differs from a fresh bundle of src/: GitHub runs dist/index.js as committed, so a
// stale bundle would ship code nobody tested.
import { execFileSync } from 'node:child_process'

execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' })
const status = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { encoding: 'utf8' })
if (status.trim() !== '') {
  process.stderr.write(`dist/ is not the bundle of src/. Run 'npm run build' and commit dist/:\n${status}`)
  const diff = execFileSync('git', ['diff', '--stat', '--', 'dist'], { encoding: 'utf8' })
  process.stderr.write(diff)
  process.exit(1)
}
process.stdout.write('dist/ matches a fresh bundle of src/\n')
