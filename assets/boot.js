// Starts the app without any inline script, so a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval') allows it. Trunk writes the hashed file names into
// this script tag's data attributes; they resolve against the page, so any sub-path works.

// Each language has its own page, listed in the head as `<link rel="alternate" hreflang>`
// (`scripts/languages.mjs`): `de/` for German, and the English page, which is also the default
// (`x-default`). The language is the `lang` option (`?lang=de`) if one is asked for; on the default
// page without it, the first of the reader's preferred languages that exists; else this page's.
// A page in another language than the one picked passes the visitor on, keeping the address's
// options and fragment (a shared result opens in the reader's language).
// The build writes the links relative (it cannot know where the folder will be hosted); search
// engines want them as full addresses, so they are made so here.
for (const link of document.querySelectorAll('link[rel="alternate"][hreflang]')) link.setAttribute('href', link.href);

/** A language wish as given (`pt-br`) and as its language (`pt`), lower case. */
function tagsOf(wish) {
  const tag = wish.trim().toLowerCase();
  return [tag, tag.split('-')[0]];
}

function pickedLanguage() {
  const pages = new Map();
  for (const link of document.querySelectorAll('link[rel="alternate"][hreflang]')) pages.set(link.hreflang.toLowerCase(), link.href);
  const onDefault = pages.has('x-default') && new URL(pages.get('x-default')).pathname === location.pathname.replace(/(index|frame)\.html$/, '');
  const asked = new URLSearchParams(location.search).get('lang');
  const wishes = asked ? [asked] : onDefault ? navigator.languages ?? [] : [];
  for (const wish of wishes) {
    const found = tagsOf(wish).find((t) => t !== 'x-default' && pages.has(t));
    if (found) return found === document.documentElement.lang ? null : pages.get(found);
  }
  return null;
}
// A blog's iframe (`frame.html`, whose root the build marked `data-frame`) goes on to that
// language's frame page.
const root = document.getElementById('ready-to-lead');
const frame = root?.hasAttribute('data-frame');
const elsewhere = pickedLanguage();
if (elsewhere) location.replace(new URL((frame ? 'frame.html' : '') + location.search + location.hash, elsewhere));

// Inside a blog's iframe (`frame.html`, or the standalone page with `?embed`): tell the embedding
// page our height whenever it changes, so its embed script can size the iframe to fit. Only a
// number crosses. The height is measured from the widget itself (never the viewport), so content
// sized in viewport units cannot cause a loop.
const framed = Boolean(root) && (frame || new URLSearchParams(location.search).has('embed'));
// Results links name the default page (with this address's options, but not `lang`), which passes
// each reader on to their own language: the app builds them on this. From a blog's iframe they
// open the standalone page, so they drop the frame's options, but keep an author's file
// (`rubric`), whose results they hold.
if (root) {
  const link = new URL(document.querySelector('link[rel="alternate"][hreflang="x-default"]')?.href ?? location.href);
  const params = new URLSearchParams(location.search);
  for (const name of [...params.keys()]) if (name === 'lang' || (framed && name !== 'rubric')) params.delete(name);
  link.search = params.toString();
  link.hash = '';
  root.dataset.linkBase = link.href;
}
// `frame.html` is built dressed as a frame. The standalone page in an `?embed` iframe (the older
// snippet) is dressed as one (system font, no page margin) as soon as this runs, often before the
// first paint, rather than when the app renders.
if (framed && !frame) {
  root.classList.replace('rtl-page', 'rtl-embedded');
  root.classList.add('rtl-frame');
  // The page's language list is for visitors of the page itself, not a blog's readers.
  document.querySelector('.rtl-languages')?.remove();
}
// The stylesheet has loaded or failed (or the page has, which waits for it either way).
const link = document.querySelector('link[rel="stylesheet"]');
const styled = new Promise((go) => {
  if (!link || link.sheet || document.readyState === 'complete') return go();
  link.addEventListener('load', go, { once: true });
  link.addEventListener('error', go, { once: true });
  addEventListener('load', go, { once: true });
});
// frame.html's body is hidden until its stylesheet shows it; if that stylesheet cannot load (its
// rule did not apply), the page is shown unstyled rather than blank.
if (frame) styled.then(() => {
  if (getComputedStyle(document.body).display === 'none') document.body.hidden = false;
});
if (framed && window.parent !== window) {
  // Measured only once the stylesheet applies: this script can run before it has loaded, and a
  // height measured then (the unstyled page's) would move the blog's text below the frame, and the
  // frame's own page, twice.
  let ready = false;
  let last = 0;
  const report = () => {
    if (!ready) return;
    const margin = parseFloat(getComputedStyle(document.body).marginBottom) || 0;
    const height = Math.ceil(root.getBoundingClientRect().bottom + window.scrollY + margin);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: 'ready-to-lead:height', height }, '*');
    }
  };
  new ResizeObserver(report).observe(root);
  // Chromium throttles rendering in a cross-origin iframe that is off screen, and ResizeObserver
  // only reports when it renders: a frame below the fold would keep a stale height until the
  // reader scrolls to it (then the post jumps). Changes to the widget's DOM are still seen at once.
  // Coalesced into one report per task, so a half-finished render is never measured.
  let queued = false;
  const soon = () => {
    if (queued) return;
    queued = true;
    setTimeout(() => {
      queued = false;
      report();
    });
  };
  new MutationObserver(soon).observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  styled.then(() => {
    ready = true;
    report();
  });
  // The blog's embed script may arrive after our last change (its messages would then be lost):
  // when it asks, report again.
  addEventListener('message', (event) => {
    if (event.source === window.parent && event.data?.type === 'ready-to-lead:measure') {
      last = 0;
      report();
    }
  });
}

