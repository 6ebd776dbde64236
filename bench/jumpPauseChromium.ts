/**
 * The full bench's W1 jump to row 37,000,000 (it comes right after "Go to" 5:1000) against the same
 * jump after a pause: per round a fresh page opens the file, shows the Data tab, goes to 5:1000, waits
 * each --pauses ms in turn (0: none, as the bench), then goes to a row near 37,000,000 never read before,
 * timed as the bench times it (bench/appChromium.ts appGoto). Prints each pause's median.
 *
 *   npx vite build --outDir /tmp/a-dist
 *   npx tsx bench/jumpPauseChromium.ts --dist /tmp/a-dist [--file data/fec-50.arrows] [--pauses 0,600,3000] [--rounds 5] [--port 4392]
 */
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { appData, appGoto, appOpen, appPage } from './appChromium';
import { startBenchServer } from './browserServer';
import { CHUNK_ROWS } from './browserPlan';
import { launchBenchBrowser, PEERS_DIST } from './browserSession';
import { arg } from './cliArgs';
import { median } from './median';

const dist = resolve(arg('--dist', '/tmp/a-dist')!);
const file = resolve(arg('--file', 'data/fec-50.arrows')!);
const pauses = arg('--pauses', '0,600,3000')!.split(',').map(Number);
const rounds = Number(arg('--rounds', '5'));
process.env.BENCH_PORT = arg('--port', '4392');

const server = await startBenchServer({ app: dist, peers: PEERS_DIST, files: dirname(file) });
const { context, profile } = await launchBenchBrowser('arrowscope-jump-pause-');
const times = new Map<number, number[]>();
try {
  for (let r = 0; r < rounds; r++) {
    for (const [k, pause] of pauses.entries()) {
      const page = await appPage({ context, profile, server });
      await appOpen(page, { path: file }, 600_000);
      await appData(page);
      await appGoto(page, '5:1000', 5 * CHUNK_ROWS + 1001);
      if (pause) await page.waitForTimeout(pause);
      const row = 37_000_000 + (r * pauses.length + k) * 12_800;
      const { ms } = await appGoto(page, String(row), row + 1);
      times.set(pause, [...(times.get(pause) ?? []), ms]);
      console.log(`round ${r}, pause ${pause} ms: ${ms.toFixed(1)} ms, load ${loadavg()[0].toFixed(1)}`);
      await page.close();
    }
  }
} finally {
  await context.close();
  await server.close();
}
for (const [pause, xs] of times) console.log(`pause ${pause} ms: median ${median(xs).toFixed(1)} ms (${xs.map((x) => x.toFixed(1)).join(', ')})`);
