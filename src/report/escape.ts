// Escaping for text that comes from the code under test: benchmark, package and function names, file paths,
// panic text, compiler output. A pull request controls all of it, and in the fork workflow even report.json is
// uploaded by the untrusted run, so every string of a Report goes through one of these functions before it
// reaches a comment, a job summary, a terminal or the HTML report.
//
// GitHub renders a comment in two stages, and each needs its own defence:
// 1. cmark-gfm parses the markdown. Backslash escapes and character references defeat its syntax: tables,
//    emphasis, links, raw HTML, headings, lists, fences, math.
// 2. Filters then rewrite the *rendered text*: @mentions, #123 issue references, bare-URL autolinks. They see
//    text after escapes and entities are decoded, so `\@user` and `&#64;user` still ping @user. Only a change
//    to the characters themselves defeats them: a zero-width space after the trigger, as Dependabot and
//    Renovate do. The filters skip code spans, which is why names are best shown with `inlineCode`.

/** Zero-width space, written as a reference so the markdown source shows where it was put. */
const ZWSP = '&#8203;'

// cmark-gfm ends a line at \n and \r; U+2028, U+2029 and NEL end lines for other readers of the same text.
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u0085]/g
// C0 and C1 controls (terminal escape sequences among them) and the bidirectional overrides and isolates that
// make text display in another order than it reads ("Trojan Source"). Tab is handled apart: it is only space.
const UNSAFE_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g
const REPLACEMENT = '\uFFFD'

/**
 * Makes untrusted text one line of inert characters: line breaks and tabs become spaces (a line break would
 * end a table row or a paragraph), controls and bidi overrides become U+FFFD (they can recolour a terminal or
 * reorder what is displayed around them). The basis of every other function here, and on its own the escaping
 * for plain-text (terminal) output.
 */
export function singleLine(text: string): string {
  return text.replace(LINE_BREAK, ' ').replace(/\t/g, ' ').replace(UNSAFE_CHAR, REPLACEMENT)
}

/** Like `singleLine`, but keeps line breaks (normalised to \n) for multi-line output in code blocks. */
function inertLines(text: string): string {
  return text
    .replace(LINE_BREAK, '\n')
    .split('\n')
    .map((line) => line.replace(UNSAFE_CHAR, REPLACEMENT))
    .join('\n')
}

// GitHub's rendered-text filters, matched in the source text. Each match gets a zero-width space inserted
// right after its trigger, so the rendered text no longer has the pattern the filter looks for:
//   ://          bare URLs (http://, https://, ftp://) that the autolink extension turns into links
//   www.         bare www. host names, autolinked the same way
//   GH-<digit>   GH-123 issue references (they link and leave a cross-reference in the target's timeline)
//   #<digit>     #123 and owner/repo#123 issue references, same
//   @            @user and @org/team mentions (they notify), and user@host email autolinks
// Commit SHAs are left alone: GitHub links one only when it is a commit of this repository.
const FILTER_TRIGGER = /:\/\/|www\.|GH-(?=\d)|#(?=\d)|@/giy
function neutraliseFilter(match: string): string {
  if (match === '://') return `:${ZWSP}//`
  if (match.toLowerCase() === 'www.') return `${match.slice(0, 3)}${ZWSP}.`
  return `${match}${ZWSP}`
}

