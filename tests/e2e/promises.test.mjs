// README promises that no other test checked, each tried the way a visitor or a blogger would:
// "Start over" on the resume offer, `heading-level`, `theme=auto` following the reader's system
// setting, an iframe without `events` sending the blog no messages, the embed script anywhere in
// the post, `--rtl-*` theming, reduced motion, the WordPress and Ghost snippets, and the notice a
// crash leaves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, personas, Widget, WORDS, questionCount, withWidgetAndBlogs, ROOT, waitUntil, frames } from './support.mjs';

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

test('the embed script works wherever the blogger pastes it: in the body, before or after the element', async () => {
  const script = `<script type="module" src="${env.widget.url}embed.js"></script>`;
  const blog = await env.host({
    '/before.html': { body: `<p>Intro.</p>${script}<p>More.</p><ready-to-lead></ready-to-lead>`, script: false },
    '/after.html': { body: `<ready-to-lead></ready-to-lead><p>The rest of the post.</p>${script}`, script: false },
    '/plain.css': { file: 'plain.css' },
  });
  const persona = personas()[0];
  for (const path of ['/before.html', '/after.html']) {
    const { context, page, log } = await openPage(env.browser);
    await page.goto(blog.origin + path);
    const w = new Widget(page.locator('ready-to-lead'));
    await w.chooseSituation(persona.situation_label);
    await w.start().click();
    await w.answer(persona.steps[0]);
    await w.next().click();
    await w.question(persona.steps[1]).waitFor();
    assert.equal(await w.progress(), `Question 2 of ${questionCount()}`, path);
    assert.deepEqual(log.errors, [], path);
    await context.close();
  }
});

