// Trunk post_build hook, run in the project folder with TRUNK_STAGING_DIR set, and RTL_LANG for a
// translation's build (scripts/build makes one per folder under assets/, into dist/<lang>/):
// 1. prerenders the intro and FAQ into index.html (the native `prerender` binary), in the build's
//    language, so the page is readable and answerable before the wasm arrives, and the app
//    hydrates it; writes frame.html, the page a blog's iframe loads (dressed as a frame, with the
//    embed's first screen); drops Trunk's preloads (boot.js fetches the app itself once the page
//    has painted);
// 2. (English only) writes embed.js with the hashed names of this build's JS, wasm and CSS (so a
//    blog needs only the stable URL `…/embed.js`), the stylesheet's text, the inline widget's first
//    screen and the loading notices; scripts/languages.mjs adds the other languages' builds;
// 3. writes precompressed `.br` and `.gz` files beside every asset, for hosts that serve them.
// With RTL_BUILD=own (the app built with the `authored` feature, which runs authors' own files,
// into dist/own/), it keeps only that app's JS glue and wasm: scripts/languages.mjs tells the
// loaders and the checker page about them.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { precompress } from './precompress.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
const lang = process.env.RTL_LANG || 'en';
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: this script runs as a Trunk hook');
const index = join(staging, 'index.html');

if (process.env.RTL_BUILD === 'own') {
  const keep = /^ready-to-lead-[^.]+(\.js|_bg\.wasm)$/;
  for (const name of readdirSync(staging)) if (!keep.test(name)) rmSync(join(staging, name), { recursive: true, force: true });
  if (readdirSync(staging).length !== 2) throw new Error(`post-build: the own build has ${readdirSync(staging).join(', ')}, not one JS glue and one wasm`);
  for (const name of readdirSync(staging)) precompress(join(staging, name));
  process.exit(0);
}

const html = readFileSync(index, 'utf8');
const find = (re, what) => {
  const m = html.match(re);
  if (!m) throw new Error(`post-build: no ${what} in the built index.html`);
  return m[1].replace(/^\.\//, '');
};
const names = {
  __JS__: find(/data-js="?([^" >]+)/, 'data-js'),
  __WASM__: find(/data-wasm="?([^" >]+)/, 'data-wasm'),
  __CSS__: (() => {
    const tag = (html.match(/<link\b[^>]*>/g) ?? []).find((t) => /\brel="?stylesheet\b/.test(t));
    const href = tag?.match(/\bhref="?([^" >]+)/);
    if (!href) throw new Error('post-build: no stylesheet in the built index.html');
    return href[1].replace(/^\.\//, '');
  })(),
};

// 1. prerender (a native build of this crate; cached after the first run): the standalone page's
// first screen into index.html, and the inline widget's into a fragment for embed.js.
// The native build does not depend on RTL_LANG (the binary reads the language's files itself), so
// it is left out of its environment: one cached native build serves every language.
const fragment = join(staging, 'first-screen.html');
const framePage = join(staging, 'frame.html');
const nativeEnv = { ...process.env };
delete nativeEnv.RTL_LANG;
execFileSync('cargo', ['run', '--quiet', '--features', 'prerender', '--bin', 'prerender', '--', index, fragment, '--frame', framePage, '--lang', lang], { stdio: 'inherit', env: nativeEnv });
const firstScreen = readFileSync(fragment, 'utf8');
// English's first screen travels inside embed.js; a translation's stays beside its page, for
// embed.js to fetch when a widget on a blog is in that language.
if (lang === 'en') rmSync(fragment);

// 1b. No preloads: Trunk's high-priority preloads of the wasm and its JS glue finish before the
// prerendered first paint on a fast connection and hold it back on a slow one. boot.js fetches
// both itself once the page has loaded (or the visitor engages), at low priority.
const withoutPreloads = (path) => {
  const lean = readFileSync(path, 'utf8').replace(/<link\b[^>]*\brel="?(?:preload|modulepreload)\b[^>]*>/g, '');
  writeFileSync(path, lean);
  return lean;
};
const page = withoutPreloads(index);
withoutPreloads(framePage);

// 2. embed.js: one small file paints the inline widget (no stylesheet request, no wasm) until the
// reader comes near it. A translation's build has no embed.js or examples of its own: the English
// build's embed.js serves every language.
const attribute = (name) => {
  const m = page.match(new RegExp(`\\b${name}="([^"]*)"`));
  if (!m) throw new Error(`post-build: the prerendered index.html has no ${name}`);
  return m[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
};
const scripts = ['boot.js'];
if (lang === 'en') {
  const languages = { en: { js: names.__JS__, wasm: names.__WASM__, loading: attribute('data-loading'), failed: attribute('data-failed') } };
  const texts = { __STYLE__: readFileSync(join(staging, names.__CSS__), 'utf8'), __FIRST_SCREEN__: firstScreen, __LANGUAGES__: languages };
  let embed = readFileSync('assets/embed.js', 'utf8');
  for (const [key, value] of Object.entries({ __CSS__: names.__CSS__, ...texts })) {
    if (!embed.includes(`'${key}'`)) throw new Error(`post-build: assets/embed.js has no '${key}' placeholder`);
    const literal = key in texts ? JSON.stringify(value) : `'${value}'`;
    embed = embed.replace(`'${key}'`, () => literal);
  }
  // The iframe resizer travels inside embed.js too, so a page with both snippets needs one script.
  const resizer = "import './frame-height.js';";
  if (!embed.includes(resizer)) throw new Error(`post-build: assets/embed.js has no \`${resizer}\` line`);
  embed = embed.replace(resizer, () => readFileSync('assets/frame-height.js', 'utf8').trim());
  writeFileSync(join(staging, 'embed.js'), embed);
  scripts.push('embed.js', 'frame-height.js');
} else {
  // The examples and the checker page for authors exist once, in English.
  for (const name of ['examples', 'check.html', 'check.js', 'check.css', 'frame-height.js']) rmSync(join(staging, name), { recursive: true, force: true });
}

// 2c. boot.js, embed.js and frame-height.js are small hand-written modules that Trunk does not
// minify: drop their whole-line comments and blank lines (the sources in assets/ keep them).
for (const name of scripts) {
  const path = join(staging, name);
  const lean = readFileSync(path, 'utf8').split('\n').filter((line) => !/^\s*(\/\/.*)?$/.test(line)).join('\n');
  writeFileSync(path, `${lean}\n`);
}

// 3. precompressed copies
const compressible = new Set(['.html', '.js', '.wasm', '.css', '.svg', '.json', '.md']);
function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (compressible.has(extname(name))) yield path;
  }
}
for (const path of files(staging)) precompress(path);
