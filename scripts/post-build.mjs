// Trunk post_build hook, run in the project folder with TRUNK_STAGING_DIR set:
// 1. prerenders the intro and FAQ into index.html (the native `prerender` binary), so the page is
//    readable and answerable before the wasm arrives, and the app hydrates it; drops Trunk's
//    preloads (boot.js fetches the app itself once the page has painted);
// 2. writes embed.js with the hashed names of this build's JS, wasm and CSS (so a blog needs only
//    the stable URL `…/embed.js`), the stylesheet's text and the inline widget's first screen;
// 3. writes precompressed `.br` and `.gz` files beside every asset, for hosts that serve them.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: this script runs as a Trunk hook');
const index = join(staging, 'index.html');

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
const fragment = join(staging, 'first-screen.html');
execFileSync('cargo', ['run', '--quiet', '--features', 'prerender', '--bin', 'prerender', '--', index, fragment], { stdio: 'inherit' });
const firstScreen = readFileSync(fragment, 'utf8');
rmSync(fragment);

// 1b. No preloads: Trunk's high-priority preloads of the wasm and its JS glue finish before the
// prerendered first paint on a fast connection and hold it back on a slow one. boot.js fetches
// both itself once the page has loaded (or the visitor engages), at low priority.
const prerendered = readFileSync(index, 'utf8');
writeFileSync(index, prerendered.replace(/<link\b[^>]*\brel="?(?:preload|modulepreload)\b[^>]*>/g, ''));

// 2. embed.js: one small file paints the inline widget (no stylesheet request, no wasm) until the
// reader comes near it.
const texts = { __STYLE__: readFileSync(join(staging, names.__CSS__), 'utf8'), __FIRST_SCREEN__: firstScreen };
let embed = readFileSync('assets/embed.js', 'utf8');
for (const [key, value] of Object.entries({ ...names, ...texts })) {
  if (!embed.includes(`'${key}'`)) throw new Error(`post-build: assets/embed.js has no '${key}' placeholder`);
  const literal = key in texts ? JSON.stringify(value) : `'${value}'`;
  embed = embed.replace(`'${key}'`, () => literal);
}
writeFileSync(join(staging, 'embed.js'), embed);

// 2c. boot.js and embed.js are small hand-written modules that Trunk does not minify: drop their
// whole-line comments and blank lines (the sources in assets/ keep them).
for (const name of ['boot.js', 'embed.js']) {
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
for (const path of files(staging)) {
  const raw = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }));
  writeFileSync(`${path}.gz`, gzipSync(raw, { level: 9 }));
}
