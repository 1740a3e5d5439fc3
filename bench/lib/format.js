// Summaries and plain-text tables for the bench report.

export function median(xs) {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b)
  if (s.length === 0) return null
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

export function seconds(ms) {
  return ms === null || ms === undefined ? '-' : `${(ms / 1000).toFixed(2)} s`
}

export function millis(ms) {
  return ms === null || ms === undefined ? '-' : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`
}

export function mib(kib) {
  return kib === null || kib === undefined ? '-' : `${(kib / 1024).toFixed(0)} MiB`
}

export function bytes(n) {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`
  return `${(n / 1024 / 1024).toFixed(2)} MiB`
}

export function verdict(pass) {
  return pass ? 'PASS' : 'MISS'
}

/** A left-aligned first column and right-aligned others; rows are arrays of strings. */
export function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map((c) => String(c)))
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)))
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n')
}

export function heading(text) {
  return `\n== ${text}\n`
}
