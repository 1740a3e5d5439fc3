import { describe, expect, it } from 'vitest'
import {
  codeBlock,
  escapeHtml,
  escapeHtmlInMarkdown,
  escapeMarkdown,
  inlineCode,
  singleLine
} from '../../src/report/escape.js'
import { openFence, renderedText, tableCells } from './gfm.js'
import { BUILD_OUTPUT, HOSTILE_NAMES } from './sample-report.js'

const corpus = HOSTILE_NAMES.map((name) => [JSON.stringify(name), name] as const)

/** Characters with inline markdown meaning that appear without a backslash escape before them. */
function unescapedSpecials(text: string): string[] {
  const found: string[] = []
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++
    else if ('*_`~[]|$<>'.includes(text[i])) found.push(text[i])
  }
  return found
}

/** What a code span shows, read the CommonMark way (plus GFM's `\|` inside table cells). */
function codeSpanContent(span: string, inTable: boolean): string {
  const fence = /^`+/.exec(span)?.[0] ?? ''
  expect(span.endsWith(fence)).toBe(true)
  let content = span.slice(fence.length, span.length - fence.length)
  if (inTable) content = content.replace(/\\\|/g, '|')
  // The span must not close early: no backtick run inside is as long as the fence.
  for (const run of content.match(/`+/g) ?? []) expect(run.length).not.toBe(fence.length)
  if (/^ .*[^ ].* $/.test(content)) content = content.slice(1, -1)
  return content
}

