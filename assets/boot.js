// Starts the app without any inline script, so a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval') allows it. Trunk writes the hashed file names into
// this script tag's data attributes; they resolve against the page, so any sub-path works.
const tag = document.querySelector('script[data-wasm][data-js]');
if (tag) {
  const base = document.baseURI;
  const bindings = await import(new URL(tag.dataset.js, base).href);
  await bindings.default({ module_or_path: new URL(tag.dataset.wasm, base) });
}
