// ready-to-lead embed script. On a blog post:
//   <script type="module" src="https://your-host/ready/embed.js"></script>
//   <ready-to-lead></ready-to-lead>
// Each <ready-to-lead> element gets its own Shadow DOM (the page's CSS cannot reach in, ours cannot
// leak out); all of them share one WebAssembly instance. The script also sizes any iframe showing
// the widget (`…/ready/frame.html`, or `…/ready/?embed`) to its content, from height messages it checks for origin and shape.
// Every URL is built from this script's own URL, so the widget works from any host and sub-path.

// The build (scripts/post-build.mjs) replaces these with the stylesheet's hashed file name and
// text, the first screen (intro and FAQ) prerendered in English with the default options, and each
// language's build: `{ en: { js, wasm, own, loading, failed }, de: { js: 'de/…', …, first } }`,
// with its hashed JS glue and wasm, its app for authors' own files (`own: { js, wasm }`, loaded
// only by a widget with a `rubric` attribute), its loading and could-not-load notices and (other than English)
// where its prerendered first screen is (scripts/languages.mjs adds the languages other than
// English). A reader downloads only their language's app.
const CSS = '__CSS__';
const STYLE = '__STYLE__';
const FIRST_SCREEN = '__FIRST_SCREEN__';
const LANGUAGES = '__LANGUAGES__';
const base = new URL('./', import.meta.url);
const url = (name) => new URL(name, base).href;

// Nothing heavy before it is needed. A widget paints its first screen at once from this script
// (real radios and FAQ entries that work on their own); the app's JS glue and wasm are fetched
// only when a widget comes near the viewport (after the post itself has loaded, at low priority)
// or the reader reaches into one. Then the app takes over that first screen in idle time, or at
// once if the reader is already using it, keeping what they chose. All widgets share one download.
const NEAR = '800px 0px';
const ENGAGE = ['pointerdown', 'keydown', 'focusin', 'change'];
// "Loaded" means the load event has fired and two frames have been painted since: a render-blocking
// embed.js can let the load event come before the first paint, and a download started then would
// count into it.
const settled = new Promise((go) => (document.readyState === 'complete' ? go() : addEventListener('load', go, { once: true })))
  .then(() => new Promise((go) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(go)))));
const idle = () => new Promise((go) => (window.requestIdleCallback ? requestIdleCallback(go, { timeout: 1500 }) : setTimeout(go, 50)));

// The language of a widget: its `lang` attribute, else the page's `<html lang>`, else the reader's
// preferred languages, else English; each tried as given (`pt-br`) and as its language (`pt`).
function languageOf(el) {
  const wishes = [el.getAttribute('lang'), document.documentElement.lang, ...(navigator.languages ?? [])];
  for (const wish of wishes) {
    const tag = wish?.trim().toLowerCase();
    if (!tag) continue;
    if (tag in LANGUAGES) return tag;
    if (tag.split('-')[0] in LANGUAGES) return tag.split('-')[0];
  }
  return 'en';
}

// One download per app on the page (a language's, or its app for authors' own files), shared by
// its widgets.
const apps = {};
function load(lang, own) {
  const app = own ? LANGUAGES[lang].own : LANGUAGES[lang];
  const key = own ? `${lang}/own` : lang;
  apps[key] ??= (async () => {
    const wasm = fetch(url(app.wasm), { priority: 'low' });
    wasm.catch(() => {}); // reported when the glue awaits it
    const bindings = await import(url(app.js));
    await bindings.default({ module_or_path: wasm });
    return bindings;
  })();
  return apps[key];
}

// One stylesheet object for every widget on the page, from this script (a strict `style-src`
// allows it); a browser without constructable stylesheets fetches the file instead.
let sheet;
function fill(shadow, root) {
  if (!('adoptedStyleSheets' in ShadowRoot.prototype)) {
    shadow.replaceChildren(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: url(CSS) }), root);
    return;
  }
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  shadow.adoptedStyleSheets = [sheet];
  shadow.replaceChildren(root);
}

// The prerendered first screen is the English app's with the default `part` and no preset
// `situation`, of our own assessment; any other value (checked again by the app), an author's file
// (`rubric`), or another language, shows a short notice in the widget's language until the app
// renders its own. The
// heading level only renames the headings (the first screen's are all at the widget's top level),
// so it is painted at any level; the root says at which, and the app hydrates only that one.
const paintable = (el) => !el.hasAttribute('rubric')
  && [['part', 'both'], ['situation', '']].every(([name, value]) => !el.hasAttribute(name) || el.getAttribute(name).trim().toLowerCase() === value);
