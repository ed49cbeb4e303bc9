// Shared pieces for the end-to-end tests: a static server for dist/ under a sub-path on 127.0.0.1,
// Debian's Chromium through playwright-core, and a small page object that drives the widget the
// way a person does (mouse or keyboard) using stable data-testid attributes.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const SUB_PATH = '/tools/ready/';
export const SHOTS = join(ROOT, 'target/e2e/screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Serves `dir` at `prefix` on 127.0.0.1 (random port). Anything outside the prefix is a 404. */
export async function serve(dir = DIST, prefix = SUB_PATH) {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: run \`trunk build --release\` first (scripts/test does).`);
  }
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { server, origin, url: origin + prefix, close: () => new Promise((ok) => server.close(ok)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
}

/** A fresh context and page that records every request, console error and page error. */
export async function openPage(browser, { viewport = { width: 1280, height: 900 }, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const log = { requests: [], errors: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  return { context, page, log };
}

export function personas() {
  const path = join(ROOT, 'target/e2e/personas.json');
  if (!existsSync(path)) throw new Error('target/e2e/personas.json is missing: run `cargo test` first (scripts/test does).');
  return JSON.parse(readFileSync(path, 'utf8'));
}

export async function screenshot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Runs axe-core on the page and returns its violations, each summarised in one line. */
export async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The widget, seen and used as a person would. */
export class Widget {
  constructor(page) {
    this.page = page;
  }
  byTestId(id) {
    return this.page.locator(`[data-testid="${id}"]`);
  }
  async waitForIntro() {
    await this.byTestId('intro').waitFor();
  }
  async currentItem() {
    return this.byTestId('question').getAttribute('data-item');
  }
  async progress() {
    return (await this.byTestId('progress').textContent()).trim();
  }
  /** Clicks through the whole quiz with the mouse, answering from `answers` (item id → value). */
  async answerAllWithMouse(situation, answers) {
    await this.page.locator(`label[for="rtl-situation-${situation}"]`).click();
    await this.byTestId('start').click();
    for (;;) {
      await this.byTestId('question').waitFor();
      const item = await this.currentItem();
      await this.page.locator(`label[for="rtl-q-${item}-${answers[item]}"]`).click();
      const before = await this.progress();
      const next = this.byTestId('next');
      const last = (await next.textContent()).includes('results');
      await next.click();
      if (last) break;
      await this.page.waitForFunction((p) => document.querySelector('[data-testid="progress"]')?.textContent.trim() !== p, before);
    }
    await this.byTestId('results').waitFor();
  }
  async focusedTestId() {
    return this.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);
  }
}
