// Bundles the action entry and the CLI into dist/, self-contained, as GitHub runs dist/index.js with no install.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

import { readFileSync } from 'node:fs'

// The JSON Schemas are a published contract: ship them in dist/schemas/ beside the bundle.
const schemas = () => ({
  name: 'publish-schemas',
  generateBundle() {
    for (const [name, path] of [
      ['config', 'src/config/config.schema.json'],
      ['result', 'src/model/result.schema.json'],
      ['report', 'src/model/report.schema.json']
    ]) {
      this.emitFile({ type: 'asset', fileName: `schemas/${name}.schema.json`, source: readFileSync(path, 'utf8') })
    }
  }
})

const plugins = () => [
  typescript({ tsconfig: './tsconfig.build.json' }),
  nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
  commonjs(),
  json()
]

// Dependencies compiled by tsc to CommonJS-style helpers trip these two warnings; they are harmless there.
const onwarn = (warning, warn) => {
  if (warning.code === 'THIS_IS_UNDEFINED' || (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message))) return
  warn(warning)
}

export default [
  {
    input: 'src/index.ts',
    output: { dir: 'dist', entryFileNames: 'index.js', format: 'es', sourcemap: false, inlineDynamicImports: true },
    plugins: [...plugins(), schemas()],
    onwarn
  },
  {
    input: 'src/cli.ts',
    output: { dir: 'dist', entryFileNames: 'cli.js', format: 'es', sourcemap: false, banner: '#!/usr/bin/env node', inlineDynamicImports: true },
    plugins: plugins(),
    onwarn
  }
]
