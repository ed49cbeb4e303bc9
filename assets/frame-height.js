// ready-to-lead iframe auto-height. Beside the iframe snippet on a blog post:
//   <script type="module" src="https://your-host/ready/frame-height.js"></script>
// It sizes every iframe on the page that shows the widget (`…/ready/frame.html`, or `…/ready/?embed`)
// to its content, from the height messages the widget sends: only a number, only from the widget's
// origin, only for one of the page's iframes. About 1 KB (0.5 KB brotli): it loads nothing else.
// Load it as a module from the widget's host, as above: it knows the widget's origin from its own
// address. One file sizes the widget's frames in every language (`de/frame.html` too). (embed.js,
// the inline widget's script, carries the same code: the build writes this file into it, so a
// page needs only one of the two.)
{
  const widget = new URL('./', import.meta.url);

  addEventListener('message', (event) => {
    const data = event.data;
    if (event.origin !== widget.origin || data?.type !== 'ready-to-lead:height') return;
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
    if (frame.src.startsWith(widget.href)) frame.contentWindow?.postMessage({ type: 'ready-to-lead:measure' }, '*');
  }
}
