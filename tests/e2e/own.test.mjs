// An author's own assessment file (the `rubric` option, issue 16), as readers and authors meet it:
// the example authors copy (examples/rubrics/staff-engineer.json) served from a third origin and
// run in a blog's widget by keyboard, a share link that opens it again, a broken file's list of
// problems, a file the standalone page refuses, and the checker page for authors.
// Three origins: the widget's files on 127.0.0.1, the blog on localhost, the author's files on
// another 127.0.0.1 port (with CORS, as an author's host must send).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, openPage, personas, screenshot, axeViolations, keyboardRun, serve, Widget, WORDS as OUR_WORDS, waitUntil, withWidgetAndBlogs,
} from './support.mjs';

const env = withWidgetAndBlogs();
const FILES = join(ROOT, 'target/e2e/rubrics');
const EXAMPLE = readFileSync(join(ROOT, 'examples/rubrics/staff-engineer.json'), 'utf8');
const example = JSON.parse(EXAMPLE);
// Two mistakes an author makes: a weight out of range, and a question with no text.
const BROKEN = EXAMPLE.replace('"direction": 4', '"direction": 7').replace(/"text": "How many times did you write a technical plan[^"]*"/, '"text": ""');
// Markup in an author's text, which must show as text.
const MARKUP = 'Staff <b>ready</b>? <img src="x" onerror="window.__pwned = true">';
/** The words the tests look for in the example assessment. */
const WORDS = {
  title: example.intro.title,
  start: example.intro.start,
  results: example.results.heading,
  strengths: example.results.strengths_heading,
  growth: example.results.growth_heading,
};
let files;

before(async () => {
  mkdirSync(FILES, { recursive: true });
  writeFileSync(join(FILES, 'staff-engineer.json'), EXAMPLE);
  writeFileSync(join(FILES, 'broken.json'), BROKEN);
  writeFileSync(join(FILES, 'markup.json'), EXAMPLE.replace(`"title": "${example.intro.title}"`, `"title": "${MARKUP.replace(/"/g, '\\"')}"`));
  files = await serve(FILES, '/quizzes/', { cors: true });
});
after(() => files?.close());

/** A blog post with one widget running `file` (a name under the author's /quizzes/). */
async function postWith(file, attributes = '') {
  const blog = await env.host({ '/post.html': { body: `<p>Our staff readiness check:</p><ready-to-lead rubric="${files.url}${file}"${attributes}></ready-to-lead><p>After the widget.</p>` } });
  return `${blog.origin}/post.html`;
}

test('the example assessment, from the author\'s own site, runs in a blog\'s widget by keyboard and gives its expected result', async () => {
  const persona = personas('staff')[0];
  const { context, page, log } = await openPage(env.browser);
  await context.addInitScript(() => {
    window.__events = [];
    document.addEventListener('ready-to-lead:complete', (e) => window.__events.push(e.detail));
  });
  await page.goto(await postWith('staff-engineer.json', ' events'));
  const widget = new Widget(page.locator('ready-to-lead'), WORDS);
  await widget.intro().waitFor();
  // Its own intro, not ours, and none of our FAQ.
  assert.equal(await widget.heading(OUR_WORDS.faq).count(), 0);
  assert.equal(await widget.heading(OUR_WORDS.title).count(), 0);
  await keyboardRun(page, widget, persona);
  await widget.outcome(persona.expected_outcome_label).waitFor();
  assert.deepEqual(await widget.highlights('strengths'), persona.expected_strength_names);
  assert.deepEqual(await widget.highlights('growth'), persona.expected_growth_names);
  // The host page hears which assessment was completed, and its result (never the answers).
  const [event] = await page.evaluate(() => window.__events);
  assert.deepEqual([event.rubric, event.version, event.outcome], [example.id, example.version, persona.expected_outcome]);
  // Five dimensions in the table, with the example's own band names.
  const rows = widget.table().getByRole('row');
  assert.equal(await rows.count(), 1 + example.dimensions.length);
  // A reading with an https: address links there.
  const reading = widget.root.getByRole('link', { name: 'Staff Engineer: Leadership Beyond the Management Track' });
  assert.equal(await reading.getAttribute('href'), 'https://staffeng.com/');
  await screenshot(page, '70-own-results');
  assert.deepEqual(await axeViolations(page), []);
  // Nothing but the widget's files and the author's file was requested (no CDN, no tracker).
  const origins = new Set(log.requests.map((u) => new URL(u).origin));
  const blog = new URL(page.url()).origin;
  assert.deepEqual([...origins].filter((o) => ![blog, env.widget.origin, files.origin].includes(o)), []);
  assert.ok(log.requests.some((u) => u.startsWith(`${env.widget.url}own/`)), 'the app for own files was loaded');
  assert.ok(!log.requests.some((u) => /\/tools\/ready\/ready-to-lead-[^/]*_bg\.wasm$/.test(u)), 'the standard app was not');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a share link made in the blog\'s widget opens the same results for the author\'s assessment', async () => {
  const persona = personas('staff')[1];
  const { context, page } = await openPage(env.browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(await postWith('staff-engineer.json'));
  const widget = new Widget(page.locator('ready-to-lead'), WORDS);
  await widget.answerAllWithMouse(persona);
  await widget.outcome(persona.expected_outcome_label).waitFor();
  await widget.button('Copy link to my results').click();
  await widget.root.getByText(/^Link copied/).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#r=/);
  await context.close();

  const { context: other, page: reader } = await openPage(env.browser);
  await reader.goto(link);
  const shared = new Widget(reader.locator('ready-to-lead'), WORDS);
  await shared.results().waitFor();
  await shared.outcome(persona.expected_outcome_label).waitFor();
  assert.deepEqual(await shared.highlights('strengths'), persona.expected_strength_names);
  await other.close();
});

test('an author\'s assessment resumes after a reload and exports its own id and result', async () => {
  const persona = personas('staff')[0];
  const { context, page } = await openPage(env.browser);
  await page.goto(await postWith('staff-engineer.json'));
  const widget = new Widget(page.locator('ready-to-lead'), WORDS);
  await widget.chooseSituation(persona.situation_label);
  await widget.start().click();
  for (const step of persona.steps.slice(0, 3)) {
    await widget.answer(step);
    await widget.next().click();
  }
  await widget.question(persona.steps[3]).waitFor();
  await page.reload();
  await widget.button(`Continue where you left off (3 of ${persona.steps.length})`).click();
  for (const step of persona.steps.slice(3)) {
    await widget.answer(step);
    await widget.next().click();
  }
  await widget.outcome(persona.expected_outcome_label).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), widget.button('Download (JSON)').click()]);
  const data = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.deepEqual([data.rubric, data.outcome.id], [{ id: example.id, version: example.version }, persona.expected_outcome]);
  await context.close();
});

