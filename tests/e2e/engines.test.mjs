// The blog engines for real: the README's Hugo shortcode and Jekyll include (examples/) are built
// into small sites with Debian's `hugo` and `jekyll`, served on their own origin, and the widget
// is used in them. Every documented option must reach the widget, and a site without the widget's
// address must fail to build with a message that says what to set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage, ROOT, DIST, SUB_PATH, screenshot, waitUntil, RESIZER } from './support.mjs';

const EXAMPLES = join(ROOT, 'examples');
const OPTIONS = { part: 'quiz', theme: 'dark', situation: 'considering', 'heading-level': '3', lang: 'en' };
const env = {};

function write(path, text) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

const LAYOUT = (title, content) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<link rel="icon" href="data:,"></head><body><main><h1>${title}</h1>${content}</main></body></html>\n`;

/** A Hugo site with the example shortcode and post, one post with every option, one bare `events`. */
function hugoSite(dir, url) {
  write(join(dir, 'hugo.toml'), `baseURL = "/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n`
    + (url ? `[params]\nreadyToLeadURL = "${url}"\n` : ''));
  write(join(dir, 'layouts/_default/single.html'), LAYOUT('{{ .Title }}', '{{ .Content }}'));
  write(join(dir, 'layouts/_default/list.html'), LAYOUT('{{ .Title }}', ''));
  cpSync(join(EXAMPLES, 'hugo/layouts'), join(dir, 'layouts'), { recursive: true });
  cpSync(join(EXAMPLES, 'hugo/content-example.md'), join(dir, 'content/posts/example.md'));
  const named = Object.entries(OPTIONS).map(([k, v]) => `${k}="${v}"`).join(' ');
  write(join(dir, 'content/posts/options.md'), `---\ntitle: "Every option"\n---\n\n{{< ready-to-lead ${named} events="true" >}}\n`);
  write(join(dir, 'content/posts/bare-events.md'), `---\ntitle: "Bare events"\n---\n\n{{< ready-to-lead events >}}\n`);
  write(join(dir, 'content/posts/iframe.md'), `---\ntitle: "In an iframe"\n---\n\n{{< ready-to-lead-iframe ${named} accent="#0a7" events="true" >}}\n`);
  return spawnSync('hugo', ['--source', dir, '--destination', join(dir, 'public')], { encoding: 'utf8' });
}

/** A Jekyll site with the example include and post, one post with every option, one events="false". */
function jekyllSite(dir, url) {
  write(join(dir, '_config.yml'), `markdown: kramdown\npermalink: /:title/\n` + (url ? `ready_to_lead_url: "${url}"\n` : ''));
  write(join(dir, '_layouts/post.html'), LAYOUT('{{ page.title }}', '{{ content }}'));
  cpSync(join(EXAMPLES, 'jekyll/_includes'), join(dir, '_includes'), { recursive: true });
  cpSync(join(EXAMPLES, 'jekyll/2026-12-01-should-you-become-a-manager.md'), join(dir, '_posts/2026-12-01-should-you-become-a-manager.md'));
  const named = Object.entries(OPTIONS).map(([k, v]) => `${k}="${v}"`).join(' ');
  write(join(dir, '_posts/2026-12-01-every-option.md'), `---\nlayout: post\ntitle: "Every option"\n---\n\n{% include ready-to-lead.html ${named} events="true" %}\n`);
  write(join(dir, '_posts/2026-12-01-events-false.md'), `---\nlayout: post\ntitle: "Events false"\n---\n\n{% include ready-to-lead.html events="false" %}\n`);
  write(join(dir, '_posts/2026-12-01-in-an-iframe.md'), `---\nlayout: post\ntitle: "In an iframe"\n---\n\n{% include ready-to-lead-iframe.html ${named} accent="#0a7" events="true" %}\n`);
  return spawnSync('jekyll', ['build', '--source', dir, '--destination', join(dir, '_site'), '--quiet'], { encoding: 'utf8' });
}

const ENGINES = [
  { name: 'Hugo', build: hugoSite, out: 'public', paths: { example: '/posts/example/', options: '/posts/options/', extra: '/posts/bare-events/', iframe: '/posts/iframe/' }, extraEvents: true, setting: 'readyToLeadURL' },
  { name: 'Jekyll', build: jekyllSite, out: '_site', paths: { example: '/should-you-become-a-manager/', options: '/every-option/', extra: '/events-false/', iframe: '/in-an-iframe/' }, extraEvents: false, setting: 'ready_to_lead_url' },
];

before(async () => {
  for (const [tool, arg] of [['hugo', 'version'], ['jekyll', '--version']]) {
    try {
      execFileSync(tool, [arg], { stdio: 'ignore' });
    } catch {
      throw new Error(`${tool} is not installed: scripts/setup installs Debian's hugo and jekyll.`);
    }
  }
  env.widget = await serve(DIST, SUB_PATH, { cors: true });
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
  await env.widget?.close();
});

