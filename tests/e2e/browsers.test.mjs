// The same visitor in Chromium and in Firefox (Debian's firefox-esr over WebDriver BiDi, driven by
// puppeteer-core; Playwright's Firefox build cannot run here). Controls are found as a person or a
// screen reader finds them — by role and accessible name, or by visible text — and the quiz is
// answered with the keyboard: both browsers must show the same results, move focus the same way,
// and open the results link the visitor copies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { DIST, SUB_PATH, serve, questionCount, situationLabel, WORDS, OUTCOME_LABELS } from './support.mjs';

const BROWSERS = {
  chromium: {
    browser: 'chrome',
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  },
  firefox: { browser: 'firefox', executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr', args: [] },
};

const START = WORDS.start;
const RESULTS_HEADING = WORDS.results;
assert.ok(OUTCOME_LABELS.length >= 3, 'the rubric has outcomes');
/** The outcome the results page names, as the visitor reads it (each outcome's label stands alone
 *  in its own paragraph there). */
const outcomeShown = (page) => page.evaluate((labels) => [...document.querySelectorAll('p')].map((p) => p.textContent.trim()).find((t) => labels.includes(t)), OUTCOME_LABELS);
const SITUATION = situationLabel('new-manager');

let site;
before(async () => { site = await serve(DIST, SUB_PATH); });
after(async () => { await site?.close(); });

const role = (r, name) => `::-p-aria([name="${name}"][role="${r}"])`;

/** The tag of the focused element. */
const focusedTag = (page) => page.evaluate(() => document.activeElement?.tagName.toLowerCase());

/** The text of the results page, found by its heading, with white space made single spaces. */
const resultsText = (page) => page.evaluate((h) => {
  const heading = [...document.querySelectorAll('h1, h2')].find((el) => el.textContent.trim() === h);
  return heading.closest('section').innerText.replace(/\s+/g, ' ').trim();
}, RESULTS_HEADING);

/** Takes the whole quiz with the keyboard: on each question, Tab into the options, choose the
 *  first with Space, move down `downs(n)` times, then press Next (or "See my results"). Returns
 *  what the results page says. */
async function takeQuiz(page, downs) {
  await page.goto(site.url);
  await page.locator(`::-p-text(${SITUATION})`).click();
  await page.locator(role('button', START)).click();
  const total = questionCount();
  for (let n = 1; n <= total; n += 1) {
    await page.waitForFunction((n, total) => document.body.innerText.includes(`Question ${n} of ${total}`), {}, n, total);
    assert.match(await focusedTag(page), /^h[1-6]$/, `question ${n}: focus is on the question's heading`);
    await page.keyboard.press('Tab');
    await page.keyboard.press(' ');
    for (let i = 0; i < downs(n); i += 1) await page.keyboard.press('ArrowDown');
    await page.locator(role('button', n === total ? 'See my results' : 'Next')).click();
  }
  await page.locator(role('heading', RESULTS_HEADING)).wait();
  await page.waitForFunction((h) => document.activeElement?.textContent.trim() === h, {}, RESULTS_HEADING);
  return resultsText(page);
}

async function withBrowser(name, run) {
  const { browser: product, executablePath, args } = BROWSERS[name];
  assert.ok(existsSync(executablePath), `${executablePath} is installed (scripts/setup installs it)`);
  const browser = await puppeteer.launch({ browser: product, executablePath, args, headless: true });
  try {
    // Where the browser lets the page use the clipboard, the test reads what was copied.
    if (name === 'chromium') await browser.defaultBrowserContext().overridePermissions(site.origin, ['clipboard-read', 'clipboard-write']);
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 900 });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    const result = await run(page, browser);
    assert.deepEqual(errors, [], `${name}: no errors on the page`);
    return result;
  } finally {
    await browser.close();
  }
}

// A varied pattern of answers (0–4 steps down), so the results are not a straight line.
const pattern = (n) => (n * 7) % 5;

test('a visitor gets the same results in Chromium and Firefox, and the copied link opens them', async () => {
  const seen = {};
  for (const name of Object.keys(BROWSERS)) {
    seen[name] = await withBrowser(name, async (page) => {
      const results = await takeQuiz(page, pattern);
      assert.ok(results.includes('Dimension by dimension'), `${name}: the whole results page shows`);
      const outcome = await outcomeShown(page);
      assert.ok(outcome, 'the results name an outcome');
      // A headless browser may refuse the clipboard: the link is then shown to copy by hand.
      await page.locator(role('button', 'Copy link to my results')).click();
      await page.waitForFunction(() => /Link copied|did not allow copying/.test(document.body.innerText));
      // The box to copy from, found by its visible label.
      const manual = await page.$('::-p-text(Your browser did not allow copying)');
      const link = manual
        ? await manual.evaluate((label) => label.control.value)
        : await page.evaluate(() => navigator.clipboard.readText().catch(() => null));
      assert.ok(link?.includes('#r='), `${name}: the visitor has a results link (${link})`);
      await page.goto('about:blank');
      await page.goto(link);
      await page.locator(role('button', 'Take it yourself')).wait();
      const shared = await outcomeShown(page);
      assert.equal(shared, outcome, `${name}: the link opens the same result`);
      return results;
    });
  }
  assert.equal(seen.firefox, seen.chromium, 'Firefox shows exactly what Chromium shows');
});
