// The prerendered first screen: readable and usable before (and without) the wasm, taken over by
// the app without losing what the visitor did or duplicating anything; precompressed files match.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { withSiteAndBrowser, openPage, screenshot, Widget, DIST, questionCount } from './support.mjs';

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
  assert.equal(await page.locator('input[name="rtl-situation"]').count(), 2, 'the first question is on the page');
  await page.locator('#faq-going-back summary').click();
  assert.ok(await page.locator('#faq-going-back p').first().isVisible(), 'an FAQ answer opens');
  assert.match(await page.locator('noscript').textContent(), /need JavaScript/);
  await screenshot(page, '30-no-javascript');
  await context.close();
});

test('the app hydrates the prerendered screen: an early choice, an open FAQ entry and the elements themselves stay', async () => {
  const { context, page, log, w, release } = await openWithWasmHeld();
  await page.locator('label[for="rtl-situation-considering"]').click();
  await page.locator('#faq-going-back summary').click();
  assert.equal(await w.byTestId('start').isDisabled(), true, 'before the app, Start waits');
  await page.locator('#rtl-situation-considering').focus();
  // Tag the prerendered elements: hydration must adopt them, not replace them.
  await page.evaluate(() => {
    document.querySelector('[data-testid="intro"]').dataset.seen = 'before';
    document.querySelector('#faq-going-back').dataset.seen = 'before';
  });
  release();
  await w.waitForApp();
  await page.locator('[data-testid="start"]:not([disabled])').waitFor();
  assert.equal(await page.locator('#rtl-situation-considering').isChecked(), true, 'the choice survived');
  assert.equal(await page.locator('[data-testid="intro"][data-seen="before"]').count(), 1, 'the intro is the same element');
  assert.equal(await page.locator('#faq-going-back[data-seen="before"][open]').count(), 1, 'the FAQ entry is the same and still open');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'rtl-situation-considering', 'focus stayed');
  for (const id of ['intro', 'faq', 'quiz']) assert.equal(await w.byTestId(id).count(), 1, `one ${id}`);
  await w.byTestId('start').click();
  assert.equal(await w.progress(), `Question 1 of ${questionCount()}`);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the app takes over without a click after a short pause, and renders anew when options change the first screen', async () => {
  const { context, page, log } = await openPage(env.browser);
  await page.goto(env.site.url);
  const w = new Widget(page);
  await w.waitForApp();
  assert.equal(await w.byTestId('intro').count(), 1);

  await page.goto(`${env.site.url}?situation=new-manager&part=quiz`);
  await w.waitForApp();
  assert.equal(await w.byTestId('intro').count(), 1, 'one intro');
  assert.equal(await page.locator('input[name="rtl-situation"]').count(), 0, 'the preset situation is not asked');
  assert.equal(await w.byTestId('faq').count(), 0, 'the FAQ is left out');
  await w.byTestId('start').click();
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
  await page.locator('label[for="rtl-situation-new-manager"]').click();
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

test('a page rewritten before the app arrives (as by a translator) is rendered anew, not hydrated', async () => {
  const { context, page, log, w, release } = await openWithWasmHeld();
  await page.evaluate(() => {
    const lede = document.querySelector('.rtl-lede');
    const font = document.createElement('font');
    font.append(...lede.childNodes);
    lede.append(font);
  });
  await page.locator('label[for="rtl-situation-considering"]').click();
  release();
  await w.waitForApp();
  assert.equal(await w.byTestId('intro').count(), 1, 'one intro');
  assert.equal(await page.locator('.rtl-lede font').count(), 0, 'the app drew the intro itself');
  assert.equal(await page.locator('.rtl-notice--error').count(), 0, 'no error notice');
  assert.equal(await page.locator('#rtl-situation-considering').isChecked(), true, 'the choice survived');
  await w.byTestId('start').click();
  assert.equal(await w.progress(), `Question 1 of ${questionCount()}`);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a wasm file that cannot be fetched gets a notice, and the FAQ keeps working', async () => {
  const { context, page } = await openPage(env.browser);
  await page.route(/_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(env.site.url);
  const w = new Widget(page);
  await w.waitForIntro();
  await page.locator('label[for="rtl-situation-considering"]').click();
  await page.locator('[role="alert"].rtl-notice--error').waitFor();
  assert.match(await page.locator('.rtl-notice--error').textContent(), /could not load/);
  await page.locator('#faq-going-back summary').click();
  assert.ok(await page.locator('#faq-going-back p').first().isVisible(), 'an FAQ answer opens');
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
