// "Ask a colleague" (issue 13) between two people, each in their own browser context: the visitor
// finishes and copies a link for "Sam"'s colleague; the colleague opens it in a fresh context,
// answers with the keyboard only and copies the reply link; the visitor opens it and sees both
// views side by side with the named gaps. A tampered reply, and a reply opened where nobody asked,
// give notices. No request leaves the widget's origin; axe finds nothing; the merged results
// print on at most three pages. The golden pair comes from tests/colleagues.toml
// (`cargo run --example e2e-fixtures` writes target/e2e/colleagues.json).
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SHOTS, Widget, axeViolations, launch, openPage, personas, screenshot, serve, waitUntil } from './support.mjs';

const UI = readFileSync(join(ROOT, 'assets/ui.toml'), 'utf8');
const RUBRIC = readFileSync(join(ROOT, 'assets/rubric.toml'), 'utf8');
/** A text of the `[colleague]` table of ui.toml, or of the rubric's `[observer]` tables. */
const said = (source, table, key) => {
  const block = source.slice(source.indexOf(`[${table}]`));
  return JSON.parse(block.match(new RegExp(`^${key} = (".*")$`, 'm'))[1]);
};
const ui = (key) => said(UI, 'colleague', key);
const gapWord = (key) => said(RUBRIC, 'observer.gaps', key);

const fixture = join(ROOT, 'target/e2e/colleagues.json');
if (!existsSync(fixture)) throw new Error('target/e2e/colleagues.json is missing: run `cargo run --example e2e-fixtures` first (scripts/test does).');
const PAIR = JSON.parse(readFileSync(fixture, 'utf8'))[0];
const VISITOR = personas().find((p) => p.id === PAIR.persona);

