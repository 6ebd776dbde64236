/**
 * The repaint floor of a "Go to row" jump in Chromium: the grid's rows as the app draws them (the
 * app's styles.css, one .dg-rows layer of 50 .dg-row rows of a sticky row number and 16 absolutely
 * placed .grid-cell cells, 2400x1300) with every cell's text written anew in one task, as
 * rowCells.ts writes a jump's texts, and nothing else on the page (no React, no worker, no reads).
 * Prints, per variant, the median of: the writes' JS time, the time from the task's start to the next
 * animation frame callback (what bench/appChromium.ts appGoto waits for) and to the frame's paint done,
 * and the CPU of each rendering phase from a Chromium trace.
 *
 *   npx tsx bench/repaintFloorChromium.ts [--jumps 15] [--rows 50] [--cols 16] [--css ".dg-row > .grid-cell { contain: size layout }"] [--hover]
 *
 * --css: extra rules, measured against none in the same browser, variants alternated.
 * --hover: the pointer rests over the grid (as in bench/gridJumpChromium.ts, where its position after
 * the clicks that open the file is over the rows): Chromium then hit-tests at the frame's start, so
 * style and layout run before the animation frame callbacks.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { recordTrace, type TraceEvent as ChromeEvent } from './chromeTrace';
import { arg } from './cliArgs';
import { median } from './median';

const jumps = Number(arg('--jumps', '15'));
const ROWS = Number(arg('--rows', '50'));
const COLS = Number(arg('--cols', '16'));
const extra = arg('--css');
const hover = process.argv.includes('--hover');
const ROW_H = 25;
const GUTTER = 90;
const css = readFileSync(new URL('../src/ui/styles.css', import.meta.url), 'utf8');

type TraceEvent = ChromeEvent<{ data?: { message?: string } }>;

/** Widths like W1's columns at 2400 px: ids, names, cities, codes, amounts, dates. */
const WIDTHS = [110, 70, 120, 200, 170, 60, 90, 200, 180, 80, 110, 100, 220, 120, 140, 100];

