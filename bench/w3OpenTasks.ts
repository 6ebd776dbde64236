/**
 * The renderer main thread's tasks during a first open of W3 (every message header of a stream of
 * 50,100 small batches walked, ~6 s, with progress and column summaries posted to the page), several
 * builds alternated open by open in ONE browser (each build on its own local server, so each its own
 * origin; IndexedDB cleared before each open, as the full bench's W3 part does), 2400×1300.
 *
 * Per open: the longest 'longtask' entry (what the full bench records) and how many passed 50 ms; with
 * --trace also, from a Chromium trace, the main thread's tasks over 50 ms wall (with their CPU), its
 * largest task by CPU and what ran inside it, its tasks over 4 ms CPU and its CPU in all. Then per
 * build: opens with a task over 50 ms, medians of the maximum task wall and CPU, and the load.
 *
 *   npx tsx bench/w3OpenTasks.ts --app base=/tmp/base-dist --app new=/tmp/new-dist [--rounds 6]
 *     [--trace [--categories mojom,fonts: more trace categories]] [--file data/fec-50-1k.arrows] [--port 4650 (build i on port+i)] [--viewport 2400x1300]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { appOpen, appPage } from './appChromium';
import { startBenchServer, type BenchServer } from './browserServer';
import { PEERS_DIST } from './browserSession';
import { recordTrace, type TraceEvent } from './chromeTrace';
import { arg } from './cliArgs';
import { median } from './median';

const file = resolve(arg('--file', 'data/fec-50-1k.arrows')!);
const rounds = Number(arg('--rounds', '6'));
const port = Number(arg('--port', '4650'));
const withTrace = process.argv.includes('--trace');
const [width, height] = arg('--viewport', '2400x1300')!.split('x').map(Number);
const builds = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--app' ? [a] : [])).map((a) => ({ label: a.slice(0, a.indexOf('=')), dist: resolve(a.slice(a.indexOf('=') + 1)) }));
if (!builds.length) throw new Error('give at least one --app label=DIST');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'];
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', ...(arg('--categories')?.split(',') ?? [])];

/** Every 'longtask' entry's duration, beside appChromium's longest. */
const LONGTASKS = `(() => { window.__longtasks = []; new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__longtasks.push(Math.round(e.duration)))).observe({ type: 'longtask' }); })()`;

type Ev = TraceEvent<{ name?: string; data?: { functionName?: string; url?: string; lineNumber?: number }; beginData?: { dirtyObjects?: number; totalObjects?: number } }>;

interface Open {
  longest: number;
  longtasks: number[];
  indexMs: number;
  load: number;
  trace?: { over50: string[]; maxWall: number; maxCpu: number; top: string; over4: number; cpu: number; tasks: number; bigLayouts: number };
}

function summarize(events: Ev[]): Open['trace'] {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
  const ms = (us: number | undefined) => (us ?? 0) / 1000;
  const byCpu = [...tasks].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0));
  const inside = (t: Ev) => {
    const evs = onMain.filter((e) => e !== t && e.pid === t.pid && e.tid === t.tid && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0) && e.name !== 'ThreadControllerImpl::RunTask');
    const outer = evs.filter((e) => !evs.some((o) => o !== e && o.name === e.name && o.ts <= e.ts && o.ts + (o.dur ?? 0) >= e.ts + (e.dur ?? 0) && (o.ts < e.ts || (o.dur ?? 0) > (e.dur ?? 0))));
    const by = new Map<string, number>();
    for (const e of outer) {
      const key = e.name === 'FunctionCall' ? `JS ${e.args?.data?.functionName || '?'}` : e.name;
      by.set(key, (by.get(key) ?? 0) + ms(e.tdur ?? e.dur));
    }
    const layouts = evs.filter((e) => e.name === 'Layout').map((e) => `${e.args?.beginData?.dirtyObjects}/${e.args?.beginData?.totalObjects}`);
    // Synchronous calls out of the renderer (font lookups are some) and font events, when their categories are traced.
    const sync = new Map<string, { n: number; wall: number }>();
    for (const e of evs.filter((e) => /(?<!a)sync|font/i.test(e.name))) {
      const x = sync.get(e.name) ?? { n: 0, wall: 0 };
      sync.set(e.name, { n: x.n + 1, wall: x.wall + ms(e.dur) });
    }
    for (const [name, x] of sync) by.set(`${name} ×${x.n} wall`, x.wall);
    return [...by].filter(([, v]) => v >= 0.3).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ') + (layouts.length ? ` [layout ${layouts.join(',')}]` : '');
  };
  const t0 = Math.min(...tasks.map((t) => t.ts));
  const over50 = tasks.filter((t) => ms(t.dur) > 50).map((t) => `+${ms(t.ts - t0).toFixed(0)} wall ${ms(t.dur).toFixed(0)} cpu ${ms(t.tdur).toFixed(1)} (${inside(t)})`);
  return {
    over50,
    maxWall: Math.max(...tasks.map((t) => ms(t.dur))),
    maxCpu: ms(byCpu[0]?.tdur),
    top: `+${ms(byCpu[0].ts - t0).toFixed(0)} wall ${ms(byCpu[0].dur).toFixed(1)} cpu ${ms(byCpu[0].tdur).toFixed(1)}: ${inside(byCpu[0])}`,
    over4: tasks.filter((t) => ms(t.tdur) > 4).length,
    cpu: tasks.reduce((s, t) => s + ms(t.tdur), 0),
    tasks: tasks.length,
    // Layouts of 200+ boxes: the column table laid out again (its rows' values changed).
    bigLayouts: onMain.filter((e) => e.name === 'Layout' && (e.args?.beginData?.dirtyObjects ?? 0) >= 200).length,
  };
}