// Characters with inline meaning in GFM, escaped wherever they appear:
//   \       so that no backslash of the input can escape our own escapes
//   `       code spans and fences
//   * _     emphasis, and thematic breaks at the start of a line
//   ~       strikethrough, and ~~~ fences
//   [ ]     links, images (![), footnotes ([^1]) and link reference definitions
//   |       table cells: GFM splits a row at every pipe before any inline parsing
//   $       GitHub's math ($x$, $$...$$)
// and as character references (they render as the character):
//   < >     raw HTML (<b>, <details>, </details>, <!--) and <http://...> autolinks; > at a line start quotes
//   &       so an entity in the input (&lt;, &#64;) is shown as written, never decoded into markup
const MARKDOWN_CHAR = /[\\`*_~[\]|$<>&]/
const HTML_ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' }

function escapeMarkdownChar(char: string): string {
  return HTML_ENTITY[char] ?? `\\${char}`
}

/** One pass over `text`, so no escape inserted by one rule is seen by another. */
function transform(text: string, escapeChar: (char: string) => string | undefined): string {
  let out = ''
  for (let i = 0; i < text.length; ) {
    FILTER_TRIGGER.lastIndex = i
    const trigger = FILTER_TRIGGER.exec(text)
    if (trigger !== null) {
      out += neutraliseFilter(trigger[0])
      i += trigger[0].length
      continue
    }
    const char = text[i]
    out += escapeChar(char) ?? char
    i += 1
  }
  return out
}

// Block syntax that only means something at the start of a line. The escaped text may be placed there (a list
// item, a paragraph), so its first character is escaped when the line could open such a block:
//   # ...      an ATX heading (1 to 6 #, then a space or the end)
//   - ... + ...  a bullet list item (the marker, then a space or the end)
//   1. ... 1)  an ordered list item (up to 9 digits, the marker, then a space or the end)
//   --- ===    a thematic break or a setext heading underline (the whole line of - or =, spaces allowed)
// (>, *, _, ` and ~ are escaped everywhere; leading spaces, which could open an indented code block, are trimmed.)
const LINE_START = /^(?:#(?=#{0,5}(?: |$))|[-+](?= |$)|\d{1,9}[.)](?= |$)|-(?=[- ]*$)|=(?=[= ]*$))/

/**
 * Escapes untrusted text for markdown inline content and GFM table cells: the result renders as the input
 * (up to line breaks, shown as spaces, and surrounding whitespace, trimmed) and never breaks a table, starts a
 * mention, makes a link, image or issue reference, opens HTML or closes our `<details>`, or forms emphasis,
 * code, heading, quote, list or math syntax.
 */
export function escapeMarkdown(text: string): string {
  const line = singleLine(text).trim()
  const escaped = transform(line, (char) => (MARKDOWN_CHAR.test(char) ? escapeMarkdownChar(char) : undefined))
  const start = LINE_START.exec(escaped)
  if (start === null) return escaped
  // Escaping the last character of the match is enough: `\# x`, `\- x`, `1\. x`, `\---`.
  const marker = start[0]
  return `${marker.slice(0, -1)}\\${marker.slice(-1)}${escaped.slice(marker.length)}`
}

export interface InlineCodeOptions {
  /**
   * Whether the code span goes into a GFM table cell (the default). There a `|` must be written `\|` even in a
   * code span, because the row is split into cells before code spans are parsed; outside a table the same `\|`
   * would show its backslash.
   */
  inTable?: boolean
}

/**
 * Shows untrusted text verbatim in a code span: inside one, markdown, HTML and GitHub's mention and link
 * filters do not apply, so a name keeps exactly its characters (nothing invisible is added, copying works).
 * Returns '' for empty text (an empty code span is not a code span).
 *
 * Put a space or other text between two code spans: adjacent backtick fences would merge.
 */
export function inlineCode(text: string, options: InlineCodeOptions = {}): string {
  let code = singleLine(text)
  if (code === '') return ''
  // A code span ends at the first backtick run as long as its opening one, so the fence must be longer than
  // any run inside.
  const fence = '`'.repeat(longestRun(code, '`') + 1)
  // CommonMark strips one space from each end when both ends have one; that same rule lets a padded span
  // begin or end with a backtick. Pad exactly when the content would otherwise be changed or misparsed.
  const needsPadding = /^`|`$/.test(code) || /^ .*[^ ].* $/.test(code)
  if (options.inTable ?? true) code = code.replace(/\|/g, '\\|')
  return needsPadding ? `${fence} ${code} ${fence}` : `${fence}${code}${fence}`
}

/**
 * A fenced code block showing untrusted multi-line text verbatim (compiler output, a command). The fence is
 * longer than any backtick run in the text, so no line of it can close the block early; inside a block nothing
 * is markdown, HTML, a mention or a link.
 */
export function codeBlock(text: string, info = ''): string {
  const body = inertLines(text).replace(/\n+$/, '')
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1))
  // The info string is ours (a language name); keep it to word characters so it cannot hold a backtick.
  const lang = info.replace(/[^\w+-]/g, '')
  return `${fence}${lang}\n${body}\n${fence}`
}

/** Escapes text for HTML element content and quoted attribute values (the standalone HTML report). */
export function escapeHtml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => HTML_ENTITY[char] ?? char)
}

/**
 * Escapes untrusted text placed inside raw HTML in a GitHub markdown document, such as a `<summary>`. cmark-gfm
 * passes that HTML through without markdown parsing (so markdown escapes would show their backslashes), but a
 * blank line would end the HTML block, and GitHub's mention and link filters still run on its text. So: one
 * line, HTML-escaped, with the filters' triggers neutralised as in `escapeMarkdown`.
 */
export function escapeHtmlInMarkdown(text: string): string {
  return transform(singleLine(text), (char) => HTML_ENTITY[char])
}

function longestRun(text: string, char: string): number {
  let longest = 0
  let run = 0
  for (const c of text) {
    run = c === char ? run + 1 : 0
    if (run > longest) longest = run
  }
  return longest
}
