// Turns two runs of the shared benchmark (normal and CPU-throttled) into docs/benchmarks.md and
// docs/benchmarks.svg, and adds the memory used after a complete quiz (measured here).
//   node scripts/bench-report.mjs target/bench/normal.json target/bench/throttled.json
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { serve, launch, personas, Widget } from '../tests/e2e/support.mjs';

const [normal, throttled] = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, 'utf8')));
const kb = (b) => (b / 1024).toFixed(1);
const med = (s) => (s ? Math.round(s.median) : null);
const row = (r, label) => r.pages.find((p) => p.label === label);

/** Per sample: the time from navigation until the app has taken over after an immediate first
 *  answer (Start enabled), then JS heap (after GC) and wasm memory once a whole quiz is done. */
async function memoryAfterQuiz() {
  const site = await serve();
  const browser = await launch();
  const samples = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      window.__memories = [];
      const keep = (result) => {
        const instance = result.instance ?? result;
        for (const v of Object.values(instance.exports ?? {})) if (v instanceof WebAssembly.Memory) window.__memories.push(v);
        return result;
      };
      for (const name of ['instantiate', 'instantiateStreaming']) {
        const original = WebAssembly[name];
        WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
      }
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(site.url);
    const w = new Widget(page);
    const p = personas()[0];
    // The first click wakes the app, which adopts the prerendered page: "takeover" is when it runs.
    await w.chooseSituation(p.situation_label);
    await w.waitForApp();
    const takeover = await page.evaluate(() => performance.now());
    await w.answerAllWithMouse(p);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
    const wasm = await page.evaluate(() => window.__memories.reduce((a, m) => a + m.buffer.byteLength, 0));
    samples.push({ heap, wasm, takeover });
    await context.close();
  }
  await browser.close();
  await site.close();
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    heap: median(samples.map((x) => x.heap)),
    wasm: median(samples.map((x) => x.wasm)),
    takeover: median(samples.map((x) => x.takeover)),
  };
}

function table(r) {
  let md = '| page | download (brotli KB) | first question painted, median ms | answer → next paint, median ms | first answer handled, median ms | JS heap MB | wasm memory MB |\n|---|---|---|---|---|---|---|\n';
  for (const p of r.pages) {
    const s = p.summary;
    md += `| ${p.label === 'ours' ? '**ready-to-lead**' : p.label} | ${kb(p.bytes.total.brotli11)} | ${med(s.ttfq_frame_ms)} | ${med(s.answer_latency_ms)} | ${med(s.interactive_ms)} | ${s.heap_used_mb?.median ?? '–'} | ${s.wasm_memory_mb?.median ?? '–'} |\n`;
  }
  return md;
}

function chart(r) {
  const pages = r.pages;
  const bytes = pages.map((p) => p.bytes.total.brotli11 / 1024);
  const times = pages.map((p) => p.summary.ttfq_frame_ms?.median ?? 0);
  const W = 720, rowH = 26, top = 40, labelW = 130, half = (W - labelW - 40) / 2;
  const maxB = Math.max(...bytes), maxT = Math.max(...times);
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${top + rowH * pages.length + 20}" font-family="sans-serif" font-size="12">\n`;
  svg += `<title>Download size and time to first question, per widget (${r.cpu_throttle}x CPU throttle)</title>\n`;
  svg += `<text x="${labelW}" y="20" font-weight="bold">Download (brotli KB)</text><text x="${labelW + half + 30}" y="20" font-weight="bold">First question painted (median ms)</text>\n`;
  pages.forEach((p, i) => {
    const y = top + i * rowH;
    const ours = p.label === 'ours';
    const fill = ours ? '#0a58a8' : '#8a9099';
    const bw = (bytes[i] / maxB) * (half - 40), tw = (times[i] / maxT) * (half - 40);
    svg += `<text x="0" y="${y + 14}"${ours ? ' font-weight="bold"' : ''}>${ours ? 'ready-to-lead' : p.label}</text>`;
    svg += `<rect x="${labelW}" y="${y + 3}" width="${bw.toFixed(1)}" height="15" fill="${fill}"/><text x="${(labelW + bw + 4).toFixed(1)}" y="${y + 15}">${bytes[i].toFixed(0)}</text>`;
    svg += `<rect x="${labelW + half + 30}" y="${y + 3}" width="${tw.toFixed(1)}" height="15" fill="${fill}"/><text x="${(labelW + half + 34 + tw).toFixed(1)}" y="${y + 15}">${Math.round(times[i])}</text>\n`;
  });
  return svg + '</svg>\n';
}

