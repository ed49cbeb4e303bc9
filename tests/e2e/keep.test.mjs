// Results that last, in a real Chromium: resume after reloads, forget, blocked storage, share
// links (copied, opened elsewhere, tampered), printing to PDF, JSON export and import, and the
// comparison with the previous attempt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withSiteAndBrowser, openPage, personas, screenshot, Widget, SHOTS, questionCount } from './support.mjs';

const env = withSiteAndBrowser();

/** Answers the next `count` questions as `persona` would, with the mouse. */
async function answerSome(widget, persona, count) {
  for (let i = 0; i < count; i++) {
    const item = await widget.currentItem();
    await widget.root.locator(`label[for="rtl-q-${item}-${persona.answers[item]}"]`).click();
    await widget.byTestId('next').click();
    await widget.root.locator(`[data-testid="question"]:not([data-item="${item}"])`).waitFor();
  }
}

async function storedKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ready-to-lead:')));
}

async function tableText(page) {
  return page.locator('[data-testid="profile-table"] tbody').innerText();
}

test('answers are kept across reloads and resume exactly where the visitor was', async () => {
  const persona = personas()[0];
  const { context, page, log } = await openPage(env.browser);
  await page.goto(env.site.url);
  const w = new Widget(page);
  await w.chooseSituation(persona.situation);
  await w.byTestId('start').click();
  let answered = 0;
  for (const step of [3, 9, 24]) {
    await answerSome(w, persona, step - answered);
    answered = step;
    const item = await w.currentItem();
    await page.reload();
    await w.byTestId('resume').waitFor();
    assert.match(await w.byTestId('continue').textContent(), new RegExp(`\\(${step} of ${questionCount()}\\)`));
    await w.byTestId('continue').click();
    assert.equal(await w.currentItem(), item, `back at the same question after ${step} answers`);
    assert.equal(await w.progress(), `Question ${step + 1} of ${questionCount()}`);
  }
  await w.byTestId('back').click();
  const previous = await w.currentItem();
  assert.equal(await page.locator('[data-testid="question"] input:checked').getAttribute('value'), persona.answers[previous]);
  await screenshot(page, '20-resumed');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('"Forget my answers" leaves nothing in storage', async () => {
  const persona = personas()[0];
  const { context, page } = await openPage(env.browser);
  await page.goto(env.site.url);
  const w = new Widget(page);
  await w.chooseSituation(persona.situation);
  await w.byTestId('start').click();
  await answerSome(w, persona, 4);
  assert.ok((await storedKeys(page)).length > 0, 'progress was saved');
  await w.byTestId('forget').click();
  await w.waitForIntro();
  assert.deepEqual(await storedKeys(page), []);
  assert.match(await w.byTestId('notice').textContent(), /removed/);
  await page.reload();
  await w.waitForIntro();
  assert.equal(await w.byTestId('resume').count(), 0, 'nothing to resume');
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
  assert.match(await w.byTestId('notice').textContent(), /not letting the assessment save/);
  await w.answerAllWithMouse(persona.situation, persona.answers);
  assert.equal(await w.byTestId('outcome').getAttribute('data-outcome'), persona.expected_outcome);
  assert.equal(await w.byTestId('notice').count(), 1, 'one notice, not one per answer');
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
  assert.equal(await w.byTestId('notice').count(), 0, 'storage works at the start');
  await w.chooseSituation(persona.situation);
  await w.byTestId('start').click();
  await answerSome(w, persona, 3);
  assert.match(await w.byTestId('notice').textContent(), /not letting the assessment save/);
  assert.equal(await w.byTestId('notice').count(), 1);
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
  assert.match(await w.byTestId('notice').textContent(), /could not be read/);
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
  await page.getByRole('button', { name: 'Start' }).waitFor();
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a copied share link shows the same results elsewhere; a tampered one shows a notice', async () => {
  const persona = personas()[2];
  const { context, page } = await openPage(env.browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.site.origin });
  await page.goto(env.site.url);
  const w = new Widget(page);
  await w.answerAllWithMouse(persona.situation, persona.answers);
  await w.byTestId('copy-link').click();
  await w.byTestId('copy-status').filter({ hasText: 'Link copied' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/tools\/ready\/#r=[A-Za-z0-9_-]+$/);
  const fragment = link.slice(link.indexOf('#'));
  assert.ok(fragment.length < 80, `${fragment.length} characters`);
  const expected = await tableText(page);

  const { context: elsewhere, page: other, log } = await openPage(env.browser);
  await other.goto(link);
  const shared = new Widget(other);
  await shared.byTestId('shared-banner').waitFor();
  assert.equal(await shared.byTestId('outcome').getAttribute('data-outcome'), persona.expected_outcome);
  assert.equal(await tableText(other), expected);
  assert.deepEqual(await storedKeys(other), [], 'a shared result is not saved');
  await screenshot(other, '21-shared');
  await shared.byTestId('take-it').click();
  await shared.waitForIntro();
  assert.equal(await other.evaluate(() => location.hash), '', 'the link is left behind');

  const code = fragment.slice(3);
  const flipped = code.slice(0, 5) + (code[5] === 'A' ? 'B' : 'A') + code.slice(6);
  // A tampered link opened in a new tab (a fresh load)…
  const fresh = await elsewhere.newPage();
  await fresh.goto(env.site.url + `#r=${flipped}`);
  const tampered = new Widget(fresh);
  await tampered.waitForIntro();
  assert.match(await tampered.byTestId('notice').textContent(), /changed or cut short/);
  // …and bad links pasted into the open tab (only the hash changes).
  for (const bad of [`#r=${code.slice(0, -4)}`, '#r=hello%20world']) {
    if (await shared.byTestId('notice').count()) await shared.byTestId('notice').locator('button').click();
    await other.goto(env.site.url + bad);
    await shared.byTestId('notice').filter({ hasText: 'cannot be shown' }).waitFor();
    assert.equal(await shared.byTestId('shared-banner').count(), 0, bad);
  }
  // A good link pasted into the open tab opens the results.
  await other.goto(link);
  await shared.byTestId('shared-banner').waitFor();
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
  await w.answerAllWithMouse(persona.situation, persona.answers);
  await w.byTestId('copy-link').click();
  const input = w.byTestId('share-link');
  await input.waitFor();
  assert.match(await input.inputValue(), /#r=/);
  await context.close();
});

test('the results print on at most three pages with every dimension', async () => {
  const persona = personas()[0];
  const { context, page } = await openPage(env.browser);
  await page.goto(env.site.url);
  const w = new Widget(page);
  await w.answerAllWithMouse(persona.situation, persona.answers);
  const names = await page.locator('[data-testid="profile-table"] tbody th').allInnerTexts();
  assert.equal(names.length, 9);
  const dir = mkdtempSync(join(tmpdir(), 'rtl-pdf-'));
  for (const format of ['A4', 'Letter']) {
    const path = join(dir, `results-${format}.pdf`);
    await page.pdf({ path, format, printBackground: true });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))[1]);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.ok(pages <= 3, `${format}: ${pages} pages`);
    for (const name of names) assert.ok(text.includes(name), `${format}: "${name}" is printed`);
    assert.ok(!text.includes('Copy link to my results'), `${format}: no buttons are printed`);
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
  await w.answerAllWithMouse(persona.situation, persona.answers);
  const expected = await tableText(page);
  const [json] = await Promise.all([page.waitForEvent('download'), w.byTestId('download-json').click()]);
  const file = await json.path();
  const data = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(data.outcome.id, persona.expected_outcome);
  assert.equal(Object.keys(data.answers).length, questionCount());
  const [md] = await Promise.all([page.waitForEvent('download'), w.byTestId('download-md').click()]);
  assert.match(md.suggestedFilename(), /^ready-to-lead-\d{4}-\d{2}-\d{2}\.md$/);
  const markdown = readFileSync(await md.path(), 'utf8');
  for (const name of await page.locator('[data-testid="profile-table"] tbody th').allInnerTexts()) assert.ok(markdown.includes(name));

  const { context: fresh, page: other, log } = await openPage(env.browser);
  await other.goto(env.site.url);
  const again = new Widget(other);
  await again.waitForIntro();
  // Choosing a file means clicking the button first, which starts the app; setInputFiles skips that.
  await again.waitForApp();
  await again.byTestId('import').setInputFiles(file);
  await again.byTestId('shared-banner').waitFor();
  assert.equal(await tableText(other), expected);
  const junk = join(mkdtempSync(join(tmpdir(), 'rtl-junk-')), 'notes.json');
  writeFileSync(junk, '{"hello": "world"}');
  await again.byTestId('take-it').click();
  await again.byTestId('import').setInputFiles(junk);
  await again.byTestId('notice').filter({ hasText: 'not a results file' }).waitFor();
  assert.deepEqual(log.errors, []);
  await fresh.close();
  await context.close();
});

test('a second attempt is compared with the first', async () => {
  const [first, second] = personas();
  const { context, page, log } = await openPage(env.browser);
  await page.goto(env.site.url);
  const w = new Widget(page);
  await w.answerAllWithMouse(first.situation, first.answers);
  assert.equal(await w.byTestId('compared').count(), 0, 'nothing to compare the first time');
  await w.byTestId('retake').click();
  await w.waitForIntro();
  await w.answerAllWithMouse(second.situation, second.answers);
  await w.byTestId('compared').waitFor();
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  assert.match(await page.locator('[data-testid="profile-table"] thead').innerText(), new RegExp(`Since ${today}`));
  const trends = await page.locator('[data-testid="profile-table"] td.rtl-trend').allInnerTexts();
  assert.equal(trends.length, 9);
  assert.ok(trends.some((t) => /up/.test(t)) && trends.some((t) => /down/.test(t)), trends.join(' | '));
  await screenshot(page, '23-compared');
  assert.deepEqual(log.errors, []);
  await context.close();
});