test('a broken file shows the list of its problems, each naming its entry, and no quiz', async () => {
  const { context, page, log } = await openPage(env.browser);
  await page.goto(await postWith('broken.json'));
  const widget = page.locator('ready-to-lead');
  await widget.getByRole('alert').filter({ hasText: 'cannot run, because its file has these problems' }).waitFor();
  const problems = await widget.getByRole('listitem').allInnerTexts();
  assert.ok(problems.some((p) => /weight 7 for `direction` is out of range 0–4/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /item `dir-plan-followed`: `text` is missing or empty/.test(p)), problems.join('\n'));
  assert.equal(await widget.getByRole('radio').count(), 0, 'no partial quiz');
  await screenshot(page, '71-own-broken');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('on a German blog the widget speaks German around the author\'s file, from the German app for own files', async () => {
  const { context, page, log } = await openPage(env.browser);
  const blog = await env.host({ '/post.html': { lang: 'de', body: `<ready-to-lead rubric="${files.url}broken.json"></ready-to-lead>` } });
  await page.goto(`${blog.origin}/post.html`);
  await page.locator('ready-to-lead').getByRole('alert').filter({ hasText: `Der Test unter ${files.url}broken.json kann nicht laufen, weil seine Datei diese Probleme hat:` }).waitFor();
  assert.ok(log.requests.some((u) => u.startsWith(`${env.widget.url}de/own/`)), 'the German app for own files was loaded');
  await context.close();
});

test('an author\'s text is shown as text, never as HTML', async () => {
  const { context, page } = await openPage(env.browser);
  await page.goto(await postWith('markup.json'));
  const widget = page.locator('ready-to-lead');
  await widget.getByRole('heading', { name: MARKUP, exact: true }).waitFor();
  assert.equal(await widget.locator('b, img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned ?? false), false);
  await context.close();
});

test('a file that is missing says so in the widget', async () => {
  const { context, page } = await openPage(env.browser);
  await page.goto(await postWith('nowhere.json'));
  await page.locator('ready-to-lead').getByRole('alert').filter({ hasText: `${files.url}nowhere.json could not be loaded: its site answered with error 404` }).waitFor();
  await context.close();
});

test('the standalone page runs a file from its own site, and refuses one from a site its owner did not list', async () => {
  const persona = personas('staff')[0];
  const { context, page } = await openPage(env.browser);
  await page.goto(`${env.widget.url}?rubric=examples/rubrics/staff-engineer.json`);
  const widget = new Widget(page, WORDS);
  await widget.intro().waitFor();
  assert.equal(await page.title(), example.intro.title);
  await keyboardRun(page, widget, persona);
  await widget.outcome(persona.expected_outcome_label).waitFor();

  // A crafted link naming a stranger's file: the page's own words say no, and name the site.
  await page.goto(`${env.widget.url}?rubric=${encodeURIComponent(`${files.url}staff-engineer.json`)}`);
  await page.getByRole('alert').filter({ hasText: `The file named in the link is on ${files.origin}, which is not one of them.` }).waitFor();
  assert.equal(await page.getByRole('heading', { name: WORDS.title }).count(), 0);
  await context.close();
});

test('the standalone page runs a file from a site its owner listed at build time', async () => {
  // The page as `RTL_RUBRIC_ORIGINS=<origin> scripts/build` writes it (src/prerender.rs,
  // `allow_rubric_origins`): the origin on the root and in the CSP's connect-src.
  const page0 = readFileSync(join(ROOT, 'dist/index.html'), 'utf8');
  const listed = page0
    .replace("default-src 'self';", `default-src 'self'; connect-src 'self' ${files.origin};`)
    .replace(/id="?ready-to-lead"?/, (id) => `data-rubric-origins="${files.origin}" ${id}`);
  const site = await serve(join(ROOT, 'dist'), '/tools/ready/', { rewrite: { 'index.html': listed } });
  const { context, page, log } = await openPage(env.browser);
  const address = `${site.url}?rubric=${encodeURIComponent(`${files.url}staff-engineer.json`)}`;
  await page.goto(address);
  await new Widget(page, WORDS).intro().waitFor();
  assert.deepEqual(log.errors, []);
  // The same page in a blog's iframe (`?embed&rubric=…`) runs it too, and sizes the frame.
  const blog = await env.host({ '/framed.html': { body: `<iframe id="frame" title="Staff readiness" src="${address}&embed" width="100%" height="200"></iframe>` } });
  await page.goto(`${blog.origin}/framed.html`);
  await new Widget(page.frameLocator('#frame'), WORDS).intro().waitFor();
  await waitUntil(async () => (await page.locator('#frame').evaluate((f) => f.getBoundingClientRect().height)) > 300, 'the frame growing to its content');
  // A results link made in the frame opens the standalone page with the author's file, not ours.
  const persona = personas('staff')[0];
  const framed = new Widget(page.frameLocator('#frame'), WORDS);
  await framed.answerAllWithMouse(persona);
  await framed.button('Copy link to my results').click();
  // A cross-origin frame may not write to the clipboard: the link is shown to copy by hand.
  const box = framed.root.getByRole('textbox', { name: 'Your browser did not allow copying. Select and copy this link:' });
  await box.waitFor();
  const link = new URL(await box.inputValue());
  assert.equal(`${link.origin}${link.pathname}${link.search}`, `${site.url}?rubric=${encodeURIComponent(`${files.url}staff-engineer.json`)}`);
  await page.goto(link.href);
  await new Widget(page, WORDS).outcome(persona.expected_outcome_label).waitFor();
  await context.close();
  await site.close();
});

test('the checker page lists a broken file\'s problems and previews a valid one', async () => {
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${env.widget.url}check.html`);
  const text = page.getByRole('textbox', { name: 'The file\'s text' });
  await text.click();
  await page.keyboard.insertText(BROKEN);
  await page.getByRole('button', { name: 'Check it' }).click();
  await page.getByRole('heading', { name: /^Problems to fix \(\d+\):$/ }).waitFor();
  const problems = await page.getByRole('listitem').allInnerTexts();
  assert.ok(problems.some((p) => /weight 7 for `direction` is out of range 0–4/.test(p)), problems.join('\n'));
  await screenshot(page, '72-checker-problems');
  // The browser's JSON parser reads the file: a syntax error and a key the format does not have
  // are named as the native checker names them.
  for (const [source, expected] of [['{ "id": ', /^syntax: is not valid JSON: /], [EXAMPLE.replace('"version":', '"colour": "red", "version":'), /^shape: unknown field `colour`/]]) {
    await text.fill('');
    await text.click();
    await page.keyboard.insertText(source);
    await page.getByRole('button', { name: 'Check it' }).click();
    await waitUntil(async () => (await page.getByRole('listitem').allInnerTexts()).some((p) => expected.test(p)), `a problem matching ${expected}`);
  }
  assert.deepEqual(await axeViolations(page), []);

  // Choosing the valid file shows what its first questions will look like.
  await page.getByLabel('Or choose the file').setInputFiles(join(FILES, 'staff-engineer.json'));
  await page.getByRole('heading', { name: 'No problems found' }).waitFor();
  await page.getByText(`“${example.intro.title}” asks ${example.items.length} questions about ${example.dimensions.length} dimensions. Its first questions will look like this:`).waitFor();
  const first = example.items[0];
  await page.getByText(first.text, { exact: true }).waitFor();
  assert.equal(await page.getByRole('heading', { name: /^Problems to fix/ }).count(), 0);
  await screenshot(page, '73-checker-valid');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});
