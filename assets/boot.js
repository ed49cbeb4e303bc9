// Starts the app without any inline script, so a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval') allows it. Trunk writes the hashed file names into
// this script tag's data attributes; they resolve against the page, so any sub-path works.
const tag = document.querySelector('script[data-wasm][data-js]');
if (tag) {
  const base = document.baseURI;
  const bindings = await import(new URL(tag.dataset.js, base).href);
  await bindings.default({ module_or_path: new URL(tag.dataset.wasm, base) });
}

// Inside an `?embed` iframe: tell the embedding page our height whenever it changes, so its
// embed script can size the iframe to fit. Only a number crosses. The height is measured from the
// widget itself (never the viewport), so content sized in viewport units cannot cause a loop.
const root = document.getElementById('ready-to-lead');
if (root && window.parent !== window && new URLSearchParams(location.search).has('embed')) {
  let last = 0;
  const report = () => {
    const margin = parseFloat(getComputedStyle(document.body).marginBottom) || 0;
    const height = Math.ceil(root.getBoundingClientRect().bottom + window.scrollY + margin);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: 'ready-to-lead:height', height }, '*');
    }
  };
  new ResizeObserver(report).observe(root);
  report();
}