const levelOf = (el) => {
  const value = el.getAttribute('heading-level')?.trim() ?? '';
  return /^[1-6]$/.test(value) ? Number(value) : 2;
};
const firstScreenAt = (level, html = FIRST_SCREEN) => html.replace(/<(\/?)h([1-6])\b/g, (_, close, n) => `<${close}h${Math.min(6, Math.max(1, Number(n) + level - 2))}`);

// A link that opens straight into the quiz's other screens (shared results `#r=`, a colleague's
// `#ask=`, a reply `#reply=`): a widget showing the quiz paints the loading line, not the intro
// it would replace at once, and the app starts without waiting for the reader.
const LINKED = /^#(r|ask|reply)=/.test(location.hash);
const linkedTo = (el) => LINKED && el.getAttribute('part')?.trim().toLowerCase() !== 'faq';

const near = new IntersectionObserver(
  (entries) => entries.forEach((entry) => entry.isIntersecting && entry.target.takeOver()),
  { rootMargin: NEAR },
);

class ReadyToLeadElement extends HTMLElement {
  connectedCallback() {
    if (this.root?.isConnected) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const root = document.createElement('div');
    root.className = 'ready-to-lead rtl-embedded';
    // A widget running an author's own file (`rubric`) loads its language's app for such files.
    this.own = this.hasAttribute('rubric');
    this.language = languageOf(this);
    root.lang = this.language;
    const theme = this.getAttribute('theme')?.trim().toLowerCase();
    if (theme === 'light' || theme === 'dark') root.classList.add(`rtl-theme-${theme}`);
    const level = levelOf(this);
    const paint = (html) => {
      root.innerHTML = firstScreenAt(level, html);
      root.dataset.prerenderedLevel = String(level);
    };
    const first = LANGUAGES[this.language].first;
    const linked = linkedTo(this);
    if (this.language === 'en' && paintable(this) && !linked) {
      paint(FIRST_SCREEN);
    } else {
      const loading = document.createElement('p');
      loading.className = 'rtl-loading';
      loading.textContent = LANGUAGES[this.language].loading;
      root.append(loading);
    }
    // Another language's first screen is a small fetch: it is painted when it arrives, unless the
    // app got there first (the app waits for it, so that it adopts what is painted).
    this.firstScreen = first && paintable(this) && !linked
      ? fetch(url(first)).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.url} answered ${r.status}`))))
        .then((html) => this.root === root && !this.widget && paint(html))
        .catch((error) => console.warn('ready-to-lead: the first screen could not be fetched; the app will render it.', error))
      : Promise.resolve();
    fill(shadow, root);
    this.root = root;
    // Resolves when the reader reaches into the widget: from then on nothing waits.
    this.engaged = new Promise((go) => {
      this.engage = () => {
        go();
        this.takeOver();
      };
    });
    for (const type of ENGAGE) root.addEventListener(type, this.engage, { capture: true, passive: true });
    near.observe(this);
    if (linked) this.engage();
  }

  /** Fetches the app (once per page) and lets it take over this widget's first screen: after the
   *  post has loaded and in idle time, unless the reader is already using the widget. */
  takeOver() {
    if (this.starting) return;
    this.starting = true;
    near.unobserve(this);
    const root = this.root;
    (async () => {
      await Promise.race([settled, this.engaged]);
      const bindings = await load(this.language, this.own);
      await Promise.race([idle(), this.engaged]);
      await this.firstScreen;
      for (const type of ENGAGE) root.removeEventListener(type, this.engage, { capture: true });
      if (this.isConnected && root.isConnected && this.root === root) this.widget = bindings.mount(root, this);
    })().catch((error) => {
      console.error('ready-to-lead: the widget could not start.', error);
      const notice = document.createElement('p');
      notice.className = 'rtl-notice rtl-notice--error';
      notice.setAttribute('role', 'alert');
      notice.textContent = LANGUAGES[this.language].failed;
      root.querySelector('.rtl-loading')?.remove();
      root.prepend(notice);
    });
  }

  disconnectedCallback() {
    near.unobserve(this);
    this.widget?.destroy();
    this.widget = undefined;
    this.starting = false;
    this.root = undefined;
  }
}

if (!customElements.get('ready-to-lead')) customElements.define('ready-to-lead', ReadyToLeadElement);

// Iframe auto-height, for pages that show the widget in an iframe too (or only, with an older
// snippet): the build writes assets/frame-height.js in place of this line (scripts/post-build.mjs).
import './frame-height.js';
