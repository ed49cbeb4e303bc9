// One test body, two engines: Debian's Chromium (over CDP) and Debian's firefox-esr (over WebDriver
// BiDi), both driven by puppeteer-core (Playwright's Firefox needs its own patched build, which
// cannot run here). `forBothBrowsers(title, body)` registers one node:test per engine; each engine
// is launched once per test file and every test gets fresh browser contexts (no storage, cookies
// or cache shared with other tests), with page errors and console errors collected and asserted
// empty at the end.
//
// `Person` is the page object: it finds things as a person or a screen reader does. Controls and
// headings by role and accessible name through puppeteer's `::-p-aria(…)` (the browser's own
// accessibility tree), text by `::-p-text(…)`, notices by role=status/alert and their words.
// Inside the inline widget it prefixes `ready-to-lead >>> `: Chromium's aria query pierces open
// shadow roots on its own, Firefox's does not, and the deep combinator works in both.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { SHOTS, WORDS, OUTCOME_LABELS, waitUntil } from './support.mjs';

export const ENGINES = {
  chromium: {
    browser: 'chrome',
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  },
  firefox: { browser: 'firefox', executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr', args: [] },
};
/** `E2E_ENGINES=firefox` (comma-separated) runs only those engines, for a quick look at one. */
const chosen = process.env.E2E_ENGINES?.split(',').map((e) => e.trim());

const launched = {};
function browserFor(engine) {
  const { browser, executablePath, args } = ENGINES[engine];
  assert.ok(existsSync(executablePath), `${executablePath} is installed (scripts/setup installs it)`);
  launched[engine] ??= puppeteer.launch({ browser, executablePath, args, headless: true });
  return launched[engine];
}
after(async () => {
  for (const browser of Object.values(launched)) await (await browser).close();
});

/** Registers `title [chromium]` and `title [firefox]`, each running `body(visit)` with a fresh
 *  {@link Visit} in that engine. */
export function forBothBrowsers(title, body) {
  for (const engine of Object.keys(ENGINES)) {
    if (chosen && !chosen.includes(engine)) continue;
    test(`${title} [${engine}]`, async () => {
      const visit = new Visit(engine, await browserFor(engine));
      try {
        await body(visit);
        assert.deepEqual(visit.errors, [], `${engine}: no errors on the page`);
      } finally {
        await visit.close();
      }
    });
  }
}

/** One test's use of one engine: fresh contexts and pages, and the errors they report. */
export class Visit {
  constructor(engine, browser) {
    this.engine = engine;
    this.browser = browser;
    this.contexts = [];
    this.errors = [];
  }

  /** A page in a fresh browser context (incognito-like: nothing shared with other contexts),
   *  `width` × `height` CSS px, its errors collected. */
  async newPage({ width = 1100, height = 900 } = {}) {
    const context = await this.browser.createBrowserContext();
    this.contexts.push(context);
    const page = await context.newPage();
    await page.setViewport({ width, height });
    page.on('pageerror', (e) => this.errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(m.text());
    });
    return page;
  }

  /** A full-page screenshot in target/e2e/screenshots/, named after the engine. */
  async screenshot(page, name) {
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}-${this.engine}.png`), fullPage: true });
  }

  async close() {
    for (const context of this.contexts) await context.close().catch(() => {});
  }
}

/** A quoted CSS string for a selector's argument. */
const quoted = (text) => JSON.stringify(text);
/** The element with role `role` and accessible name `name` (any name when omitted). */
export const aria = (role, name) => `::-p-aria(${name === undefined ? '' : `[name=${quoted(name)}]`}[role="${role}"])`;

/** The widget as a person or a screen reader meets it. `scope` is a puppeteer Page or Frame (the
 *  standalone page, or the `?embed` iframe); `{ inline: true }` looks inside the page's
 *  `<ready-to-lead>` element's shadow root. */
export class Person {
  constructor(scope, { inline = false } = {}) {
    this.scope = scope;
    this.within = inline ? 'ready-to-lead >>> ' : '';
  }

  /** A puppeteer locator for `selector` inside the widget. */
  locator(selector) {
    return this.scope.locator(this.within + selector);
  }
  /** Waits for the element with this role and name in the browser's accessibility tree, and
   *  returns it. */
  find(role, name) {
    return this.scope.waitForSelector(this.within + aria(role, name));
  }
  /** The same as `find`, computed in the page (see `byRole`): for the many repeated steps of a
   *  long run, where Firefox's accessibility query (about 0.4 s each over BiDi) would make a run
   *  take minutes. Each run still finds its first and last question through `find`. */
  async quick(role, name) {
    const found = await this.scope.waitForFunction(byRole, {}, Boolean(this.within), role, name);
    return found.asElement();
  }
  /** Every element with this role (and name) now. */
  all(role, name) {
    return this.scope.$$(this.within + aria(role, name));
  }
  async count(role, name) {
    return (await this.all(role, name)).length;
  }
  /** Clicks the button named `name` once it is there and enabled (`fast`: found with `quick`). */
  async press(name, { fast = false } = {}) {
    const button = await (fast ? this.quick('button', name) : this.find('button', name));
    await this.scope.waitForFunction((b) => !b.disabled, {}, button);
    await button.click();
  }
  /** Waits for the heading named `name`. */
  heading(name, { fast = false } = {}) {
    return fast ? this.quick('heading', name) : this.find('heading', name);
  }
  /** Waits for an element whose own text contains `text`. */
  text(text) {
    return this.scope.waitForSelector(this.within + `::-p-text(${quoted(text)})`);
  }
  /** Every element that shows `text` now. */
  texts(text) {
    return this.scope.$$(this.within + `::-p-text(${quoted(text)})`);
  }

  intro() {
    return this.heading(WORDS.title);
  }
  results() {
    return this.heading(WORDS.results);
  }
  /** The app runs the widget: the prerendered first screen looks the same before and after, so this
   *  waits on the app's own `data-app="running"` marker (the one handle no visitor sees). */
  waitForApp() {
    return this.scope.waitForSelector(this.within + '[data-app="running"]');
  }

  /** Chooses the option named `label` (a radio by that accessible name), clicking where a person
   *  clicks: its visible label. Waits until it is checked (the first click also wakes the app). */
  async pick(label, { fast = false } = {}) {
    const radio = await (fast ? this.quick('radio', label) : this.find('radio', label));
    const visible = await radio.evaluateHandle((r) => r.labels[0]);
    await visible.click();
    await this.scope.waitForFunction((r) => r.checked, {}, radio);
  }
  /** The label of the checked option, if any. */
  checked() {
    return this.scope.evaluate((inline) => {
      const root = inline ? document.querySelector('ready-to-lead').shadowRoot : document;
      return [...root.querySelectorAll('input[type=radio]')].find((r) => r.checked)?.labels[0].textContent.trim() ?? null;
    }, Boolean(this.within));
  }
  /** Answers one question (from personas.json) with the mouse. */
  async answer(step) {
    await this.heading(step.question);
    await this.pick(step.answer);
  }
  /** Clicks through the whole quiz as `persona`: its situation, every answer, Next, and "See my
   *  results". `afterStep(n)` runs on each new question (n from 1) and on the results (n = 0). */
  async answerAll(persona, afterStep = async () => {}) {
    await this.intro();
    if ((await this.count('radio')) > 0) await this.pick(persona.situation_label);
    await this.press(WORDS.start);
    await this.answerSteps(persona, 0, persona.steps.length, afterStep);
    await this.results();
    await afterStep(0);
  }
  /** Answers questions `from` (0-based) up to `to`, pressing Next (or "See my results") after each. */
  async answerSteps(persona, from, to, afterStep = async () => {}) {
    for (let i = from; i < to; i += 1) {
      const step = persona.steps[i];
      const fast = i !== from && i !== to - 1;
      await this.heading(step.question, { fast });
      await afterStep(i + 1);
      await this.pick(step.answer, { fast });
      await this.press(i === persona.steps.length - 1 ? 'See my results' : 'Next', { fast });
    }
  }

  /** What the role=status and role=alert notices say now (empty ones left out). */
  async notices() {
    const found = [...(await this.all('status')), ...(await this.all('alert'))];
    const texts = await Promise.all(found.map((el) => el.evaluate((e) => e.textContent.replace(/\s+/g, ' ').trim())));
    return texts.filter(Boolean);
  }
  /** Waits for a status or alert notice containing `words`. */
  async notice(words) {
    await this.text(words);
    const find = async () => (await this.notices()).find((t) => t.includes(words));
    return waitUntil(find, `a status or alert notice saying "${words}"`).catch(async () => {
      assert.fail(`no status or alert notice says "${words}" (notices: ${JSON.stringify(await this.notices())})`);
    });
  }

  /** The focused element (inside shadow roots too): its tag and text. */
  focused() {
    return this.scope.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return { tag: el?.tagName.toLowerCase(), text: el?.textContent.trim() };
    });
  }

  /** The outcome the results name: an outcome label standing alone as an element's whole text. */
  async outcome() {
    for (const label of OUTCOME_LABELS) {
      for (const el of await this.texts(label)) {
        if ((await el.evaluate((e) => e.textContent.trim())) === label) return label;
      }
    }
    return null;
  }
  /** The dimension names listed under "strengths" or "growth" (a region named by its heading). */
  async highlights(which) {
    const region = await this.find('region', WORDS[which]);
    return region.evaluate((r) => [...r.querySelectorAll('a[href]')].map((a) => a.textContent.trim()));
  }
  /** The whole results page's text, white space made single spaces (the region around its heading). */
  async resultsText() {
    const heading = await this.results();
    return heading.evaluate((h) => h.closest('section').innerText.replace(/\s+/g, ' ').trim());
  }

}

/** Runs in the page: the visible element with `role` (implicit or explicit) whose accessible name
 *  is `name` (any name when undefined), inside the widget's shadow root when `inline`. The name is
 *  computed as the accessibility tree does for this widget's markup: aria-labelledby, aria-label,
 *  then the labels of a form control, then the text. Elements under aria-hidden, hidden or
 *  disabled fieldsets' hidden parts are left out. */
function byRole(inline, role, name) {
  const root = inline ? document.querySelector('ready-to-lead')?.shadowRoot : document;
  if (!root) return null;
  const implicit = {
    button: 'button, input[type=button], input[type=submit], summary',
    radio: 'input[type=radio]',
    heading: 'h1, h2, h3, h4, h5, h6',
    link: 'a[href]',
    region: 'section[aria-label], section[aria-labelledby]',
    status: 'output',
    alert: '',
  }[role];
  const selector = [implicit, `[role="${role}"]`].filter(Boolean).join(', ');
  const text = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const nameOf = (el) => {
    const ids = el.getAttribute('aria-labelledby');
    if (ids) return ids.split(/\s+/).map((id) => text(root.getElementById?.(id) ?? document.getElementById(id))).join(' ').trim();
    if (el.hasAttribute('aria-label')) return el.getAttribute('aria-label').trim();
    if (el.labels?.length) return [...el.labels].map(text).join(' ').trim();
    return text(el);
  };
  // A radio may be drawn by its label (the input itself visually hidden, still in the tree).
  const shown = (el) => !el.closest('[aria-hidden="true"], [hidden]') && (el.type === 'radio' || el.getClientRects().length > 0);
  return [...root.querySelectorAll(selector)].find((el) => {
    if (el.getAttribute('role') && el.getAttribute('role') !== role) return false;
    return shown(el) && (name === undefined || nameOf(el) === name);
  }) ?? null;
}

/** The results page names what `persona` expects: its outcome, its strengths and growth areas. */
export async function assertResultsMatch(person, persona) {
  await person.results();
  assert.equal(await person.outcome(), persona.expected_outcome_label, `${persona.id}: the outcome named`);
  assert.deepEqual((await person.highlights('strengths')).sort(), [...persona.expected_strength_names].sort(), 'the strengths named');
  assert.deepEqual((await person.highlights('growth')).sort(), [...persona.expected_growth_names].sort(), 'the growth areas named');
}
