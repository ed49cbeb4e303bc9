// The prerendered first screen: readable and usable before (and without) the wasm, taken over by
// the app without losing what the visitor did or duplicating anything; precompressed files match.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { withSiteAndBrowser, openPage, screenshot, Widget, DIST, ROOT, personas, questionCount, situationLabel, waitUntil } from './support.mjs';

const GOING_BACK = "Can I go back to engineering if management isn't for me?";
/** The FAQ entry a reader opens by its question (a `<details>`, role group). */
const entry = (page) => page.getByRole('group').filter({ hasText: GOING_BACK });
const considering = (page) => page.getByRole('radio', { name: situationLabel('considering'), exact: true });

const env = withSiteAndBrowser();

/** Opens the page with the wasm download held back until `release()`: the prerendered screen
 *  is there and usable, the app is not. */
async function openWithWasmHeld() {
  const { context, page, log } = await openPage(env.browser);
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(env.site.url);
  const w = new Widget(page);
  await w.waitForIntro();
  return { context, page, log, w, release };
}

test('without JavaScript the intro and the FAQ are there, and the FAQ works', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.site.url);
  const w = new Widget(page);
  await w.waitForIntro();
  assert.equal(await page.getByRole('radio').count(), 2, 'the first question is on the page');
  await page.getByText(GOING_BACK, { exact: true }).click();
  assert.ok(await entry(page).getByRole('paragraph').first().isVisible(), 'an FAQ answer opens');
  // What <noscript> says is shown only with JavaScript off; the test reads it from the page.
  assert.match(await page.locator('noscript').textContent(), /need JavaScript/);
  await screenshot(page, '30-no-javascript');
  await context.close();
});

test('the app hydrates the prerendered screen: an early choice, an open FAQ entry and the elements themselves stay', async () => {
  const { context, page, log, w, release } = await openWithWasmHeld();
  await new Widget(page).pick(situationLabel('considering'));
  await page.getByText(GOING_BACK, { exact: true }).click();
  assert.equal(await w.start().isDisabled(), true, 'before the app, Start waits');
  await considering(page).focus();
  // The reader scrolls down with the wheel to read the FAQ.
  await page.mouse.wheel(0, 300);
  let last = -1;
  const scrolled = await waitUntil(async () => {
    const y = await page.evaluate(() => scrollY);
    const settled = y > 0 && y === last;
    last = y;
    return settled && y;
  }, 'the page to scroll and settle');
  // Tag the prerendered elements: hydration must adopt them, not replace them.
  await w.intro().evaluate((h) => { h.dataset.seen = 'before'; });
  await entry(page).evaluate((d) => { d.dataset.seen = 'before'; });
  release();
  await w.waitForApp();
  await waitUntil(() => w.start().isEnabled(), 'Start to be enabled by the app');
  assert.equal(await considering(page).isChecked(), true, 'the choice survived');
  assert.equal(await w.intro().evaluate((h) => h.dataset.seen), 'before', 'the intro is the same element');
  assert.deepEqual(await entry(page).evaluate((d) => [d.dataset.seen, d.open]), ['before', true], 'the FAQ entry is the same and still open');
  assert.equal(await page.evaluate(() => document.activeElement?.labels?.[0]?.textContent.trim()), situationLabel('considering'), 'focus stayed');
  assert.equal(await page.evaluate(() => scrollY), scrolled, 'the page did not scroll');
  for (const [what, found] of [['intro', w.intro()], ['FAQ', w.faq()], ['Start button', w.start()], ['Forget button', w.button('Forget my answers')]]) {
    assert.equal(await found.count(), 1, `one ${what}`);
  }
  await w.start().click();
  assert.equal(await w.progress(), `Question 1 of ${questionCount()}`);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the app takes over without a click after a short pause, and renders anew when options change the first screen', async () => {
  const { context, page, log } = await openPage(env.browser);
  // When the app marks the widget as running, in the page's own time.
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-app="running"]')) {
        window.__running = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, attributes: true, childList: true });
  });
  await page.goto(env.site.url);
  const w = new Widget(page);
  await w.waitForApp();
  assert.equal(await w.intro().count(), 1);
  // "A short pause" is 600 ms after the page is interactive; downloading and compiling on this
  // machine take well under a second more. Far later would mean the pause is not what started it.
  const { running, interactive } = await page.evaluate(() => ({ running: window.__running, interactive: performance.getEntriesByType('navigation')[0].domInteractive }));
  assert.ok(running - interactive >= 600, `the app waited for the pause (${Math.round(running - interactive)} ms)`);
  assert.ok(running - interactive < 3000, `the app took over ${Math.round(running - interactive)} ms after the page was interactive, with no click`);

  await page.goto(`${env.site.url}?situation=new-manager&part=quiz`);
  await w.waitForApp();
  assert.equal(await w.intro().count(), 1, 'one intro');
  assert.equal(await page.getByRole('radio').count(), 0, 'the preset situation is not asked');
  assert.equal(await w.faq().count(), 0, 'the FAQ is left out');
  await w.start().click();
  assert.equal(await w.progress(), `Question 1 of ${questionCount()}`);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('until the first click (or a pause) the wasm only downloads; it compiles afterwards', async () => {
  const { context, page, log } = await openPage(env.browser);
  await page.addInitScript(() => {
    window.__compiled = [];
    for (const name of ['compile', 'compileStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = function (...args) {
        window.__compiled.push(performance.now());
        return original.apply(this, args);
      };
    }
    addEventListener('click', () => { window.__clicked ??= performance.now(); }, true);
  });
  await page.goto(env.site.url);
  const w = new Widget(page);
  await page.waitForFunction(() => document.readyState === 'complete');
  await w.pick(situationLabel('new-manager'));
  await w.waitForApp();
  const t = await page.evaluate(() => ({
    compiled: window.__compiled,
    clicked: window.__clicked,
    interactive: performance.getEntriesByType('navigation')[0].domInteractive,
  }));
  assert.ok(t.compiled.length >= 1, 'the wasm was compiled');
  // The pause starts after the page is interactive, so an early compile means a click came first.
  assert.ok(t.compiled[0] >= Math.min(t.clicked, t.interactive + 600), `compiled at ${t.compiled[0]} ms, clicked at ${t.clicked} ms`);
  assert.deepEqual(log.errors, []);
  await context.close();
});

