// The whole assessment in a real Chromium against the release build served under a sub-path:
// a full run with the mouse and one with the keyboard only, each answering as a golden persona,
// the FAQ deep link, accessibility audits of every state, no foreign requests, no console errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { withSiteAndBrowser, openPage, personas, screenshot, axeViolations, Widget, DIST } from './support.mjs';

const env = withSiteAndBrowser();

function assertClean(log, origin) {
  const foreign = log.requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'no request leaves the widget\'s own origin');
  assert.deepEqual(log.errors, [], 'no console errors');
}

async function assertResultsMatch(page, persona) {
  const outcome = page.locator('[data-testid="outcome"]');
  assert.equal(await outcome.getAttribute('data-outcome'), persona.expected_outcome);
  assert.match(await outcome.textContent(), new RegExp(persona.expected_outcome_label));
  const hrefs = async (id) => page.locator(`[data-testid="${id}"] a`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual((await hrefs('strengths')).sort(), persona.expected_strengths.map((d) => `#rtl-dim-${d}`).sort());
  assert.deepEqual((await hrefs('growth')).sort(), persona.expected_growth.map((d) => `#rtl-dim-${d}`).sort());
  // Exactly the expected quality notes: none missing, none extra.
  const shown = await page.locator('[data-testid^="flag-"]').evaluateAll((ps) => ps.map((p) => p.dataset.testid.slice('flag-'.length)));
  assert.deepEqual(shown.sort(), [...persona.expected_flags].sort(), 'the quality notes shown');
}

test('a visitor completes the assessment with the mouse and sees the expected result', async () => {
  const persona = personas()[0];
  const { context, page, log } = await openPage(env.browser);
  await page.goto(env.site.url);
  const widget = new Widget(page);
  await widget.waitForIntro();
  await screenshot(page, '01-intro');
  await widget.answerAllWithMouse(persona.situation, persona.answers);
  await assertResultsMatch(page, persona);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), await page.locator('[data-testid="results"] [tabindex="-1"]').first().textContent(), 'focus moves to the results heading');
  await screenshot(page, '03-results');
  assertClean(log, env.site.origin);
  await context.close();
});

test('test-wise answering strategies never earn the best result', async () => {
  const strategies = personas().filter((p) => p.adversarial);
  assert.ok(strategies.length >= 5, 'the adversarial personas are exported');
  for (const persona of strategies) {
    const { context, page } = await openPage(env.browser);
    await page.goto(env.site.url);
    const widget = new Widget(page);
    await widget.waitForIntro();
    await widget.answerAllWithMouse(persona.situation, persona.answers);
    // The outcome's label stands alone in its own paragraph; elsewhere (the FAQ) labels appear
    // only inside sentences, so an exact match finds the verdict the visitor is shown.
    await page.getByText(persona.expected_outcome_label, { exact: true }).waitFor();
    assert.equal(await page.getByText(persona.best_outcome_label, { exact: true }).count(), 0, `${persona.id} is not told "${persona.best_outcome_label}"`);
    if (persona.expected_flags.length > 0) await page.getByRole('note').first().waitFor();
    await screenshot(page, `05-adversarial-${persona.id}`);
    await context.close();
  }
});

test('a visitor completes the assessment with the keyboard only', async () => {
  const all = personas();
  const persona = all[1 % all.length];
  const { context, page, log } = await openPage(env.browser);
  await page.goto(env.site.url);
  const widget = new Widget(page);
  await widget.waitForIntro();
  // A person reads the page before tabbing: by then the app has taken over (only then is Start live).
  await widget.waitForApp();
  const kb = page.keyboard;

  // Tab to the situation radios, choose with the arrow keys or Space, Tab to Start, Enter.
  for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.name === 'rtl-situation')); i++) await kb.press('Tab');
  const situations = await page.locator('input[name="rtl-situation"]').evaluateAll((els) => els.map((e) => e.value));
  const target = situations.indexOf(persona.situation);
  if (target === 0) await kb.press('Space');
  for (let i = 0; i < target; i++) await kb.press('ArrowDown');
  await kb.press('Tab');
  assert.equal(await widget.focusedTestId(), 'start');
  await kb.press('Enter');

  let steps = 0;
  for (;;) {
    await widget.byTestId('question').waitFor();
    const item = await widget.currentItem();
    const focused = await page.evaluate(() => document.activeElement?.closest('legend') !== null);
    assert.ok(focused, `focus is on the question heading at ${item}`);
    const values = await page.locator('[data-testid="question"] input[type="radio"]').evaluateAll((els) => els.map((e) => e.value));
    const index = values.indexOf(persona.answers[item]);
    assert.ok(index >= 0, `${item}: answer ${persona.answers[item]} is offered`);
    await kb.press('Tab');
    if (index === 0) await kb.press('Space');
    for (let i = 0; i < index; i++) await kb.press('ArrowDown');
    assert.equal(await page.locator('[data-testid="question"] input:checked').getAttribute('value'), persona.answers[item]);
    if (steps === 6) await screenshot(page, '02-question-keyboard');
    await kb.press('Tab');
    assert.equal(await widget.focusedTestId(), 'back');
    await kb.press('Tab');
    assert.equal(await widget.focusedTestId(), 'next');
    const last = (await widget.byTestId('next').textContent()).includes('results');
    await kb.press('Enter');
    steps += 1;
    if (last) break;
    await page.waitForFunction((it) => document.querySelector('[data-testid="question"]')?.getAttribute('data-item') !== it, item);
  }
  await widget.byTestId('results').waitFor();
  await assertResultsMatch(page, persona);
  assertClean(log, env.site.origin);
  await context.close();
});

