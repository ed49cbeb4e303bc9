// Trunk post_build hook: writes embed.js with the hashed names of this build's JS, wasm and CSS,
// so a blog needs only the stable URL `…/embed.js`. Runs in Trunk's staging directory.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: this script runs as a Trunk hook');
const html = readFileSync(join(staging, 'index.html'), 'utf8');
const find = (re, what) => {
  const m = html.match(re);
  if (!m) throw new Error(`post-build: no ${what} in the built index.html`);
  return m[1].replace(/^\.\//, '');
};
const names = {
  __JS__: find(/data-js="([^"]+)"/, 'data-js'),
  __WASM__: find(/data-wasm="([^"]+)"/, 'data-wasm'),
  __CSS__: find(/<link rel="stylesheet" href="([^"]+)"/, 'stylesheet'),
};
let embed = readFileSync('assets/embed.js', 'utf8');
for (const [key, value] of Object.entries(names)) {
  if (!embed.includes(`'${key}'`)) throw new Error(`post-build: assets/embed.js has no '${key}' placeholder`);
  embed = embed.replace(`'${key}'`, JSON.stringify(value).replaceAll('"', "'"));
}
writeFileSync(join(staging, 'embed.js'), embed);
