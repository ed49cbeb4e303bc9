// The zero-cost embed (issue 15): a blog post with the widget shows its real first screen at once,
// fetches nothing heavy until the reader comes near it, and never moves the post's own text.
// Deterministic: the tests hold requests back or watch for them; nothing is timed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, frames, withWidgetAndBlogs, RESIZER } from './support.mjs';

const env = withWidgetAndBlogs();
const { host } = env;

const APP = /\/ready-to-lead-[^/]+(\.js|_bg\.wasm)$/;
const HEAVY = /\/(ready-to-lead-[^/]+\.js|[^/]+_bg\.wasm|style-[^/]+\.css)$/;

/** Records every layout shift of the page from its very start (buffered), as Lighthouse counts them. */
async function recordShifts(context) {
  await context.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The shifts recorded in the page and in every frame on it. */
async function shiftsIn(page) {
  const shifts = [];
  for (const frame of page.frames()) shifts.push(...(await frame.evaluate(() => window.__shifts ?? [])));
  return shifts;
}

test('the inline first screen is on screen and answerable while the app is held back, and the choice survives the takeover', async () => {
  const { context, page, log } = await openPage(env.browser);
  let release;
  const held = new Promise((go) => { release = go; });
  await page.route(APP, async (route) => { await held; await route.continue(); });
  await page.goto(`${env.widget.url}examples/blog-post.html`);
  const inline = page.locator('ready-to-lead');
  const heading = inline.getByRole('heading', { name: 'Ready to lead?' });
  await heading.waitFor();
  assert.ok(await heading.isVisible(), 'the heading is on screen');
  const considering = inline.getByRole('radio', { name: "I'm an engineer thinking about leading" });
  await inline.locator('label', { hasText: "I'm an engineer thinking about leading" }).click();
  assert.equal(await considering.isChecked(), true, 'the radio answers before the app has arrived');
  assert.equal(await inline.getByRole('button', { name: 'Start' }).isDisabled(), true, 'Start waits for the app');
  assert.equal(await inline.locator('[data-app="running"]').count(), 0, 'the app has not taken over yet');
  await screenshot(page, '20-inline-first-screen-before-app');
  release();
  await inline.locator('[data-app="running"]').waitFor({ state: 'attached' });
  assert.equal(await considering.isChecked(), true, 'the choice survived the takeover');
  await inline.getByRole('button', { name: 'Start' }).click();
  await inline.getByText(/^Question 1 of \d+$/).waitFor();
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a widget below the fold fetches no app, glue or stylesheet until the reader scrolls near it, then works', async () => {
  const filler = Array.from({ length: 60 }, (_, i) => `<p>Paragraph ${i + 1} of a long post, before the widget.</p>`).join('');
  const blog = await host({ '/post.html': { body: `${filler}<ready-to-lead></ready-to-lead>` }, '/plain.css': { file: 'plain.css' } });
  const { context, page, log } = await openPage(env.browser, { viewport: { width: 1280, height: 700 } });
  await page.goto(`${blog.origin}/post.html`);
  await page.waitForFunction(() => document.readyState === 'complete' && customElements.get('ready-to-lead'));
  await frames(page, 30);
  assert.deepEqual(log.requests.filter((u) => HEAVY.test(u)), [], 'nothing heavy before the reader comes near');
  assert.ok(log.requests.some((u) => u.endsWith('/embed.js')), 'only embed.js came');
  const inline = page.locator('ready-to-lead');
  const wasm = page.waitForRequest(/_bg\.wasm$/);
  // The reader scrolls down with the mouse wheel until the widget's heading is in view.
  while (!(await inline.getByRole('heading', { name: 'Ready to lead?' }).evaluate((h) => h.getBoundingClientRect().top < innerHeight))) {
    await page.mouse.wheel(0, 600);
    await frames(page, 2);
  }
  await wasm;
  await inline.locator('label', { hasText: 'I lead a team already' }).click();
  await inline.getByRole('button', { name: 'Start' }).click();
  await inline.getByText(/^Question 1 of \d+$/).waitFor();
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('two widgets share one download of the app', async () => {
  // Both near the top: one shows the prerendered first screen, one (part="quiz") a short notice.
  const blog = await host({ '/post.html': { body: '<ready-to-lead id="b" part="quiz"></ready-to-lead><ready-to-lead id="a"></ready-to-lead>' }, '/plain.css': { file: 'plain.css' } });
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${blog.origin}/post.html`);
  for (const id of ['a', 'b']) await page.locator(`#${id} [data-app="running"]`).waitFor({ state: 'attached' });
  assert.equal(log.requests.filter((u) => /_bg\.wasm$/.test(u)).length, 1, 'one wasm request');
  assert.equal(log.requests.filter((u) => /ready-to-lead-[^/]+\.js$/.test(u)).length, 1, 'one glue request');
  await context.close();
});

for (const [what, path] of [['inline', 'blog-post.html'], ['iframe', 'blog-post-iframe.html']]) {
  test(`the ${what} example post's text does not shift while it loads and the widget takes over`, async () => {
    const { context, page, log } = await openPage(env.browser, { viewport: { width: 412, height: 823 } });
    await recordShifts(context);
    await page.goto(`${env.widget.url}examples/${path}`);
    const scope = what === 'iframe' ? page.frameLocator('iframe') : page.locator('ready-to-lead');
    await scope.locator('[data-app="running"]').waitFor({ state: 'attached' });
    await frames(page, 30);
    // The post's own shifts, those inside the inline widget, and those of the iframe's own page.
    assert.deepEqual(await shiftsIn(page), [], 'layout shifts during load');
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test("the iframe's page paints its final look at once: nothing in it moves when its scripts run, and the app adopts what was painted", async () => {
  const { context, page, log } = await openPage(env.browser, { viewport: { width: 412, height: 823 } });
  await recordShifts(context);
  // The frame's scripts are held back until its first screen has painted (the order a slow
  // connection gives), so any change they make to its look would show as a shift.
  let release;
  const held = new Promise((go) => { release = go; });
  await page.route(/\/boot\.js$/, async (route) => { await held; await route.continue(); });
  await page.goto(`${env.widget.url}examples/blog-post-iframe.html`, { waitUntil: 'domcontentloaded' });
  const frame = page.frameLocator('iframe');
  const heading = frame.getByRole('heading', { level: 2, name: 'Ready to lead?' });
  await heading.waitFor();
  // (No click before the check: a shift right after the reader's input does not count.)
  await heading.evaluate((h) => { h.__painted = true; });
  await frames(page, 5);
  await screenshot(page, '21-iframe-first-screen-before-scripts');
  release();
  await frame.locator('[data-app="running"]').waitFor({ state: 'attached' });
  await frames(page, 30);
  assert.deepEqual(await shiftsIn(page), [], 'layout shifts in the post or its frame');
  assert.equal(await heading.evaluate((h) => h.__painted === true), true, 'the app adopted the painted first screen');
  await frame.locator('label', { hasText: 'I lead a team already' }).click();
  await frame.getByRole('button', { name: 'Start' }).click();
  await frame.getByText(/^Question 1 of \d+$/).waitFor();
  // The post's resizer is frame-height.js (0.5 KB brotli), not the inline widget's whole script.
  const post = log.requests.filter((u) => RESIZER.test(u));
  assert.ok(post.some((u) => u.endsWith('/frame-height.js')), `the post loads its resizer (${post.join(', ')})`);
  assert.ok(!post.some((u) => u.endsWith('/embed.js')), 'the iframe post does not load embed.js');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('in a blog\'s iframe on another site where storage is blocked, nothing in the frame moves until the reader starts, and then they are told', async () => {
  const blog = await host({ '/post.html': { body: `<p>A post.</p><iframe src="${env.widget.url}frame.html" title="Ready to lead? A self-assessment" width="100%" height="2000" loading="lazy"></iframe><p>After the widget.</p>` } });
  const { context, page, log } = await openPage(env.browser, { viewport: { width: 412, height: 823 } });
  await recordShifts(context);
  // Blocked third-party storage, as browsers treat a frame on another site (in every frame).
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await page.goto(`${blog.origin}/post.html`);
  const frame = page.frameLocator('iframe');
  await frame.locator('[data-app="running"]').waitFor({ state: 'attached' });
  await frames(page, 30);
  // (The blog's own text moves here when the frame grows from the 500 px its stylesheet gives
  // every iframe: the example posts' test above checks the README's snippet for that.)
  const widget = page.frames().find((f) => f !== page.mainFrame());
  assert.deepEqual(await widget.evaluate(() => window.__shifts), [], 'layout shifts in the frame before the reader has done anything');
  assert.equal(await frame.getByRole('status').filter({ hasText: /\S/ }).count(), 0, 'no notice yet');
  await frame.locator('label', { hasText: 'I lead a team already' }).click();
  await frame.getByRole('button', { name: 'Start' }).click();
  await frame.getByRole('status').filter({ hasText: 'not letting the assessment save' }).waitFor();
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a frame whose stylesheet cannot load shows its first screen unstyled, never a blank frame', async () => {
  const { context, page } = await openPage(env.browser);
  await page.route(/\/style-[^/]+\.css$/, (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto(`${env.widget.url}frame.html`);
  await page.getByRole('heading', { name: 'Ready to lead?' }).waitFor({ state: 'visible' });
  assert.equal(await page.getByRole('radio', { name: 'I lead a team already' }).isVisible(), true);
  await context.close();
});

test('at any heading level the inline first screen paints at once and the app adopts those very elements', async () => {
  for (const level of [1, 3, 6]) {
    const blog = await host({ '/post.html': { body: `<ready-to-lead heading-level="${level}"></ready-to-lead>` }, '/plain.css': { file: 'plain.css' } });
    const { context, page, log } = await openPage(env.browser);
    let release;
    const held = new Promise((go) => { release = go; });
    await page.route(APP, async (route) => { await held; await route.continue(); });
    await page.goto(`${blog.origin}/post.html`);
    const inline = page.locator('ready-to-lead');
    const heading = inline.getByRole('heading', { level, name: 'Ready to lead?' });
    await heading.waitFor();
    assert.equal(await inline.getByRole('heading', { level, name: 'Questions people ask' }).count(), 1, `the FAQ heading is at level ${level} too`);
    // Tag the painted elements; hydration keeps them, rendering anew would replace them.
    await heading.evaluate((h) => { h.__painted = true; });
    await inline.locator('label', { hasText: 'I lead a team already' }).click();
    release();
    await inline.locator('[data-app="running"]').waitFor({ state: 'attached' });
    assert.equal(await heading.evaluate((h) => h.__painted === true), true, `the app adopted the painted heading (level ${level})`);
    assert.equal(await inline.getByRole('radio', { name: 'I lead a team already' }).isChecked(), true);
    await inline.getByRole('button', { name: 'Start' }).click();
    await inline.getByText(/^Question 1 of \d+$/).waitFor();
    assert.deepEqual(log.errors, []);
    await context.close();
  }
});
