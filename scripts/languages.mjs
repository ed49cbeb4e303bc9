// Joins the per-language builds in dist/ (run by scripts/build after them): English in dist/, each
// translation in dist/<lang>/ (one folder per assets/<lang>/). Each page gets
// `<link rel="alternate" hreflang>` to every language (and `x-default` to the English page), which
// boot.js reads to pass a visitor on to their language, and a language list at the foot of the
// page; embed.js learns every language's hashed JS glue and wasm and its notices, so an inline
// widget downloads its own language's app only. Each language's app that runs authors' own
// assessment files (<its folder>/own/) is named to both loaders (`own` in embed.js's list, and
// `data-own-js` and `data-own-wasm` on each page's boot script and its frame.html's), and the English one to the
// checker page (check.html), with the stylesheet. The changed files get new `.br` and `.gz` copies.
//
//   node scripts/languages.mjs [dist]
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { precompress } from './precompress.mjs';

const dist = process.argv[2] ?? 'dist';
const fail = (problem) => {
  console.error(`languages: ${problem}`);
  process.exit(1);
};

const unescape = (text) => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What a built page says about its language and its files. */
function readPage(dir) {
  const file = join(dist, dir, 'index.html');
  if (!existsSync(file)) fail(`${file} is missing: build every language first (scripts/build)`);
  const html = readFileSync(file, 'utf8');
  const get = (re, what) => {
    const m = html.match(re);
    if (!m) fail(`${file} has no ${what}`);
    return unescape(m[1]);
  };
  return {
    dir,
    file,
    html,
    lang: get(/<html lang="?([^" >]+)/, '<html lang>'),
    name: get(/\bdata-language-name="([^"]*)"/, 'data-language-name'),
    js: get(/\bdata-js="?(?:\.\/)?([^" >]+)/, 'data-js'),
    wasm: get(/\bdata-wasm="?(?:\.\/)?([^" >]+)/, 'data-wasm'),
    loading: get(/\bdata-loading="([^"]*)"/, 'data-loading'),
    failed: get(/\bdata-failed="([^"]*)"/, 'data-failed'),
  };
}

const isLanguage = (name) => /^[a-z]{2}(-[a-z]{2})?$/.test(name);
const pages = [readPage('')];
for (const name of readdirSync(dist).sort()) {
  if (isLanguage(name) && statSync(join(dist, name)).isDirectory()) pages.push(readPage(name));
}
for (const page of pages.slice(1)) {
  if (page.lang !== page.dir) fail(`${page.file} says <html lang="${page.lang}">, but sits in ${page.dir}/`);
}

/** The address of `to`'s page, relative to `from`'s. */
const relative = (from, to) => {
  const path = posix.relative(from.dir || '.', to.dir || '.');
  return path === '' ? './' : `${path}/`;
};

// Each language's app for authors' own files: one JS glue and one wasm in <its folder>/own/.
for (const page of pages) {
  const dir = join(dist, page.dir, 'own');
  if (!existsSync(dir)) fail(`${dir} is missing: build the app for authors' own files first (scripts/build)`);
  const one = (re, what) => {
    const found = readdirSync(dir).filter((n) => re.test(n));
    if (found.length !== 1) fail(`expected one ${what} in ${dir}/, found ${found.length}`);
    return posix.join('own', found[0]);
  };
  page.own = { js: one(/^ready-to-lead-[^.]+\.js$/, 'JS glue'), wasm: one(/_bg\.wasm$/, 'wasm') };
}

