/**
 * W2 in Chromium, the app as users drive it: "Go to" a row never read (Enter to the row's cells
 * painted) and 64-row steps down from it (go to the row 64 further), the build decoding only the pages
 * of a window against the same source built to decode whole column chunks, interleaved in one browser.
 * The last round opens the file by URL instead, so that the local server counts the bytes each step reads.
 *
 *   # the same commit twice, once with page windows off:
 *   git archive HEAD | tar -x -C /tmp/a && git archive HEAD | tar -x -C /tmp/b   (node_modules linked in each)
 *   sed -i 's/pageWindowSettings = { enabled: true }/pageWindowSettings = { enabled: false }/' /tmp/b/src/parquet/pageWindow.ts
 *   (cd /tmp/a && npx vite build --outDir /tmp/a-dist) && (cd /tmp/b && npx vite build --outDir /tmp/b-dist)
 *   npx tsx bench/parquetWindowChromium.ts --pages /tmp/a-dist --whole /tmp/b-dist [--rounds 4] [--port 4202]
 *
 * Any two builds compare the same way as --after and --before (e.g. a change to the page decoding).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { appData, appGoto, appOpen, appPage, type Timed } from './appChromium';
import { startBenchServer, type BenchServer } from './browserServer';
import { CHUNK_ROWS } from './browserPlan';
import { PEERS_DIST } from './browserSession';
import { arg } from './cliArgs';
import { median } from './median';

const dists: Record<string, string | undefined> = arg('--after') ? { after: arg('--after'), before: arg('--before') } : { pages: arg('--pages'), whole: arg('--whole') };
if (Object.values(dists).some((d) => !d)) throw new Error('usage: --pages DIST --whole DIST (or --after DIST --before DIST) [--rounds N] [--port P] [--file data/fec-50.parquet]');
const [first, second] = Object.keys(dists);
const file = resolve(arg('--file', 'data/fec-50.parquet')!);
const rounds = Number(arg('--rounds', '4'));
const port = Number(arg('--port', '4202'));
const C5 = 5 * CHUNK_ROWS + 1000;
const JUMPS = [37_000_000, 12_345_678, 44_444_444];
const STEPS = 4;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const mib = (n: number) => (n / 2 ** 20).toFixed(2);

interface Figures {
  jump: number[];
  step: number[];
  longestTask: number;
  jumpBytes: number[];
  stepBytes: number[];
}

const servers: Record<string, BenchServer> = {};
const results: Record<string, Figures> = {};
let k = 0;
for (const [v, dist] of Object.entries(dists)) {
  process.env.BENCH_PORT = String(port + k++);
  servers[v] = await startBenchServer({ app: resolve(dist!), peers: PEERS_DIST, files: join(file, '..') });
  results[v] = { jump: [], step: [], longestTask: 0, jumpBytes: [], stepBytes: [] };
}
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'arrowscope-window-')), {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ARGS,
  headless: true,
  serviceWorkers: 'block',
  viewport: { width: 2400, height: 1300 },
});
try {
  for (let r = 0; r < rounds; r++) {
    const overHttp = r === rounds - 1;
    for (const v of r % 2 ? [second, first] : [first, second]) {
      const server = servers[v];
      const res = results[v];
      const page = await appPage({ context, profile: '', server });
      await appOpen(page, overHttp ? { url: `${server.origin}/files/${file.split('/').pop()}` } : { path: file });
      await appData(page);
      await appGoto(page, '5:1000', C5 + 1); // the decoder loaded, as in bench/browserPlan.ts
      for (const jump of JUMPS.map((x) => x + r * 6_400)) {
        const timed = async (row: number): Promise<[Timed, number]> => {
          server.fileStats.bytes = 0;
          const t = await appGoto(page, String(row), row + 1);
          return [t, server.fileStats.bytes];
        };
        const [j, jb] = await timed(jump);
        const steps: [Timed, number][] = [];
        for (let s = 1; s <= STEPS; s++) steps.push(await timed(jump + s * 64));
        if (overHttp) {
          res.jumpBytes.push(jb);
          res.stepBytes.push(...steps.map((s) => s[1]));
        } else {
          res.jump.push(j.ms);
          res.step.push(...steps.map((s) => s[0].ms));
          res.longestTask = Math.max(res.longestTask, j.longestTaskMs, ...steps.map((s) => s[0].longestTaskMs));
        }
        console.error(`${v} round ${r} row ${jump}${overHttp ? ' (URL)' : ''}: jump ${j.ms.toFixed(0)} ms, ${mib(jb)} MiB; steps ${steps.map((s) => `${s[0].ms.toFixed(0)} ms/${mib(s[1])} MiB`).join(', ')}; ${j.note}`);
      }
      await page.close();
    }
  }
} finally {
  await context.close();
  for (const s of Object.values(servers)) await s.close();
}
console.log(`${file}: medians (local file; bytes from the URL round)`);
for (const [v, r] of Object.entries(results)) {
  console.log(
    `${v.padEnd(6)} jump ${median(r.jump).toFixed(0)} ms (n=${r.jump.length}) | 64-row step ${median(r.step).toFixed(0)} ms (n=${r.step.length}) | longest task ${r.longestTask.toFixed(0)} ms | read: jump ${mib(median(r.jumpBytes))} MiB, step ${mib(median(r.stepBytes))} MiB (worst ${mib(Math.max(...r.stepBytes))})`,
  );
}
