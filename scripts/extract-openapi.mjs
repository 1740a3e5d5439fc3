#!/usr/bin/env node
// Extracts the GitHub REST operations the action calls, with every component they reference, from GitHub's
// official OpenAPI description (@octokit/openapi, 13 MB) into test/fixtures/github-openapi.json (a few hundred
// KB), which the fake GitHub server validates every request and response against.
//
//   node scripts/extract-openapi.mjs          rewrite the fixture
//   node scripts/extract-openapi.mjs --check  exit 1 when the fixture differs from what the package gives
//
// Add an operation here when src/github/ starts calling a new endpoint; the fake refuses any other.

import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const OPERATIONS = [
  'GET /user',
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
  'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}',
  'GET /repos/{owner}/{repo}/pulls',
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
  'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls',
  'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
  'GET /repos/{owner}/{repo}/actions/artifacts',
  'GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts',
  'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}'
]

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const FIXTURE = join(ROOT, 'test', 'fixtures', 'github-openapi.json')
// Operation fields that validation needs; prose and GitHub's own metadata stay behind.
const OPERATION_FIELDS = ['operationId', 'parameters', 'requestBody', 'responses']

function resolvePointer(doc, ref) {
  if (!ref.startsWith('#/')) throw new Error(`external $ref not supported: ${ref}`)
  let node = doc
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (node === null || typeof node !== 'object' || !(key in node)) throw new Error(`dangling $ref ${ref}`)
    node = node[key]
  }
  return node
}

// Media-type `examples` only point at large sample payloads; validation never reads them.
function withoutExamples(node) {
  if (Array.isArray(node)) return node.map(withoutExamples)
  if (node === null || typeof node !== 'object') return node
  const out = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === 'examples' && value !== null && typeof value === 'object' && !Array.isArray(value) && isExampleMap(value)) continue
    out[key] = withoutExamples(value)
  }
  return out
}

// An OpenAPI examples map holds objects with a $ref or a value; a schema property named `examples` would not.
function isExampleMap(value) {
  return Object.values(value).every((v) => v !== null && typeof v === 'object' && ('$ref' in v || 'value' in v))
}

export function extract(spec) {
  const paths = {}
  for (const operation of OPERATIONS) {
    const [method, path] = operation.split(' ')
    const item = spec.paths[path]?.[method.toLowerCase()]
    if (item === undefined) throw new Error(`${operation} is not in the OpenAPI description`)
    const picked = {}
    for (const field of OPERATION_FIELDS) if (item[field] !== undefined) picked[field] = withoutExamples(item[field])
    paths[path] ??= {}
    paths[path][method.toLowerCase()] = picked
  }

  // Follow $refs transitively, copying each referenced component once.
  const components = {}
  const pending = [paths]
  const seen = new Set()
  while (pending.length > 0) {
    const node = pending.pop()
    if (Array.isArray(node)) {
      pending.push(...node)
      continue
    }
    if (node === null || typeof node !== 'object') continue
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        if (seen.has(value)) continue
        seen.add(value)
        const [, kind, name] = value.split('/').slice(1)
        const target = withoutExamples(resolvePointer(spec, value))
        components[kind] ??= {}
        components[kind][name] = target
        pending.push(target)
      } else {
        pending.push(value)
      }
    }
  }
  const sortedComponents = {}
  for (const kind of Object.keys(components).sort()) {
    sortedComponents[kind] = {}
    for (const name of Object.keys(components[kind]).sort()) sortedComponents[kind][name] = components[kind][name]
  }
  return {
    openapi: spec.openapi,
    info: {
      title: spec.info.title,
      version: spec.info.version,
      'x-extracted-from': `@octokit/openapi generated/api.github.com.json by scripts/extract-openapi.mjs`
    },
    paths,
    components: sortedComponents
  }
}

function main() {
  const require = createRequire(import.meta.url)
  const specPath = require.resolve('@octokit/openapi/generated/api.github.com.json')
  const spec = JSON.parse(readFileSync(specPath, 'utf8'))
  const text = `${JSON.stringify(extract(spec), null, 1)}\n`
  if (process.argv.includes('--check')) {
    const current = readFileSync(FIXTURE, 'utf8')
    if (current !== text) {
      console.error(`${FIXTURE} is out of date with @octokit/openapi: run node scripts/extract-openapi.mjs`)
      process.exit(1)
    }
    console.log(`${FIXTURE} matches @octokit/openapi ${spec.info.version}`)
    return
  }
  writeFileSync(FIXTURE, text)
  console.log(`wrote ${FIXTURE} (${OPERATIONS.length} operations, ${text.length} characters)`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main()
