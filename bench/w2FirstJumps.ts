/**
 * The full bench's W2 jumps (bench/browserPlan.ts, contender 'ours'), alone: per round a fresh page,
 * open data/fec-50.parquet (index waited for), the Data tab, "Go to" 5:1000, 37000000, 37000064, each
 * timed as the full bench times it (bench/appChromium.ts appGoto), with every main-thread 'longtask'
 * entry seen meanwhile (start relative to the Enter keydown, duration). Builds alternate per round
 * (A,B,A,B… then B,A…) when several --dist are given.
 *
 *   npx vite build --outDir /tmp/a-dist
 *   npx tsx bench/w2FirstJumps.ts --dist /tmp/a-dist[,/tmp/b-dist] [--rounds 3] [--port 4901] [--pss | --pss-alt] [--trace DIR [--trace-c5]] [--http MS]
 *
 * The longtask list is read after appGoto returns (one more round trip), so it more often holds the
 * jump's last frame, which appGoto's own longestTaskMs misses when the observer's entry comes after
 * the row is seen (not guaranteed either: the entry is delivered when the page gets to it).
 * --pss: sample the browser's PSS every 50 ms meanwhile, as the full bench does for 'W2 peak memory
 * added' (bench/tabMemory.ts samplePeak); --pss-alt: rounds alternate none, PSS as the full bench, RSS
 * from /proc/PID/status (the same scan without smaps_rollup's walk) and PSS every 250 ms.
 * --trace DIR: trace the 37000000 jump (devtools timeline, every thread) into
 * DIR/w2-jump-<build>-<round>.json (--trace-c5: the 5:1000 jump too, w2-c5-…), and print the CPU of the
 * main thread and the workers meanwhile and the slices of the longest main-thread task (build with
 * --minify false to read function names). --http MS: open it by URL from the bench server with MS ms
 * added to each response, as the full bench's HTTP parts.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { appData, appGoto, appOpen, appPage, type Timed } from './appChromium';
import { startBenchServer, type BenchServer } from './browserServer';
import { CHUNK_ROWS } from './browserPlan';
import { launchBenchBrowser, PEERS_DIST } from './browserSession';
import { pssMiB, rssMiB, samplePeak } from './tabMemory';
import type { TraceEvent as ChromeEvent } from './chromeTrace';
import { arg } from './cliArgs';
import { median } from './median';

type TraceEvent = ChromeEvent<Record<string, unknown> & { data?: Record<string, unknown> }>;
const dists = (arg('--dist') ?? '').split(',').filter(Boolean);
if (!dists.length) throw new Error('usage: --dist DIST[,DIST] [--rounds N] [--port P] [--pss] [--trace DIR]');
const file = resolve(arg('--file', 'data/fec-50.parquet')!);
const rounds = Number(arg('--rounds', '3'));
const port = Number(arg('--port', '4901'));
const pss = process.argv.includes('--pss');
// --pss-alt: rounds alternate no sampling, PSS sampling (smaps_rollup, a walk of each process's page tables)
// RSS sampling (/proc/PID/status: the same scan of /proc every 50 ms without the walk) and PSS every 250 ms.
const pssAlt = process.argv.includes('--pss-alt');
const ALT = ['no-pss', 'pss', 'rss', 'pss250'] as const;

const traceDir = arg('--trace');
// --http MS: open the file by URL from the bench server, each response held back MS ms (the full bench's HTTP parts).
const delay = arg('--http') === undefined ? undefined : Number(arg('--http'));
// --plain: the browser without precise memory info and gc() (as bench/gridJumpChromium.ts).
const plain = process.argv.includes('--plain');
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink.user_timing'];

/** Every long task, its start relative to the last Enter keydown. */
const TASKS = `(() => {
  const t = (window.__tasks = { enter: 0, list: [] });
  document.addEventListener('keydown', (e) => { if (e.key === 'Enter') { t.enter = performance.now(); t.list = []; } }, true);
  new PerformanceObserver((l) => l.getEntries().forEach((e) => t.list.push([Math.round(e.startTime - t.enter), Math.round(e.duration)]))).observe({ type: 'longtask', buffered: true });
})()`;

/** Main-thread CPU between Enter and `ms` later, and the longest main-thread task's biggest named slices. */
function analyse(events: TraceEvent[], ms: number): string {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  const enter = events.find((e) => e.name === 'EventDispatch' && (e.args?.data as { type?: string })?.type === 'keydown');
  if (!enter) return 'no keydown in trace';
  const main = `${enter.pid}:${enter.tid}`;
  const from = enter.ts;
  const to = from + ms * 1000;
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.ts + (e.dur ?? 0) >= from && e.ts <= to);
  const cpu = new Map<string, number>();
  for (const e of tasks) {
    const n = names.get(`${e.pid}:${e.tid}`) ?? '?';
    if (n === 'CrRendererMain' && `${e.pid}:${e.tid}` !== main) continue;
    if (n === 'CrRendererMain' || n.startsWith('DedicatedWorker')) cpu.set(n, (cpu.get(n) ?? 0) + (e.tdur ?? 0) / 1000);
  }
  const mainTasks = tasks.filter((e) => `${e.pid}:${e.tid}` === main).sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
  const longest = mainTasks[0];
  let out = `CPU ${[...cpu].map(([n, v]) => `${n} ${v.toFixed(1)}`).join(', ')}`;
  if (longest) {
    const inside = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.ts >= longest.ts && e.ts < longest.ts + longest.dur! && e !== longest);
    const by = new Map<string, number>();
    for (const e of inside) {
      const d = e.args?.data as { functionName?: string; url?: string; type?: string } | undefined;
      const key = `${e.name}${d?.functionName ? ` ${d.functionName}` : ''}${d?.type ? ` ${d.type}` : ''}`;
      by.set(key, (by.get(key) ?? 0) + (e.dur ?? 0) / 1000);
    }
    out += `\n    longest main task at +${((longest.ts - from) / 1000).toFixed(0)} ms: ${(longest.dur! / 1000).toFixed(1)} ms wall, ${((longest.tdur ?? 0) / 1000).toFixed(1)} CPU; slices: ${[...by].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, v]) => `${k} ${v.toFixed(1)}`).join('; ')}`;
  }
  return out;
}