// The first screen is prerendered and works on its own (its radios are real form controls), so the
// app hydrates it when that cannot get in the visitor's way: in idle time once their first click or
// key press has been handled, or after a short pause. Until then the wasm only downloads:
// compiling it earlier competes with the visitor's first click for the CPU.
// A shared result (`#r=`), a colleague's link (`#ask=`, `#reply=`: not this first screen), an
// option in the address that changes the first screen or dresses it (the `embed` of the older
// iframe snippet, a part, a theme or accent other than the one painted, …), or a page without the
// prerendered screen start it at once. Options that leave the painted screen as it is wait like
// the plain page: `theme=auto` (every prerendered screen is painted in it), this page's language,
// `events` (which shows nothing), and the defaults `part=both` and `situation=ask`. (A blog's
// iframe snippet often names them: its frame then costs the post nothing more until it has loaded.)
const PAUSE_MS = 600;
const INPUTS = ['click', 'keyup'];
const OPTIONS = ['embed', 'part', 'theme', 'accent', 'situation', 'heading-level', 'lang', 'events', 'rubric'];
const AS_PAINTED = {
  theme: (value) => value === 'auto',
  lang: (value) => tagsOf(value).includes(document.documentElement.lang.toLowerCase()),
  events: () => true,
  part: (value) => value === 'both',
  situation: (value) => value === 'ask',
};

function whenTheVisitorAllows() {
  const prerendered = root && root.querySelector('[data-testid="intro"]');
  const params = new URLSearchParams(location.search);
  const optioned = OPTIONS.some((name) => params.has(name) && !AS_PAINTED[name]?.(params.get(name)));
  if (!prerendered || optioned || /^#(r|ask|reply)=/.test(location.hash)) return Promise.resolve();
  return new Promise((go) => {
    const idle = () => (window.requestIdleCallback ? requestIdleCallback(go, { timeout: 250 }) : setTimeout(go, 50));
    const fire = () => {
      clearTimeout(timer);
      for (const type of INPUTS) removeEventListener(type, fire, true);
      idle();
    };
    const timer = setTimeout(fire, PAUSE_MS);
    for (const type of INPUTS) addEventListener(type, fire, { capture: true, passive: true });
  });
}

// The wasm and its JS glue are not preloaded (a preload would compete with the first paint, and
// count into it): they are fetched, at low priority, once the page has loaded or as soon as the
// app may start, whichever comes first.
// ("Loaded": the load event has fired and two frames have been painted since.)
const settled = new Promise((go) => (document.readyState === 'complete' ? go() : addEventListener('load', go, { once: true })))
  .then(() => new Promise((go) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(go)))));

async function compile(fetched) {
  const response = await fetched;
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}`);
  if (WebAssembly.compileStreaming) {
    try {
      return await WebAssembly.compileStreaming(response.clone());
    } catch {
      // Streaming needs the `application/wasm` type, which some static hosts do not send.
    }
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/** The questions cannot run: say so in the widget, above the FAQ that still works. */
function cannotStart(error) {
  console.error('ready-to-lead: the assessment could not load:', error);
  // A panic inside the app has already put its own notice there.
  if (!root || root.querySelector('.rtl-notice--error')) return;
  const notice = document.createElement('p');
  notice.className = 'rtl-notice rtl-notice--error';
  notice.setAttribute('role', 'alert');
  notice.textContent = root.dataset.failed;
  root.prepend(notice);
}

const tag = document.querySelector('script[data-wasm][data-js]');
// `?rubric=…` runs an author's own assessment file with the app built for that (its names are in
// data-own-js and data-own-wasm): our prerendered questions and FAQ make way for a loading notice.
const own = root && tag?.dataset.ownJs && new URLSearchParams(location.search).has('rubric');
if (own) {
  const loading = document.createElement('p');
  loading.className = 'rtl-loading';
  loading.textContent = root.dataset.loading;
  root.replaceChildren(loading);
}
if (tag && !elsewhere) {
  const base = document.baseURI;
  const app = own ? { js: tag.dataset.ownJs, wasm: tag.dataset.ownWasm } : tag.dataset;
  try {
    const allowed = whenTheVisitorAllows();
    await Promise.race([settled, allowed]);
    const fetched = fetch(new URL(app.wasm, base), { priority: 'low' });
    fetched.catch(() => {}); // reported by compile() below, once the app may start
    const bindings = await import(new URL(app.js, base).href);
    await allowed;
    await bindings.default({ module_or_path: await compile(fetched) });
    // Instantiating and the first render are two tasks, not one long one.
    await new Promise((go) => setTimeout(go));
    bindings.start();
  } catch (error) {
    cannotStart(error);
  }
}