// Every option the README documents, with a value it allows (read from its Options table).
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const DOCUMENTED = [...README.slice(README.indexOf('### Options'), README.indexOf('### Theming')).matchAll(/^\| `([a-z-]+)` \| (?:`([^`]+)`)?/gm)]
  .map(([, name, value]) => [name, name === 'accent' ? '#0a7' : value ?? 'true']);

// Options that leave the painted first screen as it is: the page waits for the visitor with them.
const AS_PAINTED = ['?theme=auto', '?lang=en', '?events', '?events=true', '?part=both', '?situation=ask', '?theme=auto&events&lang=en'];

test('a shared result or any option that changes the first screen starts the app at once, before any frame, pause or click', async () => {
  const changing = DOCUMENTED.map(([name, value]) => `?${name}=${encodeURIComponent(value)}`).filter((a) => !AS_PAINTED.includes(a));
  assert.ok(changing.length >= 5, `the README's options that change the first screen: ${changing}`);
  const code = await sharedCode();
  const addresses = [`#r=${code}`, '?embed', '?theme=dark', ...changing];
  for (const address of addresses) {
    const { context, page, log } = await openPage(env.browser);
    // The page's clock stands still: no timer fires and no frame is drawn until the test says so, so
    // neither the pause, nor the load settling, nor idle time can start the app; only the address can.
    await page.clock.install();
    await page.clock.pauseAt(Date.now() + 60_000);
    const wasm = page.waitForRequest(/_bg\.wasm$/, { timeout: 10_000 }).catch(() => null);
    await page.goto(env.site.url + address);
    assert.ok(await wasm, `${address}: the app's wasm is requested with the clock stopped`);
    await page.clock.resume();
    await new Widget(page).waitForApp();
    assert.deepEqual(log.errors, [], address);
    await context.close();
  }
  // The contrast: the plain page, and one whose options leave its first screen as painted, wait for
  // the visitor (or the pause), so with the clock stopped they have not asked for the wasm by the
  // time a page with an option that changes it has been served whole.
  for (const address of ['', ...AS_PAINTED, ...AS_PAINTED.map((a) => `frame.html${a}`)]) {
    const { context, page } = await openPage(env.browser);
    await page.clock.install();
    await page.clock.pauseAt(Date.now() + 60_000);
    const requested = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(env.site.url + address);
    await new Widget(page).waitForIntro();
    const other = await context.newPage();
    await other.goto(env.site.url + '?theme=dark');
    await other.waitForRequest(/_bg\.wasm$/).catch(() => {});
    assert.deepEqual(requested.filter((u) => /_bg\.wasm$/.test(u)), [], `${address || 'the plain page'} waits`);
    await page.clock.resume();
    await new Widget(page).waitForApp();
    await context.close();
  }
});