test('--rtl-* custom properties set on the element reach inside the widget', async () => {
  const theme = '<style>ready-to-lead { --rtl-accent: rgb(170, 0, 85); --rtl-radius: 0px; --rtl-font: Georgia, serif; --rtl-max-width: 30em; }</style>';
  const blog = await env.host({ '/post.html': { body: `${theme}<ready-to-lead></ready-to-lead>` }, '/plain.css': { file: 'plain.css' } });
  const persona = personas()[0];
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${blog.origin}/post.html`);
  const w = new Widget(page.locator('ready-to-lead'));
  const looks = async () => ({
    accent: await w.start().evaluate((b) => getComputedStyle(b).backgroundColor),
    radius: await w.start().evaluate((b) => getComputedStyle(b).borderTopLeftRadius),
    font: await w.intro().evaluate((h) => getComputedStyle(h).fontFamily),
    width: await w.intro().evaluate((h) => h.closest('.ready-to-lead').getBoundingClientRect().width),
    em: await w.intro().evaluate((h) => parseFloat(getComputedStyle(h.closest('.ready-to-lead')).fontSize)),
  });
  const want = (seen, when) => {
    assert.equal(seen.accent, 'rgb(170, 0, 85)', `${when}: --rtl-accent colours the primary button`);
    assert.equal(seen.radius, '0px', `${when}: --rtl-radius squares the corners`);
    assert.match(seen.font, /^Georgia/, `${when}: --rtl-font sets the font`);
    assert.ok(Math.abs(seen.width - 30 * seen.em) <= 1, `${when}: --rtl-max-width limits the width (${seen.width}px, 30em = ${30 * seen.em}px)`);
  };
  await w.chooseSituation(persona.situation_label);
  want(await looks(), 'the painted first screen');
  await w.waitForApp();
  want(await looks(), 'once the app runs');
  assert.deepEqual(log.errors, []);
  await context.close();
});

// The snippets a blogger pastes into WordPress's Custom HTML block and Ghost's HTML card, with the
// widget's address put in, inside a post of a blog on another origin.
for (const [engine, file] of [['WordPress', 'wordpress-custom-html-block.html'], ['Ghost', 'ghost-html-card.html']]) {
  test(`the ${engine} snippet renders a working widget`, async () => {
    const snippet = readFileSync(join(ROOT, 'examples', file), 'utf8').replaceAll('https://widgets.example.org/ready/', env.widget.url);
    assert.ok(snippet.includes(env.widget.url), 'the snippet names the widget address to replace');
    const blog = await env.host({ '/post.html': { body: snippet, script: false }, '/plain.css': { file: 'plain.css' } });
    const persona = personas()[0];
    const { context, page, log } = await openPage(env.browser);
    await page.goto(`${blog.origin}/post.html`);
    const inline = new Widget(page.locator('ready-to-lead'));
    await inline.chooseSituation(persona.situation_label);
    await inline.start().click();
    await inline.question(persona.steps[0]).waitFor();
    const frames = await page.locator('iframe').count();
    if (frames) {
      // WordPress's fallback for authors whose scripts are stripped.
      const framed = new Widget(page.frameLocator('iframe'));
      await page.locator('iframe').scrollIntoViewIfNeeded();
      await framed.chooseSituation(persona.situation_label);
      await framed.start().click();
      await framed.question(persona.steps[0]).waitFor();
    }
    assert.equal(frames, engine === 'WordPress' ? 1 : 0, 'the iframe fallback is offered where the README says');
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test('nothing in the widget moves for a reader who prefers reduced motion, on any screen', async () => {
  const persona = personas()[0];
  const { context, page, log } = await openPage(env.browser, { reducedMotion: 'reduce' });
  // Chromium reports every CSS transition and animation it starts, pseudo-elements included.
  const cdp = await context.newCDPSession(page);
  const started = [];
  cdp.on('Animation.animationStarted', ({ animation }) => started.push(`${animation.type} ${animation.name}`));
  await cdp.send('Animation.enable');
  await page.goto(env.widget.url);
  const w = new Widget(page);
  await w.answerAllWithMouse(persona, async (n) => {
    // The mouse rests on an option (its label covers the radio), where a hover effect would animate.
    if (n > 0) await w.root.getByRole('radio').first().hover({ force: true });
  });
  await page.getByText(WORDS.faq, { exact: true }).scrollIntoViewIfNeeded();
  await frames(page, 10);
  assert.deepEqual(started, [], 'no transition or animation ran in the widget');
  // The watch works: a transition of the page's own (not the widget's) is seen.
  await page.evaluate(() => {
    const box = document.body.appendChild(document.createElement('div'));
    box.style.transition = 'opacity 2s';
    box.style.opacity = '1';
    requestAnimationFrame(() => requestAnimationFrame(() => { box.style.opacity = '0'; }));
  });
  await waitUntil(async () => started.length > 0, "the page's own transition to be reported");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('if the app crashes (here: a host script moved its elements), the widget says to reload instead of going dead', async () => {
  const persona = personas()[0];
  const { context, page, log } = await openPage(env.browser);
  await page.goto(env.widget.url);
  const w = new Widget(page);
  await w.chooseSituation(persona.situation_label);
  await w.waitForApp();
  // A script on the host page wraps what follows the intro in a box of its own. The app's next
  // render cannot put the first question before it, and stops (Yew panics).
  await w.intro().evaluate((h) => {
    const next = h.closest('section').nextElementSibling;
    const box = document.createElement('div');
    next.before(box);
    box.append(next);
  });
  await w.start().click();
  const alert = page.getByRole('alert');
  await alert.filter({ hasText: 'Something went wrong and the assessment stopped. Please reload the page.' }).waitFor();
  assert.equal(await w.start().count(), 0, 'the dead controls are gone');
  assert.ok(log.errors.some((e) => /ready-to-lead: /.test(e)), `the crash is logged to the console: ${log.errors.join(' | ')}`);
  await page.reload();
  await w.chooseSituation(persona.situation_label);
  await w.start().click();
  await w.question(persona.steps[0]).waitFor();
  await context.close();
});
