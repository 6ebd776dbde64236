/**
 * Where a unique count's CPU goes in Chromium: the app counts `column` of each file (click on Count to
 * the result, the app's own "in N s"), and the CPU time of every Chromium thread over the count is read
 * from /proc (Linux), summed by thread name (DedicatedWorker: the compute pool and the engine;
 * CrRendererMain: the page; the browser's file threads: reads). Builds interleaved as uniqueChromium.
 *
 *   npx tsx bench/uniqueThreadsChromium.ts --dists /tmp/a-dist,/tmp/b-dist [--rounds 3] [--port 4331]
 *     [--files data/fec-50.arrows,data/fec-50.parquet] [--column contbr_nm]
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { appOpen, appPage, appUnique } from './appChromium';
import { startBenchServer, type BenchServer } from './browserServer';
import { PEERS_DIST } from './browserSession';
import { arg } from './cliArgs';
import { median } from './median';

const dists = arg('--dists')!.split(',');
const files = arg('--files', 'data/fec-50.arrows,data/fec-50.parquet')!.split(',').map((f) => resolve(f));
const column = arg('--column', 'contbr_nm')!;
const rounds = Number(arg('--rounds', '3'));
const port = Number(arg('--port', '4331'));
const TICK = 100; // USER_HZ

/** A file's text, or '' when it is gone (a process that ended). */
function readOr(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function listOr(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

/** CPU seconds of every thread of the processes whose command line holds `marker`, by thread name. */
function threadCpu(marker: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    const cmd = readOr(`/proc/${pid}/cmdline`);
    if (!cmd.includes(marker)) continue;
    const type = cmd.match(/--type=([a-z-]+)/)?.[1] ?? 'browser';
    for (const tid of listOr(`/proc/${pid}/task`)) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const key = `${type}:${name}`;
        // Keyed by thread too, so a thread that ends between two readings is not subtracted.
        out.set(`${key}#${pid}.${tid}`, (Number(fields[11]) + Number(fields[12])) / TICK);
      } catch {
        /* thread ended */
      }
    }
  }
  return out;
}

function cpuDelta(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const by = new Map<string, number>();
  for (const [k, v] of after) {
    const d = v - (before.get(k) ?? 0);
    if (d <= 0) continue;
    // Workers one by one (the engine and each compute worker), every other thread by its name.
    const name = k.includes(':DedicatedWorker#') ? k.replace(/#\d+\./, ' ') : k.slice(0, k.indexOf('#'));
    by.set(name, (by.get(name) ?? 0) + d);
  }
  return by;
}

const servers: BenchServer[] = [];
for (const [k, dist] of dists.entries()) {
  process.env.BENCH_PORT = String(port + k);
  servers.push(await startBenchServer({ app: resolve(dist), peers: PEERS_DIST, files: join(files[0], '..') }));
}
const profileDir = mkdtempSync(join(tmpdir(), 'arrowscope-unique-cpu-'));
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  headless: true,
  serviceWorkers: 'block',
});
const results = new Map<string, { ms: number[]; cpu: number[]; threads: Map<string, number[]>; pool: number[] }>();
try {
  for (const file of files) {
    for (let r = 0; r < rounds; r++) {
      const order = dists.map((_, k) => k);
      if (r % 2) order.reverse();
      for (const k of order) {
        const page = await appPage({ context, profile: profileDir, server: servers[k] });
        await appOpen(page, { path: file }, 600_000);
        await page.waitForTimeout(1500); // the warm pool's open settles before the count
        const load = loadavg()[0];
        const before = threadCpu(profileDir);
        const t = await appUnique(page, column);
        const by = cpuDelta(before, threadCpu(profileDir));
        const key = `${file.split('/').pop()} ${column} ${dists[k]}`;
        const res = results.get(key) ?? { ms: [], cpu: [], threads: new Map<string, number[]>(), pool: [] };
        results.set(key, res);
        res.ms.push(t.ms);
        let total = 0;
        for (const [name, s] of by) {
          total += s;
          res.threads.set(name, [...(res.threads.get(name) ?? []), s]);
        }
        res.cpu.push(total);
        // The workers that count (more than a second each): the pool; the engine's worker does far less.
        res.pool.push([...by].filter(([n, x]) => n.includes('DedicatedWorker') && x > 1).reduce((sum, [, x]) => sum + x, 0));
        const top = [...by].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, s]) => `${n} ${s.toFixed(2)}`).join(', ');
        console.error(`${key} round ${r}: ${t.ms.toFixed(0)} ms, CPU ${total.toFixed(2)} s (${top}), ${t.distinct}, load ${load.toFixed(1)}`);
        await page.close();
      }
    }
  }
} finally {
  await context.close();
  for (const s of servers) await s.close();
}
console.log(`medians of ${rounds}`);
for (const [key, r] of results) {
  const named = new Map<string, number[]>();
  for (const [n, xs] of r.threads) if (!n.includes('DedicatedWorker')) named.set(n, xs);
  const threads = [...named].map(([n, xs]) => [n, median(xs)] as const).filter(([, s]) => s >= 0.05).sort((a, b) => b[1] - a[1]);
  console.log(
    `${key}: ${median(r.ms).toFixed(0)} ms (${r.ms.map((x) => x.toFixed(0)).join(', ')}), CPU ${median(r.cpu).toFixed(2)} s (${r.cpu.map((x) => x.toFixed(2)).join(', ')}); pool workers ${median(r.pool).toFixed(2)} s; ${threads.map(([n, s]) => `${n} ${s.toFixed(2)}`).join(', ')}`,
  );
}
