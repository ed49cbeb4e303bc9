// ready-to-lead embed script. On a blog post:
//   <script type="module" src="https://your-host/ready/embed.js"></script>
//   <ready-to-lead></ready-to-lead>
// Each <ready-to-lead> element gets its own Shadow DOM (the page's CSS cannot reach in, ours cannot
// leak out); all of them share one WebAssembly instance. The script also sizes any iframe showing
// the widget (`…/ready/?embed`) to its content, from height messages it checks for origin and shape.
// Every URL is built from this script's own URL, so the widget works from any host and sub-path.

// The build (scripts/post-build.mjs) replaces this with the hashed file names.
const FILES = { js: '__JS__', wasm: '__WASM__', css: '__CSS__' };
const base = new URL('./', import.meta.url);
const url = (name) => new URL(name, base).href;

let app;
function load() {
  app ??= import(url(FILES.js)).then(async (bindings) => {
    await bindings.default({ module_or_path: url(FILES.wasm) });
    return bindings;
  });
  return app;
}

class ReadyToLeadElement extends HTMLElement {
  connectedCallback() {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = url(FILES.css);
    const root = document.createElement('div');
    root.className = 'ready-to-lead rtl-embedded';
    const loading = document.createElement('p');
    loading.className = 'rtl-loading';
    loading.textContent = 'Loading the assessment…';
    root.append(loading);
    shadow.replaceChildren(style, root);
    load()
      .then((bindings) => {
        if (this.isConnected && root.isConnected) this.widget = bindings.mount(root, this);
      })
      .catch((error) => {
        console.error('ready-to-lead: the widget could not start.', error);
        loading.setAttribute('role', 'alert');
        loading.textContent = 'Sorry, the assessment could not load. Please reload the page.';
      });
  }

  disconnectedCallback() {
    this.widget?.destroy();
    this.widget = undefined;
  }
}

if (!customElements.get('ready-to-lead')) customElements.define('ready-to-lead', ReadyToLeadElement);

// Iframe auto-height: only a number, only from the widget's origin, only for one of the page's iframes.
addEventListener('message', (event) => {
  const data = event.data;
  if (event.origin !== base.origin || data?.type !== 'ready-to-lead:height') return;
  const height = data.height;
  if (typeof height !== 'number' || !Number.isFinite(height) || height <= 0 || height > 100000) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) {
      // `width="100%"` plus the default border would overflow the blog's column by a few pixels:
      // size the widget's frames border-box, so the height below includes border and padding.
      frame.style.boxSizing = 'border-box';
      const css = getComputedStyle(frame);
      const extra = css.boxSizing === 'border-box'
        ? ['borderTopWidth', 'borderBottomWidth', 'paddingTop', 'paddingBottom'].reduce((sum, p) => sum + (parseFloat(css[p]) || 0), 0)
        : 0;
      frame.style.height = `${Math.ceil(height + extra)}px`;
      frame.style.overflow = 'hidden';
    }
  }
});

// Iframes that loaded before this script may have reported their height when nobody listened:
// ask each one showing the widget (only the widget's origin receives it) to report again.
// (A frame still loading is about:blank, so the request carries no data and goes to any origin.)
for (const frame of document.querySelectorAll('iframe')) {
  if (frame.src.startsWith(base.href)) frame.contentWindow?.postMessage({ type: 'ready-to-lead:measure' }, '*');
}
