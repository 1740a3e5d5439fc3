// How data and code go into the page so that nothing from the code under test can become markup or script.

import { createHash } from 'node:crypto'
import { singleLine, escapeHtml } from '../escape.js'

// Inside <script type="application/json"> the HTML tokenizer ends the element at `</script` and changes
// state at `<!--`; `&` is escaped too so the text means the same if it is ever read as HTML. U+2028 and
// U+2029 are line terminators for older JavaScript parsers. Each becomes a JSON \u escape, which
// JSON.parse turns back into the same character.
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g

/** JSON that can stand between `<script type="application/json">` and `</script>` and parses back to `value`. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE_IN_SCRIPT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** A CSP source expression allowing exactly this inline script or style text. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
}

/**
 * The page's policy: nothing may load (no network, no other file), and only our own inline script and style
 * run. A name that somehow became markup could still not execute or fetch anything.
 */
export function contentSecurityPolicy(script: string, style: string): string {
  return [
    "default-src 'none'",
    `script-src ${cspHash(script)}`,
    `style-src ${cspHash(style)}`,
    "base-uri 'none'",
    "form-action 'none'"
  ].join('; ')
}

/** Untrusted text as inert HTML text: one line, controls and bidi overrides replaced, markup escaped. */
export function text(untrusted: string): string {
  return escapeHtml(singleLine(untrusted))
}
