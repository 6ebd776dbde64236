/**
 * The app's unique count in Chromium (click on Count to the result on screen, the app's own "in N s"),
 * for two builds (before and after a change to counting) interleaved round by round in one browser.
 *
 *   git archive <base> | tar -x -C /tmp/base-src && (cd /tmp/base-src && npx vite build --outDir /tmp/base-dist)
 *   npx vite build --outDir /tmp/new-dist
 *   npx tsx bench/uniqueChromium.ts --base /tmp/base-dist --new /tmp/new-dist [--rounds 3] [--port 4262]
 *     [--files data/fec-50.arrows,data/fec-50.parquet] [--columns contbr_nm,cand_nm]
 */
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { appOpen, appPage, appUnique } from './appChromium';
import { startBenchServer, type BenchServer } from './browserServer';
import { PEERS_DIST } from './browserSession';
import { arg } from './cliArgs';
import { median } from './median';

const dists = { base: arg('--base'), new: arg('--new') };
if (!dists.base || !dists.new) throw new Error('usage: --base DIST --new DIST [--rounds N] [--port P] [--files a,b] [--columns a,b]');
const files = arg('--files', 'data/fec-50.arrows,data/fec-50.parquet')!.split(',').map((f) => resolve(f));
const columns = arg('--columns', 'contbr_nm,cand_nm')!.split(',');
const rounds = Number(arg('--rounds', '3'));
const port = Number(arg('--port', '4262'));
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const servers: Record<string, BenchServer> = {};
let k = 0;
for (const [v, dist] of Object.entries(dists)) {
  process.env.BENCH_PORT = String(port + k++);
  servers[v] = await startBenchServer({ app: resolve(dist!), peers: PEERS_DIST, files: join(files[0], '..') });
}
const results = new Map<string, { ms: number[]; longest: number; distinct: string }>();
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'arrowscope-unique-')), {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ARGS,
  headless: true,
  serviceWorkers: 'block',
});
const loads: number[] = [];
try {
  for (const file of files) {
    for (let r = 0; r < rounds; r++) {
      for (const v of r % 2 ? ['new', 'base'] : ['base', 'new']) {
        const page = await appPage({ context, profile: '', server: servers[v] });
        await appOpen(page, { path: file }, 600_000);
        for (const column of columns) {
          loads.push(loadavg()[0]);
          const t = await appUnique(page, column);
          const key = `${file.split('/').pop()} ${column} ${v}`;
          const res = results.get(key) ?? { ms: [], longest: 0, distinct: t.distinct };
          results.set(key, res);
          res.ms.push(t.ms);
          res.longest = Math.max(res.longest, t.longestTaskMs);
          console.error(`${key} round ${r}: ${t.ms.toFixed(0)} ms (longest task ${t.longestTaskMs.toFixed(0)}), ${t.distinct}, load ${loadavg()[0].toFixed(1)}`);
        }
        await page.close();
      }
    }
  }
} finally {
  await context.close();
  for (const s of Object.values(servers)) await s.close();
}
console.log(`medians of ${rounds}; load average (1 min) ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`);
for (const [key, r] of results) console.log(`${key.padEnd(34)} ${median(r.ms).toFixed(0)} ms (${r.ms.map((x) => x.toFixed(0)).join(', ')}; longest task ${r.longest.toFixed(0)}) ${r.distinct}`);
