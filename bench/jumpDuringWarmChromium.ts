/**
 * A "Go to row" jump that lands while the compute pool warms up (src/worker/idleWarm.ts: the pool's
 * workers start and open the file once the grid's reads have paused IDLE_MS), beside one made after
 * the warm-up, for two builds interleaved, on W1 at 2400x1300. Each round opens the file in a fresh
 * page (the warm-up runs once per open), goes to 5:1000, waits --wait ms, jumps; then waits 4 s and jumps again.
 *
 *   npx tsx bench/jumpDuringWarmChromium.ts --base DIST --new DIST [--rounds 3] [--wait 1050] [--port 4380] [--file data/fec-50.arrows]
 */
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { appData, appGoto, appOpen, appPage } from './appChromium';
import { startBenchServer, type BenchServer } from './browserServer';
import { CHUNK_ROWS } from './browserPlan';
import { PEERS_DIST } from './browserSession';
import { arg } from './cliArgs';
import { median } from './median';

const dists = { base: arg('--base'), new: arg('--new') };
if (!dists.base || !dists.new) throw new Error('usage: --base DIST --new DIST [--rounds N] [--wait MS] [--port P] [--file F]');
const file = resolve(arg('--file', 'data/fec-50.arrows')!);
const rounds = Number(arg('--rounds', '3'));
const wait = Number(arg('--wait', '1050'));
const port = Number(arg('--port', '4380'));

const servers: Record<string, BenchServer> = {};
let k = 0;
for (const [v, dist] of Object.entries(dists)) {
  process.env.BENCH_PORT = String(port + k++);
  servers[v] = await startBenchServer({ app: resolve(dist!), peers: PEERS_DIST, files: join(file, '..') });
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'], headless: true });
const context = await browser.newContext({ viewport: { width: 2400, height: 1300 }, serviceWorkers: 'block' });
const figures: Record<string, { during: number[]; after: number[] }> = {};
const loads: number[] = [];
try {
  for (let r = 0; r < rounds; r++) {
    for (const v of r % 2 ? ['new', 'base'] : ['base', 'new']) {
      const page = await appPage({ context, profile: '', server: servers[v] });
      await appOpen(page, { path: file }, 600_000);
      await appData(page);
      await appGoto(page, '5:1000', 5 * CHUNK_ROWS + 1001);
      loads.push(loadavg()[0]);
      await page.waitForTimeout(wait);
      const row = 37_000_000 + r * 6_400;
      const during = await appGoto(page, String(row), row + 1);
      await page.waitForTimeout(4000);
      const after = await appGoto(page, String(row - 20_000_000), row - 20_000_000 + 1);
      const f = (figures[v] ??= { during: [], after: [] });
      f.during.push(during.ms);
      f.after.push(after.ms);
      console.error(`${v} round ${r}: jump during warm-up ${during.ms.toFixed(0)} ms, after it ${after.ms.toFixed(0)} ms`);
      await page.close();
    }
  }
} finally {
  await context.close();
  await browser.close();
  for (const s of Object.values(servers)) await s.close();
}
console.log(`load (1 min) ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}; jump ${wait} ms after the last read (medians)`);
for (const [v, f] of Object.entries(figures)) console.log(`${v.padEnd(5)} during warm-up ${median(f.during).toFixed(0)} ms (${f.during.map((x) => x.toFixed(0)).join(', ')}) | after ${median(f.after).toFixed(0)} ms (${f.after.map((x) => x.toFixed(0)).join(', ')})`);
