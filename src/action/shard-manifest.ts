// shard.json: what a shard job says about its part, read back by the aggregate job. It travels in an
// artifact, so it is read as untrusted: a strict schema, bounded, and only numbers and flags are used.
import { Ajv } from 'ajv'
import REPORT_SCHEMA from '../model/report.schema.json' with { type: 'json' }
import type { BaselineInfo } from '../model/report.js'

export const SHARD_MANIFEST = 'shard.json'

export interface ShardManifest {
  schemaVersion: 1
  key: string
  index: number
  count: number
  timingsComparable: boolean
  baseline?: BaselineInfo
}

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['schemaVersion', 'key', 'index', 'count', 'timingsComparable'],
  properties: {
    schemaVersion: { const: 1 },
    key: { type: 'string', maxLength: 1000 },
    index: { type: 'integer', minimum: 1, maximum: 256 },
    count: { type: 'integer', minimum: 1, maximum: 256 },
    timingsComparable: { type: 'boolean' },
    baseline: REPORT_SCHEMA.properties.baseline
  }
}

const validate = new Ajv({ strict: false, strictNumbers: true }).compile<ShardManifest>(SCHEMA)

/** The manifest, or why it is refused. */
export function parseShardManifest(text: string): { ok: true; manifest: ShardManifest } | { ok: false; why: string } {
  if (text.length > 1 << 20) return { ok: false, why: 'shard.json is larger than 1 MiB' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, why: 'shard.json is not valid JSON' }
  }
  if (!validate(value)) {
    const e = validate.errors?.[0]
    return { ok: false, why: `shard.json does not match its schema: ${(e?.instancePath || '(top)').slice(0, 200)} ${e?.message ?? ''}` }
  }
  if (value.index > value.count) return { ok: false, why: `shard.json says shard ${value.index} of ${value.count}` }
  return { ok: true, manifest: value }
}