test('every golden persona gets its expected result in the browser', async () => {
  for (const persona of personas().slice(2)) {
    const { context, page, log } = await openPage(env.browser);
    await page.goto(env.site.url);
    const widget = new Widget(page);
    await widget.waitForIntro();
    await widget.answerAllWithMouse(persona.situation, persona.answers);
    await assertResultsMatch(page, persona);
    assertClean(log, env.site.origin);
    await context.close();
  }
});

test('Back keeps answers, and Retake starts over', async () => {
  const persona = personas()[0];
  const { context, page } = await openPage(env.browser);
  await page.goto(env.site.url);
  const widget = new Widget(page);
  await widget.answerAllWithMouse(persona.situation, persona.answers);
  await widget.byTestId('change-answers').click();
  const item = await widget.currentItem();
  assert.equal(await page.locator('[data-testid="question"] input:checked').getAttribute('value'), persona.answers[item]);
  await widget.byTestId('next').click();
  await widget.byTestId('retake').click();
  await widget.waitForIntro();
  await widget.byTestId('start').click();
  assert.equal(await widget.progress(), `Question 1 of ${Object.keys(persona.answers).length}`);
  assert.equal(await page.locator('[data-testid="question"] input:checked').count(), 0, 'answers were cleared');
  await context.close();
});

test('an FAQ deep link opens its entry', async () => {
  const { context, page, log } = await openPage(env.browser);
  await page.goto(env.site.url + '#faq-your-answers');
  const entry = page.locator('#faq-your-answers');
  await page.waitForFunction(() => document.querySelector('#faq-your-answers')?.open === true);
  assert.ok(await entry.isVisible());
  assert.ok(await entry.locator('p').first().isVisible(), 'the answer is shown');
  await screenshot(page, '04-faq');
  // Following a link from the page opens another entry.
  await page.evaluate(() => { location.hash = '#faq-how-scoring-works'; });
  await page.waitForFunction(() => document.querySelector('#faq-how-scoring-works')?.open === true);
  assertClean(log, env.site.origin);
  await context.close();
});

test('axe finds no accessibility violations on the intro, a question, the results and the FAQ', async () => {
  const persona = personas()[0];
  for (const colorScheme of ['light', 'dark']) {
    const { context, page } = await openPage(env.browser, { colorScheme });
    await page.goto(env.site.url + '#faq-going-back');
    const widget = new Widget(page);
    await widget.waitForIntro();
    await page.waitForFunction(() => document.querySelector('#faq-going-back')?.open === true);
    assert.deepEqual(await axeViolations(page), [], `intro and open FAQ entry (${colorScheme})`);
    await widget.chooseSituation(persona.situation);
    await widget.byTestId('start').click();
    await page.locator('[data-testid="question"] label').first().click();
    assert.deepEqual(await axeViolations(page), [], `a question (${colorScheme})`);
    await widget.byTestId('back').click();
    await widget.answerAllWithMouse(persona.situation, persona.answers);
    await page.locator('[data-testid="results"] details.rtl-maths').first().locator('summary').click();
    assert.deepEqual(await axeViolations(page), [], `the results (${colorScheme})`);
    if (colorScheme === 'dark') await screenshot(page, '05-results-dark');
    await context.close();
  }
});

test('the widget is usable at 320 px wide, with no sideways scrolling on any screen', async () => {
  const persona = personas()[0];
  const { context, page } = await openPage(env.browser, { viewport: { width: 320, height: 640 } });
  await page.goto(env.site.url);
  const widget = new Widget(page);
  await widget.waitForIntro();
  // WCAG 1.4.10 (reflow): the page never scrolls sideways at 320 CSS px. axe does not check this.
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const screens = { intro: await overflow() };
  let first = true;
  await widget.answerAllWithMouse(persona.situation, persona.answers, async () => {
    if (first) {
      screens.question = await overflow();
      await screenshot(page, '06-question-320');
      first = false;
    }
  });
  screens.results = await overflow();
  for (const summary of await page.getByText('Show the maths', { exact: true }).all()) await summary.click();
  screens['results with the maths open'] = await overflow();
  await screenshot(page, '07-results-320');
  for (const [name, px] of Object.entries(screens)) assert.ok(px <= 0, `${name}: no horizontal scrolling (overflow ${px}px)`);
  await context.close();
});

test("the release build holds only the widget's files, and its page loads without a console warning", async () => {
  assert.deepEqual(readdirSync(DIST).filter((name) => name.startsWith('.')), [], 'no hidden files (such as .trunk-lock) to deploy');
  const { context, page } = await openPage(env.browser);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(env.site.url);
  const widget = new Widget(page);
  await widget.waitForApp();
  // Take the quiz one step, so the wasm preload has been used.
  await page.locator('label', { hasText: 'thinking about leading' }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByText('Question 1 of').waitFor();
  assert.deepEqual(warnings, []);
  await context.close();
});
