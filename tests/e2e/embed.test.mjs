// The widget inside other people's pages: the blog is served from `localhost`, the widget's files
// from `127.0.0.1` (two origins, with CORS), and Chromium drives both as a reader would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, personas, screenshot, axeViolations, Widget, WORDS, situationLabel, waitUntil, frames, withWidgetAndBlogs, RESIZER,
} from './support.mjs';

const env = withWidgetAndBlogs();
const { host } = env;

/** Computed styles a reader would notice, for elements every state of the widget has. */
async function looks(scope) {
  const w = new Widget(scope);
  const style = (where, props) => (typeof where === 'string' ? scope.locator(where) : where).first().evaluate((el, names) => {
    const cs = getComputedStyle(el);
    return Object.fromEntries(names.map((n) => [n, cs.getPropertyValue(n)]));
  }, props);
  return {
    root: await style('.ready-to-lead', ['font-size', 'line-height', 'color', 'letter-spacing', 'text-transform', 'box-sizing', 'padding-top']),
    heading: await style(w.intro(), ['font-size', 'margin-bottom', 'font-weight']),
    // The box around an option is its radio's parent.
    option: await style(w.root.getByRole('radio').first().locator('..'), ['padding-top', 'padding-left', 'border-top-width', 'border-top-style', 'display', 'box-sizing']),
    radio: await style(w.root.getByRole('radio').first(), ['width', 'height', 'display']),
    button: await style(w.start(), ['font-size', 'padding-top', 'padding-left', 'border-top-left-radius', 'background-color', 'display', 'min-height']),
    faq: await style('.rtl-faq__entry', ['display', 'padding-top', 'border-bottom-width']),
  };
}

async function cspViolations(page) {
  const all = [];
  for (const frame of page.frames()) all.push(...(await frame.evaluate(() => window.__csp ?? [])));
  return all;
}

