// README promises that no other test checked, each tried the way a visitor or a blogger would:
// "Start over" on the resume offer, `heading-level`, `theme=auto` following the reader's system
// setting, and an iframe without `events` sending the blog no messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, personas, Widget, WORDS, questionCount, withWidgetAndBlogs } from './support.mjs';

const env = withWidgetAndBlogs();

test('"Start over" drops the saved answers: the quiz starts at question 1 and only new answers are kept', async () => {
  const persona = personas()[0];
  const { context, page, log } = await openPage(env.browser);
  await page.goto(env.widget.url);
  const w = new Widget(page);
  await w.chooseSituation(persona.situation_label);
  await w.start().click();
  for (const step of persona.steps.slice(0, 5)) {
    await w.answer(step);
    await w.next().click();
  }
  await w.question(persona.steps[5]).waitFor();
  await page.reload();
  await w.button(`Continue where you left off (5 of ${questionCount()})`).waitFor();
  await w.button('Start over').click();
  assert.equal(await w.button(/^Continue where you left off/).count(), 0, 'the offer is gone');
  await w.chooseSituation(persona.situation_label);
  await w.start().click();
  await w.question(persona.steps[0]).waitFor();
  assert.equal(await w.progress(), `Question 1 of ${questionCount()}`);
  assert.equal(await page.getByRole('radio', { checked: true }).count(), 0, 'no earlier answer is chosen');
  await w.answer(persona.steps[0]);
  await w.next().click();
  await w.question(persona.steps[1]).waitFor();
  await page.reload();
  await w.button(`Continue where you left off (1 of ${questionCount()})`).waitFor();
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('heading-level="3" puts the widget\'s headings at h3 and below', async () => {
  const persona = personas()[0];
  const blog = await env.host({ '/post.html': { body: '<ready-to-lead heading-level="3"></ready-to-lead>' }, '/plain.css': { file: 'plain.css' } });
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${blog.origin}/post.html`);
  const w = new Widget(page.locator('ready-to-lead'));
  await w.root.getByRole('heading', { name: WORDS.title, level: 3 }).waitFor();
  await w.answerAllWithMouse(persona);
  await w.root.getByRole('heading', { name: WORDS.results, level: 3 }).waitFor();
  await w.root.getByRole('heading', { name: WORDS.strengths, level: 4 }).waitFor();
  const levels = await w.root.getByRole('heading').evaluateAll((hs) => hs.map((h) => Number(h.tagName.slice(1))));
  assert.ok(Math.min(...levels) === 3, `no heading above h3 (${[...new Set(levels)].join(', ')})`);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('theme="auto" follows the reader\'s system setting, and theme="light" stays light', async () => {
  const blog = await env.host({
    '/post.html': { body: '<ready-to-lead id="auto" theme="auto" part="quiz"></ready-to-lead><ready-to-lead id="light" theme="light" part="quiz"></ready-to-lead>' },
    '/plain.css': { file: 'plain.css' },
  });
  const background = (page, id) => new Widget(page.locator(`#${id}`)).intro().evaluate((h) => getComputedStyle(h.closest('.ready-to-lead')).backgroundColor);
  const seen = {};
  for (const colorScheme of ['light', 'dark']) {
    const { context, page } = await openPage(env.browser, { colorScheme });
    await page.goto(`${blog.origin}/post.html`);
    for (const id of ['auto', 'light']) await new Widget(page.locator(`#${id}`)).waitForIntro();
    seen[colorScheme] = { auto: await background(page, 'auto'), light: await background(page, 'light') };
    await context.close();
  }
  assert.notEqual(seen.dark.auto, seen.light.auto, `auto changes with the system setting (${JSON.stringify(seen)})`);
  assert.equal(seen.dark.light, seen.light.light, 'light stays light on a dark system');
  assert.equal(seen.light.auto, seen.light.light, 'auto on a light system is the light palette');
  assert.equal(seen.dark.auto, 'rgb(21, 24, 29)', 'auto on a dark system is the dark palette');
});

test('an iframe without `events` sends the blog no messages but its height', async () => {
  const persona = personas()[0];
  const blog = await env.host({ '/frame.html': { file: 'iframe.html' }, '/plain.css': { file: 'plain.css' } });
  const { context, page } = await openPage(env.browser);
  await context.addInitScript(() => {
    window.__types = [];
    addEventListener('message', (e) => window.__types.push(e.data?.type ?? typeof e.data));
  });
  await page.goto(`${blog.origin}/frame.html`);
  await new Widget(page.frameLocator('#frame')).answerAllWithMouse(persona);
  const types = await page.evaluate(() => window.__types);
  assert.ok(types.includes('ready-to-lead:height'), 'the height is reported');
  assert.deepEqual(types.filter((t) => t !== 'ready-to-lead:height'), [], 'nothing else is sent');
  await context.close();
});