let site;
let browser;
before(async () => {
  site = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** Records what the widget hands to the clipboard (the page may still refuse to copy it). */
async function watchClipboard(context) {
  await context.addInitScript(() => {
    const clipboard = navigator.clipboard;
    if (!clipboard?.writeText) return;
    const write = clipboard.writeText.bind(clipboard);
    clipboard.writeText = (text) => {
      window.__copied = text;
      return write(text);
    };
  });
}

/** The link the last copy button produced: copied, or shown in a textbox to copy by hand. */
async function copiedLink(page, widget, copiedWords, textboxName) {
  const byHand = widget.root.getByRole('textbox', { name: textboxName });
  await waitUntil(async () => (await widget.root.getByText(copiedWords).count()) > 0 || (await byHand.count()) > 0, 'the link is copied or shown');
  return (await byHand.count()) ? byHand.inputValue() : page.evaluate(() => window.__copied);
}

/** The widget's own keys in this context's storage. */
const storedKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ready-to-lead:')));

/** The focused element's tag and text (through shadow roots). */
const focused = (page) => page.evaluate(() => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return { tag: el?.tagName.toLowerCase(), text: el?.textContent.trim() };
});

/** The comparison table's rows as { area: [you, colleague, reading] }. */
async function comparisonRows(widget) {
  const table = widget.root.getByRole('region', { name: ui('table_label') }).getByRole('table');
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  return Object.fromEntries(rows.map(([area, ...rest]) => [area, rest]));
}

test('a visitor asks, a colleague answers by keyboard in another browser, the visitor sees both views and the gaps', async () => {
  const visitor = await openPage(browser);
  await watchClipboard(visitor.context);
  await visitor.page.goto(site.url);
  const me = new Widget(visitor.page);
  await me.answerAllWithMouse(VISITOR);

  // Ask: the panel explains, takes a first name, and copies the link.
  const panel = me.root.getByRole('region', { name: ui('ask_heading') });
  await panel.getByText(ui('ask_intro')).waitFor();
  await panel.getByRole('textbox', { name: ui('name_label') }).fill(PAIR.name);
  await panel.getByRole('button', { name: ui('make') }).click();
  const askLink = await copiedLink(visitor.page, me, ui('made'), /did not allow copying/);
  assert.match(askLink, new RegExp(`^${site.url.replace(/[.]/g, '\\.')}#ask=[A-Za-z0-9_-]+$`));
  const askCode = askLink.slice(askLink.indexOf('#ask=') + 5);
  const resultsCode = await visitor.page.evaluate(() => localStorage.getItem('ready-to-lead:ready-to-lead:progress'));
  assert.ok(resultsCode && !resultsCode.includes(askCode), 'the ask link is not the result');
  console.log(`ask link code: ${askCode.length} characters (name "${PAIR.name}")`);

  // The colleague, in a fresh context: the intro written for them, then the questions by keyboard.
  const colleague = await openPage(browser);
  await watchClipboard(colleague.context);
  await colleague.page.goto(askLink);
  const them = new Widget(colleague.page);
  const introHeading = said(RUBRIC, 'observer', 'intro_heading').replace('{name}', PAIR.name);
  await them.heading(introHeading).waitFor();
  await them.root.getByText(said(RUBRIC, 'observer', 'intro').replaceAll('{name}', PAIR.name)).waitFor();
  await them.waitForApp();
  assert.deepEqual(await axeViolations(colleague.page), [], "axe on the colleague's intro");
  await screenshot(colleague.page, '80-colleague-intro');
  const kb = colleague.page.keyboard;
  for (let i = 0; i < 12 && (await focused(colleague.page)).text !== said(RUBRIC, 'observer', 'start'); i++) await kb.press('Tab');
  assert.deepEqual(await focused(colleague.page), { tag: 'button', text: said(RUBRIC, 'observer', 'start') });
  await kb.press('Enter');
  const radios = them.root.getByRole('radio');
  for (const [n, step] of PAIR.steps.entries()) {
    await them.heading(step.question).waitFor();
    assert.equal((await focused(colleague.page)).text, step.question, `focus on question ${n + 1}'s heading`);
    if (n === 0) {
      assert.ok((await radios.evaluateAll((rs) => rs.map((r) => r.labels[0].textContent.trim()))).includes(said(RUBRIC, 'observer', 'not_seen')));
      assert.deepEqual(await axeViolations(colleague.page), [], "axe on the colleague's first question");
      await screenshot(colleague.page, '81-colleague-question');
    }
    const labels = await radios.evaluateAll((rs) => rs.map((r) => r.labels[0].textContent.trim()));
    const index = labels.indexOf(step.answer);
    assert.ok(index >= 0, `question ${n + 1} offers "${step.answer}"`);
    await kb.press('Tab');
    await kb.press('Space');
    for (let i = 0; i < index; i++) await kb.press('ArrowDown');
    await kb.press('Tab');
    await kb.press('Tab');
    const last = n === PAIR.steps.length - 1;
    assert.equal((await focused(colleague.page)).text, last ? ui('finish') : 'Next');
    await kb.press('Enter');
  }
  await them.heading(said(RUBRIC, 'observer', 'thanks_heading')).waitFor();
  const replyBox = them.root.getByRole('textbox', { name: ui('reply_label') });
  const replyLink = await replyBox.inputValue();
  assert.match(replyLink, new RegExp(`^${site.url.replace(/[.]/g, '\\.')}#reply=[A-Za-z0-9_-]+$`));
  console.log(`reply link code: ${replyLink.length - replyLink.indexOf('#reply=') - 7} characters (${PAIR.steps.length} answers)`);
  await them.button(ui('copy_reply')).click();
  assert.equal(await copiedLink(colleague.page, them, ui('reply_copied'), /did not allow copying/), replyLink);
  assert.deepEqual(await axeViolations(colleague.page), [], 'axe on the thanks');
  await screenshot(colleague.page, '82-colleague-thanks');
  assert.deepEqual(await storedKeys(colleague.page), [], "nothing is kept in the colleague's browser");

  // Back in the visitor's browser: the reply link shows both views and names the gaps.
  await visitor.page.goto(replyLink);
  await me.root.getByText(ui('reply_added')).waitFor();
  await me.heading(ui('compare_heading')).waitFor();
  const rows = await comparisonRows(me);
  for (const [area, reading] of Object.entries(PAIR.readings)) {
    assert.equal(rows[area]?.[2], reading, `${area}: ${JSON.stringify(rows[area])}`);
    assert.match(rows[area][0], /^\d+$/, `${area}: the visitor's own score`);
    assert.match(rows[area][1], /^\d+$/, `${area}: the colleague's score`);
  }
  const comparison = me.root.getByRole('region', { name: ui('compare_heading') });
  for (const key of ['blind_spot_text', 'hidden_strength_text']) await comparison.getByText(gapWord(key)).waitFor();
  // The maths behind a gap, and the question to ask about it.
  await comparison.getByText('Show the maths').first().click();
  await comparison.getByText(/^You: \d+\. Colleague: \d+\. Difference: \d+ points\.$/).first().waitFor();
  await comparison.getByText(ui('ask_them')).first().waitFor();
  assert.deepEqual(await axeViolations(visitor.page), [], 'axe on the merged results');
  await screenshot(visitor.page, '83-merged-results');
  assert.ok((await storedKeys(visitor.page)).some((k) => k.endsWith(':colleagues')), 'the request and reply are kept');

  // Printed: both views on at most three pages.
  const dir = mkdtempSync(join(tmpdir(), 'rtl-pdf-'));
  const pdf = join(dir, 'merged.pdf');
  await visitor.page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.ok(pages <= 3, `${pages} pages`);
  assert.ok(text.includes(ui('compare_heading')) && text.includes(gapWord('blind_spot')), 'the comparison is printed');
  assert.ok(!text.includes(ui('ask_intro').slice(0, 40)) && !text.includes(ui('make')), 'the ask panel is not printed');
  mkdirSync(SHOTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '3', pdf, join(SHOTS, '84-merged-print')]);

  // A tampered reply is a notice; nothing is added.
  const code = replyLink.slice(replyLink.indexOf('#reply=') + 7);
  const flipped = code.slice(0, 8) + (code[8] === 'A' ? 'B' : 'A') + code.slice(9);
  await visitor.page.goto(`${site.url}#reply=${flipped}`);
  await me.root.getByText(ui('reply_damaged')).waitFor();

  // The same reply opened where nobody asked: a notice that says what to do.
  const stranger = await openPage(browser);
  await stranger.page.goto(replyLink);
  const other = new Widget(stranger.page);
  await other.root.getByText(ui('reply_unpaired')).waitFor();
  await other.intro().waitFor();

  for (const { log } of [visitor, colleague, stranger]) {
    assert.deepEqual(log.requests.filter((u) => !u.startsWith(site.origin)), [], 'no request to another host');
    assert.deepEqual(log.errors, []);
  }
  await visitor.context.close();
  await colleague.context.close();
  await stranger.context.close();
});