function targets(r, memory) {
  const ours = row(r, 'ours'), plain = row(r, 'plain-form'), survey = row(r, 'surveyjs');
  const kbOurs = ours.bytes.total.brotli11 / 1024, kbSurvey = survey.bytes.total.brotli11 / 1024;
  const ratio = ours.summary.ttfq_frame_ms.median / plain.summary.ttfq_frame_ms.median;
  const answer = ours.summary.answer_latency_ms.median, plainAnswer = plain.summary.answer_latency_ms.median;
  const mem = (memory.heap + memory.wasm) / 1024 / 1024;
  const mark = (ok) => (ok ? 'met' : '**missed**');
  return [
    `| target | measured | |`, `|---|---|---|`,
    `| download ≤ 80 KB brotli | ${kbOurs.toFixed(1)} KB | ${mark(kbOurs <= 80)} |`,
    `| download ≤ ¼ of SurveyJS (${kbSurvey.toFixed(1)} KB) | ${(kbOurs / kbSurvey * 100).toFixed(0)} % of it | ${mark(kbOurs <= kbSurvey / 4)} |`,
    `| first question painted ≤ 1.5× the plain form | ${ratio.toFixed(2)}× | ${mark(ratio <= 1.5)} |`,
    `| answer → next paint no slower than the plain form | ${Math.round(answer)} ms vs ${Math.round(plainAnswer)} ms | ${mark(answer <= plainAnswer)} |`,
    `| JS heap + wasm memory after the full quiz ≤ 4 MB | ${mem.toFixed(2)} MB (${(memory.heap / 1048576).toFixed(2)} + ${(memory.wasm / 1048576).toFixed(2)}) | ${mark(mem <= 4)} |`,
    '',
    `The app has hydrated the prerendered page (Start enabled after an immediate first answer) at`
      + ` ${Math.round(memory.takeover)} ms after navigation (median of 5, unthrottled, measured separately);`
      + ' the answer given before that is kept.',
  ].join('\n');
}

const memory = await memoryAfterQuiz();
const svg = chart(normal);
writeFileSync('docs/benchmarks.svg', svg);
const md = `# Benchmarks

Measured with \`scripts/bench\` (which runs \`../shared/bench/run\` against the release build) on
${normal.date.slice(0, 10)}: ${normal.machine.cpus} CPUs (${normal.machine.cpu_model}), ${os.totalmem() > 0 ? Math.round(os.totalmem() / 2 ** 30) + ' GiB' : ''}, ${normal.browser}, ${normal.runs} interleaved runs per page
(every page once per round, in rotating order, one fresh browser context per run). Sizes are what a
first visit downloads, brotli-compressed. Absolute times on a shared 2-core machine are noisy:
compare figures within one table only.

For ready-to-lead, "first question" is the situation choice on the prerendered start screen. As
for the peers, an answer counts as handled once its radio is checked and painted. The app hydrates
the prerendered screen in idle time after that first click (or after a short pause without one);
when it has, it enables Start. That time is measured separately, below the targets.

![Download size and time to first question per widget](benchmarks.svg)

## Targets (from the normal run)

${targets(normal, memory)}

## Normal CPU

${table(normal)}
## CPU throttled 4×

${table(throttled)}
Raw figures: \`target/bench/normal.json\` and \`target/bench/throttled.json\` (not committed).
`;
writeFileSync('docs/benchmarks.md', md);
console.log(md);