/** A result code for a full answer set, as the results page's link carries it. */
async function sharedCode() {
  const persona = personas()[0];
  const { context, page } = await openPage(env.browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.site.origin });
  await page.goto(env.site.url);
  const w = new Widget(page);
  await w.answerAllWithMouse(persona);
  await w.button('Copy link to my results').click();
  await w.root.getByText('Link copied').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await context.close();
  return link.slice(link.indexOf('#r=') + 3);
}

// What a host or a browser may do to the page before the app arrives. Hydrating any of these would
// meet elements the app did not render, so the app renders the first screen anew instead.
const REWRITES = {
  "a translator's <font> wrappers": () => {
    const lede = document.querySelector('.rtl-lede');
    const font = document.createElement('font');
    font.append(...lede.childNodes);
    lede.append(font);
  },
  "Yew's comment markers stripped (as by an HTML minifier on the host)": () => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_COMMENT);
    const comments = [];
    while (walker.nextNode()) comments.push(walker.currentNode);
    if (comments.length === 0) throw new Error('the prerendered page has no comment markers to strip');
    for (const c of comments) c.remove();
  },
  "a translator's translated- class on <html>": () => document.documentElement.classList.add('translated-ltr'),
};

for (const [what, rewrite] of Object.entries(REWRITES)) {
  test(`a page rewritten before the app arrives (${what}) is rendered anew, not hydrated`, async () => {
    const { context, page, log, w, release } = await openWithWasmHeld();
    await w.intro().evaluate((h) => { h.dataset.seen = 'before'; });
    await page.evaluate(rewrite);
    await new Widget(page).pick(situationLabel('considering'));
    release();
    await w.waitForApp();
    assert.equal(await w.intro().count(), 1, 'one intro');
    assert.equal(await w.intro().evaluate((h) => h.dataset.seen ?? 'new'), 'new', 'the app drew the intro itself');
    assert.equal(await page.locator('font').count(), 0, 'no translator wrappers are left');
    assert.equal(await page.getByRole('alert').count(), 0, 'no error notice');
    assert.equal(await considering(page).isChecked(), true, 'the choice survived');
    await w.start().click();
    assert.equal(await w.progress(), `Question 1 of ${questionCount()}`);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

const BROKEN_WASM = {
  'cannot be fetched': { status: 404, body: 'gone' },
  'cannot be compiled': { status: 200, contentType: 'application/wasm', body: 'this is not a WebAssembly module' },
};
for (const [what, answer] of Object.entries(BROKEN_WASM)) test(`a wasm file that ${what} gets a notice, and the FAQ keeps working`, async () => {
  const { context, page } = await openPage(env.browser);
  await page.route(/_bg\.wasm$/, (route) => route.fulfill(answer));
  await page.goto(env.site.url);
  const w = new Widget(page);
  await w.waitForIntro();
  await new Widget(page).pick(situationLabel('considering'));
  await page.getByRole('alert').filter({ hasText: 'could not load' }).waitFor();
  await page.getByText(GOING_BACK, { exact: true }).click();
  assert.ok(await entry(page).getByRole('paragraph').first().isVisible(), 'an FAQ answer opens');
  await context.close();
});

test('every asset has .br and .gz copies with the same content', () => {
  const assets = readdirSync(DIST).filter((f) => /\.(html|js|wasm|css)$/.test(f));
  assert.ok(assets.length >= 5);
  for (const name of assets) {
    const raw = readFileSync(join(DIST, name));
    assert.ok(brotliDecompressSync(readFileSync(join(DIST, `${name}.br`))).equals(raw), `${name}.br`);
    assert.ok(gunzipSync(readFileSync(join(DIST, `${name}.gz`))).equals(raw), `${name}.gz`);
  }
});