const page = `<!doctype html><html><head><style>${css}</style><style id="extra"></style></head><body>
<div class="grid-wrap" style="height:1260px"><div class="dg-scroll" id="scroll" style="height:1240px">
<div class="dg-canvas" id="canvas"><div class="dg-rows" id="rows"></div></div></div></div>
<script>
const ROWS = ${ROWS}, COLS = ${COLS}, ROW_H = ${ROW_H}, GUTTER = ${GUTTER}, WIDTHS = ${JSON.stringify(WIDTHS)};
const lefts = []; let total = 0;
for (let c = 0; c < COLS; c++) { lefts.push(total); total += WIDTHS[c % WIDTHS.length]; }
const canvas = document.getElementById('canvas');
canvas.style.height = (ROWS * ROW_H * 40) + 'px';
canvas.style.width = (GUTTER + total) + 'px';
const layer = document.getElementById('rows');
const texts = [];
const words = ['SMITH, JOHN', 'NEW YORK', 'RETIRED', 'NOT EMPLOYED', 'ATTORNEY', 'LOS ANGELES', 'Obama, Barack', 'Romney, Mitt', 'CA', 'TX', 'P2012', 'SA17A', 'INFORMATION REQUESTED', 'HOMEMAKER', 'PHYSICIAN', 'SAN FRANCISCO'];
let seed = 1;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
function text(r, c) {
  switch (c % 6) {
    case 0: return 'C00' + Math.floor(rnd() * 1e6);
    case 1: return (rnd() * 5000).toFixed(2);
    case 2: return '20' + (10 + Math.floor(rnd() * 3)) + '-0' + (1 + Math.floor(rnd() * 9)) + '-1' + Math.floor(rnd() * 9);
    default: return words[Math.floor(rnd() * words.length)] + (rnd() < 0.5 ? '' : ' ' + Math.floor(rnd() * 1000));
  }
}
const rows = [];
for (let r = 0; r < ROWS; r++) {
  const row = document.createElement('div');
  row.className = 'grid-row dg-row';
  row.setAttribute('role', 'row');
  row.style.cssText = 'top:' + r * ROW_H + 'px;height:' + ROW_H + 'px;width:' + (GUTTER + total) + 'px';
  const num = document.createElement('div');
  num.className = 'dg-rownum';
  num.style.width = GUTTER + 'px';
  num.textContent = String(r);
  row.append(num);
  const cells = [];
  for (let c = 0; c < COLS; c++) {
    const cell = document.createElement('div');
    cell.className = 'grid-cell' + (c % 6 === 1 ? ' num' : '');
    cell.setAttribute('role', 'gridcell');
    cell.style.left = GUTTER + lefts[c] + 'px';
    cell.style.width = WIDTHS[c % WIDTHS.length] + 'px';
    cell.textContent = text(r, c);
    row.append(cell);
    cells.push(cell);
  }
  layer.append(row);
  rows.push({ row, num, cells });
}
let at = 0;
/** One jump: the layer moves, each row takes its new place and every text is written (rowCells.ts writeContent). */
window.jump = () => new Promise((resolve) => {
  setTimeout(() => {
    const t0 = performance.now();
    performance.mark('jump');
    at++;
    // The layer and the rows move (as on the app's scaled canvas), staying in view.
    layer.style.transform = 'translateY(' + (at % 3) + 'px)';
    for (let r = 0; r < ROWS; r++) {
      const { row, num, cells } = rows[r];
      row.style.top = (r * ROW_H + (at % 2)) + 'px';
      num.firstChild.nodeValue = String(at * 1000 + r);
      for (let c = 0; c < COLS; c++) cells[c].firstChild.nodeValue = text(r, c);
    }
    const js = performance.now() - t0;
    requestAnimationFrame(() => {
      const raf = performance.now() - t0;
      // After the frame's paint: the next task once rendering is done.
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve({ js, raf, painted: performance.now() - t0 });
      ch.port2.postMessage(null);
    });
  }, 30);
});
</script></body></html>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'], headless: true });
const variants = extra ? ['none', 'extra'] : ['none'];
const PHASES = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'];
const out: Record<string, { js: number[]; raf: number[]; painted: number[]; phases: Record<string, number[]> }> = {};
try {
  const context = await browser.newContext({ viewport: { width: 2400, height: 1300 } });
  const pages = new Map<string, Awaited<ReturnType<typeof context.newPage>>>();
  for (const v of variants) {
    const p = await context.newPage();
    await p.setContent(page);
    if (v === 'extra') await p.evaluate((rules) => void (document.getElementById('extra')!.textContent = rules), extra!);
    if (hover) await p.mouse.move(600, 300);
    for (let i = 0; i < 3; i++) await p.evaluate('window.jump()');
    pages.set(v, p);
    out[v] = { js: [], raf: [], painted: [], phases: Object.fromEntries(PHASES.map((n) => [n, []])) };
  }
  for (let j = 0; j < jumps; j++) {
    for (const v of j % 2 ? [...variants].reverse() : variants) {
      const p = pages.get(v)!;
      await p.bringToFront();
      const cdp = await context.newCDPSession(p);
      const { result, events } = await recordTrace<{ js: number; raf: number; painted: number }, TraceEvent>(cdp, ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'], () => p.evaluate('window.jump()') as Promise<{ js: number; raf: number; painted: number }>);
      await cdp.detach();
      const mark = events.find((e) => e.name === 'jump');
      const main = mark?.tid;
      const from = mark?.ts ?? 0;
      const o = out[v];
      o.js.push(result.js);
      o.raf.push(result.raf);
      o.painted.push(result.painted);
      for (const n of PHASES) {
        const slices = events.filter((e) => e.ph === 'X' && e.name === n && e.tid === main && e.ts >= from && e.ts <= from + result.painted * 1000);
        // A slice inside another of the same name (Paint holds a Paint) is counted once.
        const outer = slices.filter((e) => !slices.some((o) => o !== e && o.ts <= e.ts && o.ts + (o.dur ?? 0) >= e.ts + (e.dur ?? 0)));
        const cpu = outer.reduce((a, e) => a + (e.tdur ?? e.dur ?? 0) / 1000, 0);
        o.phases[n].push(cpu);
      }
    }
  }
} finally {
  await browser.close();
}
console.log(`${ROWS} rows x ${COLS} cells, 2400x1300, ${jumps} jumps each${hover ? ', pointer over the grid' : ''}; load ${loadavg()[0].toFixed(1)}${extra ? `; extra css: ${extra}` : ''}`);
for (const [v, o] of Object.entries(out)) {
  console.log(`${v.padEnd(6)} writes ${median(o.js).toFixed(1)} ms, to rAF ${median(o.raf).toFixed(1)} ms, to painted ${median(o.painted).toFixed(1)} ms; CPU ${PHASES.map((n) => `${n} ${median(o.phases[n]).toFixed(2)}`).join(', ')}`);
}
