// The config file is untrusted input (it may come from the pull request itself): every text either loads or
// is refused with a UsageError that names the file, the place and the key, in bounded time.
import { isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml'
import { UsageError, errorMessage } from '../errors.js'
import { tooDeep } from './nesting.js'
import { OPTIONS, OptionValues, type Option } from './options.js'
import { suggestion } from './suggest.js'
import { badValue, readValue, showRaw, type Source } from './values.js'

/** The settings a config file gave, parsed; defaults and overrides are applied by buildConfig. */
export interface FileConfig {
  /** The file's path, when the values came from one. */
  source?: string
  values: OptionValues
}

export const emptyFile = (): FileConfig => ({ values: new OptionValues() })

// A real config is a few hundred bytes; a megabyte is no config and would only cost parse time.
export const MAX_CONFIG_BYTES = 1 << 20
// An alias may stand for a whole section, but a handful is all a config needs; many are a resource attack.
const MAX_ALIASES = 100
const MAX_PROBLEMS = 10
const MAX_DEPTH = 32

interface KeyNode {
  children: Map<string, KeyNode>
  option?: Option<unknown>
  /** The file key as written in the table (an alias's node points at the canonical option). */
  path: string
}

function keyTree(): KeyNode {
  const root: KeyNode = { children: new Map(), path: '' }
  for (const { option } of OPTIONS) {
    for (const key of [option.key, ...(option.aliases?.keys ?? [])]) {
      let node = root
      for (const part of key.split('.')) {
        let next = node.children.get(part)
        if (!next) node.children.set(part, (next = { children: new Map(), path: node.path ? `${node.path}.${part}` : part }))
        node = next
      }
      node.option = option
    }
  }
  return root
}

const KEYS = keyTree()
const ALIAS_KEYS = new Set(OPTIONS.flatMap(({ option }) => option.aliases?.keys ?? []))

class Reader {
  readonly values = new OptionValues()
  readonly problems: string[] = []
  private aliases = 0
  private readonly lines = new LineCounter()
  private readonly doc: Document

  constructor(
    text: string,
    private readonly source: string
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: true, uniqueKeys: true })
  }

  private pos(node: Node | null | undefined): { line?: number; col?: number } {
    const offset = node?.range?.[0]
    return offset === undefined ? {} : this.lines.linePos(offset)
  }

  private at(node: Node | null | undefined): string {
    const p = this.pos(node)
    return p.line !== undefined ? ` at line ${p.line}, column ${p.col}` : ''
  }

  private problem(message: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(message)
  }

  read(): void {
    const e = this.doc.errors[0]
    if (e) {
      const pos = e.linePos?.[0]
      // The yaml package ends its first line with the place again, and a colon before a code frame.
      const why = /call stack/i.test(e.message) ? 'nested too deeply' : e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
      throw new UsageError(`${this.source}${pos ? `:${pos.line}:${pos.col}` : ''}: not valid YAML: ${why}`)
    }
    const top = this.deref(this.doc.contents, '(top level)')
    if (top === undefined || top === null || (isScalar(top) && top.value === null)) return
    if (!isMap(top)) {
      throw new UsageError(`${this.source}: expected a mapping of settings (run, thresholds, statistics, ...), found ${isNode(top) && 'items' in top ? 'a list' : showRaw(isScalar(top) ? top.value : top)}`)
    }
    this.walk(top, KEYS)
  }

  /** Follows an alias to its anchored node, refusing unknown anchors and too many aliases. */
  private deref(node: unknown, key: string): Node | null | undefined {
    if (!isAlias(node)) return isNode(node) ? node : node === null ? null : undefined
    if (++this.aliases > MAX_ALIASES) throw new UsageError(`${this.source}: more than ${MAX_ALIASES} YAML aliases${this.at(node)}; a config needs few`)
    const target = node.resolve(this.doc)
    if (!target) throw this.unknownAnchor(node.source, key, node)
    return isAlias(target) ? this.deref(target, key) : target
  }

  private unknownAnchor(name: string, key: string, node: Node): UsageError {
    return new UsageError(`${this.source}: ${key}: the alias *${showRaw(name).slice(1, -1)}${this.at(node)} names no anchor defined above it; define it with &name first, or quote the value if '*' was meant literally`)
  }

  private walk(map: Node, tree: KeyNode): void {
    if (!isMap(map)) return
    for (const pair of map.items) {
      const keyNode = isNode(pair.key) ? pair.key : null
      if (!isScalar(keyNode)) {
        this.problem(`${this.source}: keys in ${tree.path || '(top level)'} must be plain names${this.at(keyNode)}`)
        continue
      }
      const key = String(keyNode.value)
      const child = tree.children.get(key)
      if (!child) {
        const known = [...tree.children.values()].filter((c) => !ALIAS_KEYS.has(c.path)).map((c) => c.path.slice(tree.path ? tree.path.length + 1 : 0))
        this.problem(
          `${this.source}: unknown key ${showRaw(key)} in ${tree.path || '(top level)'}${suggestion(key, known)}${this.at(keyNode)}. Known keys: ${known.join(', ')}.`
        )
        continue
      }
      const value = this.deref(pair.value, child.path)
      if (child.option) this.leaf(child, value, keyNode)
      else if (value === null || (isScalar(value) && value.value === null)) continue
      else if (isMap(value)) this.walk(value, child)
      else this.problem(badValue({ kind: 'file', key: child.path, file: this.source, ...this.pos(value) }, { expected: 'a mapping of settings', examples: [] }, isScalar(value) ? value.value : [], `known keys: ${[...child.children.keys()].join(', ')}`).message)
    }
  }

  private leaf(node: KeyNode, value: Node | null | undefined, keyNode: Node): void {
    const option = node.option
    if (!option) return
    if (this.values.has(option)) {
      this.problem(`${this.source}: ${option.key} is given twice${this.at(keyNode)} (${[option.key, ...(option.aliases?.keys ?? [])].join(' and ')} are the same setting)`)
      return
    }
    if (value) {
      visit(value, {
        Alias: (_, alias) => {
          if (!alias.resolve(this.doc)) throw this.unknownAnchor(alias.source, node.path, alias)
        },
        // A list or mapping used as a key would be stringified into a key nobody wrote.
        Pair: (_, pair) => {
          if (pair.key !== null && !isScalar(pair.key)) throw new UsageError(`${this.source}: ${node.path}: keys must be plain names${this.at(isNode(pair.key) ? pair.key : null)}`)
        }
      })
    }
    let js: unknown = null
    try {
      js = value ? value.toJS(this.doc, { maxAliasCount: MAX_ALIASES }) : null
    } catch (err) {
      // yaml throws a ReferenceError when aliases expand past maxAliasCount (a "billion laughs" file).
      throw new UsageError(`${this.source}: ${node.path}${this.at(value)}: the value cannot be expanded (${errorMessage(err)})`)
    }
    try {
      const item = (i: number): Source => {
        const at = isSeq(value) ? value.items[i] : undefined
        return { kind: 'file', key: `${node.path}[${i}]`, file: this.source, ...this.pos(isNode(at) ? at : value) }
      }
      this.values.set(option, readValue(option.kind, js, { kind: 'file', key: node.path, file: this.source, ...this.pos(value ?? keyNode) }, item))
    } catch (err) {
      if (!(err instanceof UsageError)) throw err
      this.problem(err.message)
    }
  }
}

