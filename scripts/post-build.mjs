// Trunk post_build hook, run in the project folder with TRUNK_STAGING_DIR set:
// 1. writes embed.js with the hashed names of this build's JS, wasm and CSS, so a blog needs only
//    the stable URL `…/embed.js`;
// 2. prerenders the intro and FAQ into index.html (the native `prerender` binary), so the page is
//    readable and answerable before the wasm arrives, and the app hydrates it;
// 3. writes precompressed `.br` and `.gz` files beside every asset, for hosts that serve them.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: this script runs as a Trunk hook');
const index = join(staging, 'index.html');

// 1. embed.js
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
let embed = readFileSync('assets/embed.js', 'utf8');
for (const [key, value] of Object.entries(names)) {
  if (!embed.includes(`'${key}'`)) throw new Error(`post-build: assets/embed.js has no '${key}' placeholder`);
  embed = embed.replace(`'${key}'`, `'${value}'`);
}
writeFileSync(join(staging, 'embed.js'), embed);

// 2. prerender (a native build of this crate; cached after the first run)
execFileSync('cargo', ['run', '--quiet', '--features', 'prerender', '--bin', 'prerender', '--', index], { stdio: 'inherit' });

// 2b. Chromium ignores `integrity` on a `preload as=fetch` (the wasm) and warns about it on every
// load; the wasm is fetched and compiled by boot.js from the same folder as the page anyway.
const prerendered = readFileSync(index, 'utf8');
const quiet = prerendered.replace(/<link\b[^>]*\bas="?fetch\b[^>]*>/g, (tag) => tag.replace(/\s+integrity="?[^" >]+"?/, ''));
writeFileSync(index, quiet);

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
