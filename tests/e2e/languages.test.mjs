// The widget in the reader's language (German, `de`): the whole quiz with the keyboard at `?lang=de`,
// no English UI word on any German screen, the inline embed taking German from the blog's
// `<html lang="de">`, a German browser passed on to the German page (and a choice of English kept),
// a shared result opening in the recipient's language, and axe on the German screens. The words come
// from the data files (target/e2e/words.json and personas-de.json, by `cargo run --example
// e2e-fixtures`), so rewording them does not break these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  withWidgetAndBlogs, openPage, personas, wordsIn, screenshot, axeViolations, keyboardRun, Widget, WORDS, waitUntil, escapeRe,
} from './support.mjs';

const env = withWidgetAndBlogs();
const DE = wordsIn('de');

/** The visible text of the page (what a reader can see, opened entries included). */
async function visibleText(page) {
  return page.locator('body').innerText();
}

/** The English UI texts that `text` holds, as whole words. */
function englishIn(text) {
  return DE.english_ui.filter((words) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRe(words)}($|[^\\p{L}\\p{N}])`, 'u').test(text));
}

test('at ?lang=de a visitor completes the quiz with the keyboard only and reads German results', async () => {
  const persona = personas('de')[1];
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${env.widget.url}?lang=de`);
  await page.waitForURL(/\/de\/\?lang=de$/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  assert.equal(await page.title(), DE.page_title);
  const widget = new Widget(page, DE);
  await widget.waitForIntro();
  await widget.waitForApp();
  assert.equal(await page.locator('#ready-to-lead').getAttribute('lang'), 'de', 'the widget says it speaks German');
  await keyboardRun(page, widget, persona, async (n) => {
    if (n > 0) return;
    await widget.progressText().waitFor();
    assert.deepEqual(englishIn(await visibleText(page)), [], 'no English UI words on a German question');
    assert.deepEqual(await axeViolations(page), [], 'axe on a German question');
    await screenshot(page, 'de-02-question');
  });
  await widget.results().waitFor();
  await widget.outcome(persona.expected_outcome_label).waitFor();
  assert.deepEqual((await widget.highlights('strengths')).sort(), [...persona.expected_strength_names].sort(), 'the strengths, named in German');
  assert.deepEqual((await widget.highlights('growth')).sort(), [...persona.expected_growth_names].sort(), 'the growth areas, named in German');
  // Open every "show the maths" and FAQ entry: their text is German too.
  for (const summary of await page.locator('summary').all()) await summary.click();
  assert.deepEqual(englishIn(await visibleText(page)), [], 'no English UI words on the German results and FAQ');
  assert.deepEqual(await axeViolations(page), [], 'axe on the German results');
  await screenshot(page, 'de-03-results');
  const foreign = log.requests.filter((u) => !u.startsWith(env.widget.origin + '/'));
  assert.deepEqual(foreign, [], 'no request leaves the widget\'s origin');
  assert.ok(!log.requests.some((u) => /\/tools\/ready\/ready-to-lead-[^/]*\.wasm$/.test(u)), 'the English app is never downloaded');
  assert.deepEqual(log.errors, [], 'no console errors');
  await context.close();
});

test('the German start screen and FAQ have no English UI words, and axe finds nothing', async () => {
  const { context, page } = await openPage(env.browser);
  await page.goto(`${env.widget.url}de/`);
  const widget = new Widget(page, DE);
  await widget.waitForIntro();
  assert.equal(page.url(), `${env.widget.url}de/`, 'the German page stays German for an English browser');
  for (const summary of await page.locator('summary').all()) await summary.click();
  const text = await visibleText(page);
  assert.deepEqual(englishIn(text), [], 'no English UI words');
  assert.ok(text.includes(DE.faq), 'the German FAQ heading');
  // A positive control: the same check finds English words on the English page.
  await page.goto(env.widget.url);
  await new Widget(page).waitForIntro();
  for (const summary of await page.locator('summary').all()) await summary.click();
  assert.ok(englishIn(await visibleText(page)).length > 0, 'the check finds English UI words on the English page');
  await page.goto(`${env.widget.url}de/`);
  await widget.waitForApp();
  assert.deepEqual(await axeViolations(page), [], 'axe on the German intro');
  await screenshot(page, 'de-01-intro');
  await context.close();
});

test('a browser that prefers German is passed on to the German page; choosing English sticks', async () => {
  const { context, page } = await openPage(env.browser, { locale: 'de-DE' });
  await page.goto(`${env.widget.url}?theme=dark`);
  await page.waitForURL(`${env.widget.url}de/?theme=dark`);
  const widget = new Widget(page, DE);
  await widget.waitForIntro();
  const list = page.getByRole('navigation', { name: 'Sprache' });
  assert.equal(await list.getByRole('link', { name: 'Deutsch' }).getAttribute('aria-current'), 'page');
  await list.getByRole('link', { name: 'English' }).click();
  await page.waitForURL(`${env.widget.url}?lang=en`);
  await new Widget(page).waitForIntro();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await new Widget(page).waitForApp();
  assert.equal(page.url(), `${env.widget.url}?lang=en`, 'the reader\'s choice of English is kept');
  await context.close();
});

