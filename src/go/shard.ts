// Which packages a matrix job measures. By a hash of the import path, so that every job, the base tree and
// head alike, puts a package in the same shard, and adding a package moves no other one (a split by position
// in the sorted list would move every package after it, and with it their history in the comment).
import { createHash } from 'node:crypto'
import type { Shard } from '../config/types.js'

export const ALL_PACKAGES: Shard = { index: 1, count: 1 }

/** The shard (1..count) an import path belongs to. */
export function shardOf(importPath: string, count: number): number {
  const digest = createHash('sha256').update(importPath).digest()
  return (digest.readUInt32BE(0) % count) + 1
}

export function inShard(importPath: string, shard: Shard): boolean {
  return shard.count <= 1 || shardOf(importPath, shard.count) === shard.index
}
