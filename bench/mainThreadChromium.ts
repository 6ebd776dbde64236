/**
 * Main-thread tasks per step in Chromium, by wall time and by CPU time, for two builds interleaved in
 * one browser: open (to "Indexed in"), "go to" jumps and 64-row steps, unique `cand_nm`, the filter
 * count. A long task's wall time also holds the time its thread waited for a core (2 shared cores,
 * the compute workers and other sessions' processes beside it); its CPU time is the page's own work.
 * Each step runs inside a Chromium trace (CDP Tracing) and reports:
 *   wall: the longest task by the 'longtask' observer (0 when none passed 50 ms), as bench/appChromium.ts;
 *   cpu:  the most CPU any renderer main-thread task took (thread time of ThreadControllerImpl::RunTask);
 *   cpuOfLongest: the CPU time of the task with the longest wall time.
 *
 *   npx tsx bench/mainThreadChromium.ts --base /tmp/base-dist --new /tmp/new-dist [--rounds 3] [--port 4325]
 *     [--files data/fec-50.parquet,data/fec-50.arrows] [--viewport 2400x1300] [--where "cand_nm = 'Obama, Barack'"]
 */
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { recordTrace, type TraceEvent as ChromeEvent } from './chromeTrace';
import { appData, appGoto, appOpen, appPage, appUnique } from './appChromium';
import { startBenchServer, type BenchServer } from './browserServer';
import { CHUNK_ROWS } from './browserPlan';
import { PEERS_DIST } from './browserSession';
import { FILTER_TIMER } from './filterChromium';
import { arg } from './cliArgs';
import { median } from './median';

const dists = { base: arg('--base'), new: arg('--new') };
if (!dists.base || !dists.new) throw new Error('usage: --base DIST --new DIST [--rounds N] [--port P] [--files a,b] [--viewport WxH] [--where TEXT]');
const files = arg('--files', 'data/fec-50.parquet,data/fec-50.arrows')!.split(',').map((f) => resolve(f));
const [width, height] = arg('--viewport', '2400x1300')!.split('x').map(Number);
const rounds = Number(arg('--rounds', '3'));
const port = Number(arg('--port', '4325'));
const where = arg('--where', "cand_nm = 'Obama, Barack'")!;
const JUMPS = [37_000_000, 12_345_678, 44_444_444];
const STEPS = 4;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'];

type TraceEvent = ChromeEvent<{ name?: string }>;

/** The renderer main thread's tasks in a trace: wall and CPU milliseconds each. */
function mainTasks(events: TraceEvent[]): { wall: number; cpu: number }[] {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  return events
    .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && mains.has(`${e.pid}:${e.tid}`))
    .map((e) => ({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 }));
}

async function traced<T>(cdp: CDPSession, f: () => Promise<T>): Promise<{ result: T; cpu: number; cpuOfLongest: number }> {
  const { result, events } = await recordTrace<T, TraceEvent>(cdp, CATEGORIES, f);
  const tasks = mainTasks(events);
  const longest = tasks.reduce((a, b) => (b.wall > a.wall ? b : a), { wall: 0, cpu: 0 });
  return { result, cpu: Math.max(0, ...tasks.map((t) => t.cpu)), cpuOfLongest: longest.cpu };
}

interface Sample {
  wall: number;
  cpu: number;
  cpuOfLongest: number;
}

const longest = async (page: Page) => (await page.evaluate('window.__bench.longest')) as number;

