/**
 * What the renderer main thread's biggest tasks are made of while the app counts a filter (or indexes a
 * file): one Chromium trace per run, and for the tasks with the most CPU their wall and CPU time and the
 * trace events inside them (script by function, style, layout, paint, GC), so that a long task can be
 * named before it is cut.
 *
 *   npx tsx bench/mainThreadTasks.ts --dist /tmp/new-dist --file data/fec-50.arrows [--step count|open|goto]
 *     [--goto 5:1000 --aria-row 5009732: the "Go to row" target and the grid row it paints, for --step goto]
 *     [--rounds 1] [--top 6] [--timeline: every task over 2 ms CPU, in order] [--port 4431] [--viewport 2400x1300] [--where "cand_nm = 'Obama, Barack'"]
 */
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium, type CDPSession } from '@playwright/test';
import { recordTrace, type TraceEvent } from './chromeTrace';
import { appData, appGoto, appOpen, appPage } from './appChromium';
import { startBenchServer } from './browserServer';
import { PEERS_DIST } from './browserSession';
import { FILTER_TIMER } from './filterChromium';
import { arg } from './cliArgs';

const dist = resolve(arg('--dist', 'dist')!);
const file = resolve(arg('--file', 'data/fec-50.arrows')!);
const step = arg('--step', 'count')!;
const rounds = Number(arg('--rounds', '1'));
const top = Number(arg('--top', '6'));
const port = Number(arg('--port', '4431'));
const timeline = process.argv.includes('--timeline');
const where = arg('--where', "cand_nm = 'Obama, Barack'")!;
const [width, height] = arg('--viewport', '2400x1300')!.split('x').map(Number);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'blink.user_timing'];

type Ev = TraceEvent<{ name?: string; data?: { functionName?: string; url?: string; lineNumber?: number; type?: string; message?: string; clip?: number[] }; beginData?: { dirtyObjects?: number; totalObjects?: number; partialLayout?: boolean } }>;

async function trace<T>(cdp: CDPSession, f: () => Promise<T>): Promise<Ev[]> {
  return (await recordTrace<T, Ev>(cdp, CATEGORIES, f)).events;
}

