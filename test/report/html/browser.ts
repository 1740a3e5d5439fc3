// Headless Debian chromium for the HTML report's tests, driven by playwright-core (which downloads no browser
// of its own). scripts/install-browser.sh installs it; without it the browser tests skip and say why.
import { existsSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'

export const CHROMIUM = process.env.GLG_CHROMIUM ?? '/usr/bin/chromium'

/** Why the browser tests cannot run here, or undefined when they can. */
export function browserMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined
  return `${CHROMIUM} is not installed (run scripts/install-browser.sh as root): the HTML report's browser tests are skipped`
}

// As this machine needs them: no sandbox as root, and no background connections (the network is closed,
// and each refused connection would be noise at best).
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage'
]

export async function launch(): Promise<Browser> {
  // playwright gives every launch a new empty profile directory of its own.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS })
}

export interface LoadedPage {
  page: Page
  /** Console messages of type error, page errors, and CSP violations as the console reports them. */
  errors: string[]
  /** Every request the page made, the document itself included. */
  requests: string[]
  /** Requests other than the document, aborted before they left. */
  blocked: string[]
  /** alert/confirm/prompt dialogs: a script of the code under test that ran would show here. */
  dialogs: string[]
  /** Milliseconds from navigation to the load event, and to the page script's "rendered" mark. */
  timing: { loadMs: number; renderedMs: number }
}

/** Opens an HTML file, refusing every request but the file itself, and records what happened. */
export async function openFile(browser: Browser, file: string, viewport = { width: 1280, height: 900 }): Promise<LoadedPage> {
  const context = await browser.newContext({ viewport, javaScriptEnabled: true })
  const page = await context.newPage()
  const url = pathToFileURL(file).href
  const loaded: LoadedPage = { page, errors: [], requests: [], blocked: [], dialogs: [], timing: { loadMs: 0, renderedMs: 0 } }
  page.on('console', (m) => {
    if (m.type() === 'error') loaded.errors.push(m.text())
  })
  page.on('pageerror', (e) => loaded.errors.push(`pageerror: ${e.message}`))
  page.on('request', (r) => loaded.requests.push(r.url()))
  page.on('dialog', (d) => {
    loaded.dialogs.push(d.message())
    void d.dismiss()
  })
  await context.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue()
    loaded.blocked.push(route.request().url())
    return route.abort()
  })
  const started = Date.now()
  await page.goto(url, { waitUntil: 'load' })
  loaded.timing.loadMs = Date.now() - started
  await page.waitForSelector('body[data-rendered="1"]', { timeout: 30_000 })
  // The graphs are in the DOM now; one animation frame later they are painted.
  // (The callback runs in the page, where requestAnimationFrame exists; this file is type-checked without the DOM.)
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)))')
  loaded.timing.renderedMs = Date.now() - started
  return loaded
}

export interface Box {
  width: number
  height: number
}

/** The rendered size of the first element matching `selector`, or null when none. */
export async function boxOf(page: Page, selector: string): Promise<Box | null> {
  const box = await page.locator(selector).first().boundingBox()
  return box && { width: box.width, height: box.height }
}
