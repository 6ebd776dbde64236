/**
 * What the bench's memory sampler costs the steps it watches: per round a fresh page opens the file,
 * goes to row 37,000,000, then counts the unique values of each column (as the full bench's W1 part
 * does), while nothing samples, PSS is sampled every 50 ms (smaps_rollup: a walk of every process's page
 * tables), or RSS is (/proc/PID/status); the modes rotate round by round. Prints each count's time, the
 * peak memory added by the sampler's measure, and one scan's cost.
 *
 *   npx vite build --outDir /tmp/a-dist
 *   npx tsx bench/samplerCostChromium.ts --dist /tmp/a-dist [--file data/fec-50.arrows] [--columns cand_nm,contbr_nm] [--rounds 9] [--port 4391]
 */
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { appData, appGoto, appOpen, appPage, appUnique } from './appChromium';
import { startBenchServer } from './browserServer';
import { launchBenchBrowser, PEERS_DIST } from './browserSession';
import { arg } from './cliArgs';
import { median } from './median';
import { pssMiB, rssMiB, samplePeak } from './tabMemory';

const dist = resolve(arg('--dist', '/tmp/a-dist')!);
const file = resolve(arg('--file', 'data/fec-50.arrows')!);
const columns = arg('--columns', 'cand_nm,contbr_nm')!.split(',');
const rounds = Number(arg('--rounds', '9'));
process.env.BENCH_PORT = arg('--port', '4391');
const MODES = { none: null, pss: pssMiB, rss: rssMiB } as const;
type Mode = keyof typeof MODES;

const server = await startBenchServer({ app: dist, peers: PEERS_DIST, files: dirname(file) });
const { context, profile } = await launchBenchBrowser('arrowscope-sampler-');
const times = new Map<string, number[]>();
try {
  for (let r = 0; r < rounds; r++) {
    const mode = (Object.keys(MODES) as Mode[])[r % 3];
    const measure = MODES[mode];
    const page = await appPage({ context, profile, server });
    await appOpen(page, { path: file }, 600_000);
    await appData(page);
    await appGoto(page, '37000000', 37_000_001);
    await page.waitForTimeout(1500);
    const t = performance.now();
    const before = measure ? measure(profile) : 0;
    const scanMs = performance.now() - t;
    const stop = measure ? samplePeak(profile, 50, measure) : () => 0;
    const out: string[] = [];
    for (const c of columns) {
      const ms = (await appUnique(page, c)).ms;
      times.set(`${mode} ${c}`, [...(times.get(`${mode} ${c}`) ?? []), ms]);
      out.push(`${c} ${ms} ms`);
    }
    const added = stop() - before;
    console.log(`round ${r}, ${mode}, load ${loadavg()[0].toFixed(1)}: ${out.join(', ')}${measure ? `; peak added ${added.toFixed(0)} MiB; one scan ${scanMs.toFixed(1)} ms` : ''}`);
    await page.close();
  }
} finally {
  await context.close();
  await server.close();
}
for (const [k, xs] of times) console.log(`${k}: median ${median(xs)} ms (${xs.join(', ')})`);
