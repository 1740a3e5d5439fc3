// Reading the zip archive GitHub serves for an artifact, defensively: in the fork-safe workflow the archive was
// uploaded by a run of untrusted code. Entries are bounded in number and size (a small archive can inflate to
// gigabytes), their names may not leave the extraction directory, and every entry's CRC is checked. Only what
// artifact uploads produce is supported: stored and deflated entries, no zip64, no encryption.

import { crc32, inflateRawSync } from 'node:zlib'

export interface ZipLimits {
  maxEntries: number
  /** Sum of the uncompressed sizes. */
  maxTotalBytes: number
}

export interface ZipEntry {
  /** Relative path with `/` separators, checked safe to join below a directory. */
  name: string
  data: Buffer
}

export class ZipError extends Error {
  override readonly name = 'ZipError'
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

/** A safe relative path, or undefined: no absolute paths, drive letters, `..`, backslashes or control characters. */
export function safeEntryName(name: string): string | undefined {
  if (name === '' || name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name) || /[\u0000-\u001F\u007F]/.test(name)) return undefined
  const parts = name.split('/')
  if (parts.some((p) => p === '..' || p === '.')) return undefined
  return parts.filter((p) => p !== '').join('/')
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535.
  const stop = Math.max(0, zip.length - 22 - 0xffff)
  for (let i = zip.length - 22; i >= stop; i--) if (zip.readUInt32LE(i) === EOCD) return i
  throw new ZipError('not a zip archive (no end of central directory)')
}

export function readZip(zip: Buffer, limits: ZipLimits): ZipEntry[] {
  if (zip.length < 22) throw new ZipError('not a zip archive (too short)')
  const end = findEndOfCentralDirectory(zip)
  const count = zip.readUInt16LE(end + 10)
  const dirSize = zip.readUInt32LE(end + 12)
  const dirOffset = zip.readUInt32LE(end + 16)
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipError('zip64 archives are not supported')
  if (count > limits.maxEntries) throw new ZipError(`the archive has ${count} entries, more than the ${limits.maxEntries} allowed`)
  if (dirOffset + dirSize > end) throw new ZipError('corrupt zip archive (central directory out of range)')

  const entries: ZipEntry[] = []
  const names = new Set<string>()
  let total = 0
  let at = dirOffset
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== CENTRAL) throw new ZipError('corrupt zip archive (bad central directory entry)')
    const flags = zip.readUInt16LE(at + 8)
    const method = zip.readUInt16LE(at + 10)
    const crc = zip.readUInt32LE(at + 16)
    const compressed = zip.readUInt32LE(at + 20)
    const size = zip.readUInt32LE(at + 24)
    const nameLength = zip.readUInt16LE(at + 28)
    const extraLength = zip.readUInt16LE(at + 30)
    const commentLength = zip.readUInt16LE(at + 32)
    const localOffset = zip.readUInt32LE(at + 42)
    const rawName = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8')
    at += 46 + nameLength + extraLength + commentLength

    if (rawName.endsWith('/')) continue // A directory: created with the files below it.
    const name = safeEntryName(rawName)
    if (name === undefined) throw new ZipError(`the archive entry ${JSON.stringify(rawName)} would be written outside its directory`)
    if (names.has(name)) throw new ZipError(`the archive has two entries named ${name}`)
    names.add(name)
    if ((flags & 1) !== 0) throw new ZipError(`the archive entry ${name} is encrypted`)
    if (compressed === 0xffffffff || size === 0xffffffff) throw new ZipError('zip64 archives are not supported')
    total += size
    if (total > limits.maxTotalBytes) throw new ZipError(`the archive holds more than the ${limits.maxTotalBytes} bytes allowed`)

    if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== LOCAL) throw new ZipError(`corrupt zip archive (entry ${name})`)
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28)
    if (dataStart + compressed > zip.length) throw new ZipError(`corrupt zip archive (entry ${name} is cut short)`)
    const raw = zip.subarray(dataStart, dataStart + compressed)
    let data: Buffer
    if (method === 0) data = Buffer.from(raw)
    else if (method === 8) {
      try {
        // The bound makes a lying size field fail instead of inflating without end.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, size) })
      } catch (err) {
        throw new ZipError(`corrupt zip archive (entry ${name}: ${err instanceof Error ? err.message : String(err)})`)
      }
    } else throw new ZipError(`the archive entry ${name} uses compression method ${method}; only stored and deflate are supported`)
    if (data.length !== size || crc32(data) !== crc) throw new ZipError(`corrupt zip archive (entry ${name} fails its size or CRC check)`)
    entries.push({ name, data })
  }
  return entries
}
