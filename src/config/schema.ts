// The config file's JSON Schema, generated from the option table (npm run gen:schema writes
// config.schema.json; a test fails when the committed file differs from what the table gives).
import { OPTIONS, SECTIONS, type Option } from './options.js'
import type { JsonSchema } from './values.js'

interface SchemaNode {
  type: 'object'
  additionalProperties: false
  description?: string
  properties: Record<string, SchemaNode | JsonSchema>
}

function leaf(option: Option<unknown>, aliasOf?: string): JsonSchema {
  const kind = option.kind
  const doc = [option.doc, option.more].filter(Boolean).join(' ')
  const names = option.name ? ` Input and flag: ${option.name}.` : ''
  return {
    ...kind.schema,
    description: aliasOf ? `Old name of ${aliasOf}. ${doc}` : `${doc}${names}`,
    default: kind.fileForm ? kind.fileForm(option.default) : option.default,
    ...(aliasOf ? { deprecated: true } : {})
  }
}

function section(path: string): SchemaNode {
  return { type: 'object', additionalProperties: false, ...(SECTIONS[path] ? { description: SECTIONS[path] } : {}), properties: {} }
}

function place(root: SchemaNode, key: string, schema: JsonSchema): void {
  const parts = key.split('.')
  let node = root
  for (const [i, part] of parts.slice(0, -1).entries()) {
    const existing = node.properties[part]
    const next = existing && existing.type === 'object' && 'properties' in existing ? (existing as SchemaNode) : section(parts.slice(0, i + 1).join('.'))
    node.properties[part] = next
    node = next
  }
  node.properties[parts[parts.length - 1]] = schema
}

export function configSchema(): JsonSchema {
  const root: SchemaNode = { type: 'object', additionalProperties: false, properties: {} }
  for (const { option } of OPTIONS) {
    place(root, option.key, leaf(option))
    for (const alias of option.aliases?.keys ?? []) place(root, alias, leaf(option, option.key))
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/org/go-leak-gate/dist/schemas/config.schema.json',
    title: 'go-leak-gate configuration',
    ...root
  }
}

/** The file's text as committed: two-space JSON and a final newline. */
export function configSchemaText(): string {
  return JSON.stringify(configSchema(), null, 2) + '\n'
}
