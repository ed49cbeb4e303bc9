// The same visitor in Chromium and in Firefox (Debian's firefox-esr): every test body here is written
// once and runs in both engines through tests/e2e/both.mjs (puppeteer-core; CDP for Chromium,
// WebDriver BiDi for Firefox), finding things by role and accessible name or by visible text.
// The full keyboard run, the 320 px mouse run, the widget on a hostile strict-CSP blog (inline and
// iframe), keeping results (resume, forget, share link, tampered link), hydration of the
// prerendered page, axe-core, storage that fails in every way it can, printing the results, and a
// host that serves the wasm with the wrong type (so the streaming compile is refused).
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forBothBrowsers, Person, aria, assertResultsMatch } from './both.mjs';
import { DIMENSION_NAMES, DIST, EXPERIMENTS, READING_TITLES, ROOT, SHOTS, SUB_PATH, WORDS, personas, questionCount, serve, serveHost, situationLabel, waitUntil } from './support.mjs';

let site;
before(async () => {
  site = await serve(DIST, SUB_PATH, { cors: true });
});
after(async () => {
  await site?.close();
});

/** How far the page scrolls sideways (0 when it does not). */
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The results page each engine showed to the keyboard run, to compare the two. */
const seen = {};

forBothBrowsers('a visitor takes the whole quiz with the keyboard only: focus follows each step, the same results as in the other engine', async (t) => {
  const all = personas();
  const persona = all[1 % all.length];
  const page = await t.newPage();
  await page.goto(site.url);
  const me = new Person(page);
  await me.intro();
  // A person reads the page before tabbing: by then the app has taken over (only then is Start live).
  await me.waitForApp();
  const kb = page.keyboard;
  const focusType = () => page.evaluate(() => document.activeElement?.type);
  const labels = () => page.evaluate(() => [...document.querySelectorAll('input[type=radio]')].map((r) => r.labels[0].textContent.trim()));

  for (let i = 0; i < 10 && (await focusType()) !== 'radio'; i += 1) await kb.press('Tab');
  const target = (await labels()).indexOf(persona.situation_label);
  assert.ok(target >= 0, `the intro offers "${persona.situation_label}"`);
  await kb.press(' ');
  for (let i = 0; i < target; i += 1) await kb.press('ArrowDown');
  assert.equal(await me.checked(), persona.situation_label);
  await kb.press('Tab');
  assert.deepEqual(await me.focused(), { tag: 'button', text: WORDS.start });
  await kb.press('Enter');

  for (const [n, step] of persona.steps.entries()) {
    await me.heading(step.question, { fast: n > 0 && n < persona.steps.length - 1 });
    await waitUntil(async () => (await me.focused()).text === step.question, `focus on the heading of question ${n + 1}`);
    assert.match((await me.focused()).tag, /^h[1-6]$/);
    const index = (await labels()).indexOf(step.answer);
    assert.ok(index >= 0, `question ${n + 1}: "${step.answer}" is offered`);
    await kb.press('Tab');
    await kb.press(' ');
    for (let i = 0; i < index; i += 1) await kb.press('ArrowDown');
    assert.equal(await me.checked(), step.answer, `question ${n + 1}: the answer chosen with the keys`);
    await kb.press('Tab');
    assert.deepEqual(await me.focused(), { tag: 'button', text: 'Back' });
    await kb.press('Tab');
    const last = n === persona.steps.length - 1;
    assert.deepEqual(await me.focused(), { tag: 'button', text: last ? 'See my results' : 'Next' });
    await kb.press('Enter');
  }
  await me.results();
  await waitUntil(async () => (await me.focused()).text === WORDS.results, 'focus on the results heading');
  await assertResultsMatch(me, persona);
  seen[t.engine] = await me.resultsText();
  assert.ok(seen[t.engine].includes('Dimension by dimension'), 'the whole results page shows');
  if (seen.chromium && seen.firefox) assert.equal(seen.firefox, seen.chromium, 'Firefox shows exactly what Chromium shows');
});

forBothBrowsers('at 320 px a golden persona completes the quiz with the mouse, and no screen scrolls sideways', async (t) => {
  const persona = personas()[0];
  const page = await t.newPage({ width: 320, height: 640 });
  await page.goto(site.url);
  const me = new Person(page);
  await me.intro();
  const screens = [['intro', await overflow(page)]];
  await me.answerAll(persona, async (n) => {
    screens.push([n ? `question ${n}` : 'results', await overflow(page)]);
    if (n === 1) await t.screenshot(page, '50-question-320');
  });
  await assertResultsMatch(me, persona);
  for (const summary of await me.texts('Show the maths')) await summary.click();
  screens.push(['results with the maths open', await overflow(page)]);
  await t.screenshot(page, '51-results-320');
  assert.deepEqual(screens.filter(([, px]) => px > 0), [], 'screens that scroll sideways');
});