/** Parses and validates a config file's text. Throws UsageError naming the file, line and key. */
export function parseConfigText(text: string, source: string): FileConfig {
  if (text.length > MAX_CONFIG_BYTES) throw tooLarge(source, text.length)
  const deep = tooDeep(text, MAX_DEPTH)
  if (deep) throw new UsageError(`${source}:${deep.line}:${deep.col}: nested more than ${MAX_DEPTH} levels deep; a config file needs a few`)
  try {
    const reader = new Reader(text, source)
    reader.read()
    if (reader.problems.length) throw new UsageError(reader.problems.join('\n'))
    return { source, values: reader.values }
  } catch (err) {
    if (err instanceof UsageError) throw err
    // The YAML library throws on resource limits (ReferenceError: excessive aliases) and a stack can
    // overflow on nesting; whatever the cause, a bad file is a usage error that names the file.
    throw new UsageError(`${source}: cannot be read as a config file: ${errorMessage(err).split('\n')[0]}`)
  }
}

function tooLarge(source: string, size: number): UsageError {
  return new UsageError(`${source}: ${size} bytes is too large for a config file (at most ${MAX_CONFIG_BYTES} bytes)`)
}

/** The file's bytes: they must be UTF-8, as YAML requires; a replaced character would change a key silently. */
export function parseConfigBytes(bytes: Uint8Array, source: string): FileConfig {
  if (bytes.length > MAX_CONFIG_BYTES) throw tooLarge(source, bytes.length)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new UsageError(`${source}: not UTF-8 text; save the file as UTF-8`)
  }
  return parseConfigText(text, source)
}