/** The attributes the engine wrote on the page's <ready-to-lead> element. */
async function attributes(page) {
  return page.locator('ready-to-lead').evaluate((e) => Object.fromEntries([...e.attributes].map((a) => [a.name, a.value])));
}

for (const engine of ENGINES) {
  test(`${engine.name}: a site without the widget's address fails to build and says what to set`, () => {
    const result = engine.build(mkdtempSync(join(tmpdir(), 'rtl-site-')), null);
    assert.notEqual(result.status, 0, 'the build fails');
    assert.match(result.stdout + result.stderr, new RegExp(engine.setting));
  });

  test(`${engine.name}: the example post and every documented option reach the widget`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rtl-site-'));
    const result = engine.build(dir, env.widget.url);
    assert.equal(result.status, 0, `the site builds: ${result.stderr}`);
    const site = await serve(join(dir, engine.out), '/');
    const { context, page, log } = await openPage(env.browser);
    try {
      // The example post, as the README tells a blogger to paste it: the quiz starts.
      await page.goto(site.origin + engine.paths.example);
      await page.getByRole('heading', { level: 2, name: 'Ready to lead?' }).waitFor();
      // The radio is drawn by its label (which takes the click), as a person sees it.
      await page.locator('label', { hasText: 'thinking about leading' }).click();
      assert.ok(await page.getByRole('radio', { name: /thinking about leading/ }).isChecked());
      await page.getByRole('button', { name: 'Start' }).click();
      await page.getByText('Question 1 of').waitFor();
      await screenshot(page, `40-${engine.name.toLowerCase()}-example`);

      // Every option: each attribute arrives exactly as the README names it, and the widget obeys.
      await page.addInitScript(() => {
        window.__events = [];
        document.addEventListener('ready-to-lead:start', (e) => window.__events.push(e.type));
      });
      await page.goto(site.origin + engine.paths.options);
      assert.deepEqual(await attributes(page), { ...OPTIONS, events: '' });
      await page.getByRole('heading', { level: 3, name: 'Ready to lead?' }).waitFor();
      assert.equal(await page.getByRole('radio').count(), 0, 'the preset situation is not asked');
      assert.equal(await page.getByRole('heading', { name: 'Questions people ask' }).count(), 0, 'part="quiz" leaves out the FAQ');
      await page.getByRole('button', { name: 'Start' }).click();
      await page.getByText('Question 1 of').waitFor();
      assert.deepEqual(await page.evaluate(() => window.__events), ['ready-to-lead:start'], 'events reach the host page');

      await page.goto(site.origin + engine.paths.extra);
      await page.getByRole('heading', { name: 'Ready to lead?' }).waitFor();
      assert.equal('events' in (await attributes(page)), engine.extraEvents);

      // The iframe snippet: every option arrives in the frame's address, and the widget obeys.
      const seen = log.requests.length;
      await page.goto(site.origin + engine.paths.iframe);
      const src = new URL(await page.locator('iframe').getAttribute('src'));
      assert.ok(src.pathname.endsWith('/frame.html'), `the snippet loads the frame page, not ${src.pathname}`);
      assert.deepEqual(Object.fromEntries(src.searchParams), { ...OPTIONS, accent: '#0a7', events: '' });
      assert.equal(await page.locator('iframe').getAttribute('loading'), 'lazy');
      const frame = page.frameLocator('iframe');
      await frame.getByRole('heading', { level: 3, name: 'Ready to lead?' }).waitFor();
      assert.equal(await frame.getByRole('heading', { name: 'Questions people ask' }).count(), 0);
      // The snippet's resizing script takes the frame from its 2000 px to its content's height.
      await waitUntil(async () => {
        const outer = await page.locator('iframe').evaluate((f) => (f.style.height ? f.clientHeight : 0));
        const inner = await frame.locator('body').evaluate((body) => {
          const css = getComputedStyle(body);
          return body.getBoundingClientRect().height + parseFloat(css.marginTop) + parseFloat(css.marginBottom);
        });
        return outer > 0 && Math.abs(outer - inner) <= 2;
      }, 'the iframe to take its content\'s height', 10000);
      const resizers = log.requests.slice(seen).filter((u) => RESIZER.test(u));
      assert.ok(resizers.length === 1 && resizers[0].endsWith('/frame-height.js'), `the snippet's resizer is frame-height.js alone (${resizers.join(', ')})`);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
      await site.close();
    }
  });
}

test('the README documents every option the engine tests pass', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const name of Object.keys(OPTIONS).concat('events')) assert.ok(readme.includes(`| \`${name}\``), `README documents ${name}`);
});