test('a result shared from the German page opens in the recipient\'s language', async () => {
  const persona = personas('de')[0];
  const { context, page } = await openPage(env.browser, { locale: 'de-DE' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.widget.origin });
  await page.goto(env.widget.url);
  await page.waitForURL(`${env.widget.url}de/`);
  const widget = new Widget(page, DE);
  await widget.answerAllWithMouse(persona);
  await widget.button(DE.copy_link).click();
  const link = await waitUntil(() => page.evaluate(() => navigator.clipboard.readText()), 'the copied link');
  assert.match(link, new RegExp(`^${escapeRe(env.widget.url)}#r=`), 'the link names the default page, not the German one');
  const english = await openPage(env.browser, { locale: 'en-US' });
  await english.page.goto(link);
  const reader = new Widget(english.page);
  await reader.results().waitFor();
  assert.equal(english.page.url().split('#')[0], env.widget.url, 'an English reader stays on the English page');
  await english.context.close();
  const german = await openPage(env.browser, { locale: 'de-DE' });
  await german.page.goto(link);
  await new Widget(german.page, DE).results().waitFor();
  assert.match(german.page.url(), /\/de\/#r=/, 'a German reader gets the German page, with the result');
  await german.context.close();
  await context.close();
});

test('the inline widget takes German from the blog\'s <html lang="de">, and its lang attribute wins', async () => {
  const blog = await env.host({
    '/de.html': { lang: 'de', body: '<p>Ein Beitrag.</p><ready-to-lead></ready-to-lead>' },
    '/en.html': { lang: 'de', body: '<p>Ein Beitrag.</p><ready-to-lead lang="en"></ready-to-lead>' },
  });
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${blog.origin}/de.html`);
  const element = page.locator('ready-to-lead');
  const widget = new Widget(element, DE);
  await widget.waitForIntro();
  await widget.waitForApp();
  assert.equal(await element.locator('.ready-to-lead').getAttribute('lang'), 'de');
  assert.ok(log.requests.some((u) => /\/de\/ready-to-lead-[^/]*\.wasm$/.test(u)), 'the German app is downloaded');
  assert.ok(!log.requests.some((u) => /\/tools\/ready\/ready-to-lead-[^/]*\.wasm$/.test(u)), 'the English one is not');
  const text = await element.evaluate((el) => el.shadowRoot.textContent);
  assert.deepEqual(englishIn(text), [], 'no English UI words in the German inline widget');
  await widget.chooseSituation(personas('de')[0].situation_label);
  await widget.start().click();
  await widget.progressText().waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on the German inline widget');
  await screenshot(page, 'de-04-inline');
  await page.goto(`${blog.origin}/en.html`);
  await new Widget(page.locator('ready-to-lead')).waitForIntro();
  assert.equal(await page.locator('ready-to-lead').getByRole('heading', { name: WORDS.title }).count(), 1, 'lang="en" on the element wins over the page');
  await context.close();
});

test('a German inline widget paints its German first screen before the app arrives, and the app adopts it', async () => {
  const blog = await env.host({ '/held.html': { lang: 'de', body: '<p>Ein Beitrag.</p><ready-to-lead></ready-to-lead>' } });
  const { context, page } = await openPage(env.browser);
  // The app's download is held back until the test lets it go.
  let release;
  const held = new Promise((go) => { release = go; });
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${blog.origin}/held.html`);
  const element = page.locator('ready-to-lead');
  const widget = new Widget(element, DE);
  await widget.intro().waitFor();
  await element.getByRole('heading', { name: DE.faq, exact: true }).waitFor();
  const persona = personas('de')[0];
  await widget.pick(persona.situation_label);
  assert.equal(await element.locator('[data-app="running"]').count(), 0, 'the app has not arrived');
  const heading = await element.getByRole('heading', { name: DE.title, exact: true }).elementHandle();
  release();
  await widget.waitForApp();
  assert.ok(await heading.evaluate((h) => h.isConnected), 'the app adopted the painted first screen (the very same heading)');
  assert.ok(await element.getByRole('radio', { name: persona.situation_label, exact: true }).isChecked(), 'the early choice is kept');
  await widget.start().click();
  await widget.progressText().waitFor();
  await context.close();
});

test('a blog\'s iframe with ?lang=de goes on to the German frame page, dressed as a frame, and works', async () => {
  const blog = await env.host({ '/framed.html': { body: `<iframe id="frame" src="${env.widget.url}frame.html?lang=de" title="Ready to lead? A self-assessment" width="600" height="700"></iframe>` } });
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${blog.origin}/framed.html`);
  const frame = page.frameLocator('iframe');
  const widget = new Widget(frame, DE);
  await widget.intro().waitFor();
  const inner = page.frames().find((f) => f.url().startsWith(`${env.widget.url}de/frame.html`));
  assert.ok(inner, `the frame went on to de/frame.html (${page.frames().map((f) => f.url()).join(', ')})`);
  assert.equal(new URL(inner.url()).search, '?lang=de', 'keeping its options');
  assert.equal(await frame.getByRole('heading', { level: 2, name: DE.title, exact: true }).count(), 1, 'the frame\'s top heading is at level 2');
  assert.equal(await frame.getByRole('navigation').count(), 0, 'no language list in a blog\'s frame');
  await widget.waitForApp();
  const persona = personas('de')[0];
  await widget.pick(persona.situation_label);
  await widget.start().click();
  await widget.progressText().waitFor();
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('each page names its languages to search engines with full addresses, on any sub-path', async () => {
  const { context, page } = await openPage(env.browser);
  for (const [path, lang] of [['', 'en'], ['de/', 'de'], ['frame.html', 'en'], ['de/frame.html', 'de']]) {
    await page.goto(`${env.widget.url}${path}?lang=${lang}`);
    await page.waitForFunction(() => [...document.querySelectorAll('link[rel="alternate"][hreflang]')].every((l) => /^https?:/.test(l.getAttribute('href'))));
    const links = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((ls) => Object.fromEntries(ls.map((l) => [l.hreflang, l.getAttribute('href')])));
    assert.deepEqual(links, { en: env.widget.url, de: `${env.widget.url}de/`, 'x-default': env.widget.url }, path || 'the English page');
  }
  await context.close();
});