const changed = [];
for (const page of pages) {
  const alternates = [
    ...pages.map((other) => `<link rel="alternate" hreflang="${other.lang}" href="${relative(page, other)}">`),
    `<link rel="alternate" hreflang="x-default" href="${relative(page, pages[0])}">`,
  ].join('');
  // `?lang=` marks the visitor's own choice: the default page then keeps them where they chose.
  const links = pages
    .map((other) => {
      const current = other === page ? ' aria-current="page"' : '';
      return `<a href="${relative(page, other)}?lang=${other.lang}" hreflang="${other.lang}" lang="${other.lang}"${current}>${escape(other.name)}</a>`;
    })
    .join(' ');
  // The head of the page and of its frame page (frame.html, for blogs' iframes): the alternates
  // name the standalone pages (boot.js passes a frame on to that language's frame.html), and
  // boot.js loads the language's app for authors' own files instead when the address has `?rubric=`.
  const head = (html, file) => {
    html = html.replace(/<link rel="alternate" hreflang[^>]*>/g, '').replace('</head>', `${alternates}</head>`);
    const boot = html.match(/<script\b[^>]*\bdata-wasm=[^>]*>/);
    if (!boot) fail(`${file} has no boot script with data-wasm`);
    const tag = boot[0].replace(/\s+data-own-(js|wasm)="[^"]*"/g, '').replace(/>$/, ` data-own-js="${page.own.js}" data-own-wasm="${page.own.wasm}">`);
    return html.replace(boot[0], tag);
  };
  const frameFile = join(dist, page.dir, 'frame.html');
  if (!existsSync(frameFile)) fail(`${frameFile} is missing: build every language first (scripts/build)`);
  writeFileSync(frameFile, head(readFileSync(frameFile, 'utf8'), frameFile));
  changed.push(frameFile);
  let html = head(page.html, page.file);
  const nav = html.match(/(<nav\b[^>]*\brtl-languages\b[^>]*?)(\s+hidden)?>[\s\S]*?<\/nav>/);
  if (!nav) fail(`${page.file} has no language list (<nav class="… rtl-languages">)`);
  // A single language needs no list.
  html = html.replace(nav[0], pages.length > 1 ? `${nav[1]}>${links}</nav>` : nav[0]);
  writeFileSync(page.file, html);
  changed.push(page.file);
}

const embedFile = join(dist, 'embed.js');
const embed = readFileSync(embedFile, 'utf8');
const languages = Object.fromEntries(
  pages.map((p) => {
    const entry = {
      js: posix.join(p.dir, p.js),
      wasm: posix.join(p.dir, p.wasm),
      own: { js: posix.join(p.dir, p.own.js), wasm: posix.join(p.dir, p.own.wasm) },
      loading: p.loading,
      failed: p.failed,
    };
    // A translation's inline first screen, prerendered beside its page (English's is in embed.js).
    if (p.dir) {
      if (!existsSync(join(dist, p.dir, 'first-screen.html'))) fail(`${p.dir}/first-screen.html is missing`);
      entry.first = posix.join(p.dir, 'first-screen.html');
    }
    return [p.lang, entry];
  }),
);
const line = /^const LANGUAGES = .*;$/m;
if (!line.test(embed)) fail(`${embedFile} has no \`const LANGUAGES = …;\` line`);
writeFileSync(embedFile, embed.replace(line, () => `const LANGUAGES = ${JSON.stringify(languages)};`));
changed.push(embedFile);

// The checker page: the English page's stylesheet and English app for authors' own files.
const own = pages[0].own;
const checkFile = join(dist, 'check.html');
if (!existsSync(checkFile)) fail(`${checkFile} is missing`);
const sheet = (pages[0].html.match(/<link\b[^>]*>/g) ?? []).find((t) => /\brel="?stylesheet\b/.test(t));
const css = sheet?.match(/\bhref="?(?:\.\/)?([^" >]+)/);
if (!css) fail(`${pages[0].file} has no stylesheet`);
const check = readFileSync(checkFile, 'utf8')
  .replace(/(<link rel="stylesheet" href=")[^"]*"/, `$1${css[1]}"`)
  .replace(/\bdata-js="[^"]*"/, `data-js="${own.js}"`)
  .replace(/\bdata-wasm="[^"]*"/, `data-wasm="${own.wasm}"`);
writeFileSync(checkFile, check);
changed.push(checkFile);

for (const path of changed) precompress(path);
console.log(`languages: ${pages.map((p) => `${p.lang} (${p.dir || '.'}/)`).join(', ')}`);
