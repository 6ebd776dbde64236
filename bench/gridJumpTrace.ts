/**
 * Where a "Go to" jump's time goes in Chromium, per thread: one build, jumps to rows never read and
 * 64-row steps from them (as bench/gridJumpChromium.ts), each traced (devtools timeline and V8's
 * sampling profiler, every thread of the page's process, workers included). Prints, per step kind, the
 * median time from Enter to the row painted, the busy time of the main thread and of each worker
 * between them, and the functions taking the most self time (build without minifying to read names).
 *
 *   npx vite build --minify false --outDir /tmp/prof-dist
 *   npx tsx bench/gridJumpTrace.ts --dist /tmp/prof-dist [--file data/fec-50.parquet] [--port 4235] [--jumps 3] [--top 25] [--save DIR] [--cpu]
 *
 * --cpu: no sampling profiler; the CPU time of the main thread, the engine's worker and the other
 * workers (the compute pool) between Enter and the row painted, which a busy machine disturbs less than wall time.
 */
import { writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { appData, appGoto, appOpen, appPage } from './appChromium';
import { startBenchServer } from './browserServer';
import { CHUNK_ROWS } from './browserPlan';
import { PEERS_DIST } from './browserSession';
import type { TraceEvent as ChromeEvent } from './chromeTrace';
import { arg } from './cliArgs';
import { median } from './median';

const dist = arg('--dist');
if (!dist) throw new Error('usage: --dist DIST [--file F] [--port P] [--jumps N] [--top N]');
const file = resolve(arg('--file', 'data/fec-50.parquet')!);
const port = arg('--port', '4235')!;
const jumps = Number(arg('--jumps', '3'));
const top = Number(arg('--top', '25'));
const STEPS = 4;
const cpuOnly = process.argv.includes('--cpu');
// --cpu: no sampling profiler (starting it in a worker costs that worker ~20 ms at its next task), CPU time per thread only.
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', ...(cpuOnly ? [] : ['disabled-by-default-v8.cpu_profiler'])];

type TraceEvent = ChromeEvent<Record<string, unknown> & { name?: string; data?: Record<string, unknown> }>;
interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Per thread: busy ms (top-level tasks) inside [from, to], and self ms per function from the sampling profiler. */
function analyse(events: TraceEvent[], from: number, to: number): { busy: Map<string, number>; self: Map<string, Map<string, number>> } {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  const thread = (e: TraceEvent) => names.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
  const busy = new Map<string, number>();
  // CPU time of top-level tasks per thread ('cpu main', 'cpu engine' = the first worker to run after Enter, 'cpu other workers').
  const firstWorker = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.ts >= from && thread(e).startsWith('DedicatedWorker')).sort((a, b) => a.ts - b.ts)[0];
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask' || e.tdur === undefined || e.ts < from || e.ts > to) continue;
    const t = thread(e);
    const key = t === 'CrRendererMain' ? 'cpu main' : !t.startsWith('DedicatedWorker') ? undefined : firstWorker && e.tid === firstWorker.tid && e.pid === firstWorker.pid ? 'cpu engine' : 'cpu other workers';
    if (key) busy.set(key, (busy.get(key) ?? 0) + e.tdur / 1000);
  }
  for (const e of events) {
    // Every traced slice's time, per thread and name ('# name', nested slices counted in each).
    if (e.ph === 'X' && e.dur && e.ts >= from && e.ts <= to && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') {
      const key = `${thread(e)} # ${e.name}`;
      busy.set(key, (busy.get(key) ?? 0) + Math.min(e.dur, (to - e.ts)) / 1000);
    }
    if (e.ph !== 'X' || !e.dur || (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask')) continue;
    const a = Math.max(from, e.ts);
    const b = Math.min(to, e.ts + e.dur);
    if (a < b) busy.set(thread(e), (busy.get(thread(e)) ?? 0) + (b - a) / 1000);
  }
  // Profiles: 'Profile' (start time, per id) then 'ProfileChunk's (nodes, samples, deltas).
  const profiles = new Map<string, { thread: string; t: number; nodes: Map<number, ProfileNode> }>();
  const self = new Map<string, Map<string, number>>();
  for (const e of events) {
    if (e.name === 'Profile') profiles.set(`${e.pid}:${e.id}`, { thread: thread(e), t: Number((e.args!.data as { startTime: number }).startTime), nodes: new Map() });
    if (e.name !== 'ProfileChunk') continue;
    const p = profiles.get(`${e.pid}:${e.id}`);
    if (!p) continue;
    const data = e.args!.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
    for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      p.t += deltas[i] ?? 0;
      if (p.t < from || p.t > to) continue;
      const node = p.nodes.get(samples[i]);
      const fn = node ? `${node.callFrame.functionName || '(anonymous)'} ${(node.callFrame.url ?? "").split('/').pop()}:${node.callFrame.lineNumber + 1}` : '?';
      if (fn.startsWith('(idle)') || fn.startsWith('(program)')) continue;
      const m = self.get(p.thread) ?? new Map<string, number>();
      self.set(p.thread, m);
      // A sample stands for the interval to the next one: about the sampling period (deltas[i + 1]).
      const ms = (deltas[i + 1] ?? 0) / 1000;
      m.set(fn, (m.get(fn) ?? 0) + ms);
      // Inclusive time ('< name'): every function on the sample's stack, once.
      const seen = new Set<string>();
      for (let n = node && p.nodes.get(node.parent ?? -1); n; n = p.nodes.get(n.parent ?? -1)) {
        const name = `< ${n.callFrame.functionName || '(anonymous)'} ${(n.callFrame.url ?? '').split('/').pop()}:${n.callFrame.lineNumber + 1}`;
        if (seen.has(name)) continue;
        seen.add(name);
        m.set(name, (m.get(name) ?? 0) + ms);
      }
    }
  }
  return { busy, self };
}

