// Shared pieces for the end-to-end tests: a static server for dist/ under a sub-path on 127.0.0.1,
// Debian's Chromium through playwright-core, and a small page object that drives the widget the
// way a person does (mouse or keyboard), finding controls by role and accessible name.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
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

/** Serves `dir` at `prefix` on 127.0.0.1 (random port); anything outside the prefix is a 404.
 *  With `cors`, every response allows any origin (for a blog on another origin); with `encoded`,
 *  the precompressed copy is sent to browsers that accept it; `types` overrides the content type
 *  by file extension, as a careless static host might. */
/** Serves `dir` under `prefix` on 127.0.0.1 (a random port). `rewrite` maps a file's path in `dir`
 *  to the text served instead of it. */
export async function serve(dir = DIST, prefix = SUB_PATH, { cors = false, encoded = false, types = {}, rewrite = {} } = {}) {
  if (dir === DIST && !existsSync(join(dir, 'index.html'))) {
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
      // With `encoded`, the build's .br copy where the browser accepts brotli, as a static host does.
      const rewritten = rewrite[file.slice(dir.length + 1)];
      const br = rewritten === undefined && encoded && /\bbr\b/.test(req.headers['accept-encoding'] ?? '') && existsSync(`${file}.br`);
      const body = rewritten ?? (await readFile(br ? `${file}.br` : file));
      res.writeHead(200, {
        'content-type': types[extname(file)] ?? TYPES[extname(file)] ?? 'application/octet-stream',
        ...(br ? { 'content-encoding': 'br', vary: 'accept-encoding' } : {}),
        ...(cors ? { 'access-control-allow-origin': '*' } : {}),
      });
      res.end(body);
    } catch {
      res.writeHead(404, cors ? { 'access-control-allow-origin': '*' } : {}).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { server, origin, url: origin + prefix, close: () => new Promise((ok) => server.close(ok)) };
}

/** Serves dist/ and launches Chromium before a test file's tests, and stops both after them.
 *  The returned object's `site` and `browser` are set once the tests start. */
export function withSiteAndBrowser(options) {
  const env = {};
  before(async () => {
    env.site = await serve(DIST, SUB_PATH, options);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.site?.close();
  });
  return env;
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

/** A fresh context and page that records every request, console error and page error. Reduced
 *  motion is on unless asked otherwise, so no test waits on an animation. */
export async function openPage(browser, { viewport = { width: 1280, height: 900 }, colorScheme = 'light', reducedMotion = 'reduce', locale = 'en-US' } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, reducedMotion, locale });
  const page = await context.newPage();
  const log = { requests: [], errors: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  return { context, page, log };
}

/** What target/e2e/ holds for the tests (`cargo run --example e2e-fixtures` writes it). */
function fixture(name) {
  const path = join(ROOT, 'target/e2e', name);
  if (!existsSync(path)) throw new Error(`target/e2e/${name} is missing: run \`cargo run --example e2e-fixtures\` first (scripts/test does).`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The golden personas as played in English, or in `lang` (`de`). */
/** (`staff`: the personas of the example assessment authors copy, examples/rubrics/.) */
export function personas(lang = 'en') {
  return fixture(lang === 'en' ? 'personas.json' : `personas-${lang}.json`);
}

/** The words the tests look for in `lang`, from its data files; `english_ui` lists every English
 *  UI text that `lang` words differently. */
export function wordsIn(lang) {
  const all = fixture('words.json');
  if (!all[lang]) throw new Error(`target/e2e/words.json has no ${lang}`);
  return all[lang];
}

/** How many questions the assessment asks (every persona answers each one). */
export function questionCount() {
  return Object.keys(personas()[0].answers).length;
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

// The words a visitor reads that come from the rubric, so rewording the data does not break tests.
const RUBRIC = readFileSync(join(ROOT, 'assets/rubric.toml'), 'utf8');
/** The first `key = "…"` string in assets/rubric.toml. */
export function rubricText(key) {
  const found = RUBRIC.match(new RegExp(`^${key} = "([^"]+)"`, 'm'));
  if (!found) throw new Error(`assets/rubric.toml has no ${key}`);
  return found[1];
}
/** The label a visitor reads for the situation with id `id`. */
export function situationLabel(id) {
  const found = RUBRIC.match(new RegExp(`^id = "${id}"\nlabel = "([^"]+)"`, 'm'));
  if (!found) throw new Error(`assets/rubric.toml has no situation ${id}`);
  return found[1];
}
/** The labels of every outcome the results can name. */
/** The names of the nine dimensions, in order (only dimensions have a `name` in the rubric). */
export const DIMENSION_NAMES = [...RUBRIC.matchAll(/^name = "([^"]+)"/gm)].map((m) => m[1]);
export const OUTCOME_LABELS = [...RUBRIC.matchAll(/^\[\[outcomes\]\][^[]*?^label = "([^"]+)"/gm)].map((m) => m[1]);
/** Every dimension's experiments, in order (each dimension's list is printed with the results). */
export const EXPERIMENTS = [...RUBRIC.matchAll(/^experiments = \[\n((?: +".*",?\n)+)\]/gm)]
  .map((m) => [...m[1].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((e) => e[1]));
/** The titles of the readings suggested per dimension (shown on screen, not printed). */
export const READING_TITLES = [...RUBRIC.matchAll(/^\[\[dimensions\.readings\]\]\ntitle = "([^"]+)"/gm)].map((m) => m[1]);
const FAQ_HEADING = readFileSync(join(ROOT, 'assets/faq.toml'), 'utf8').match(/^heading = "([^"]+)"/m)[1];
export const WORDS = {
  title: rubricText('title'),
  start: rubricText('start'),
  results: rubricText('heading'),
  strengths: rubricText('strengths_heading'),
  growth: rubricText('growth_heading'),
  faq: FAQ_HEADING,
};

/** `text` as a regular expression that matches it literally. */
/** A request for either script that sizes a blog's iframe (embed.js carries the same resizer). */
export const RESIZER = /\/(embed|frame-height)\.js$/;

export const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The widget, seen and used as a person or a screen reader would: controls by role and
 *  accessible name, questions by their text, notices by their role and words. `scope` is the
 *  page, a `<ready-to-lead>` element locator (Playwright pierces its open shadow root) or an
 *  iframe's frameLocator. */
export class Widget {
  /** `words`: the language's words (`wordsIn('de')`); English by default. */
  constructor(scope, words = WORDS) {
    this.root = scope;
    this.words = words;
  }
  button(name) {
    return this.root.getByRole('button', { name, exact: typeof name === 'string' });
  }
  heading(name) {
    return this.root.getByRole('heading', { name, exact: typeof name === 'string' });
  }
  /** The intro's heading (the rubric's title). */
  intro() {
    return this.heading(this.words.title);
  }
  start() {
    return this.button(this.words.start);
  }
  /** "Next", or "See my results" on the last question. */
  next() {
    return this.button(new RegExp(`^(${escapeRe(this.words.next ?? 'Next')}|${escapeRe(this.words.finish ?? 'See my results')})$`));
  }
  back() {
    return this.button(this.words.back ?? 'Back');
  }
  /** The results page's heading. */
  results() {
    return this.heading(this.words.results);
  }
  /** The FAQ's heading. */
  faq() {
    return this.heading(this.words.faq);
  }
  /** The status notice bar (role=status), whatever it says. */
  notice() {
    return this.root.getByRole('status').filter({ hasText: /\S/ });
  }
  /** "Question n of N" above each question. */
  progressText() {
    const template = this.words.progress ?? 'Question {number} of {total}';
    return this.root.getByText(new RegExp(`^${escapeRe(template).replace(/\\\{(number|total)\\\}/g, '\\d+')}$`));
  }
  /** The outcome the results page names, found by the label a persona expects. */
  outcome(label) {
    return this.root.getByText(label, { exact: true });
  }
  /** The dimension names listed under "strengths" or "growth" (a region named by its heading). */
  async highlights(which) {
    return this.root.getByRole('region', { name: this.words[which], exact: true }).getByRole('link').allInnerTexts();
  }
  /** The texts of the quality notes the results show (none when there is no note). */
  async qualityNotes() {
    const note = this.root.getByRole('note');
    return (await note.count()) ? note.locator('p').allInnerTexts() : [];
  }
  /** The profile table. */
  table() {
    return this.root.getByRole('region', { name: this.words.table ?? 'Your profile by dimension, as a table' }).getByRole('table');
  }
  async waitForIntro() {
    await this.intro().waitFor();
  }
  /** The app runs the widget. The prerendered start screen shows first; the app hydrates it after
   *  the visitor's first click or key press, or after a short pause. Nothing a visitor sees tells
   *  the two apart (that is the point), so this waits on the app's own `data-app` marker. */
  async waitForApp() {
    await this.root.locator('[data-app="running"]').waitFor({ state: 'attached' });
  }
  async progress() {
    return (await this.progressText().textContent()).trim();
  }
  /** Chooses the option named `name`: it must be a radio by that accessible name, and it is
   *  clicked where a person clicks, on its visible label (the label covers the whole option). */
  async pick(name) {
    const radio = this.root.getByRole('radio', { name, exact: true });
    if ((await radio.count()) !== 1) throw new Error(`no single option named "${name}"`);
    const exact = new RegExp(`^\\s*${escapeRe(name)}\\s*$`);
    await this.root.locator('label', { hasText: exact }).click();
    // The first click also wakes the app, which adopts the page and keeps the choice.
    await waitUntil(() => radio.isChecked(), `clicking "${name}" to choose it`);
  }
  /** Chooses the `n`th option shown (0-based), by its label. */
  async pickNth(n) {
    await this.pick(await this.root.getByRole('radio').nth(n).evaluate((r) => r.labels[0].textContent.trim()));
  }
  /** Picks the situation on the intro by its visible label. A widget with a preset situation asks
   *  none (no radios); one that asks must offer this one. */
  async chooseSituation(label) {
    await this.intro().waitFor();
    if ((await this.root.getByRole('radio').count()) === 0) return;
    await this.pick(label);
  }
  /** The question being asked: its heading, by the text a persona's step expects. */
  question(step) {
    return this.heading(step.question);
  }
  /** Answers one question with the mouse: waits for its heading, clicks the option by its label. */
  async answer(step) {
    await this.question(step).waitFor();
    await this.pick(step.answer);
  }
  /** Clicks through the whole quiz with the mouse as `persona` (from personas.json): the situation
   *  by its label, every question's option by its label, Next, and finally "See my results".
   *  `afterStep(n)` runs on each new question (n from 1) and on the results (n = 0). */
  async answerAllWithMouse(persona, afterStep = async () => {}) {
    await this.chooseSituation(persona.situation_label);
    await this.start().click();
    for (const [i, step] of persona.steps.entries()) {
      await this.question(step).waitFor();
      await afterStep(i + 1);
      await this.answer(step);
      await this.next().click();
    }
    await this.results().waitFor();
    await afterStep(0);
  }
  /** The focused element as a screen reader names it: its tag and text (inside a widget's shadow
   *  root too). */
  async focused() {
    return this.root.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return { tag: el?.tagName.toLowerCase(), text: el?.textContent.trim() };
    });
  }
}

/** Takes the whole quiz with the keyboard only (on the standalone page, or in a widget on a blog), as `persona` (from
 *  personas.json or personas-<lang>.json) with the words of its language: Tab to the situation
 *  radios, choose with Space and the arrow keys, Tab to Start, Enter; then on every question,
 *  where focus must be on its heading, Tab into the options, choose, Tab past Back to Next (or the
 *  last question's "See my results") and Enter, until the results show. `onQuestion(n)` runs on
 *  each new question (n from 0) before it is answered. */
export async function keyboardRun(page, widget, persona, onQuestion = async () => {}) {
  const words = widget.words;
  const kb = page.keyboard;
  const radios = widget.root.getByRole('radio');
  const checked = () => radios.evaluateAll((els) => els.find((e) => e.checked)?.labels[0]?.textContent.trim());
  const labels = () => radios.evaluateAll((els) => els.map((e) => e.labels[0].textContent.trim()));
  const focusedType = () => page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.type;
  });
  for (let i = 0; i < 10 && (await focusedType()) !== 'radio'; i++) await kb.press('Tab');
  const target = (await labels()).indexOf(persona.situation_label);
  assert.ok(target >= 0, `the intro offers "${persona.situation_label}"`);
  await kb.press('Space');
  for (let i = 0; i < target; i++) await kb.press('ArrowDown');
  assert.equal(await checked(), persona.situation_label);
  await kb.press('Tab');
  assert.deepEqual(await widget.focused(), { tag: 'button', text: words.start });
  await kb.press('Enter');
  for (const [n, step] of persona.steps.entries()) {
    await widget.question(step).waitFor();
    assert.equal((await widget.focused()).text, step.question, `focus is on the question's heading at question ${n + 1}`);
    await onQuestion(n);
    const index = (await labels()).indexOf(step.answer);
    assert.ok(index >= 0, `question ${n + 1}: "${step.answer}" is offered`);
    await kb.press('Tab');
    await kb.press('Space');
    for (let i = 0; i < index; i++) await kb.press('ArrowDown');
    assert.equal(await checked(), step.answer);
    await kb.press('Tab');
    assert.deepEqual(await widget.focused(), { tag: 'button', text: words.back ?? 'Back' });
    await kb.press('Tab');
    const last = n === persona.steps.length - 1;
    assert.deepEqual(await widget.focused(), { tag: 'button', text: last ? words.finish ?? 'See my results' : words.next ?? 'Next' });
    await kb.press('Enter');
  }
  await widget.results().waitFor();
}

const HOSTS = join(import.meta.dirname, 'hosts');

/** A blog on another origin (`localhost`, random port). `pages` maps a path to
 *  `{ file }` (from tests/e2e/hosts, `{{WIDGET}}` and `{{QUERY}}` filled in) or `{ body }` (HTML for
 *  the <main> of a plain post, with the embed script unless `script: false`), each with optional
 *  response `headers`. */
export async function serveHost(widgetUrl, pages) {
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://x');
    const page = pages[pathname];
    try {
      let text;
      let type = 'text/html; charset=utf-8';
      if (page?.body !== undefined) {
        text = `<!doctype html><html lang="${page.lang ?? 'en'}"><head><meta charset="utf-8"><title>A post</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/plain.css">
${page.script === false ? '' : `<script type="module" src="${widgetUrl}embed.js"></script>`}</head>
<body><main><h1>A post with a widget</h1>${page.body}</main></body></html>`;
      } else {
        const name = page?.file ?? pathname.slice(1);
        if (!/^[a-z-]+\.(html|css)$/.test(name)) throw new Error('not a host page');
        text = (await readFile(join(HOSTS, name), 'utf8'))
          .replaceAll('{{WIDGET}}', widgetUrl)
          .replaceAll('{{QUERY}}', page?.query ?? '');
        if (name.endsWith('.css')) type = 'text/css; charset=utf-8';
      }
      res.writeHead(200, { 'content-type': type, ...(page?.headers ?? {}) });
      res.end(text);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://localhost:${server.address().port}`;
  return { origin, close: () => new Promise((ok) => server.close(ok)) };
}

/** Polls `check` (async, returns truthy when done) until it passes; fails with `what` after `ms`. */
export async function waitUntil(check, what, ms = 5000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    last = await check();
    if (last) return last;
    await new Promise((ok) => setTimeout(ok, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Resolves after `n` animation frames of the page: a window of time measured by the page itself. */
export async function frames(page, n = 60) {
  await page.evaluate((count) => new Promise((done) => {
    let i = 0;
    const tick = () => (++i >= count ? done() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }), n);
}

/** For the tests of the widget in other people's pages: before a file's tests, serves dist/ with
 *  CORS as the widget's origin (`env.widget`) and launches Chromium (`env.browser`); `env.host(pages)`
 *  starts a blog on another origin (see `serveHost`). Everything stops after the file's tests. */
export function withWidgetAndBlogs() {
  const hosts = [];
  const env = {
    widget: undefined,
    browser: undefined,
    async host(pages) {
      const h = await serveHost(env.widget.url, pages);
      hosts.push(h);
      return h;
    },
  };
  before(async () => {
    env.widget = await serve(undefined, SUB_PATH, { cors: true });
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    for (const h of hosts) await h.close();
    await env.widget?.close();
  });
  return env;
}