const servers: BenchServer[] = [];
for (const [i, d] of dists.entries()) {
  process.env.BENCH_PORT = String(port + i);
  servers.push(await startBenchServer({ app: resolve(d), peers: PEERS_DIST, files: join(file, '..') }));
}
const { context, profile } = await launchBenchBrowser('arrowscope-w2first-', plain);
const figures = new Map<string, { jump: number[]; step: number[]; c5: number[]; task: number[] }>();
const loads: number[] = [];
try {
  for (let r = 0; r < rounds; r++) {
    const order = dists.map((_, i) => i);
    if (r % 2) order.reverse();
    for (const i of order) {
      const name = `${dists[i].split('/').pop()!}${pssAlt ? ` ${ALT[r % ALT.length]}` : ''}`;
      const f = figures.get(name) ?? { jump: [], step: [], c5: [], task: [] };
      figures.set(name, f);
      const mode = pssAlt ? ALT[r % ALT.length] : pss ? 'pss' : 'no-pss';
      const sampling = mode !== 'no-pss';
      const stop = mode === 'pss' ? samplePeak(profile, 50, pssMiB) : mode === 'pss250' ? samplePeak(profile, 250, pssMiB) : mode === 'rss' ? samplePeak(profile, 50, rssMiB) : () => 0;
      const page = await appPage({ context, profile, server: servers[i] });
      await page.addInitScript(TASKS);
      await page.reload();
      await page.getByRole('button', { name: 'Open sample' }).waitFor();
      await page.waitForTimeout(300);
      await appOpen(page, delay === undefined ? { path: file } : { url: `${servers[i].origin}/files/${basename(file)}?delay=${delay}` }, 600_000);
      await appData(page);
      const tasks = async () => JSON.stringify(((await page.evaluate('window.__tasks.list')) as number[][]).map(([s, d]) => `${d}@${s}`));
      // Traced when asked: the 37000000 jump (--trace), and the 5:1000 one too (--trace-c5).
      const traced = async (label: string, trace: boolean, f: () => Promise<Timed>): Promise<{ timed: Timed; note: string }> => {
        if (!trace || !traceDir) return { timed: await f(), note: '' };
        const cdp = await context.newCDPSession(page);
        await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReturnAsStream' });
        const timed = await f();
        const done = new Promise<string>((res) => cdp.once('Tracing.tracingComplete', (e: { stream?: string }) => res(e.stream!)));
        await cdp.send('Tracing.end');
        const stream = await done;
        let text = '';
        for (;;) {
          const chunk = (await cdp.send('IO.read', { handle: stream })) as { data: string; eof: boolean; base64Encoded?: boolean };
          text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
          if (chunk.eof) break;
        }
        await cdp.send('IO.close', { handle: stream });
        await cdp.detach();
        writeFileSync(join(traceDir, `w2-${label}-${name.replace(/ /g, '-')}-${r}.json`), text);
        const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
        return { timed, note: `\n    ${label}: ${analyse(Array.isArray(parsed) ? parsed : parsed.traceEvents, timed.ms)}` };
      };
      const c5Run = await traced('c5', process.argv.includes('--trace-c5'), () => appGoto(page, '5:1000', 5 * CHUNK_ROWS + 1001));
      const c5 = c5Run.timed;
      const c5Tasks = await tasks();
      loads.push(loadavg()[0]);
      const jumpRun = await traced('jump', true, () => appGoto(page, '37000000', 37_000_001));
      const jump = jumpRun.timed;
      const jumpTasks = await tasks();
      const traced_ = c5Run.note + jumpRun.note;
      const step = await appGoto(page, '37000064', 37_000_065);
      const stepTasks = await tasks();
      const peak = stop();
      await page.close();
      f.jump.push(jump.ms);
      f.step.push(step.ms);
      f.c5.push(c5.ms);
      f.task.push(jump.longestTaskMs);
      console.error(
        `${name} round ${r} load ${loadavg()[0].toFixed(1)}: 5:1000 ${c5.ms.toFixed(0)} ms tasks ${c5Tasks}; 37000000 ${jump.ms.toFixed(0)} ms (longest ${jump.longestTaskMs.toFixed(0)}) tasks ${jumpTasks}; 37000064 ${step.ms.toFixed(0)} ms tasks ${stepTasks}${sampling ? `; peak ${mode} ${peak.toFixed(0)} MiB` : ''}${traced_}`,
      );
    }
  }
} finally {
  await context.close();
  for (const s of servers) await s.close();
}
console.log(`medians; load average (1 min) ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}${pss ? '; PSS sampled every 50 ms' : ''}`);
for (const [name, f] of figures)
  console.log(`${name.padEnd(24)} 5:1000 ${median(f.c5).toFixed(0)} ms | 37000000 ${median(f.jump).toFixed(0)} ms (n=${f.jump.length}, longest tasks ${f.task.map((t) => t.toFixed(0)).join('/')}) | 37000064 ${median(f.step).toFixed(0)} ms`);
