/**
 * The grid's own cost in Chromium: "Go to" a row never read (Enter to the row's cells painted) and
 * 64-row steps down from it (go to the row 64 further), with the longest main-thread task, for two
 * builds of the app (before and after a UI change) interleaved in one browser, on W2 and W1, at the
 * viewport bench/parquetWindowChromium.ts uses and at 1280×800.
 *
 *   git archive <base> | tar -x -C /tmp/base-src && ln -s $PWD/node_modules /tmp/base-src/
 *   (cd /tmp/base-src && npx vite build --outDir /tmp/base-dist) && npx vite build --outDir /tmp/new-dist
 *   npx tsx bench/gridJumpChromium.ts --base /tmp/base-dist --new /tmp/new-dist [--rounds 3] [--port 4235]
 *     [--files data/fec-50.parquet,data/fec-50.arrows] [--viewports 2400x1300,1280x800] [--count "cand_nm = 'Obama, Barack'"]
 *
 * --count: after the jumps, the filter typed in the Data view's filter box, timed from Enter to the
 * final count (bench/filterChromium.ts FILTER_TIMER), with the longest main-thread task meanwhile.
 */
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { appData, appGoto, appOpen, appPage, type Timed } from './appChromium';
import { startBenchServer, type BenchServer } from './browserServer';
import { CHUNK_ROWS } from './browserPlan';
import { PEERS_DIST } from './browserSession';
import { FILTER_TIMER } from './filterChromium';
import { arg } from './cliArgs';
import { median } from './median';

const dists = { base: arg('--base'), new: arg('--new') };
if (!dists.base || !dists.new) throw new Error('usage: --base DIST --new DIST [--rounds N] [--port P] [--files a,b] [--viewports WxH,WxH]');
const files = arg('--files', 'data/fec-50.parquet,data/fec-50.arrows')!.split(',').map((f) => resolve(f));
const viewports = arg('--viewports', '2400x1300,1280x800')!.split(',').map((v) => v.split('x').map(Number) as [number, number]);
const rounds = Number(arg('--rounds', '3'));
const port = Number(arg('--port', '4235'));
const countWhere = arg('--count');
const JUMPS = [37_000_000, 12_345_678, 44_444_444];
const STEPS = 4;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Figures {
  jump: number[];
  step: number[];
  jumpTask: number;
  stepTask: number;
  count: number[];
  countTask: number;
}

const servers: Record<string, BenchServer> = {};
let k = 0;
for (const [v, dist] of Object.entries(dists)) {
  process.env.BENCH_PORT = String(port + k++);
  servers[v] = await startBenchServer({ app: resolve(dist!), peers: PEERS_DIST, files: join(files[0], '..') });
}
const results = new Map<string, Figures>();
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'arrowscope-gridjump-')), {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ARGS,
  headless: true,
  serviceWorkers: 'block',
});
const loads: number[] = [];
try {
  for (const file of files) {
    for (const [w, h] of viewports) {
      for (let r = 0; r < rounds; r++) {
        for (const v of r % 2 ? ['new', 'base'] : ['base', 'new']) {
          const key = `${file.split('/').pop()} ${w}×${h} ${v}`;
          const res = results.get(key) ?? { jump: [], step: [], jumpTask: 0, stepTask: 0, count: [], countTask: 0 };
          results.set(key, res);
          const page = await appPage({ context, profile: '', server: servers[v] });
          await page.setViewportSize({ width: w, height: h });
          await appOpen(page, { path: file }, 600_000);
          const totalRows = Number(((await page.getByTestId('overview').textContent()) ?? '').match(/Rows([\d,]+)/)?.[1].replace(/,/g, ''));
          await appData(page);
          await appGoto(page, '5:1000', 5 * CHUNK_ROWS + 1001); // decoders loaded, as in bench/browserPlan.ts
          loads.push(loadavg()[0]);
          for (const jump of JUMPS.map((x) => x + r * 6_400)) {
            const j = await appGoto(page, String(jump), jump + 1);
            const steps: Timed[] = [];
            for (let s = 1; s <= STEPS; s++) steps.push(await appGoto(page, String(jump + s * 64), jump + s * 64 + 1));
            res.jump.push(j.ms);
            res.step.push(...steps.map((s) => s.ms));
            res.jumpTask = Math.max(res.jumpTask, j.longestTaskMs);
            res.stepTask = Math.max(res.stepTask, ...steps.map((s) => s.longestTaskMs));
            console.error(`${key} round ${r} row ${jump}: jump ${j.ms.toFixed(0)} ms (task ${j.longestTaskMs.toFixed(0)}); steps ${steps.map((s) => `${s.ms.toFixed(0)} (${s.longestTaskMs.toFixed(0)})`).join(', ')} ms; ${j.note}`);
          }
          if (countWhere) {
            await page.getByTestId('filter-text').fill(countWhere);
            await page.evaluate('window.__bench.longest = 0');
            const timed = page.evaluate(FILTER_TIMER(totalRows)) as Promise<{ final: number; status: string }>;
            await page.getByTestId('filter-text').press('Enter');
            const { final, status } = await timed;
            const task = (await page.evaluate('window.__bench.longest')) as number;
            res.count.push(final);
            res.countTask = Math.max(res.countTask, task);
            console.error(`${key} round ${r} count: ${final.toFixed(0)} ms (task ${task.toFixed(0)}); ${status}`);
          }
          await page.close();
        }
      }
    }
  }
} finally {
  await context.close();
  for (const s of Object.values(servers)) await s.close();
}
console.log(`medians; longest task: the longest over every jump (or step), 0 when none passed 50 ms; load average (1 min) ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`);
for (const [key, r] of results) {
  const count = r.count.length ? ` | count ${median(r.count).toFixed(0)} ms (n=${r.count.length}, longest task ${r.countTask.toFixed(0)})` : '';
  console.log(`${key.padEnd(34)} jump ${median(r.jump).toFixed(0)} ms (n=${r.jump.length}, longest task ${r.jumpTask.toFixed(0)}) | 64-row step ${median(r.step).toFixed(0)} ms (n=${r.step.length}, longest task ${r.stepTask.toFixed(0)})${count}`);
}