process.env.BENCH_PORT = port;
const server = await startBenchServer({ app: resolve(dist), peers: PEERS_DIST, files: join(file, '..') });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'], headless: true });
const context = await browser.newContext({ viewport: { width: 2400, height: 1300 }, serviceWorkers: 'block' });
const kinds: Record<string, { ms: number[]; busy: Map<string, number[]>; self: Map<string, Map<string, number>> }> = {};
try {
  const page = await appPage({ context, server, profile: '' });
  await appOpen(page, { path: file }, 600_000);
  await appData(page);
  await appGoto(page, '5:1000', 5 * CHUNK_ROWS + 1001);
  // The compute pool is warmed once reads pause for a second (src/worker/idleWarm.ts): let it finish first.
  await page.waitForTimeout(4000);
  for (let j = 0; j < jumps; j++) {
    const row = [37_000_000, 12_345_678, 44_444_444, 23_456_789, 3_456_789][j % 5] + Math.floor(j / 5) * 6_400;
    for (let s = 0; s <= STEPS; s++) {
      const kind = s ? 'step' : 'jump';
      await page.waitForTimeout(300);
      await browser.startTracing(page, { categories: CATEGORIES });
      const t0 = (await page.evaluate('performance.timeOrigin + performance.now()')) as number;
      const timed = await appGoto(page, String(row + s * 64), row + s * 64 + 1);
      const buffer = await browser.stopTracing();
      if (arg('--save')) writeFileSync(join(arg('--save')!, `${kind}-${row + s * 64}.json`), buffer);
      const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
      // The trace clock is not the page's: find the Enter keydown's dispatch in it (EventDispatch keydown).
      const enter = events.find((e) => e.name === 'EventDispatch' && (e.args?.data as { type?: string })?.type === 'keydown');
      const from = enter ? enter.ts : NaN;
      const to = from + timed.ms * 1000;
      const { busy, self } = analyse(events, from, to);
      const k = (kinds[kind] ??= { ms: [], busy: new Map(), self: new Map() });
      k.ms.push(timed.ms);
      for (const [t, ms] of busy) k.busy.set(t, [...(k.busy.get(t) ?? []), ms]);
      for (const [t, m] of self) {
        const into = k.self.get(t) ?? new Map<string, number>();
        k.self.set(t, into);
        for (const [fn, ms] of m) into.set(fn, (into.get(fn) ?? 0) + ms);
      }
      console.error(`${kind} row ${row + s * 64}: ${timed.ms.toFixed(0)} ms; busy ${[...busy].filter(([t]) => !t.includes(' # ') && !t.startsWith('cpu ')).map(([t, ms]) => `${t} ${ms.toFixed(1)}`).join(', ')}; t0 ${t0.toFixed(0)}`);
    }
  }
  await page.close();
} finally {
  await context.close();
  await browser.close();
  await server.close();
}
console.log(`load ${loadavg()[0].toFixed(1)}`);
for (const [kind, k] of Object.entries(kinds)) {
  console.log(`\n${kind}: median ${median(k.ms).toFixed(1)} ms (n=${k.ms.length}); busy per thread (median ms): ${[...k.busy].filter(([t]) => !t.includes(' # ') && !t.startsWith('cpu ')).map(([t, xs]) => `${t} ${median(xs).toFixed(1)}`).join(', ')}`);
  console.log(`  CPU ms (median): ${['cpu main', 'cpu engine', 'cpu other workers'].map((c) => `${c.slice(4)} ${median(k.busy.get(c) ?? [0]).toFixed(1)}`).join(', ')}`);
  const slices = [...k.busy].filter(([t]) => t.includes(' # ') && (t.startsWith('Cr') || t.startsWith('Ded'))).map(([t, xs]) => [t, xs.reduce((a, b) => a + b, 0) / k.ms.length] as const);
  for (const [t, ms] of slices.sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`    slice ${ms.toFixed(2).padStart(7)} ${t}`);
  for (const [t, m] of k.self) {
    const total = [...m].filter(([fn]) => !fn.startsWith('<')).reduce((a, [, b]) => a + b, 0);
    console.log(`  ${t}: sampled ${(total / k.ms.length).toFixed(1)} ms per ${kind}`);
    for (const [fn, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`    ${(ms / k.ms.length).toFixed(2).padStart(7)} ${fn}`);
  }
}
