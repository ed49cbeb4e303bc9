// What each kind of visit downloads from the built folder, compressed with brotli at the highest
// quality as a static host would serve it; fails when any is over its budget.
//   node scripts/size-budget.mjs [dist]
// - a blog post before the reader engages: embed.js alone (it carries the stylesheet and the
//   prerendered first screen); with the iframe snippet instead, frame-height.js alone;
// - the same post once the reader engages: embed.js, the JS glue and the wasm;
// - the standalone page: its HTML (with the prerendered first screen), boot.js, the CSS, the JS
//   glue and the wasm;
// - and the same two for each translation (dist/<lang>/, e.g. de/): a reader of the German page,
//   and a blog reader whose widget is German (the English embed.js, then de/'s glue and wasm).
//   Each language is its own build, so a reader downloads one language only.
// Budgets are the sizes measured when they were last set plus about 3 %, except the 15 KB a blog
// pays before the reader engages (issue 15's target). Raise one only with a reason written here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
/** Brotli KB of `data` (text or bytes), at the quality a static host precompresses with. */
const kbOf = (data) => brotliCompressSync(Buffer.from(data), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length / 1024;

/** Each visited file of the build in `folder` (dist/ or a language's), brotli KB by kind. */
function measure(folder) {
  const names = readdirSync(folder);
  const one = (re, what) => {
    const found = names.filter((n) => re.test(n));
    if (found.length !== 1) {
      console.error(`size-budget: expected one ${what} in ${folder}/, found ${found.length}`);
      process.exit(1);
    }
    return found[0];
  };
  const files = {
    html: 'index.html',
    boot: 'boot.js',
    css: one(/^style-[^.]+\.css$/, 'stylesheet'),
    glue: one(/^ready-to-lead-[^.]+\.js$/, 'JS glue'),
    wasm: one(/_bg\.wasm$/, 'wasm'),
  };
  if (folder === dir) Object.assign(files, { embed: 'embed.js', resizer: 'frame-height.js' });
  const brotli = Object.fromEntries(
    Object.entries(files).map(([key, name]) => [key, kbOf(readFileSync(join(folder, name)))]),
  );
  for (const [key, name] of Object.entries(files)) console.log(`  ${brotli[key].toFixed(1).padStart(7)} KB  ${join(folder, name)}`);
  return brotli;
}

const brotli = measure(dir);
const languages = readdirSync(dir).filter((n) => /^[a-z]{2}(-[a-z]{2})?$/.test(n) && statSync(join(dir, n)).isDirectory());
const translated = Object.fromEntries(languages.map((lang) => [lang, measure(join(dir, lang))]));

const visits = [
  ['a blog post before the reader engages', ['embed'], 15],
  // The iframe snippet's own script, which only sizes the frame: it loads before the frame, with
  // the post, so it is kept to what resizing needs (0.4 KB brotli when set).
  ['a blog post with the iframe snippet, before its frame loads', ['resizer'], 1],
  // 158 KB until issue 16, when the brotli size of the same wasm was seen to swing by up to 1.7 KB
  // with changes of a few hundred bytes to the raw file (426,661 bytes: 140.5 KB; 426,481 bytes:
  // 142.1 KB). The raw size below is the steadier guard against real growth. 160 KB until issue 13
  // ("Ask a colleague": its words, the colleague's screens, the comparison and the two codes) took
  // a blog post to 173.4 KB; 176 KB until issue 15's views without state became plain functions
  // (163.2 KB for a blog post, 163.1 KB for the standalone page); now that plus about 3 %.
  ['a blog post once the reader engages', ['embed', 'glue', 'wasm'], 168],
  ['the standalone page', ['html', 'boot', 'css', 'glue', 'wasm'], 168],
];
// A translation's app carries its own words, which may be longer than English's (German's are about
// 6 KB more, brotli): its budget is German's size when set (181.2 KB for the page with issue 13's
// colleague view; 162.1 KB before it; 169.5 KB once issue 15's views became plain functions) plus
// about 3 %.
const TRANSLATED = 175;
for (const [lang, sizes] of Object.entries(translated)) {
  visits.push([`a blog post once a reader of ${lang} engages`, ['embed', `${lang}.glue`, `${lang}.wasm`], TRANSLATED]);
  visits.push([`the standalone page in ${lang} (${lang}/)`, ['html', 'boot', 'css', 'glue', 'wasm'].map((k) => `${lang}.${k}`), TRANSLATED]);
  for (const [key, kb] of Object.entries(sizes)) brotli[`${lang}.${key}`] = kb;
}
// What the translations cost an English reader: their entries in embed.js's list of languages and
// the page's links to them. Adding a language may not cost more than 1 KB (issue 12).
const embedText = readFileSync(join(dir, 'embed.js'), 'utf8');
const list = embedText.match(/^const LANGUAGES = (.*);$/m);
if (!list) {
  console.error('size-budget: embed.js has no `const LANGUAGES = …;` line');
  process.exit(1);
}
const englishOnly = embedText.replace(list[0], () => `const LANGUAGES = ${JSON.stringify({ en: JSON.parse(list[1]).en })};`);
const pageText = readFileSync(join(dir, 'index.html'), 'utf8');
const pageOnly = pageText.replace(/<link rel="alternate" hreflang[^>]*>/g, '').replace(/(<nav\b[^>]*rtl-languages[^>]*>)[\s\S]*?<\/nav>/, '$1</nav>');
const extra = kbOf(embedText) - kbOf(englishOnly) + kbOf(pageText) - kbOf(pageOnly);
const perLanguage = languages.length ? extra / languages.length : 0;
const tooMuch = perLanguage > 1;
console.log(`what each translation adds to an English reader's download: ${perLanguage.toFixed(2)} KB brotli (limit 1 KB) ${tooMuch ? 'OVER' : 'ok'}`);

// Each language's app that runs authors' own files (<its folder>/own/, issue 16) is downloaded
// only by pages that use the `rubric` option: it has a budget of its own (English's size when set,
// 236.9 KB for a blog post with issue 13's colleague view; 227.9 KB once issue 15's views became
// plain functions, plus about 3 %; a translation's 6 KB more, as German's was 234.6 KB for its page),
// and what it costs everyone else (the `own` names in embed.js's list of languages and the code
// that picks them, the page's data-own-* attributes) is measured against the build without them.
const OWN = 235;
for (const [lang, folder] of [['en', dir], ...languages.map((l) => [l, join(dir, l)])]) {
  const ownDir = join(folder, 'own');
  const names = readdirSync(ownDir);
  const one = (re, what) => {
    const found = names.filter((n) => re.test(n));
    if (found.length !== 1) {
      console.error(`size-budget: expected one ${what} in ${ownDir}/, found ${found.length}`);
      process.exit(1);
    }
    return found[0];
  };
  const prefix = lang === 'en' ? '' : `${lang}.`;
  for (const [key, name] of [['own.glue', one(/^ready-to-lead-[^.]+\.js$/, 'JS glue')], ['own.wasm', one(/_bg\.wasm$/, 'wasm')]]) {
    brotli[prefix + key] = kbOf(readFileSync(join(ownDir, name)));
    console.log(`  ${brotli[prefix + key].toFixed(1).padStart(7)} KB  ${join(ownDir, name)}`);
  }
  const budget = lang === 'en' ? OWN : OWN + 6;
  const where = lang === 'en' ? '' : ` in ${lang}`;
  visits.push([`a blog post running an author's own file${where}, once the reader engages`, ['embed', `${prefix}own.glue`, `${prefix}own.wasm`], budget]);
  visits.push([`the standalone page with ?rubric=${where}`, ['html', 'boot', 'css', 'own.glue', 'own.wasm'].map((k) => (k.startsWith('own') ? prefix + k : lang === 'en' ? k : `${lang}.${k}`)), budget]);
}
const withoutNames = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(list[1])).map(([l, { own, ...rest }]) => [l, rest])));
const withoutOwn = kbOf(pageText.replace(/\s+data-own-(js|wasm)="[^"]*"/g, '')) + kbOf(embedText.replace(list[0], () => `const LANGUAGES = ${withoutNames};`));
const ownExtra = kbOf(pageText) + kbOf(embedText) - withoutOwn;
console.log(`what the names of the apps for own files add to every reader's download: ${ownExtra.toFixed(2)} KB brotli (limit 0.3 KB) ${ownExtra > 0.3 ? 'OVER' : 'ok'}`);

// The standard English wasm, uncompressed: 416.5 KB when set (issue 16), 468.2 KB with issue 13's
// colleague view, 430.1 KB once issue 15's views became plain functions; now that plus about 3 %.
const RAW_WASM = 443;
const rawFile = readdirSync(dir).find((n) => /_bg\.wasm$/.test(n));
const raw = statSync(join(dir, rawFile)).size / 1024;
console.log(`the English wasm, uncompressed: ${raw.toFixed(1)} KB (budget ${RAW_WASM} KB) ${raw > RAW_WASM ? 'OVER' : 'ok'}`);

let over = tooMuch || ownExtra > 0.3 || raw > RAW_WASM;
for (const [what, parts, budget] of visits) {
  const kb = parts.reduce((sum, key) => sum + brotli[key], 0);
  const verdict = kb > budget ? `OVER by ${(kb - budget).toFixed(1)} KB` : 'ok';
  console.log(`${what}: ${kb.toFixed(1)} KB brotli (budget ${budget} KB) ${verdict}`);
  over ||= kb > budget;
}
if (over) process.exit(1);