async function recordCspViolations(context) {
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

test('on a hostile page, inline and iframe widgets look as they do standalone and complete the quiz', async () => {
  const persona = personas()[0];
  const blog = await host({ '/post.html': { file: 'hostile.html' } });
  const { context, page: standalone } = await openPage(env.browser);
  await standalone.goto(env.widget.url);
  await new Widget(standalone).waitForIntro();
  const expected = await looks(standalone);
  await context.close();

  const { context: ctx, page, log } = await openPage(env.browser);
  await page.goto(`${blog.origin}/post.html`);
  const inline = new Widget(page.locator('#inline'));
  const framed = new Widget(page.frameLocator('#frame'));
  await inline.waitForIntro();
  await framed.waitForIntro();
  assert.deepEqual(await looks(page.locator('#inline')), expected, 'the inline widget ignores the host\'s CSS');
  assert.deepEqual(await looks(page.frameLocator('#frame')), expected, 'the iframe widget ignores the host\'s CSS');
  await screenshot(page, '10-hostile-host');

  await inline.answerAllWithMouse(persona);
  await inline.outcome(persona.expected_outcome_label).waitFor();
  await framed.answerAllWithMouse(persona);
  await framed.outcome(persona.expected_outcome_label).waitFor();
  assert.deepEqual(log.errors, []);
  const foreign = log.requests.filter((u) => !u.startsWith(blog.origin) && !u.startsWith(env.widget.origin) && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'only the blog and the widget\'s own files are requested');
  await ctx.close();
});

/** The blog gave the frame its content's height (from the frame's reports alone), and once the frame
 *  is on screen nothing scrolls inside it. (Chromium does not render a cross-origin frame that is
 *  off screen, so until then the frame's own viewport keeps its old size: only the reader's view of
 *  it counts.) */
/** The widget's frame: `frame.html` (the README's snippet), or the page with `?embed` (the older one). */
const isWidgetFrame = (f) => f.parentFrame() !== null && /\/frame\.html(\?|$)|[?&]embed\b/.test(f.url());

async function frameFits(page) {
  const frame = page.frames().find((f) => isWidgetFrame(f));
  // The content's height measured apart from boot.js's own formula (the widget root's bottom): the
  // body's box and its margins, so a frame given too much height shows as a mismatch too.
  const measure = () => frame.evaluate(() => {
    const body = getComputedStyle(document.body);
    const height = document.body.getBoundingClientRect().height + parseFloat(body.marginTop) + parseFloat(body.marginBottom);
    const el = document.documentElement;
    return { height, scrolls: el.scrollHeight > el.clientHeight + 1 };
  });
  const outer = () => page.locator('#frame').evaluate((f) => f.clientHeight);
  const fit = await waitUntil(async () => {
    const content = await measure();
    const height = await outer();
    return Math.abs(height - content.height) <= 2 ? { outer: height, content } : null;
  }, 'the iframe height to match its content');
  await page.locator('#frame').scrollIntoViewIfNeeded();
  await waitUntil(async () => !(await measure()).scrolls, 'no scrolling inside the iframe once it is on screen');
  return fit;
}

for (const width of [320, 1280]) {
  test(`the iframe follows its content's height at every step (${width} px)`, async () => {
    const persona = personas()[0];
    const blog = await host({ '/post.html': { file: 'iframe.html' } });
    const { context, page, log } = await openPage(env.browser, { viewport: { width, height: 800 } });
    await context.addInitScript(() => {
      window.__heights = 0;
      addEventListener('message', (e) => { if (e.data?.type === 'ready-to-lead:height') window.__heights += 1; });
    });
    await page.goto(`${blog.origin}/post.html`);
    const framed = new Widget(page.frameLocator('#frame'));
    await framed.waitForIntro();
    const heights = new Set([(await frameFits(page)).outer]);
    await framed.answerAllWithMouse(persona, async () => {
      heights.add((await frameFits(page)).outer);
    });
    assert.ok(heights.size > 2, `the height changed with the content (${[...heights].join(', ')})`);
    if (width === 320) await screenshot(page, '11-iframe-320-results');

    await page.emulateMedia({ colorScheme: 'dark' });
    await frameFits(page);
    const before = await page.evaluate(() => window.__heights);
    const size = await page.locator('#frame').evaluate((f) => f.clientHeight);
    await frames(page, 60);
    assert.equal(await page.evaluate(() => window.__heights), before, 'no resize messages while nothing changes');
    assert.equal(await page.locator('#frame').evaluate((f) => f.clientHeight), size, 'the height is stable');
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test('under a border-box reset the auto-sized iframe (the older `?embed` snippet) still fits its content exactly, with no inner scroll', async () => {
  const reset = '<style>*, *::before, *::after { box-sizing: border-box; } iframe { border: 3px solid #888; padding: 2px; }</style>';
  const blog = await host({ '/post.html': { body: `${reset}<iframe id="frame" src="${env.widget.url}?embed" title="Ready to lead? A self-assessment" width="600"></iframe>` } });
  const { context, page } = await openPage(env.browser);
  await page.goto(`${blog.origin}/post.html`);
  const framed = new Widget(page.frameLocator('#frame'));
  await framed.waitForIntro();
  const inner = page.frames().find((f) => isWidgetFrame(f));
  await waitUntil(async () => {
    const doc = await inner.evaluate(() => ({ scroll: document.documentElement.scrollHeight, view: innerHeight }));
    return doc.view >= doc.scroll && doc.view - doc.scroll <= 1;
  }, 'the frame to show its whole content and no more');
  await context.close();
});

// The README's iframe snippet brings frame-height.js; embed.js carries the same resizer, for pages
// with an inline widget too and for the older iframe snippet.
for (const script of ['frame-height.js', 'embed.js']) test(`a resizing script (${script}) that arrives after the iframe has settled still sizes it, with no interaction`, async () => {
  const blog = await host({ '/post.html': { body: `<iframe id="frame" src="${env.widget.url}frame.html" title="Ready to lead? A self-assessment" width="100%"></iframe>`, script: false }, '/plain.css': { file: 'plain.css' } });
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${blog.origin}/post.html`);
  const framed = new Widget(page.frameLocator('#frame'));
  await framed.waitForApp();
  // Every height report so far went to a page with no listener; now the script arrives.
  await page.evaluate((src) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = src;
    document.head.append(script);
  }, `${env.widget.url}${script}`);
  await frameFits(page);
  // embed.js carries the resizer itself (the build writes it in): one script, one request.
  const resizers = log.requests.filter((u) => RESIZER.test(u));
  assert.deepEqual(resizers, [`${env.widget.url}${script}`], 'only the script the page asked for');
  const widths = await page.locator('#frame').evaluate((f) => ({ frame: f.getBoundingClientRect().width, column: f.parentElement.clientWidth }));
  assert.ok(widths.frame <= widths.column, `width="100%" stays inside the column (${widths.frame} of ${widths.column} px)`);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('on a rude, strict-CSP blog the iframe settles at its content height after every load, with no interaction', async () => {
  // An iframe (600 px high by the theme's CSS) beside an inline widget, under the theme that styles
  // everything and the README's CSP. The cross-site frame cannot store, so its own notice grows it
  // after load: the last height must still arrive, on every one of many loads.
  const csp = `default-src 'self'; script-src 'self' ${env.widget.origin} 'wasm-unsafe-eval'; style-src 'self' ${env.widget.origin}; connect-src 'self' ${env.widget.origin}; frame-src ${env.widget.origin}; img-src data:`;
  const blog = await host({ '/post.html': { file: 'hostile.html', headers: { 'content-security-policy': csp } }, '/hostile.css': { file: 'hostile.css' } });
  const { context, page, log } = await openPage(env.browser);
  for (let load = 0; load < 8; load++) {
    await page.goto(`${blog.origin}/post.html`);
    await new Widget(page.frameLocator('#frame')).waitForApp();
    await frameFits(page);
  }
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('inline on a 375 px phone with an 18 px blog font, no screen scrolls the post sideways', async () => {
  const persona = personas()[0];
  const blog = await host({ '/post.html': { body: '<style>html { font-size: 18px; }</style><ready-to-lead></ready-to-lead>' } });
  const { context, page } = await openPage(env.browser, { viewport: { width: 375, height: 700 } });
  await page.goto(`${blog.origin}/post.html`);
  const inline = new Widget(page.locator('ready-to-lead'));
  await inline.waitForIntro();
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const seen = [['intro', await overflow()]];
  await inline.answerAllWithMouse(persona, async (n) => { seen.push([n ? `question ${n}` : 'results', await overflow()]); });
  for (const summary of await page.getByText('Show the maths', { exact: true }).all()) await summary.click();
  seen.push(['results with the maths open', await overflow()]);
  assert.deepEqual(seen.filter(([, px]) => px > 0), [], 'screens that scroll sideways');
  await context.close();
});

test('without a resizing script the iframe keeps its own height and scrolls', async () => {
  const blog = await host({ '/post.html': { body: '<iframe id="frame" src="' + env.widget.url + 'frame.html" title="Ready to lead? A self-assessment" width="600" height="400"></iframe>', script: false }, '/plain.css': { file: 'plain.css' } });
  const { context, page } = await openPage(env.browser);
  await page.goto(`${blog.origin}/post.html`);
  const framed = new Widget(page.frameLocator('#frame'));
  await framed.waitForIntro();
  // plain.css gives iframes 500px: without the script, that is the height it keeps.
  await framed.faq().waitFor();
  assert.equal(await page.locator('#frame').evaluate((f) => f.clientHeight), 500);
  const frame = page.frames().find((f) => isWidgetFrame(f));
  assert.ok(await frame.evaluate(() => document.documentElement.scrollHeight > innerHeight), 'the content scrolls inside');
  await context.close();
});

test('the iframe looks like the inline widget: system font, headings from h2, no page margin, in both themes', async () => {
  const blog = await host({ '/post.html': { body: '<iframe id="frame" src="' + env.widget.url + 'frame.html?theme=dark" title="Ready to lead? A self-assessment" width="600" height="700"></iframe>' } });
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${blog.origin}/post.html`);
  const frame = page.frameLocator('#frame');
  await frame.getByRole('heading', { level: 2, name: 'Ready to lead?' }).waitFor();
  const inner = page.frames().find((f) => isWidgetFrame(f));
  const look = await inner.evaluate(() => {
    const root = document.querySelector('.ready-to-lead');
    const box = root.getBoundingClientRect();
    return { margin: getComputedStyle(document.body).margin, font: getComputedStyle(root).fontFamily, left: box.left, right: innerWidth - box.right };
  });
  assert.equal(look.margin, '0px', 'no default body margin');
  assert.match(look.font, /system-ui/, 'the system font, not the browser default serif');
  assert.deepEqual([look.left, look.right], [0, 0], 'the panel fills the frame, so no page colour shows around it');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a strict Content-Security-Policy raises no violations', async () => {
  const csp = `default-src 'self'; script-src 'self' ${env.widget.origin} 'wasm-unsafe-eval'; style-src 'self' ${env.widget.origin}; `
    + `connect-src 'self' ${env.widget.origin}; frame-src ${env.widget.origin}; img-src 'self' data:`;
  const body = '<ready-to-lead id="inline"></ready-to-lead>'
    + `<iframe id="frame" src="${env.widget.url}frame.html" title="Ready to lead? A self-assessment"></iframe>`;
  const blog = await host({ '/post.html': { body, headers: { 'content-security-policy': csp } }, '/plain.css': { file: 'plain.css' } });
  const { context, page, log } = await openPage(env.browser);
  await recordCspViolations(context);
  await page.goto(`${blog.origin}/post.html`);
  const inline = new Widget(page.locator('#inline'));
  await inline.waitForIntro();
  await new Widget(page.frameLocator('#frame')).waitForIntro();
  await inline.chooseSituation(situationLabel('considering'));
  await inline.start().click();
  await inline.pickNth(0);
  await inline.next().click();
  await inline.root.getByText(/^Question 2 of/).waitFor();
  // The widget's own page, with its own meta CSP: the widget runs without a violation, and the
  // policy is in force (an inline script put into the page is blocked and reported).
  const own = await context.newPage();
  await own.goto(env.widget.url);
  await new Widget(own).waitForIntro();
  assert.deepEqual([...(await cspViolations(page)), ...(await cspViolations(own))], []);
  await own.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.body.append(script);
  });
  await waitUntil(async () => (await cspViolations(own)).length > 0, 'the blocked inline script to be reported');
  assert.equal(await own.evaluate(() => window.__inlineRan), undefined, 'the inline script did not run');
  assert.match((await cspViolations(own)).join(' '), /script-src/, 'reported as a script-src violation');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('two inline widgets on one page work independently', async () => {
  const blog = await host({
    '/post.html': { body: '<ready-to-lead id="quiz" part="quiz"></ready-to-lead><ready-to-lead id="faq" part="faq"></ready-to-lead>' },
    '/plain.css': { file: 'plain.css' },
  });
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${blog.origin}/post.html`);
  const quiz = new Widget(page.locator('#quiz'));
  const faq = new Widget(page.locator('#faq'));
  await quiz.waitForIntro();
  await faq.faq().waitFor();
  assert.equal(await quiz.faq().count(), 0, 'part="quiz" shows no FAQ');
  assert.equal(await faq.intro().count() + await faq.start().count(), 0, 'part="faq" shows no quiz');
  await quiz.chooseSituation(situationLabel('new-manager'));
  await quiz.start().click();
  await quiz.pickNth(2);
  await quiz.next().click();
  await quiz.root.getByText(/^Question 2 of/).waitFor();
  // An FAQ entry opens by its question, as a reader clicks it.
  const question = 'What is a one-to-one actually for?';
  await faq.root.getByText(question, { exact: true }).click();
  const entry = faq.root.getByRole('group').filter({ hasText: question });
  assert.equal(await entry.evaluate((d) => d.open), true);
  assert.match(await quiz.progress(), /^Question 2 of/, 'the quiz is untouched by the FAQ');
  await screenshot(page, '12-two-widgets');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('host events are sent only with the opt-in, and never contain answers', async () => {
  const persona = personas()[0];
  const pages = {
    '/post.html': {
      body: `<ready-to-lead id="opted" events part="quiz" situation="${persona.situation}"></ready-to-lead>`
        + `<ready-to-lead id="quiet" part="quiz" situation="${persona.situation}"></ready-to-lead>`,
    },
    '/frame.html': { file: 'iframe.html', query: '?events' },
    '/plain.css': { file: 'plain.css' },
  };
  const blog = await host(pages);
  const { context, page } = await openPage(env.browser);
  await context.addInitScript(() => {
    window.__events = [];
    for (const type of ['ready-to-lead:start', 'ready-to-lead:complete']) {
      document.addEventListener(type, (e) => window.__events.push({ type, from: e.target.id, detail: e.detail }));
    }
    addEventListener('message', (e) => {
      if (typeof e.data?.type === 'string' && e.data.type !== 'ready-to-lead:height') window.__events.push({ type: e.data.type, from: 'message', detail: e.data, origin: e.origin });
    });
  });
  await page.goto(`${blog.origin}/post.html`);
  for (const id of ['opted', 'quiet']) await new Widget(page.locator(`#${id}`)).answerAllWithMouse(persona);
  const events = await page.evaluate(() => window.__events);
  assert.deepEqual(events.map((e) => `${e.from} ${e.type}`), ['opted ready-to-lead:start', 'opted ready-to-lead:complete']);
  const complete = events[1].detail;
  assert.equal(complete.outcome, persona.expected_outcome);
  assert.equal(Object.keys(complete.bands).length, 9);
  const text = JSON.stringify(events);
  for (const item of Object.keys(persona.answers)) assert.ok(!text.includes(item), `no answer to ${item} leaks`);

  await page.goto(`${blog.origin}/frame.html`);
  await new Widget(page.frameLocator('#frame')).answerAllWithMouse(persona);
  const messages = await waitUntil(async () => {
    const got = await page.evaluate(() => window.__events);
    return got.some((e) => e.type === 'ready-to-lead:complete') ? got : null;
  }, 'the iframe\'s completion message');
  assert.deepEqual(messages.map((e) => e.type), ['ready-to-lead:start', 'ready-to-lead:complete']);
  assert.equal(messages[1].origin, env.widget.origin);
  assert.equal(messages[1].detail.outcome, persona.expected_outcome);
  await context.close();
});

test('invalid attributes fall back to the defaults with console warnings', async () => {
  const attrs = 'theme="neon" part="sidebar" heading-level="9" accent="url(x)" situation="astronaut" lang="xx" events="maybe"';
  const blog = await host({ '/post.html': { body: `<ready-to-lead id="w" ${attrs}></ready-to-lead>` }, '/plain.css': { file: 'plain.css' } });
  const { context, page, log } = await openPage(env.browser);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${blog.origin}/post.html`);
  const w = new Widget(page.locator('#w'));
  await w.waitForIntro();
  await w.faq().waitFor();
  assert.equal(await w.root.getByRole('radio').count(), 2, 'the situation is asked');
  assert.equal(await w.root.getByRole('heading', { name: WORDS.title, level: 2 }).count(), 1, 'headings fall back to level 2');
  for (const name of ['theme', 'part', 'heading-level', 'accent', 'situation', 'lang', 'events']) {
    assert.ok(warnings.some((t) => t.includes(`${name}=`)), `a warning names ${name}: ${warnings.join(' | ')}`);
  }
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the example blog post embeds the widget, themed, with no accessibility violations', async () => {
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${env.widget.url}examples/blog-post.html`);
  const w = new Widget(page.locator('ready-to-lead'));
  await w.waitForIntro();
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, '13-example-post');
  const accent = await host({
    '/post.html': { body: '<ready-to-lead id="w" accent="#7a2e0e" theme="dark"></ready-to-lead>' },
    '/plain.css': { file: 'plain.css' },
  });
  await page.goto(`${accent.origin}/post.html`);
  const themed = new Widget(page.locator('#w'));
  await themed.waitForIntro();
  await themed.chooseSituation(situationLabel('considering'));
  const bg = await themed.start().evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(bg, 'rgb(122, 46, 14)', 'the accent colour is used');
  const rootBg = await page.locator('#w').locator('.ready-to-lead').evaluate((r) => getComputedStyle(r).backgroundColor);
  assert.equal(rootBg, 'rgb(21, 24, 29)', 'theme="dark" forces the dark palette');
  assert.deepEqual(await axeViolations(page), [], 'accent and dark theme stay accessible');
  assert.deepEqual(log.errors, []);
  await context.close();
});

for (const script of ['frame-height.js', 'embed.js']) test(`the iframe resizer (${script}) takes only a number, only from the widget, only for an iframe on the page`, async () => {
  const blog = await host({
    '/post.html': {
      body: `<script type="module" src="${env.widget.url}${script}"></script>`
        + `<iframe id="frame" src="${env.widget.url}frame.html" title="Ready to lead? A self-assessment"></iframe>`
        + '<iframe id="local" title="A frame of the blog\'s own" srcdoc="<p>The blog\'s own frame.</p>"></iframe>',
      script: false,
    },
    '/plain.css': { file: 'plain.css' },
  });
  const { context, page } = await openPage(env.browser);
  await page.goto(`${blog.origin}/post.html`);
  await new Widget(page.frameLocator('#frame')).waitForApp();
  const fitted = (await frameFits(page)).outer;
  const heights = () => page.evaluate(() => ['#frame', '#local'].map((s) => document.querySelector(s).getBoundingClientRect().height));
  const before = await heights();
  const widgetFrame = page.frames().find((f) => isWidgetFrame(f));
  const localFrame = page.frames().find((f) => f.url() === 'about:srcdoc');
  // A widget frame gone wrong (or someone else's script in it) sends what is not a height.
  for (const height of ['5000', -1, 0, 1e6, null, Number.NaN]) {
    await widgetFrame.evaluate((h) => parent.postMessage({ type: 'ready-to-lead:height', height: h }, '*'), height);
  }
  // The blog's own frame and the blog's own page are not the widget's origin.
  await localFrame.evaluate(() => parent.postMessage({ type: 'ready-to-lead:height', height: 50 }, '*'));
  await page.evaluate(() => postMessage({ type: 'ready-to-lead:height', height: 60 }, '*'));
  // A window of the widget's origin that is not one of the page's iframes (a popup).
  const [popup] = await Promise.all([context.waitForEvent('page'), page.evaluate((url) => { window.open(url); }, `${env.widget.url}examples/blog.css`)]);
  await popup.waitForLoadState();
  await popup.evaluate(() => opener.postMessage({ type: 'ready-to-lead:height', height: 70 }, '*'));
  await frames(page, 10);
  assert.deepEqual(await heights(), before, 'no frame changed size');
  assert.equal(await page.locator('#frame').evaluate((f) => f.clientHeight), fitted);
  // And the real report still works: a genuine height is applied.
  await widgetFrame.evaluate(() => parent.postMessage({ type: 'ready-to-lead:height', height: 321 }, '*'));
  await page.waitForFunction(() => document.querySelector('#frame').clientHeight === 321);
  await context.close();
});

test('heading-level="3" gives the widget h3 headings, below the post\'s own h2', async () => {
  const blog = await host({ '/post.html': { body: '<h2>Take the test</h2><ready-to-lead heading-level="3"></ready-to-lead>' }, '/plain.css': { file: 'plain.css' } });
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${blog.origin}/post.html`);
  const inline = page.locator('ready-to-lead');
  await inline.getByRole('heading', { level: 3, name: 'Ready to lead?' }).waitFor();
  assert.equal(await inline.getByRole('heading', { level: 2 }).count(), 0, 'no h2 inside the widget');
  assert.equal(await inline.getByRole('heading', { level: 3, name: 'Questions people ask' }).count(), 1, 'the FAQ heading is an h3 too');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the widget takes the blog's font, and its own styles do not reach the blog's elements", async () => {
  // The same blog markup with and without the widget: elements that even carry the widget's own
  // class names, so only a stylesheet kept inside the shadow root leaves them alone.
  const twins = '<div class="ready-to-lead rtl-embedded"><h2 class="rtl-intro">A blog heading</h2><p class="rtl-lede">A blog paragraph.</p><button class="rtl-button" type="button">A blog button</button></div>';
  const blog = await host({
    '/with.html': { body: `${twins}<ready-to-lead></ready-to-lead>` },
    '/without.html': { body: twins, script: false },
    '/plain.css': { file: 'plain.css' },
  });
  const { context, page } = await openPage(env.browser);
  const looksOf = () => page.evaluate(() => ['main > div > h2', 'main > div > p.rtl-lede', 'main > div > button', 'main > div'].map((s) => {
    const cs = getComputedStyle(document.querySelector(s));
    return [s, cs.fontFamily, cs.fontSize, cs.color, cs.backgroundColor, cs.padding, cs.margin, cs.borderRadius].join(' ');
  }));
  await page.goto(`${blog.origin}/without.html`);
  const plain = await looksOf();
  await page.goto(`${blog.origin}/with.html`);
  const inline = new Widget(page.locator('ready-to-lead'));
  await inline.waitForApp();
  assert.deepEqual(await looksOf(), plain, 'the blog\'s elements look the same with the widget on the page');
  const font = await page.locator('ready-to-lead').getByRole('heading', { name: 'Ready to lead?' }).evaluate((h) => getComputedStyle(h).fontFamily);
  assert.match(font, /Georgia/, 'the widget uses the blog\'s font');
  await context.close();
});
