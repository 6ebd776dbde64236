/**
 * node --import tsx bench/sortChromium.ts W1.arrows [W2.parquet] [runs]
 *   env: BENCH_APP_DIST (the built app; npm run bench's folder by default), SORT_LOG=1 (print the app's console)
 *
 * The top-10 step of `npm run bench -- --only FILTER` on its own: the header menu's "Sort descending" on
 * contb_receipt_amt in the built app over W1, timed from the click to the first row painted in the
 * sorted order (filterPlan.ts appSortDesc), each run in a fresh page with the file opened and indexed
 * first; interleaved round by round with DuckDB-Wasm's `ORDER BY contb_receipt_amt DESC LIMIT 10` over
 * W2 (started, file registered first) when W2 is given. Prints one JSON line per run, then the medians
 * with their ranges and the load average.
 */
import { loadavg } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { appOpen, appPage } from './appChromium';
import { withSession } from './browserSession';
import { appSortDesc } from './filterPlan';
import { peerCall, peerPage } from './peersChromium';

const w1 = resolve(process.argv[2]);
const w2 = process.argv[3] && !/^\d+$/.test(process.argv[3]) ? resolve(process.argv[3]) : null;
const runs = Number(process.argv[w2 ? 4 : 3] ?? 3);
const COLUMN = 'contb_receipt_amt';
const times: Record<string, number[]> = { ours: [], 'DuckDB-Wasm': [] };
const loads: number[] = [];
const line = (who: string, ms: number, extra: object) => console.log(JSON.stringify({ who, ms: Math.round(ms), ...extra, load: loadavg()[0].toFixed(2) }));

await withSession(dirname(w1), async (s) => {
  for (let k = 0; k < runs; k++) {
    loads.push(loadavg()[0]);
    const page = await appPage(s);
    if (process.env.SORT_LOG) page.on('console', (m) => console.log(`  [page] ${m.text()}`));
    await appOpen(page, { path: w1 });
    const t = await appSortDesc(page, COLUMN);
    times.ours.push(t.ms);
    line('ours', t.ms, { file: basename(w1), longestTaskMs: Math.round(t.longestTaskMs), note: t.note });
    await page.close();
    if (!w2) continue;
    const peer = await peerPage(s, w2);
    await peerCall(peer, 'duckdbOpen()');
    // every column, as our first row shows them; a full scan of every column, allowed 300 s as in filterPlan.ts
    const q = await peerCall(peer, `duckdbQuery("SELECT * FROM FILE ORDER BY ${COLUMN} DESC LIMIT 10")`, 300_000);
    times['DuckDB-Wasm'].push(q.ms);
    line('DuckDB-Wasm', q.ms, { file: basename(w2) });
    await peerCall(peer, 'duckdbClose()');
    await peer.close();
  }
});
const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]), minMs: Math.round(sorted[0]), maxMs: Math.round(sorted[sorted.length - 1]) };
};
for (const [who, xs] of Object.entries(times)) if (xs.length) console.log(JSON.stringify({ who, ...stats(xs), loadAverage: `${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}` }));