const servers: BenchServer[] = [];
for (let i = 0; i < builds.length; i++) {
  process.env.BENCH_PORT = String(port + i);
  servers.push(await startBenchServer({ app: builds[i].dist, peers: PEERS_DIST, files: dirname(file) }));
}
const profile = mkdtempSync(join(tmpdir(), 'arrowscope-w3tasks-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS, headless: true, serviceWorkers: 'block', viewport: { width, height } });
const results = new Map<string, Open[]>(builds.map((b) => [b.label, []]));
try {
  for (let r = 0; r < rounds; r++) {
    // Alternated, and the order flipped every round.
    const order = r % 2 ? [...builds.keys()].reverse() : [...builds.keys()];
    for (const i of order) {
      const server = servers[i];
      const page = await appPage({ context, profile, server }, 'app', LONGTASKS);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Storage.clearDataForOrigin', { origin: server.origin, storageTypes: 'indexeddb' });
      await page.evaluate('window.__longtasks.length = 0');
      const load = loadavg()[0];
      let o: Awaited<ReturnType<typeof appOpen>>;
      let trace: Open['trace'];
      if (withTrace) {
        const t = await recordTrace<typeof o, Ev>(cdp, CATEGORIES, () => appOpen(page, { path: file }, 600_000));
        o = t.result;
        trace = summarize(t.events);
      } else o = await appOpen(page, { path: file }, 600_000);
      const longtasks = (await page.evaluate('window.__longtasks')) as number[];
      const x: Open = { longest: o.index.longestTaskMs, longtasks, indexMs: o.index.ms, load, trace };
      results.get(builds[i].label)!.push(x);
      console.log(
        `round ${r + 1} ${builds[i].label}: index ${x.indexMs.toFixed(0)} ms, load ${load.toFixed(1)}, longtasks [${longtasks.join(', ')}]` +
          (trace ? `; trace: ${trace.tasks} tasks, CPU ${trace.cpu.toFixed(0)} ms, >4 ms CPU ${trace.over4}, max wall ${trace.maxWall.toFixed(0)}, max CPU ${trace.maxCpu.toFixed(1)}, layouts of 200+ boxes ${trace.bigLayouts}` : ''),
      );
      if (trace) {
        console.log(`   max CPU task ${trace.top}`);
        for (const l of trace.over50) console.log(`   >50 ms: ${l}`);
      }
      await cdp.detach();
      await page.close();
    }
  }
} finally {
  await context.close();
  for (const s of servers) await s.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`\n| build | opens | opens with a longtask > 50 ms | longtasks > 50 ms | longest (median, max) | trace: max task wall (median, max) | trace: max task CPU (median, max) | trace: tasks > 4 ms CPU (median) | index ms (median) | load |`);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const [label, xs] of results) {
  const t = xs.flatMap((x) => (x.trace ? [x.trace] : []));
  const mm = (v: number[]) => (v.length ? `${median(v).toFixed(1)}, ${Math.max(...v).toFixed(1)}` : '—');
  console.log(
    `| ${label} | ${xs.length} | ${xs.filter((x) => x.longtasks.some((d) => d > 50)).length} | ${xs.reduce((s, x) => s + x.longtasks.filter((d) => d > 50).length, 0)} | ${mm(xs.map((x) => x.longest))} | ${mm(t.map((x) => x.maxWall))} | ${mm(t.map((x) => x.maxCpu))} | ${t.length ? median(t.map((x) => x.over4)) : '—'} | ${median(xs.map((x) => x.indexMs)).toFixed(0)} | ${xs.map((x) => x.load.toFixed(1)).join(' ')} |`,
  );
}
