// Results that last, in a real Chromium: resume after reloads, forget, blocked storage, share
// links (copied, opened elsewhere, tampered), printing to PDF, JSON export and import, and the
// comparison with the previous attempt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withSiteAndBrowser, openPage, personas, screenshot, Widget, WORDS, SHOTS, questionCount, EXPERIMENTS, READING_TITLES } from './support.mjs';

const env = withSiteAndBrowser();
const SHARED_BANNER = 'These results were shared with you';
const COMPARED = /compares with your previous attempt/;

/** Answers questions `from` (0-based) up to `to` as `persona` would, with the mouse, and waits for
 *  the next question. */
async function answerSome(widget, persona, from, to) {
  for (const step of persona.steps.slice(from, to)) {
    await widget.answer(step);
    await widget.next().click();
  }
  await widget.question(persona.steps[to]).waitFor();
}

async function storedKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ready-to-lead:')));
}

async function tableText(page) {
  return new Widget(page).table().locator('tbody').innerText();
}

test('answers are kept across reloads and resume exactly where the visitor was', async () => {
  const persona = personas()[0];
  const { context, page, log } = await openPage(env.browser);
  await page.goto(env.site.url);
  const w = new Widget(page);
  await w.chooseSituation(persona.situation_label);
  await w.start().click();
  let answered = 0;
  for (const step of [3, 9, 24]) {
    await answerSome(w, persona, answered, step);
    answered = step;
    await page.reload();
    await w.button(`Continue where you left off (${step} of ${questionCount()})`).click();
    await w.question(persona.steps[step]).waitFor();
    assert.equal(await w.progress(), `Question ${step + 1} of ${questionCount()}`, `back at the same question after ${step} answers`);
  }
  await w.back().click();
  const previous = persona.steps[answered - 1];
  await w.question(previous).waitFor();
  assert.equal(await page.getByRole('radio', { name: previous.answer, exact: true }).isChecked(), true, 'the answer given is still chosen');
  await screenshot(page, '20-resumed');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('"Forget my answers" leaves nothing in storage', async () => {
  const persona = personas()[0];
  const { context, page } = await openPage(env.browser);
  await page.goto(env.site.url);
  const w = new Widget(page);
  await w.chooseSituation(persona.situation_label);
  await w.start().click();
  await answerSome(w, persona, 0, 4);
  assert.ok((await storedKeys(page)).length > 0, 'progress was saved');
  await w.button('Forget my answers').click();
  await w.waitForIntro();
  assert.deepEqual(await storedKeys(page), []);
  assert.match(await w.notice().textContent(), /removed/);
  await page.reload();
  await w.waitForIntro();
  assert.equal(await w.button(/^Continue where you left off/).count(), 0, 'nothing to resume');
  await context.close();
});

test('"Forget my answers" removes saved attempts and a corrupted attempts record too, and only the widget\'s keys', async () => {
  const persona = personas()[0];
  const { context, page, log } = await openPage(env.browser);
  await page.goto(env.site.url);
  await page.evaluate(() => localStorage.setItem('the-blog:theme', 'dark'));
  const w = new Widget(page);
  await w.answerAllWithMouse(persona);
  await w.button('Retake').click();
  await w.chooseSituation(persona.situation_label);
  await w.start().click();
  await answerSome(w, persona, 0, 2);
  const keys = await storedKeys(page);
  assert.ok(keys.some((k) => k.endsWith(':progress')) && keys.some((k) => k.endsWith(':attempts')), `progress and an attempt were saved: ${keys}`);
  // Something (an old build, an extension) has damaged the attempts record.
  await page.evaluate((key) => localStorage.setItem(key, 'a1|not|a|record'), keys.find((k) => k.endsWith(':attempts')));
  await w.button('Forget my answers').click();
  await w.notice().filter({ hasText: /removed/ }).waitFor();
  assert.deepEqual(await storedKeys(page), [], 'no ready-to-lead: key is left');
  assert.equal(await page.evaluate(() => localStorage.getItem('the-blog:theme')), 'dark', "the page's own keys are left alone");
  await page.reload();
  await w.waitForIntro();
  assert.equal(await w.button(/^Continue where you left off/).count(), 0, 'nothing to resume');
  await w.answerAllWithMouse(persona);
  assert.equal(await w.root.getByText(COMPARED).count(), 0, 'no earlier attempt to compare with');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('when storage throws, the quiz still completes and says once that progress is not kept', async () => {
  const persona = personas()[1];
  const { context, page, log } = await openPage(env.browser);
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await page.goto(env.site.url);
  const w = new Widget(page);
  await w.waitForIntro();
  await w.waitForApp();
  assert.equal(await w.notice().count(), 0, 'not told before the quiz gets under way (nothing moves under the reader)');
  await w.chooseSituation(persona.situation_label);
  await w.start().click();
  await w.question(persona.steps[0]).waitFor();
  assert.match(await w.notice().textContent(), /not letting the assessment save/);
  for (const step of persona.steps) {
    await w.question(step).waitFor();
    await w.answer(step);
    await w.next().click();
  }
  await w.outcome(persona.expected_outcome_label).waitFor();
  assert.equal(await w.notice().count(), 1, 'one notice, not one per answer');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('when saving starts failing mid-quiz (quota full), the visitor is told once and goes on', async () => {
  const persona = personas()[0];
  const { context, page, log } = await openPage(env.browser);
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key.endsWith(':progress')) throw new DOMException('full', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  await page.goto(env.site.url);
  const w = new Widget(page);
  await w.waitForIntro();
  assert.equal(await w.notice().count(), 0, 'storage works at the start');
  await w.chooseSituation(persona.situation_label);
  await w.start().click();
  await answerSome(w, persona, 0, 3);
  assert.match(await w.notice().textContent(), /not letting the assessment save/);
  assert.equal(await w.notice().count(), 1);
  assert.equal(await w.progress(), `Question 4 of ${questionCount()}`);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('corrupted saved answers are discarded with a notice', async () => {
  const { context, page, log } = await openPage(env.browser);
  await page.goto(env.site.url);
  await new Widget(page).waitForIntro();
  // The key of rubric version 2's saved progress (`ready-to-lead:<rubric id>:v<version>:progress`).
  await page.evaluate(() => localStorage.setItem('ready-to-lead:ready-to-lead:v2:progress', 'p1|s1|4|not-a-code'));
  await page.reload();
  const w = new Widget(page);
  await w.waitForIntro();
  assert.match(await w.notice().textContent(), /could not be read/);
  assert.deepEqual(await storedKeys(page), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a results link from version 1 of the questions opens with a notice, never as a profile', async () => {
  // Written by rubric version 1 (tests/fixtures/result-codes-v1.toml, the hero-coder persona).
  const { context, page, log } = await openPage(env.browser);
  await page.goto(env.site.url + '#r=AQECJGmFG4gEgjGUkGkAi22w84A');
  const w = new Widget(page);
  await w.waitForIntro();
  await page.getByRole('status').filter({ hasText: 'made with version 1 of the questions' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: /profile/i }).count(), 0, 'no results are shown');
  await w.start().waitFor();
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a copied share link shows the same results elsewhere; a tampered one shows a notice', async () => {
  const persona = personas()[2];
  const { context, page } = await openPage(env.browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.site.origin });
  await page.goto(env.site.url);
  const w = new Widget(page);
  await w.answerAllWithMouse(persona);
  await w.button('Copy link to my results').click();
  await w.root.getByText('Link copied').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/tools\/ready\/#r=[A-Za-z0-9_-]+$/);
  const fragment = link.slice(link.indexOf('#'));
  assert.ok(fragment.length - '#r='.length <= 28, `the code is at most 28 characters, as the README says: ${fragment}`);
  const expected = await tableText(page);

  const { context: elsewhere, page: other, log } = await openPage(env.browser);
  await other.goto(link);
  const shared = new Widget(other);
  await shared.root.getByText(SHARED_BANNER).waitFor();
  await shared.outcome(persona.expected_outcome_label).waitFor();
  assert.equal(await tableText(other), expected);
  assert.deepEqual(await storedKeys(other), [], 'a shared result is not saved');
  await screenshot(other, '21-shared');
  await shared.button('Take it yourself').first().click();
  await shared.waitForIntro();
  assert.equal(await other.evaluate(() => location.hash), '', 'the link is left behind');

  const code = fragment.slice(3);
  const flipped = code.slice(0, 5) + (code[5] === 'A' ? 'B' : 'A') + code.slice(6);
  // A tampered link opened in a new tab (a fresh load)…
  const fresh = await elsewhere.newPage();
  await fresh.goto(env.site.url + `#r=${flipped}`);
  const tampered = new Widget(fresh);
  await tampered.waitForIntro();
  assert.match(await tampered.notice().textContent(), /changed or cut short/);
  // …and bad links pasted into the open tab (only the hash changes).
  for (const bad of [`#r=${code.slice(0, -4)}`, '#r=hello%20world']) {
    if (await shared.notice().count()) await shared.notice().getByRole('button', { name: 'Dismiss' }).click();
    await other.goto(env.site.url + bad);
    await shared.notice().filter({ hasText: 'cannot be shown' }).waitFor();
    assert.equal(await shared.root.getByText(SHARED_BANNER).count(), 0, bad);
  }
  // A good link pasted into the open tab opens the results.
  await other.goto(link);
  await shared.root.getByText(SHARED_BANNER).waitFor();
  assert.deepEqual(log.errors, []);
  await elsewhere.close();
  await context.close();
});

test('when the clipboard is refused, the link is shown to copy by hand', async () => {
  const persona = personas()[0];
  const { context, page } = await openPage(env.browser);
  await context.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await page.goto(env.site.url);
  const w = new Widget(page);
  await w.answerAllWithMouse(persona);
  await w.button('Copy link to my results').click();
  const input = w.root.getByLabel('Your browser did not allow copying. Select and copy this link:');
  await input.waitFor();
  assert.match(await input.inputValue(), /#r=/);
  await context.close();
});

test('the results print on at most three pages with every dimension', async () => {
  const persona = personas()[0];
  const { context, page } = await openPage(env.browser);
  await page.goto(env.site.url);
  const w = new Widget(page);
  await w.answerAllWithMouse(persona);
  const names = await w.table().locator('tbody th').allInnerTexts();
  assert.equal(names.length, 9);
  const buttons = (await w.root.getByRole('button').allInnerTexts()).map((b) => b.trim()).filter(Boolean);
  assert.ok(buttons.length >= 5, `the results have buttons: ${buttons.join(', ')}`);
  assert.equal(EXPERIMENTS.length, 9, 'every dimension has experiments');
  assert.ok(READING_TITLES.length >= 9, 'readings are suggested');
  // The chart is laid out for paper: it is still there when the page is printed.
  await page.emulateMedia({ media: 'print' });
  assert.ok(await w.root.getByRole('img', { name: /Bar chart of your/ }).isVisible(), 'the chart is printed');
  await page.emulateMedia({ media: null });
  const dir = mkdtempSync(join(tmpdir(), 'rtl-pdf-'));
  for (const format of ['A4', 'Letter']) {
    const path = join(dir, `results-${format}.pdf`);
    await page.pdf({ path, format, printBackground: true });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))[1]);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.ok(pages <= 3, `${format}: ${pages} pages`);
    for (const name of names) assert.ok(text.includes(name), `${format}: "${name}" is printed`);
    for (const label of buttons) assert.ok(!text.includes(label), `${format}: the button "${label}" is not printed`);
    for (const heading of [WORDS.results, WORDS.strengths, WORDS.growth]) assert.ok(text.includes(heading), `${format}: "${heading}" is printed`);
    assert.ok(!text.includes(WORDS.faq), `${format}: the FAQ is not printed`);
    // In reading order (not -layout, which interleaves the two printed columns line by line).
    const flowing = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/-\n/g, '-').replace(/\s+/g, ' ');
    for (const [i, list] of EXPERIMENTS.entries()) {
      for (const experiment of list) assert.ok(flowing.includes(experiment.slice(0, 40)), `${format}: dimension ${i + 1}'s experiment "${experiment.slice(0, 40)}…" is printed`);
    }
    for (const title of READING_TITLES) assert.ok(!text.includes(title), `${format}: the reading "${title}" is not printed`);
    if (format === 'A4') {
      writeFileSync(join(SHOTS, 'results-A4.pdf'), readFileSync(path));
      execFileSync('pdftoppm', ['-png', '-r', '50', path, join(SHOTS, '22-print-A4')]);
    }
  }
  await context.close();
});

test('the JSON export opens again as the same results, and the Markdown holds the report', async () => {
  const persona = personas()[3];
  const { context, page } = await openPage(env.browser);
  await page.goto(env.site.url);
  const w = new Widget(page);
  await w.answerAllWithMouse(persona);
  const expected = await tableText(page);
  const [json] = await Promise.all([page.waitForEvent('download'), w.button('Download (JSON)').click()]);
  const file = await json.path();
  const data = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(data.outcome.id, persona.expected_outcome);
  assert.equal(Object.keys(data.answers).length, questionCount());
  const [md] = await Promise.all([page.waitForEvent('download'), w.button('Download (Markdown)').click()]);
  assert.match(md.suggestedFilename(), /^ready-to-lead-\d{4}-\d{2}-\d{2}\.md$/);
  const markdown = readFileSync(await md.path(), 'utf8');
  for (const name of await w.table().locator('tbody th').allInnerTexts()) assert.ok(markdown.includes(name));

  const { context: fresh, page: other, log } = await openPage(env.browser);
  await other.goto(env.site.url);
  const again = new Widget(other);
  await again.waitForIntro();
  // Choosing a file means clicking the button first, which starts the app; setInputFiles skips that.
  await again.waitForApp();
  const picker = again.root.getByLabel('Open results you downloaded earlier (JSON file):');
  await picker.setInputFiles(file);
  await again.root.getByText(SHARED_BANNER).waitFor();
  assert.equal(await tableText(other), expected);
  // Read-only: nothing to answer or redo, and nothing of it is kept in this browser.
  assert.equal(await again.root.getByRole('radio').count(), 0, 'no answers to change');
  assert.equal(await again.button('Retake').count(), 0, 'no Retake');
  assert.ok(await again.button('Take it yourself').first().isVisible(), 'an offer to take it instead');
  assert.deepEqual(await storedKeys(other), [], 'imported results are not saved');
  const junk = join(mkdtempSync(join(tmpdir(), 'rtl-junk-')), 'notes.json');
  writeFileSync(junk, '{"hello": "world"}');
  await again.button('Take it yourself').first().click();
  await picker.setInputFiles(junk);
  await again.notice().filter({ hasText: 'not a results file' }).waitFor();
  assert.deepEqual(log.errors, []);
  await fresh.close();
  await context.close();
});

test('a second attempt is compared with the first', async () => {
  const [first, second] = personas();
  const { context, page, log } = await openPage(env.browser);
  await page.goto(env.site.url);
  const w = new Widget(page);
  await w.answerAllWithMouse(first);
  assert.equal(await w.root.getByText(COMPARED).count(), 0, 'nothing to compare the first time');
  await w.button('Retake').click();
  await w.waitForIntro();
  await w.answerAllWithMouse(second);
  await w.root.getByText(COMPARED).waitFor();
  // The date as the reader's browser writes it (this context's locale is en-US: 12/3/2026).
  const today = await page.evaluate(() => new Date().toLocaleDateString('en-US'));
  assert.match(await w.table().locator('thead').innerText(), new RegExp(`Since ${today.replace(/\//g, '\\/')}`));
  // The trend is the last cell of each dimension's row.
  const trends = await w.table().locator('tbody tr td:last-child').allInnerTexts();
  assert.equal(trends.length, 9);
  assert.ok(trends.some((t) => /up/.test(t)) && trends.some((t) => /down/.test(t)), trends.join(' | '));
  await screenshot(page, '23-compared');
  assert.deepEqual(log.errors, []);
  await context.close();
});