describe('singleLine', () => {
  it('turns every kind of line break and tab into a space', () => {
    expect(singleLine('a\nb\r\nc\rd\u2028e\u2029f\u0085g\th')).toBe('a b c d e f g h')
  })

  it('replaces terminal escape sequences and bidi overrides with U+FFFD', () => {
    expect(singleLine('\u001b[31mred')).toBe('\uFFFD[31mred')
    expect(singleLine('a\u202Eb\u2066c\u0000d\u009Be')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe')
  })

  it('leaves ordinary unicode alone', () => {
    expect(singleLine('µs — naïve 日本')).toBe('µs — naïve 日本')
  })
})

describe('escapeMarkdown', () => {
  it('leaves ordinary Go names as they are', () => {
    for (const name of ['BenchmarkFoo/size=10', 'example.com/shop/cart', 'cart.(*Cart).Add', 'sec/op']) {
      expect(escapeMarkdown(name)).toBe(name.replace('*', '\\*'))
    }
    expect(escapeMarkdown('BenchmarkFoo/size=10')).toBe('BenchmarkFoo/size=10')
  })

  it.each(corpus)('keeps %s in one table cell and renders it as written', (_, name) => {
    const escaped = escapeMarkdown(name)
    expect(escaped).not.toMatch(/[\r\n]/)
    expect(tableCells(`| ${escaped} | next |`)).toHaveLength(2)
    expect(renderedText(escaped)).toBe(singleLine(name).trim())
    expect(unescapedSpecials(escaped)).toEqual([])
  })

  it.each(corpus)('gives GitHub no mention, reference or link to find in %s', (_, name) => {
    const shown = escapeMarkdown(name).replace(/&#8203;/g, '\u200B')
    expect(shown).not.toMatch(/@[A-Za-z0-9]/)
    expect(shown).not.toMatch(/#\d/)
    expect(shown).not.toMatch(/GH-\d/i)
    expect(shown).not.toContain('://')
    expect(shown).not.toMatch(/www\./i)
  })

  it('breaks mentions with a zero-width space, which a backslash or an entity would not', () => {
    expect(escapeMarkdown('ping @octocat and @github/security-team')).toBe(
      'ping @&#8203;octocat and @&#8203;github/security-team'
    )
  })

  it('shows an entity of the input as written instead of decoding it into a mention or a tag', () => {
    // The text shown, "&#64;octocat", has a "#64" that GitHub would read as an issue reference.
    expect(escapeMarkdown('&#64;octocat &lt;b&gt;')).toBe('&amp;#&#8203;64;octocat &amp;lt;b&amp;gt;')
  })

  it('breaks issue references and bare URLs', () => {
    expect(escapeMarkdown('fixes #12, org/repo#3, GH-4')).toBe('fixes #&#8203;12, org/repo#&#8203;3, GH-&#8203;4')
    expect(escapeMarkdown('see https://evil.example and WWW.evil.example')).toBe(
      'see https:&#8203;//evil.example and WWW&#8203;.evil.example'
    )
    expect(escapeMarkdown('mail me@example.com')).toBe('mail me@&#8203;example.com')
  })

  it('writes < and > as entities, so no HTML opens and no <details> of ours closes', () => {
    expect(escapeMarkdown('</details><!-- x --><b>')).toBe('&lt;/details&gt;&lt;!-- x --&gt;&lt;b&gt;')
  })

  it('escapes link, image and footnote brackets', () => {
    expect(escapeMarkdown('![x](y) [^1]')).toBe('!\\[x\\](y) \\[^1\\]')
  })

  it('escapes emphasis, code, strikethrough, math and pipes everywhere', () => {
    expect(escapeMarkdown('a*b_c`d~e$f|g')).toBe('a\\*b\\_c\\`d\\~e\\$f\\|g')
  })

  it('doubles a backslash, so the input cannot escape the escape that follows it', () => {
    expect(escapeMarkdown('a\\|b')).toBe('a\\\\\\|b')
    expect(tableCells('| a\\\\\\|b | c |')).toEqual(['a\\\\\\|b', 'c'])
  })

  it.each([
    ['# heading', '\\# heading'],
    ['### h3', '\\### h3'],
    ['#', '\\#'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['---', '\\---'],
    ['===', '\\==='],
    ['1. first', '1\\. first'],
    ['123456789) ninth', '123456789\\) ninth'],
    ['> quote', '&gt; quote'],
    ['* bullet', '\\* bullet'],
    ['    indented code', 'indented code']
  ])('neutralises the block marker that starts %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected)
  })

  it('leaves markers alone where they cannot open a block', () => {
    expect(escapeMarkdown('a - b # c 1. d')).toBe('a - b # c 1. d')
    expect(escapeMarkdown('1234567890. ten digits')).toBe('1234567890. ten digits')
    expect(escapeMarkdown('#1 first')).toBe('#&#8203;1 first')
    expect(escapeMarkdown('####### seven')).toBe('####### seven')
    expect(escapeMarkdown('-5ns')).toBe('-5ns')
    expect(escapeMarkdown('+12.3%')).toBe('+12.3%')
    expect(escapeMarkdown('1.5KiB')).toBe('1.5KiB')
    expect(escapeMarkdown('--- x')).toBe('--- x')
  })

  it('trims, because leading spaces could open a code block and trailing ones a hard break', () => {
    expect(escapeMarkdown('  x  ')).toBe('x')
  })
})

describe('inlineCode', () => {
  it('wraps a plain name in single backticks', () => {
    expect(inlineCode('BenchmarkFoo/size=10')).toBe('`BenchmarkFoo/size=10`')
  })

  it.each(corpus)('shows %s verbatim in a code span inside one table cell', (_, name) => {
    const span = inlineCode(name)
    if (singleLine(name) === '') {
      expect(span).toBe('')
      return
    }
    expect(tableCells(`| ${span} | next |`)).toHaveLength(2)
    expect(codeSpanContent(span, true)).toBe(singleLine(name))
  })

  it('uses a fence longer than any backtick run in the name', () => {
    expect(inlineCode('a``b')).toBe('```a``b```')
    expect(inlineCode('a```b`c')).toBe('````a```b`c````')
  })

  it('pads a name that begins or ends with a backtick, so the fence still reads as one', () => {
    expect(inlineCode('`x')).toBe('`` `x ``')
    expect(codeSpanContent(inlineCode('x`', { inTable: false }), false)).toBe('x`')
  })

  it('keeps spaces at both ends by padding them', () => {
    expect(codeSpanContent(inlineCode(' x '), true)).toBe(' x ')
    expect(inlineCode(' x')).toBe('` x`')
  })

  it('escapes pipes only for table cells', () => {
    expect(inlineCode('a|b')).toBe('`a\\|b`')
    expect(inlineCode('a|b', { inTable: false })).toBe('`a|b`')
    expect(tableCells(`| ${inlineCode('a\\|b')} | c |`)).toHaveLength(2)
  })

  it('puts a line break of the name on the same line', () => {
    expect(inlineCode('a\n| x |')).toBe('`a \\| x \\|`')
  })

  it('returns nothing for an empty name: two backticks alone are not a code span', () => {
    expect(inlineCode('')).toBe('')
  })
})

describe('codeBlock', () => {
  it('fences compiler output with more backticks than its longest run', () => {
    const block = codeBlock(BUILD_OUTPUT, 'text')
    expect(block.startsWith('`````text\n')).toBe(true)
    expect(block.endsWith('\n`````')).toBe(true)
    expect(block.slice('`````text\n'.length, -'\n`````'.length)).toBe(BUILD_OUTPUT)
    expect(openFence(block)).toBeNull()
  })

  it('uses at least three backticks', () => {
    expect(codeBlock('go test ./...', 'sh')).toBe('```sh\ngo test ./...\n```')
  })

  it('normalises line endings and drops trailing blank lines, but keeps tabs', () => {
    expect(codeBlock('a\r\n\tb\rc\n\n')).toBe('```\na\n\tb\nc\n```')
  })

  it('keeps an info string to word characters', () => {
    expect(codeBlock('x', 'sh`evil')).toBe('```shevil\nx\n```')
  })

  it('replaces control characters inside the block', () => {
    expect(codeBlock('\u001b[2Jcleared')).toBe('```\n\uFFFD[2Jcleared\n```')
  })
})

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;'
    )
  })

  it('leaves markdown characters and line breaks alone (HTML does not read them)', () => {
    expect(escapeHtml('*a*\n@b')).toBe('*a*\n@b')
  })
})

describe('escapeHtmlInMarkdown', () => {
  it.each(corpus)('keeps %s inert inside a <summary>', (_, name) => {
    const escaped = escapeHtmlInMarkdown(name)
    expect(escaped).not.toMatch(/[<>\r\n]/)
    expect(escaped.replace(/&#8203;/g, '')).toBe(escapeHtml(singleLine(name)))
    expect(escaped.replace(/&#8203;/g, '\u200B')).not.toMatch(/@[A-Za-z0-9]|#\d|:\/\/|www\./i)
  })

  it('does not backslash-escape, since markdown is not parsed inside HTML', () => {
    expect(escapeHtmlInMarkdown('a*b_c')).toBe('a*b_c')
  })
})