/** The main thread's tasks by CPU, each with the time of the events inside it by name. */
function report(events: Ev[]): string[] {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0));
  const t0 = Math.min(...onMain.map((e) => e.ts));
  const lines = [`${tasks.length} tasks; over 10 ms CPU: ${tasks.filter((t) => (t.tdur ?? 0) > 10_000).length}; over 50 ms wall: ${tasks.filter((t) => (t.dur ?? 0) > 50_000).length}; longest wall ${(Math.max(...tasks.map((t) => t.dur ?? 0)) / 1000).toFixed(1)} ms`];
  if (timeline) {
    // What woke the main thread: each task by the first event inside it (a timer, a message, a frame…).
    const kinds = new Map<string, { n: number; cpu: number }>();
    const byThread = onMain.filter((e) => e.name !== 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
    let k = 0;
    for (const t of [...tasks].sort((a, b) => a.ts - b.ts)) {
      while (k < byThread.length && byThread[k].ts < t.ts) k++;
      const first = byThread[k] && byThread[k].ts <= t.ts + (t.dur ?? 0) ? byThread[k] : undefined;
      const kind = first ? (first.name === 'FunctionCall' ? `FunctionCall ${first.args?.data?.functionName || '?'}` : first.name) : '(no event)';
      const x = kinds.get(kind) ?? { n: 0, cpu: 0 };
      kinds.set(kind, { n: x.n + 1, cpu: x.cpu + (t.tdur ?? 0) / 1000 });
    }
    lines.push('tasks by what starts them: ' + [...kinds].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, 12).map(([kind, x]) => `${kind} ×${x.n} ${x.cpu.toFixed(0)} ms`).join(' | '));
  }
  const shown = timeline
    ? tasks.filter((t) => (t.tdur ?? 0) > 2_000).sort((a, b) => a.ts - b.ts)
    : [...tasks.slice(0, top), ...[...tasks].sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 2)];
  for (const t of shown) {
    const inside = onMain.filter((e) => e !== t && e.pid === t.pid && e.tid === t.tid && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0));
    const by = new Map<string, number>();
    // An event inside another of the same name (nested Paint, EventDispatch) is counted once, in the outer one.
    const outer = inside.filter((e) => !inside.some((o) => o !== e && o.name === e.name && o.ts <= e.ts && o.ts + (o.dur ?? 0) >= e.ts + (e.dur ?? 0) && (o.ts < e.ts || (o.dur ?? 0) > (e.dur ?? 0))));
    for (const e of outer) {
      const fn = e.args?.data?.functionName;
      const key = e.name === 'FunctionCall' ? `FunctionCall ${fn || '?'} ${(e.args?.data?.url ?? '').split('/').pop()}:${e.args?.data?.lineNumber ?? ''}` : e.name;
      by.set(key, (by.get(key) ?? 0) + (e.tdur ?? e.dur ?? 0));
    }
    const layouts = inside.filter((e) => e.name === 'Layout').map((e) => `${e.args?.beginData?.dirtyObjects}/${e.args?.beginData?.totalObjects}`);
    const paints = inside.filter((e) => e.name === 'Paint').map((e) => {
      const c = e.args?.data?.clip ?? [];
      return c.length >= 8 ? `${Math.round(c[2] - c[0])}x${Math.round(c[5] - c[1])}` : '?';
    });
    if (layouts.length) by.set(`layout dirty/total ${layouts.join(',')}`, 1e9);
    if (paints.length) by.set(`paint ${paints.length}: ${[...new Set(paints)].join(',')}`, 1e9 - 1);
    const parts = [...by].filter(([, v]) => v > 500).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => (v >= 1e9 - 1 ? k : `${k} ${(v / 1000).toFixed(1)}`));
    lines.push(`${timeline || shown.indexOf(t) < top ? '' : 'longest '}at +${((t.ts - t0) / 1000).toFixed(0)} ms: wall ${((t.dur ?? 0) / 1000).toFixed(1)} ms, CPU ${((t.tdur ?? 0) / 1000).toFixed(1)} ms :: ${parts.join(' | ')}`);
  }
  return lines;
}

process.env.BENCH_PORT = String(port);
const server = await startBenchServer({ app: dist, peers: PEERS_DIST, files: dirname(file) });
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'arrowscope-mttasks-')), { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS, headless: true });
try {
  for (let r = 0; r < rounds; r++) {
    const page = await appPage({ context, profile: '', server });
    await page.setViewportSize({ width, height });
    const cdp = await context.newCDPSession(page);
    const load = loadavg()[0];
    let events: Ev[];
    if (step === 'open') events = await trace(cdp, () => appOpen(page, { path: file }, 600_000));
    else if (step === 'goto') {
      await appOpen(page, { path: file }, 600_000);
      await appData(page);
      events = await trace(cdp, () => appGoto(page, arg('--goto', '5:1000')!, Number(arg('--aria-row'))));
    } else {
      await appOpen(page, { path: file }, 600_000);
      const totalRows = Number(((await page.getByTestId('overview').textContent()) ?? '').match(/Rows([\d,]+)/)?.[1].replace(/,/g, ''));
      await appData(page);
      await page.getByTestId('filter-text').fill(where);
      events = await trace(cdp, async () => {
        const timed = page.evaluate(FILTER_TIMER(totalRows));
        await page.getByTestId('filter-text').press('Enter');
        await timed;
      });
    }
    const longtask = (await page.evaluate('window.__bench.longest')) as number;
    console.log(`${file.split('/').pop()} ${step} round ${r}, load ${load.toFixed(1)}, longtask observer ${longtask.toFixed(0)} ms`);
    for (const l of report(events)) console.log('  ' + l);
    await page.close();
  }
} finally {
  await context.close();
  await server.close();
}
