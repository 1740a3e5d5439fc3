// The CLI's side of the option table: parseArgs options, their values as a layer over the file, and the help.
import { UsageError } from '../errors.js'
import { OPTIONS, OptionValues, type Entry, type Option, type Side } from './options.js'
import { readText } from './values.js'

export type FlagOptions = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>

interface FlagName {
  name: string
  /** For booleans: the value the bare flag sets. */
  sets?: boolean
}

/** Every spelling of an option on the command line, the canonical one first. */
export function flagNames(option: Option<unknown>): FlagName[] {
  if (!option.name) return []
  const names = [option.name, ...(option.aliases?.flags ?? [])]
  if (option.kind.flag !== 'boolean') return names.map((name) => ({ name }))
  return names.flatMap((name, i) => [
    ...(i === 0 && option.negativeFlagOnly ? [] : [{ name, sets: true }]),
    { name: `no-${name}`, sets: false }
  ])
}

const entries = (sides: readonly Side[]): Entry[] => OPTIONS.filter((e) => sides.includes(e.side) && e.option.name)

/** The parseArgs options for the commands that take these sides' options. */
export function flagOptions(sides: readonly Side[]): FlagOptions {
  const out: FlagOptions = {}
  for (const { option } of entries(sides)) {
    for (const f of flagNames(option)) {
      if (out[f.name]) throw new Error(`option table: flag --${f.name} is defined twice`)
      out[f.name] = f.sets === undefined ? { type: 'string', ...(option.kind.flag === 'multiple' ? { multiple: true } : {}) } : { type: 'boolean' }
    }
  }
  return out
}

/** The flags given, parsed by each option's kind, as a layer that wins over the config file. */
export function flagValues(values: Record<string, unknown>, sides: readonly Side[]): OptionValues {
  const layer = new OptionValues()
  for (const { option } of entries(sides)) {
    const given = flagNames(option).filter((f) => values[f.name] !== undefined && values[f.name] !== false)
    if (given.length === 0) continue
    const distinct = new Set(given.map((f) => f.name))
    if (distinct.size > 1) throw new UsageError(`${given.map((f) => `--${f.name}`).join(' and ')} set the same option; give one`)
    const f = given[0]
    const raw = values[f.name]
    if (f.sets !== undefined) layer.set(option, f.sets)
    else layer.set(option, readText(option.kind, Array.isArray(raw) ? raw.join('\n') : String(raw), { kind: 'flag', name: f.name }))
  }
  return layer
}

// Help text starts at this column; a longer flag puts its text on the next line.
const COLUMN = 28

export function helpLine(flag: string, text: string): string {
  const head = `  ${flag}`
  return head.length < COLUMN - 1 ? `${head.padEnd(COLUMN)}${text}` : `${head}\n${' '.repeat(COLUMN)}${text}`
}

/** Help lines for these sides' options: the spelling that changes the default, its meaning, the default. */
export function flagHelp(sides: readonly Side[]): string {
  return entries(sides)
    .map(({ option }) => {
      const kind = option.kind
      const isBool = kind.flag === 'boolean'
      const shown = isBool ? (option.default === true ? `--no-${option.name}` : `--${option.name}`) : `--${option.name} ${kind.metavar}`
      const old = (option.aliases?.flags ?? []).map((a) => (isBool ? (option.default === true ? `--no-${a}` : `--${a}`) : `--${a}`))
      const dflt = isBool ? (option.default === true ? ' (on by default; this turns it off)' : '') : ` (default ${kind.show(option.default) || "''"})`
      const also = old.length ? ` Also ${old.join(', ')}.` : ''
      return helpLine(shown, `${option.doc}${dflt}${also}`)
    })
    .join('\n')
}
