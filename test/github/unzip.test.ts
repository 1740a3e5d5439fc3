import { describe, expect, it } from 'vitest'
import { readZip, safeEntryName } from '../../src/github/unzip.js'
import { zipOf, zipWithNames } from './zips.js'

const LIMITS = { maxEntries: 100, maxTotalBytes: 10 << 20 }

describe('readZip', () => {
  it('reads deflated and stored archives made by zip', () => {
    const files = { 'result.json': '{"a":1}', 'profiles/x.pprof': Buffer.alloc(5000, 7), 'empty.txt': '' }
    for (const store of [false, true]) {
      const entries = readZip(zipOf(files, store), LIMITS)
      expect(Object.fromEntries(entries.map((e) => [e.name, e.data.toString('base64')]))).toEqual(
        Object.fromEntries(Object.entries(files).map(([k, v]) => [k, Buffer.from(v).toString('base64')]))
      )
    }
  })

  it('refuses names that leave the directory', () => {
    expect(() => readZip(zipWithNames([['../evil.sh', 'x']]), LIMITS)).toThrow(/"..\/evil.sh" would be written outside/)
    expect(() => readZip(zipWithNames([['/etc/cron.d/x', 'x']]), LIMITS)).toThrow(/outside its directory/)
    expect(() => readZip(zipWithNames([['a/../../b', 'x']]), LIMITS)).toThrow(/outside its directory/)
    expect(() => readZip(zipWithNames([['a', 'x'], ['a', 'y']]), LIMITS)).toThrow(/two entries named a/)
  })

  it('stops a zip bomb by the total size, and a flood of entries by their count', () => {
    const bomb = zipOf({ 'zeros.bin': Buffer.alloc(20 << 20) })
    expect(bomb.length).toBeLessThan(100_000)
    expect(() => readZip(bomb, LIMITS)).toThrow(/more than the 10485760 bytes allowed/)
    const many = zipOf(Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`f${i}`, 'x'])))
    expect(() => readZip(many, LIMITS)).toThrow(/101 entries, more than the 100 allowed/)
  })

  it('refuses corrupt data: a flipped byte fails the CRC, a truncated archive is not a zip', () => {
    const zip = zipOf({ 'a.txt': 'hello hello hello' }, true)
    const at = zip.indexOf('hello')
    const flipped = Buffer.from(zip)
    flipped[at] ^= 0xff
    expect(() => readZip(flipped, LIMITS)).toThrow(/fails its size or CRC check/)
    expect(() => readZip(zip.subarray(0, zip.length - 30), LIMITS)).toThrow(/not a zip archive/)
    expect(() => readZip(Buffer.from('{"not":"zip"}'.padEnd(40)), LIMITS)).toThrow(/not a zip archive/)
  })
})

describe('safeEntryName', () => {
  it('accepts relative paths and normalises doubled slashes', () => {
    expect(safeEntryName('a/b.json')).toBe('a/b.json')
    expect(safeEntryName('a//b')).toBe('a/b')
    for (const bad of ['', '/a', 'C:/a', 'a\\..\\b', '..', 'a/./b', 'a\u0000b']) expect(safeEntryName(bad)).toBeUndefined()
  })
})
