// Starts the checker page (check.html) for authors of their own assessment files: loads the app
// built with the `authored` feature (dist/own/, named in this script tag's data attributes by
// scripts/languages.mjs) and mounts the checker. No inline script, so a strict CSP allows it.
const tag = document.querySelector('script[data-js][data-wasm]');
const root = document.getElementById('rtl-checker');
try {
  const bindings = await import(new URL(tag.dataset.js, document.baseURI).href);
  await bindings.default({ module_or_path: new URL(tag.dataset.wasm, document.baseURI) });
  bindings.start_checker();
} catch (error) {
  console.error('ready-to-lead: the checker could not load:', error);
  const notice = document.createElement('p');
  notice.className = 'rtl-notice rtl-notice--error';
  notice.setAttribute('role', 'alert');
  notice.textContent = 'The checker could not load. Please check your connection and reload the page.';
  root.replaceChildren(notice);
}
