// Lighthouse (mobile, simulated throttling; npm `lighthouse`, pinned, in Debian's Chromium) on the
// standalone page, the inline example post, the same post without the widget, the iframe example
// post (on the widget's site and on another), and that post without the widget, all served from the release dist/ on 127.0.0.1 with brotli as a static host sends
// it. Median of RUNS (default 3) per page; writes the table into docs/benchmarks.md between its
// markers and the raw figures into target/bench/lighthouse.json.
//   node scripts/lighthouse.mjs            (scripts/bench runs it after a release build)
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { DIST, ROOT, serve } from '../tests/e2e/support.mjs';

const runs = Number(process.env.RUNS ?? 3);
const site = join(ROOT, 'target/bench/lighthouse-site');
rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });
cpSync(DIST, site, { recursive: true });
// The same post with the snippet (the script and the element) taken out.
const post = readFileSync(join(DIST, 'examples/blog-post.html'), 'utf8');
const bare = post.replace(/<script\b[^>]*embed\.js"[^>]*><\/script>/, '').replace(/<ready-to-lead\b[^>]*><\/ready-to-lead>/, '');
if (bare === post || bare.includes('<ready-to-lead')) throw new Error('lighthouse: could not take the snippet out of examples/blog-post.html');
writeFileSync(join(site, 'examples/blog-post-without-widget.html'), bare);

// CORS as the README asks of a widget host, for the iframe post on another site below.
const server = await serve(site, '/tools/ready/', { encoded: true, cors: true });
// The iframe example post as blogs have it, on another site than the widget (`localhost` is
// another site than `127.0.0.1`, so the frame runs apart, and its storage is third-party), and
// that post with its snippet (the iframe and the resizing script) taken out.
const framed = readFileSync(join(DIST, 'examples/blog-post-iframe.html'), 'utf8');
const elsewhere = framed.replace('src="../frame-height.js"', `src="${server.url}frame-height.js"`).replace(/src="\.\.\/frame\.html/, `src="${server.url}frame.html`);
const unframed = framed.replace(/<script\b[^>]*frame-height\.js"[^>]*><\/script>/, '').replace(/<iframe\b[^>]*><\/iframe>/, '');
if (!elsewhere.includes(`${server.url}frame.html`) || !elsewhere.includes(`${server.url}frame-height.js`) || unframed.includes('<iframe') || /<script\b[^>]*frame-height\.js/.test(unframed)) {
  throw new Error('lighthouse: could not move or take out the snippet of examples/blog-post-iframe.html');
}
writeFileSync(join(site, 'examples/blog-post-iframe-elsewhere.html'), elsewhere);
writeFileSync(join(site, 'examples/blog-post-iframe-without-widget.html'), unframed);
const otherSite = server.url.replace('//127.0.0.1:', '//localhost:');
const pages = [
  ['the standalone page', ''],
  ['the example post with the inline widget', 'examples/blog-post.html'],
  ['the same post without the widget', 'examples/blog-post-without-widget.html'],
  ['the iframe example post', 'examples/blog-post-iframe.html'],
  ['the iframe example post on another site than the widget', `${otherSite}examples/blog-post-iframe-elsewhere.html`],
  ['the iframe post without the widget', 'examples/blog-post-iframe-without-widget.html'],
];
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = [];
try {
  for (const [label, path] of pages) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const { lhr } = await lighthouse(/^https?:/.test(path) ? path : server.url + path, { port: chrome.port, output: 'json', logLevel: 'error' });
      samples.push({
        performance: lhr.categories.performance.score,
        accessibility: lhr.categories.accessibility.score,
        bestPractices: lhr.categories['best-practices'].score,
        seo: lhr.categories.seo.score,
        lcp: lhr.audits['largest-contentful-paint'].numericValue,
        cls: lhr.audits['cumulative-layout-shift'].numericValue,
        tbt: lhr.audits['total-blocking-time'].numericValue,
        bytes: lhr.audits['total-byte-weight'].numericValue,
      });
    }
    const pick = (key) => median(samples.map((s) => s[key]));
    results.push({ label, path, samples, median: Object.fromEntries(Object.keys(samples[0]).map((k) => [k, pick(k)])) });
    console.log(label, JSON.stringify(results.at(-1).median));
  }
} finally {
  await chrome.kill();
  await server.close();
}
mkdirSync(join(ROOT, 'target/bench'), { recursive: true });
writeFileSync(join(ROOT, 'target/bench/lighthouse.json'), JSON.stringify({ when: new Date().toISOString(), runs, results }, null, 2));

const score = (v) => (v == null ? '–' : (v * 100).toFixed(0));
const rows = results.map(({ label, median: m }) =>
  `| ${label} | ${score(m.performance)} | ${score(m.accessibility)} | ${score(m.bestPractices)} | ${score(m.seo)} | ${(m.lcp / 1000).toFixed(2)} s | ${m.cls.toFixed(3)} | ${Math.round(m.tbt)} ms | ${(m.bytes / 1024).toFixed(1)} |`);
const table = [
  '<!-- lighthouse:start (scripts/lighthouse.mjs writes this part) -->',
  `## Lighthouse (mobile, simulated throttling, median of ${runs})`,
  '',
  `Lighthouse ${JSON.parse(readFileSync(join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')).version} in Debian's Chromium, pages served from the release \`dist/\` on 127.0.0.1 with brotli. Targets (issue 15): each post with the widget within 0.01 of the same post without it, LCP within 100 ms, CLS 0; the standalone page 100 in all four categories. The iframe post is measured twice: as served here (the frame on the same site, so it shares the post's main thread) and as blogs have it, on another site than the widget (\`localhost\`).`,
  '',
  '| page | performance | accessibility | best practices | SEO | LCP | CLS | TBT | bytes (KB) |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows,
  '',
  'Raw figures: `target/bench/lighthouse.json` (not committed).',
  '<!-- lighthouse:end -->',
].join('\n');
const doc = join(ROOT, 'docs/benchmarks.md');
const md = readFileSync(doc, 'utf8');
const marked = /<!-- lighthouse:start[\s\S]*?<!-- lighthouse:end -->/;
writeFileSync(doc, marked.test(md) ? md.replace(marked, table) : `${md.trimEnd()}\n\n${table}\n`);