async function run(server: BenchServer, context: Awaited<ReturnType<typeof chromium.launchPersistentContext>>, file: string, r: number): Promise<Record<string, Sample>> {
  const out: Record<string, Sample> = {};
  const page = await appPage({ context, profile: '', server });
  await page.setViewportSize({ width, height });
  const cdp = await context.newCDPSession(page);
  try {
    const open = await traced(cdp, () => appOpen(page, { path: file }, 600_000));
    out.open = { wall: open.result.index.longestTaskMs, cpu: open.cpu, cpuOfLongest: open.cpuOfLongest };
    const totalRows = Number(((await page.getByTestId('overview').textContent()) ?? '').match(/Rows([\d,]+)/)?.[1].replace(/,/g, ''));
    await appData(page);
    await appGoto(page, '5:1000', 5 * CHUNK_ROWS + 1001); // decoders loaded, as in bench/gridJumpChromium.ts
    const jump: Sample = { wall: 0, cpu: 0, cpuOfLongest: 0 };
    const step: Sample = { wall: 0, cpu: 0, cpuOfLongest: 0 };
    const keep = (into: Sample, t: { result: { longestTaskMs: number }; cpu: number; cpuOfLongest: number }) => {
      if (t.result.longestTaskMs >= into.wall) Object.assign(into, { wall: t.result.longestTaskMs, cpuOfLongest: t.cpuOfLongest });
      into.cpu = Math.max(into.cpu, t.cpu);
    };
    for (const row of JUMPS.map((x) => x + r * 6_400)) {
      keep(jump, await traced(cdp, () => appGoto(page, String(row), row + 1)));
      for (let s = 1; s <= STEPS; s++) keep(step, await traced(cdp, () => appGoto(page, String(row + s * 64), row + s * 64 + 1)));
    }
    Object.assign(out, { jump, step });
    const unique = await traced(cdp, () => appUnique(page, 'cand_nm'));
    out.unique = { wall: unique.result.longestTaskMs, cpu: unique.cpu, cpuOfLongest: unique.cpuOfLongest };
    await appData(page);
    await page.getByTestId('filter-text').fill(where);
    await page.evaluate('window.__bench.longest = 0');
    const count = await traced(cdp, async () => {
      const timed = page.evaluate(FILTER_TIMER(totalRows));
      await page.getByTestId('filter-text').press('Enter');
      await timed;
      return longest(page);
    });
    out.count = { wall: count.result, cpu: count.cpu, cpuOfLongest: count.cpuOfLongest };
  } finally {
    await page.close();
  }
  return out;
}

const servers: Record<string, BenchServer> = {};
let k = 0;
for (const [v, dist] of Object.entries(dists)) {
  process.env.BENCH_PORT = String(port + k++);
  servers[v] = await startBenchServer({ app: resolve(dist!), peers: PEERS_DIST, files: join(files[0], '..') });
}
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'arrowscope-mainthread-')), {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ARGS,
  headless: true,
  serviceWorkers: 'block',
});
const samples = new Map<string, Sample[]>();
const loads: number[] = [];
try {
  for (const file of files) {
    for (let r = 0; r < rounds; r++) {
      for (const v of r % 2 ? ['new', 'base'] : ['base', 'new']) {
        loads.push(loadavg()[0]);
        const res = await run(servers[v], context, file, r);
        for (const [step, s] of Object.entries(res)) {
          const key = `${file.split('/').pop()} ${step} ${v}`;
          samples.set(key, [...(samples.get(key) ?? []), s]);
          console.error(`${key} round ${r}: longest task ${s.wall.toFixed(0)} ms wall (its CPU ${s.cpuOfLongest.toFixed(0)} ms); most CPU in one task ${s.cpu.toFixed(0)} ms`);
        }
      }
    }
  }
} finally {
  await context.close();
  for (const s of Object.values(servers)) await s.close();
}
console.log(`${width}×${height}; medians over ${rounds} rounds (each round: every jump or step of the line); load average (1 min) ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`);
for (const [key, xs] of samples) {
  console.log(`${key.padEnd(30)} longest task ${median(xs.map((x) => x.wall)).toFixed(0)} ms wall (max ${Math.max(...xs.map((x) => x.wall)).toFixed(0)}), its CPU ${median(xs.map((x) => x.cpuOfLongest)).toFixed(0)} ms | most CPU in one task ${median(xs.map((x) => x.cpu)).toFixed(0)} ms (max ${Math.max(...xs.map((x) => x.cpu)).toFixed(0)})`);
}