/** The strict policy of the README's "Content-Security-Policy for the blog", widget on `widget`. */
const strictCsp = (widget) => `default-src 'self'; script-src 'self' ${widget} 'wasm-unsafe-eval'; style-src 'self' ${widget}; `
  + `connect-src 'self' ${widget}; frame-src ${widget}; img-src data:`;

/** The iframe's view ends where the widget ends: the frame's bottom row shows the widget, not the
 *  empty page below it, and nothing scrolls inside the frame. Measured inside the frame, not with the
 *  formula boot.js reports. Returns the frame's height. */
async function frameFits(page, frameElement, frame, what) {
  await frameElement.scrollIntoView();
  await waitUntil(() => frame.evaluate(() => {
    const doc = document.documentElement;
    const bottom = document.elementFromPoint(innerWidth / 2, innerHeight - 2);
    return bottom && bottom !== document.body && bottom !== doc && doc.scrollHeight <= doc.clientHeight;
  }), `the iframe to fit its content exactly (${what})`);
  return frameElement.evaluate((f) => f.clientHeight);
}

forBothBrowsers('on a hostile blog under a strict CSP, the inline widget completes the quiz and the iframe\'s height follows its content with no inner scroll', async (t) => {
  const persona = personas()[0];
  const blog = await serveHost(site.url, {
    '/post.html': { file: 'hostile.html', headers: { 'content-security-policy': strictCsp(site.origin) } },
    '/hostile.css': { file: 'hostile.css' },
  });
  try {
    const page = await t.newPage({ width: 1000, height: 800 });
    await page.evaluateOnNewDocument(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${blog.origin}/post.html`);
    const inline = new Person(page, { inline: true });
    await inline.answerAll(persona);
    await assertResultsMatch(inline, persona);
    await t.screenshot(page, '52-hostile-inline-results');

    // A reader scrolls down to the frame (Chromium does not render an off-screen cross-origin frame).
    const frameElement = await page.waitForSelector('iframe');
    await frameElement.scrollIntoView();
    const frame = await frameElement.contentFrame();
    const framed = new Person(frame);
    await framed.intro();
    const heights = [await frameFits(page, frameElement, frame, 'the intro')];
    await framed.pick(persona.situation_label);
    await framed.press(WORDS.start);
    for (let i = 0; i < 3; i += 1) {
      await framed.heading(persona.steps[i].question);
      heights.push(await frameFits(page, frameElement, frame, `question ${i + 1}`));
      await framed.pick(persona.steps[i].answer);
      await framed.press('Next');
    }
    await framed.heading(persona.steps[3].question);
    assert.ok(new Set(heights).size > 1, `the height changed with the content (${heights.join(', ')})`);
    await t.screenshot(page, '53-hostile-iframe');
    const violations = [...await page.evaluate(() => window.__csp), ...await frame.evaluate(() => window.__csp ?? [])];
    assert.deepEqual(violations, [], 'no CSP violations');
  } finally {
    await blog.close();
  }
});

/** The widget's keys in this page's storage, with their values. */
const stored = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('ready-to-lead:')).map((k) => [k, localStorage.getItem(k)])));

/** Opens the standalone page, chooses `persona`'s situation, starts, and answers `n` questions. */
async function answerFirst(page, persona, n) {
  await page.goto(site.url);
  const me = new Person(page);
  await me.intro();
  await me.pick(persona.situation_label);
  await me.press(WORDS.start);
  await me.answerSteps(persona, 0, n);
  await me.heading(persona.steps[n].question);
  return me;
}

const resumeOffer = (n) => `Continue where you left off (${n} of ${questionCount()})`;

forBothBrowsers('answers survive a reload and resume at the same question; "Forget my answers" removes them all', async (t) => {
  const persona = personas()[0];
  const page = await t.newPage();
  const me = await answerFirst(page, persona, 5);
  await page.reload();
  await me.press(resumeOffer(5));
  await me.heading(persona.steps[5].question);
  await me.text(`Question 6 of ${questionCount()}`);
  await me.press('Back');
  await me.heading(persona.steps[4].question);
  assert.equal(await me.checked(), persona.steps[4].answer, 'the answer given before the reload is still chosen');
  // Besides this run's progress: a record kept under another key of the widget's (as another
  // version's attempts would be), and one of the page's own that is not the widget's to remove.
  await page.evaluate(() => {
    localStorage.setItem('ready-to-lead:elsewhere:attempts', 'a1|kept from another time');
    localStorage.setItem('the-blog:theme', 'dark');
  });
  await me.press('Forget my answers');
  await me.notice('has been removed');
  await me.intro();
  assert.deepEqual(await stored(page), {}, 'nothing of the widget is left in storage');
  assert.equal(await page.evaluate(() => localStorage.getItem('the-blog:theme')), 'dark', "the page's own key stays");
  await page.reload();
  await me.waitForApp();
  assert.equal((await me.texts('Continue where you left off')).length, 0, 'nothing to resume');
});

const SHARED = 'These results were shared with you';
/** The profile table's text. */
const tableText = async (me) => (await me.find('region', 'Your profile by dimension, as a table')).evaluate((r) => r.innerText.replace(/\s+/g, ' ').trim());

forBothBrowsers('the results link (copied, or shown to copy by hand) opens the same results in a fresh context; a tampered link gives a notice and the normal start', async (t) => {
  const persona = personas()[2];
  const page = await t.newPage();
  // What the widget hands to the clipboard, whether or not the browser then lets it copy.
  await page.evaluateOnNewDocument(() => {
    const clipboard = navigator.clipboard;
    if (!clipboard?.writeText) return;
    const write = clipboard.writeText.bind(clipboard);
    clipboard.writeText = (text) => {
      window.__copied = text;
      return write(text);
    };
  });
  await page.goto(site.url);
  const me = new Person(page);
  await me.answerAll(persona);
  const expected = await tableText(me);
  await me.press('Copy link to my results');
  await page.waitForFunction(() => /Link copied|did not allow copying/.test(document.body.innerText));
  const manual = (await me.texts('did not allow copying')).length > 0;
  const link = manual
    ? await (await me.find('textbox', 'Your browser did not allow copying. Select and copy this link:')).evaluate((i) => i.value)
    : await page.evaluate(() => window.__copied);
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/tools\/ready\/#r=[A-Za-z0-9_-]{1,28}$/, `the link ${manual ? 'shown to copy by hand' : 'copied'}`);

  const other = await t.newPage();
  await other.goto(link);
  const them = new Person(other);
  await them.text(SHARED);
  assert.equal(await them.outcome(), persona.expected_outcome_label, 'the same outcome');
  assert.equal(await tableText(them), expected, 'the same profile');
  await them.find('button', 'Take it yourself');
  assert.deepEqual(await stored(other), {}, 'a shared result is not saved');

  const code = link.slice(link.indexOf('#r=') + 3);
  const flipped = code.slice(0, 5) + (code[5] === 'A' ? 'B' : 'A') + code.slice(6);
  const third = await t.newPage();
  await third.goto(`${site.url}#r=${flipped}`);
  const stranger = new Person(third);
  await stranger.notice('changed or cut short');
  await stranger.intro();
  await stranger.find('button', WORDS.start);
  assert.equal((await stranger.texts(SHARED)).length, 0, 'no results are shown');
});

const GOING_BACK = "Can I go back to engineering if management isn't for me?";

forBothBrowsers('on the prerendered page, a choice made before the wasm arrives survives the takeover, and nothing is duplicated', async (t) => {
  const page = await t.newPage();
  await page.setRequestInterception(true);
  let release;
  const held = new Promise((ok) => { release = ok; });
  page.on('request', async (request) => {
    if (/_bg\.wasm$/.test(new URL(request.url()).pathname)) await held;
    await request.continue();
  });
  await page.goto(site.url);
  const me = new Person(page);
  const intro = await me.intro();
  const considering = situationLabel('considering');
  await me.pick(considering);
  const question = await me.text(GOING_BACK);
  await question.click();
  const start = await me.find('button', WORDS.start);
  assert.equal(await start.evaluate((b) => b.disabled), true, 'before the app, Start waits');
  await (await me.find('radio', considering)).focus();
  await intro.evaluate((h) => { h.dataset.seen = 'before'; });
  await question.evaluate((q) => { q.closest('details').dataset.seen = 'before'; });
  assert.equal(await page.$('[data-app="running"]'), null, 'the app has not started');
  release();
  await me.waitForApp();
  assert.equal(await me.checked(), considering, 'the choice survived');
  await page.waitForFunction((b) => !b.disabled, {}, start);
  assert.equal(await intro.evaluate((h) => h.isConnected && h.dataset.seen), 'before', 'the intro is the same element');
  assert.deepEqual(await question.evaluate((q) => [q.isConnected, q.closest('details').dataset.seen, q.closest('details').open]), [true, 'before', true], 'the FAQ entry is the same and still open');
  assert.equal(await page.evaluate(() => document.activeElement?.labels?.[0]?.textContent.trim()), considering, 'focus stayed');
  for (const [role, name] of [['heading', WORDS.title], ['heading', WORDS.faq], ['button', WORDS.start], ['button', 'Forget my answers']]) {
    assert.equal(await me.count(role, name), 1, `one ${role} "${name}"`);
  }
  await me.press(WORDS.start);
  await me.text(`Question 1 of ${questionCount()}`);
});

// axe-core is evaluated into the page: the page's own CSP (script-src 'self') would block a script
// element added with its text, and evaluating through the driver works the same in both engines.
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
async function axeViolations(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE);
  return page.evaluate(async () => (await window.axe.run(document)).violations
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
}

forBothBrowsers('axe-core finds no accessibility violations on the intro, a question and the results', async (t) => {
  const persona = personas()[3];
  const page = await t.newPage();
  await page.goto(site.url);
  const me = new Person(page);
  await me.intro();
  await me.waitForApp();
  assert.deepEqual(await axeViolations(page), [], 'the intro');
  await me.pick(persona.situation_label);
  await me.press(WORDS.start);
  await me.answer(persona.steps[0]);
  assert.deepEqual(await axeViolations(page), [], 'a question');
  await me.press('Next');
  await me.answerSteps(persona, 1, persona.steps.length);
  await me.results();
  for (const summary of await me.texts('Show the maths')) await summary.click();
  assert.deepEqual(await axeViolations(page), [], 'the results, with the maths open');
});

// Storage that fails. Each fault is put into the page before the app runs (a preload script), so
// the app meets it as it would in a browser that blocks, breaks or fills its storage.
const STORAGE_OFF = 'not letting the assessment save anything';
const FAULTS = {
  /** Reading throws (writing works). */
  'throws on read': () => {
    Storage.prototype.getItem = function () { throw new DOMException('blocked', 'SecurityError'); };
  },
  /** Writing and removing throw (reading works). */
  'throws on write': () => {
    Storage.prototype.setItem = function () { throw new DOMException('blocked', 'SecurityError'); };
    Storage.prototype.removeItem = function () { throw new DOMException('blocked', 'SecurityError'); };
  },
  /** Reading returns garbage for the widget's keys. */
  'returns garbage': () => {
    const getItem = Storage.prototype.getItem;
    Storage.prototype.getItem = function (key) {
      const value = getItem.call(this, key);
      return key.startsWith('ready-to-lead:') && value !== null ? `\u0000${value.split('').reverse().join('')}|{` : value;
    };
  },
};
/** What the visitor is told when a fault is met (README, "Keeping results, privately"). */
const TOLD = { 'throws on read': STORAGE_OFF, 'throws on write': STORAGE_OFF, 'returns garbage': 'could not be read' };

for (const [fault, inject] of Object.entries(FAULTS)) {
  forBothBrowsers(`when localStorage ${fault}, the quiz completes, the visitor is told once, and what was saved before is kept`, async (t) => {
    const persona = personas()[4];
    const page = await t.newPage();
    // Saved before the fault: four answers.
    let me = await answerFirst(page, persona, 4);
    const before = await stored(page);
    assert.ok(Object.keys(before).length > 0, 'progress was saved');
    const { identifier } = await page.evaluateOnNewDocument(inject);
    await page.reload();
    me = new Person(page);
    await me.intro();
    await me.waitForApp();
    // Storage that does not work is told as the quiz gets under way, not before (the notice would
    // move the first screen under a reader who has done nothing); an unreadable record at once.
    if (TOLD[fault] === STORAGE_OFF) assert.deepEqual(await me.notices(), [], 'not told before the quiz gets under way');
    else await me.notice(TOLD[fault]);
    await me.answerAll(persona, async (step) => {
      if (step === 1) await me.notice(TOLD[fault]);
    });
    await assertResultsMatch(me, persona);
    assert.equal((await me.notices()).length, 1, `one notice, not one per answer: ${JSON.stringify(await me.notices())}`);
    // The storage mends (the fault is not put into the next page).
    await page.removeScriptToEvaluateOnNewDocument(identifier);
    if (fault !== 'returns garbage') {
      // What could not be read, or not written, was never overwritten: the four answers wait.
      await page.reload();
      assert.deepEqual(await stored(page), before, 'the saved progress is untouched');
      await me.press(resumeOffer(4));
      await me.heading(persona.steps[4].question);
    } else {
      // Unreadable data is discarded (as the README says); what is saved now reads back.
      await page.reload();
      await me.waitForApp();
      assert.deepEqual(await me.notices(), [], 'what was saved after the discard reads back');
    }
  });
}

forBothBrowsers('when storage fills up mid-quiz (QuotaExceededError) and frees again, the visitor is told once and a reload resumes with every answer', async (t) => {
  const persona = personas()[5];
  const page = await t.newPage();
  // Full while this tab's session says so: survives reloads, as a full disk would.
  await page.evaluateOnNewDocument(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key.startsWith('ready-to-lead:') && sessionStorage.getItem('test:full') === 'yes') throw new DOMException('full', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  const fill = (full) => page.evaluate((f) => (f ? sessionStorage.setItem('test:full', 'yes') : sessionStorage.removeItem('test:full')), full);
  let me = await answerFirst(page, persona, 10);
  await fill(true);
  await me.answerSteps(persona, 10, 14);
  await me.notice(STORAGE_OFF);
  await me.heading(persona.steps[14].question);
  const atTen = await stored(page);
  // Reloaded while still full: nothing is lost, the answers up to question 10 wait.
  await page.reload();
  me = new Person(page);
  await me.waitForApp();
  assert.deepEqual(await stored(page), atTen, 'the progress saved before the quota filled is untouched');
  await fill(false);
  await page.reload();
  await me.press(resumeOffer(10));
  await me.heading(persona.steps[10].question);
  await me.answerSteps(persona, 10, 20);
  await fill(true);
  await me.answerSteps(persona, 20, 22);
  await me.notice(STORAGE_OFF);
  await fill(false);
  await me.answerSteps(persona, 22, 25);
  assert.equal((await me.notices()).length, 1, 'told once');
  await page.reload();
  await me.press(resumeOffer(25));
  await me.answerSteps(persona, 25, persona.steps.length);
  await assertResultsMatch(me, persona);
});

forBothBrowsers('the results print on at most three pages: every dimension and its experiments, no buttons, FAQ or readings', async (t) => {
  const persona = personas()[0];
  const page = await t.newPage();
  await page.goto(site.url);
  const me = new Person(page);
  await me.answerAll(persona);
  const buttons = await page.evaluate(() => [...document.querySelectorAll('button')].map((b) => b.textContent.trim()).filter(Boolean));
  assert.ok(buttons.includes('Print'), `the results offer Print (${buttons.join(', ')})`);
  const dir = mkdtempSync(join(tmpdir(), 'rtl-pdf-'));
  for (const format of ['A4', 'Letter']) {
    const path = join(dir, `${t.engine}-${format}.pdf`);
    await page.pdf({ path, format, printBackground: true });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))[1]);
    // NFKC: Firefox's PDF keeps typographic ligatures (ﬁ, ﬀ), which are the same letters.
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).normalize('NFKC').replace(/-\n/g, '-').replace(/\s+/g, ' ');
    assert.ok(pages <= 3, `${format}: ${pages} pages`);
    for (const name of DIMENSION_NAMES) assert.ok(text.includes(name), `${format}: "${name}" is printed`);
    for (const experiment of EXPERIMENTS.flat()) assert.ok(text.includes(experiment.slice(0, 40)), `${format}: "${experiment.slice(0, 40)}…" is printed`);
    for (const label of buttons) assert.ok(!text.includes(label), `${format}: the button "${label}" is not printed`);
    for (const title of READING_TITLES) assert.ok(!text.includes(title), `${format}: the reading "${title}" is not printed`);
    assert.ok(!text.includes(WORDS.faq), `${format}: the FAQ is not printed`);
    mkdirSync(SHOTS, { recursive: true });
    if (format === 'A4') execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', path, join(SHOTS, `54-print-A4-${t.engine}`)]);
  }
});

forBothBrowsers('a host that serves the wasm without the application/wasm type still gets a working widget', async (t) => {
  const careless = await serve(DIST, SUB_PATH, { types: { '.wasm': 'application/octet-stream' } });
  try {
    const persona = personas()[0];
    const page = await t.newPage();
    await page.goto(careless.url);
    const me = new Person(page);
    await me.intro();
    await me.pick(persona.situation_label);
    await me.waitForApp();
    await me.press(WORDS.start);
    await me.heading(persona.steps[0].question);
    await me.text(`Question 1 of ${questionCount()}`);
  } finally {
    await careless.close();
  }
});
