// The whole assessment in a real Chromium against the release build served under a sub-path:
// a full run with the mouse and one with the keyboard only, each answering as a golden persona,
// the FAQ deep link, accessibility audits of every state, no foreign requests, no console errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { withSiteAndBrowser, openPage, personas, screenshot, axeViolations, keyboardRun, Widget, WORDS, DIST } from './support.mjs';

const env = withSiteAndBrowser();

function assertClean(log, origin) {
  const foreign = log.requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'no request leaves the widget\'s own origin');
  assert.deepEqual(log.errors, [], 'no console errors');
}

/** The results page says what it should for `persona`: its outcome, its strengths and growth
 *  areas by name, and exactly its quality notes (none missing, none extra). */
async function assertResultsMatch(widget, persona) {
  await widget.results().waitFor();
  await widget.outcome(persona.expected_outcome_label).waitFor();
  if (persona.expected_outcome_label !== persona.best_outcome_label) {
    assert.equal(await widget.outcome(persona.best_outcome_label).count(), 0, `${persona.id} is not told "${persona.best_outcome_label}"`);
  }
  assert.deepEqual((await widget.highlights('strengths')).sort(), [...persona.expected_strength_names].sort(), 'the strengths named');
  assert.deepEqual((await widget.highlights('growth')).sort(), [...persona.expected_growth_names].sort(), 'the growth areas named');
  assert.deepEqual((await widget.qualityNotes()).sort(), [...persona.expected_flag_texts].sort(), 'the quality notes shown');
}

test('a visitor completes the assessment with the mouse and sees the expected result', async () => {
  const persona = personas()[0];
  const { context, page, log } = await openPage(env.browser);
  await page.goto(env.site.url);
  const widget = new Widget(page);
  await widget.waitForIntro();
  await screenshot(page, '01-intro');
  await widget.answerAllWithMouse(persona);
  await assertResultsMatch(widget, persona);
  assert.deepEqual(await widget.focused(), { tag: 'h1', text: WORDS.results }, 'focus moves to the results heading');
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
    await widget.answerAllWithMouse(persona);
    // The outcome's label stands alone in its own paragraph; elsewhere (the FAQ) labels appear
    // only inside sentences, so an exact match finds the verdict the visitor is shown.
    await assertResultsMatch(widget, persona);
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
  await keyboardRun(page, widget, persona, async (n) => {
    if (n === 6) await screenshot(page, '02-question-keyboard');
  });
  await assertResultsMatch(widget, persona);
  assertClean(log, env.site.origin);
  await context.close();
});

test('every golden persona gets its expected result in the browser', async () => {
  for (const persona of personas().slice(2).filter((p) => !p.adversarial)) {
    const { context, page, log } = await openPage(env.browser);
    await page.goto(env.site.url);
    const widget = new Widget(page);
    await widget.waitForIntro();
    await widget.answerAllWithMouse(persona);
    await assertResultsMatch(widget, persona);
    assertClean(log, env.site.origin);
    await context.close();
  }
});

test('Back keeps answers, and Retake starts over', async () => {
  const persona = personas()[0];
  const { context, page } = await openPage(env.browser);
  await page.goto(env.site.url);
  const widget = new Widget(page);
  await widget.answerAllWithMouse(persona);
  await widget.button('Change my answers').click();
  const last = persona.steps.at(-1);
  await widget.question(last).waitFor();
  assert.equal(await page.getByRole('radio', { name: last.answer, exact: true }).isChecked(), true, 'the last answer is still chosen');
  await widget.next().click();
  await widget.button('Retake').click();
  await widget.waitForIntro();
  await widget.start().click();
  assert.equal(await widget.progress(), `Question 1 of ${persona.steps.length}`);
  await widget.question(persona.steps[0]).waitFor();
  assert.equal(await page.getByRole('radio', { checked: true }).count(), 0, 'answers were cleared');
  await context.close();
});

test('an FAQ deep link opens its entry', async () => {
  const { context, page, log } = await openPage(env.browser);
  await page.goto(env.site.url + '#faq-your-answers');
  // The entry opens: its answer's first words are on screen (the FAQ's own text).
  const entry = page.locator('#faq-your-answers');
  await page.waitForFunction(() => document.querySelector('#faq-your-answers')?.open === true);
  assert.ok(await entry.getByRole('paragraph').first().isVisible(), 'the answer is shown');
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
    await widget.chooseSituation(persona.situation_label);
    await widget.start().click();
    await widget.answer(persona.steps[0]);
    assert.deepEqual(await axeViolations(page), [], `a question (${colorScheme})`);
    await widget.back().click();
    await widget.answerAllWithMouse(persona);
    await page.getByText('Show the maths', { exact: true }).first().click();
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
  await widget.answerAllWithMouse(persona, async (n) => {
    if (n === 1) {
      screens.question = await overflow();
      await screenshot(page, '06-question-320');
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
  await widget.chooseSituation("I'm an engineer thinking about leading");
  await widget.start().click();
  await page.getByText('Question 1 of').waitFor();
  assert.deepEqual(warnings, []);
  await context.close();
});
