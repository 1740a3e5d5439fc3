// The HTML report's page script: draws the differential flame graphs and the benchmark charts from the JSON
// the generator embedded. Every text of the code under test goes into the page through textContent or an
// SVG text node, never as markup, and nothing here loads anything. Inlined into the page; the CSP allows
// this exact text by its hash.
'use strict'
;(function () {
  const SVG_NS = 'http://www.w3.org/2000/svg'
  const data = JSON.parse(document.getElementById('report-data').textContent)
  const ROW = 18
  const CHAR_PX = 6.7

  function el(tag, attrs, children) {
    const e = document.createElement(tag)
    for (const k in attrs || {}) e.setAttribute(k, attrs[k])
    for (const c of children || []) e.append(c)
    return e
  }

  function svg(tag, attrs, children) {
    const e = document.createElementNS(SVG_NS, tag)
    for (const k in attrs || {}) e.setAttribute(k, String(attrs[k]))
    for (const c of children || []) e.append(c)
    return e
  }

  // ---- numbers: a short form with three significant digits, and the exact value with its unit.
  const BYTES = { base: 1, step: 1024, prefixes: ['', 'Ki', 'Mi', 'Gi', 'Ti'], symbol: 'B' }
  const COUNT = { base: 1, step: 1000, prefixes: ['', 'k', 'M', 'G', 'T'], symbol: '' }
  function unitFormat(unit) {
    if (unit === 'B/op' || unit === 'B' || unit === 'bytes') return BYTES
    if (unit === 'ns/op' || unit === 'cpu-ns/op' || unit === 'ns') return { time: 1e-9 }
    if (unit === 'ms' || unit === 'ms/op') return { time: 1e-3 }
    if (unit === 'sec/op' || unit === 's') return { time: 1 }
    return COUNT
  }
  function sig3(x) {
    return String(Number(x.toPrecision(3)))
  }
  function short(v, unit) {
    if (v === null || v === undefined || !Number.isFinite(v)) return '—'
    const f = unitFormat(unit)
    const sign = v < 0 ? '-' : ''
    let a = Math.abs(v)
    if (f.time !== undefined) {
      a *= f.time
      if (a === 0) return '0s'
      const steps = [[1, 's'], [1e-3, 'ms'], [1e-6, 'µs'], [1e-9, 'ns']]
      for (const [factor, symbol] of steps) if (a >= factor * 0.9995) return sign + sig3(a / factor) + symbol
      return sign + sig3(a / 1e-9) + 'ns'
    }
    let i = 0
    while (a >= f.step * 0.9995 && i < f.prefixes.length - 1) {
      a /= f.step
      i++
    }
    return sign + sig3(a) + f.prefixes[i] + f.symbol
  }
  function exact(v, unit) {
    if (v === null || v === undefined || !Number.isFinite(v)) return '—'
    return v.toLocaleString('en-US', { maximumFractionDigits: 6 }) + (unit ? ' ' + unit : '')
  }
  function signed(v, unit) {
    return (v > 0 ? '+' : '') + exact(v, unit)
  }
  function pct(x) {
    return Number.isFinite(x) ? sig3(x * 100) + '%' : '—'
  }
  function change(base, head) {
    if (base === 0) return head === 0 ? 'unchanged' : 'new on head'
    const c = (head - base) / Math.abs(base)
    return (c > 0 ? '+' : '') + pct(c)
  }

  // ---- differential flame graph (Brendan Gregg's convention): widths from head (from base when negated),
  // red where head - base grew, blue where it shrank, stronger for larger changes; root at the bottom.
  function flameGraph(slot, view) {
    const nodes = []
    ;(function index(root) {
      const stack = [[root, -1, 0]]
      while (stack.length > 0) {
        const [f, parent, depth] = stack.pop()
        const i = nodes.length
        nodes.push({ f, parent, depth, children: [] })
        if (parent >= 0) nodes[parent].children.push(i)
        for (let c = f[3].length - 1; c >= 0; c--) stack.push([f[3][c], i, depth + 1])
      }
    })(view.root)
    // Children were pushed in reverse so that popping visits them in order; parents list them in order too.
    let maxDelta = 0
    for (const n of nodes) maxDelta = Math.max(maxDelta, Math.abs(n.f[2] - n.f[1]))
    const state = { zoom: 0, negated: false, query: '' }

    const search = el('input', { type: 'search', placeholder: 'search functions', 'aria-label': 'search functions' })
    const negate = el('input', { type: 'checkbox' })
    const reset = el('button', { type: 'button' }, ['reset zoom'])
    const matched = el('span', { class: 'matched' })
    const controls = el('div', { class: 'controls' }, [
      search,
      el('label', {}, [negate, ' negated: widths from base, so frames that vanished show']),
      reset,
      matched
    ])
    const holder = el('div', { class: 'flame-svg' })
    const status = el('div', { class: 'status', 'aria-live': 'polite' }, ['Hover a frame for its numbers; click it to zoom.'])
    const pruned = view.prunedFrames > 0 ? `; ${view.prunedFrames} frames below ${pct(view.minFraction)} of the larger side's total were left out` : ''
    const note = el('p', { class: 'note' }, [`${view.note}. Values in ${view.unit}${pruned}.`])
    slot.append(controls, holder, status, note)

    const side = () => (state.negated ? 1 : 2)
    const name = (n) => view.functions[n.f[0]][0]
    const file = (n) => view.functions[n.f[0]][1]

    function fill(n) {
      const d = n.f[2] - n.f[1]
      if (d === 0 || maxDelta === 0) return 'rgb(232,232,224)'
      const v = Math.round(210 * (1 - Math.abs(d) / maxDelta))
      return d > 0 ? `rgb(255,${v},${v})` : `rgb(${v},${v},255)`
    }

    function describe(n) {
      const [, base, head] = n.f
      const total = nodes[0].f[side()]
      const where = file(n) === '' ? '' : `  ${file(n)}`
      return (
        `${n.parent < 0 ? 'all samples' : name(n)}${where}\n` +
        `head ${exact(head, view.unit)} (${short(head, view.unit)}) · base ${exact(base, view.unit)} (${short(base, view.unit)})\n` +
        `head − base ${signed(head - base, view.unit)} (${change(base, head)}) · ${pct(total === 0 ? NaN : n.f[side()] / total)} of the ${state.negated ? 'base' : 'head'} total`
      )
    }

    function describePruned(n) {
      const [frames, base, head] = n.f[4]
      return `${frames} frames under ${n.parent < 0 ? 'the root' : name(n)} left out (each below ${pct(view.minFraction)} of the total on both sides)\nhead ${exact(head, view.unit)} · base ${exact(base, view.unit)}`
    }

    function draw() {
      const width = Math.max(holder.clientWidth || slot.clientWidth || 800, 200)
      let zoom = nodes[state.zoom]
      if (!(zoom.f[side()] > 0)) {
        state.zoom = 0
        zoom = nodes[0]
      }
      const total = zoom.f[side()]
      const scale = total > 0 ? width / total : 0
      const boxes = []
      // The zoomed frame's ancestors, full width and dimmed, below it.
      const chain = []
      for (let p = zoom.parent; p >= 0; p = nodes[p].parent) chain.unshift(p)
      chain.forEach((i, depth) => boxes.push({ i, x: 0, w: width, depth, ancestor: true }))
      const stack = [[state.zoom, 0, chain.length]]
      while (stack.length > 0) {
        const [i, x, depth] = stack.pop()
        const n = nodes[i]
        const w = n.f[side()] * scale
        if (w < 0.3) continue
        boxes.push({ i, x, w, depth })
        let cx = x
        for (const c of n.children) {
          stack.push([c, cx, depth + 1])
          cx += nodes[c].f[side()] * scale
        }
        if (n.f[4] && n.f[4][side()] * scale >= 0.3) boxes.push({ i, x: cx, w: n.f[4][side()] * scale, depth: depth + 1, pruned: true })
      }
      const maxDepth = boxes.reduce((m, b) => Math.max(m, b.depth), 0)
      const height = (maxDepth + 1) * ROW
      const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': view.title })
      const q = state.query.toLowerCase()
      let matchedValue = 0
      const matchedTop = new Set()
      for (const b of boxes) {
        const n = nodes[b.i]
        const label = b.pruned ? `${n.f[4][0]} frames left out` : n.parent < 0 ? 'all' : name(n)
        const isMatch = !b.pruned && !b.ancestor && q !== '' && n.parent >= 0 && name(n).toLowerCase().includes(q)
        const classes = ['frame']
        if (b.ancestor) classes.push('ancestor')
        if (b.pruned) classes.push('pruned')
        if (isMatch) {
          classes.push('match')
          // Count a match once, not again for matches nested in it.
          let nested = false
          for (let p = n.parent; p >= 0; p = nodes[p].parent) if (matchedTop.has(p)) nested = true
          matchedTop.add(b.i)
          if (!nested) matchedValue += n.f[side()]
        }
        const colour = fill(n)
        const light = !b.pruned && colour !== 'rgb(232,232,224)' && Math.abs(n.f[2] - n.f[1]) / maxDelta > 0.7
        if (light) classes.push('light')
        const y = height - (b.depth + 1) * ROW
        const g = svg('g', { class: classes.join(' '), 'data-node': b.i, 'data-pruned': b.pruned ? '1' : '0' })
        g.append(svg('rect', { x: b.x.toFixed(2), y, width: Math.max(b.w - 0.5, 0.3).toFixed(2), height: ROW - 1, fill: colour }))
        const fits = Math.floor((b.w - 6) / CHAR_PX)
        if (fits >= 3) {
          const t = svg('text', { x: (b.x + 3).toFixed(2), y: y + ROW - 5 })
          t.textContent = label.length <= fits ? label : label.slice(0, fits - 2) + '..'
          g.append(t)
        }
        // A native tooltip as well, for whoever looks at the frame rather than the status line.
        const title = svg('title')
        title.textContent = b.pruned ? describePruned(n) : describe(n)
        g.append(title)
        root.append(g)
      }
      holder.replaceChildren(root)
      matched.textContent = q === '' ? '' : `matched ${matchedTop.size} frames, ${pct(total === 0 ? NaN : matchedValue / nodes[0].f[side()])} of the ${state.negated ? 'base' : 'head'} total`
      reset.disabled = state.zoom === 0
    }

    function frameOf(event) {
      const g = event.target.closest && event.target.closest('g.frame')
      return g ? { i: Number(g.getAttribute('data-node')), pruned: g.getAttribute('data-pruned') === '1' } : null
    }
    holder.addEventListener('mouseover', (event) => {
      const hit = frameOf(event)
      if (hit) status.textContent = hit.pruned ? describePruned(nodes[hit.i]) : describe(nodes[hit.i])
    })
    holder.addEventListener('click', (event) => {
      const hit = frameOf(event)
      if (!hit || hit.pruned) return
      state.zoom = hit.i
      draw()
    })
    reset.addEventListener('click', () => {
      state.zoom = 0
      draw()
    })
    negate.addEventListener('change', () => {
      state.negated = negate.checked
      draw()
    })
    search.addEventListener('input', () => {
      state.query = search.value
      draw()
    })
    draw()
    return draw
  }

  // ---- charts
  function linear(lo, hi, x0, x1) {
    if (!(hi > lo)) {
      const pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.05 : 1
      lo -= pad
      hi += pad
    }
    const m = (x1 - x0) / (hi - lo)
    const f = (v) => x0 + (v - lo) * m
    f.ticks = (count) => Array.from({ length: count }, (_, k) => lo + ((hi - lo) * k) / (count - 1))
    return f
  }

  function axis(chart, scale, ticks, y, unit, format) {
    chart.append(svg('line', { class: 'axis', x1: scale(ticks[0]), x2: scale(ticks[ticks.length - 1]), y1: y, y2: y }))
    for (const t of ticks) {
      chart.append(svg('line', { class: 'axis', x1: scale(t), x2: scale(t), y1: y, y2: y + 4 }))
      const label = svg('text', { x: scale(t), y: y + 15, 'text-anchor': 'middle' })
      label.textContent = format(t, unit)
      chart.append(label)
    }
  }

  function interval(s, unit) {
    if (!s.interval) return 'no samples'
    if (s.samples.length < 2) return `${short(s.median, unit)} (one sample: no interval)`
    const conf = s.interval.confidence >= 0.95 ? '95%' : `only ${pct(s.interval.confidence)} with ${s.samples.length} samples`
    return `median ${short(s.median, unit)} [${short(s.interval.lo, unit)}, ${short(s.interval.hi, unit)}] (${conf})`
  }

  function metricChart(m) {
    const width = 640
    const all = m.base.samples.concat(m.head.samples)
    for (const s of [m.base, m.head]) if (s.interval) all.push(s.interval.lo, s.interval.hi)
    const lo = Math.min(...all)
    const hi = Math.max(...all)
    const pad = (hi - lo) * 0.05
    const x = linear(lo - pad, hi + pad, 50, width - 30)
    const chart = svg('svg', { width, height: 100, viewBox: `0 0 ${width} 100`, role: 'img', 'aria-label': m.metric })
    const rows = [['base', m.base, 22], ['head', m.head, 52]]
    for (const [label, s, y] of rows) {
      const t = svg('text', { x: 4, y: y + 4 })
      t.textContent = label
      chart.append(t)
      if (s.interval) chart.append(svg('rect', { class: `ci ${label}`, x: x(s.interval.lo), y: y - 9, width: Math.max(x(s.interval.hi) - x(s.interval.lo), 1), height: 18 }))
      s.samples.forEach((v, k) => {
        // Spread vertically by run index (not at random) so the same report always draws the same.
        const dot = svg('circle', { class: `dot ${label}`, cx: x(v).toFixed(2), cy: y - 5 + ((k * 7) % 11), r: 3 })
        const title = svg('title')
        title.textContent = `${label} run ${k + 1}: ${exact(v, m.unit)}`
        dot.append(title)
        chart.append(dot)
      })
      if (s.median !== null) chart.append(svg('line', { class: 'median', x1: x(s.median), x2: x(s.median), y1: y - 11, y2: y + 11 }))
    }
    axis(chart, x, x.ticks(5), 76, m.unit, short)
    const caption = el('p', { class: 'chart-caption' }, [
      `${m.metric} (${m.unit}): base ${interval(m.base, m.unit)}; head ${interval(m.head, m.unit)}; change ${m.change === null ? '—' : (m.change > 0 ? '+' : '') + pct(m.change)}` +
        `${m.pValue === null ? '' : `, p=${sig3(m.pValue)}`}; ${m.status}`
    ])
    return el('div', { class: 'chart metric' }, [caption, chart])
  }

  function pauseChart(gc) {
    const width = 640
    const height = 170
    const positive = gc.base.quantiles.concat(gc.head.quantiles).filter((v) => v > 0)
    if (positive.length === 0) return el('p', { class: 'missing' }, ['no GC pause recorded on either side'])
    const lo = Math.log10(Math.min(...positive))
    const hi = Math.log10(Math.max(...positive))
    const x = linear(lo, hi, 50, width - 30)
    const y = linear(0, 1, 140, 10)
    const chart = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'GC pause distribution' })
    // A pause of 0 ms (below gctrace's resolution) is drawn at the smallest pause seen, as a log scale has no 0.
    const floor = Math.min(...positive)
    for (const [label, s] of [['base', gc.base], ['head', gc.head]]) {
      if (s.quantiles.length === 0) continue
      const n = s.quantiles.length
      let d = ''
      s.quantiles.forEach((v, k) => {
        const px = x(Math.log10(Math.max(v, floor))).toFixed(2)
        d += `${k === 0 ? 'M' : 'L'}${px},${y(k / n).toFixed(2)}L${px},${y((k + 1) / n).toFixed(2)}`
      })
      chart.append(svg('path', { class: `ecdf ${label}`, d }))
    }
    for (const f of [0, 0.5, 1]) {
      const t = svg('text', { x: 4, y: y(f) + 4 })
      t.textContent = pct(f)
      chart.append(t)
    }
    const ticks = x.ticks(5)
    axis(chart, x, ticks, 145, 'ms', (v) => short(10 ** v, 'ms'))
    const line = (label, s) => `${label}: ${s.count} pauses, p50 ${short(s.p50, 'ms')}, p99 ${short(s.p99, 'ms')}, max ${short(s.max, 'ms')}`
    const caption = el('p', { class: 'chart-caption' }, [`Share of pauses at most x (log scale). ${line('base', gc.base)}; ${line('head', gc.head)}.`])
    return el('div', { class: 'chart gc-chart' }, [caption, chart])
  }

  // ---- wiring: slots are drawn when their section is first open, and again when the window resizes.
  const flames = new Map()
  for (const b of data.benchmarks) for (const f of b.flames) flames.set(f.id, f)
  flames.set(data.goroutines.id, data.goroutines)
  const benchmarks = new Map(data.benchmarks.map((b) => [b.id, b]))
  const redraws = []

  function fillSlot(slot) {
    if (slot.getAttribute('data-drawn') === '1') return
    slot.setAttribute('data-drawn', '1')
    const flameId = slot.getAttribute('data-flame')
    if (flameId !== null) {
      const view = flames.get(flameId)
      if (view.missing !== undefined) slot.append(el('p', { class: 'missing' }, [view.missing]))
      else redraws.push(flameGraph(slot, view))
      return
    }
    const charts = slot.getAttribute('data-charts')
    if (charts !== null) {
      const b = benchmarks.get(charts)
      if (b.metrics.length === 0) slot.append(el('p', { class: 'missing' }, ['no samples to chart']))
      for (const m of b.metrics) slot.append(metricChart(m))
      return
    }
    const gc = benchmarks.get(slot.getAttribute('data-gc'))
    slot.append(gc.gc === null ? el('p', { class: 'missing' }, ['no run on either side']) : pauseChart(gc.gc))
  }

  function fillWithin(root) {
    for (const slot of root.querySelectorAll('[data-flame],[data-charts],[data-gc]')) {
      const closed = slot.closest('details:not([open])')
      if (!closed) fillSlot(slot)
    }
  }

  for (const d of document.querySelectorAll('details')) d.addEventListener('toggle', () => d.open && fillWithin(d))

  function openTarget() {
    const id = decodeURIComponent(location.hash.slice(1))
    const target = id === '' ? null : document.getElementById(id)
    if (!target) return
    for (let d = target.closest('details'); d; d = d.parentElement.closest('details')) d.open = true
    fillWithin(document)
    target.scrollIntoView()
  }
  window.addEventListener('hashchange', openTarget)

  let pending = 0
  window.addEventListener('resize', () => {
    clearTimeout(pending)
    pending = setTimeout(() => redraws.forEach((r) => r()), 150)
  })

  fillWithin(document)
  openTarget()
  document.body.setAttribute('data-rendered', '1')
  // For bench/html.ts: when the graphs of the open sections were in the DOM.
  performance.mark('go-leak-gate:rendered')
})()