test('a damaged link asking for a view is a notice and the normal start', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(`${site.url}#ask=AAAAbroken`);
  const w = new Widget(page);
  await w.root.getByText(ui('ask_damaged')).waitFor();
  await w.intro().waitFor();
  await context.close();
});

test('a colleague\'s link to a blog post never shows the visitor\'s intro: the inline widget says it is loading, then asks the colleague', async () => {
  const { context, page, log } = await openPage(browser);
  // The app is held back until the test lets it go.
  let release;
  const held = new Promise((go) => { release = go; });
  await page.route(/\/ready-to-lead-[^/]+(\.js|_bg\.wasm)$/, async (route) => { await held; await route.continue(); });
  await page.goto(`${site.url}examples/blog-post.html#ask=${PAIR.ask}`);
  const inline = page.locator('ready-to-lead');
  await inline.getByText(said(UI, 'page', 'loading'), { exact: true }).waitFor();
  const w = new Widget(inline);
  assert.equal(await w.intro().count(), 0, 'the visitor\'s intro is not painted');
  assert.equal(await inline.getByRole('radio').count(), 0, 'nor its situation choice');
  release();
  await inline.getByRole('heading', { name: said(RUBRIC, 'observer', 'intro_heading').replace('{name}', 'Sam') }).waitFor();
  assert.equal(await w.intro().count(), 0);
  await inline.getByRole('button', { name: said(RUBRIC, 'observer', 'start') }).click();
  await inline.getByRole('heading', { name: PAIR.steps[0].question }).waitFor();
  assert.deepEqual(log.errors, []);
  await context.close();
});
