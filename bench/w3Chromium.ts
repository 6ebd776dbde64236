/**
 * W3 in Chromium: the full index of a stream of many small batches (a first open, nothing kept), and a
 * second open of the same file in a new page of the same browser (its index kept in IndexedDB by the
 * first). Each build given is measured in its own fresh browser profile per round, builds interleaved
 * round by round; medians of the rounds (at least 3) with min and max, as a markdown table, beside the
 * CPU seconds the whole browser used for the first open (from /proc: every process of its profile) and the load.
 *
 *   npx tsx bench/w3Chromium.ts [--file data/fec-50-1k.arrows] [--reps 3] [--app label=DIST ...]
 *
 * Each DIST is a `vite build --outDir DIST` of the app (default: this checkout built into /tmp/w3-dist).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { appOpen } from './appChromium';
import { PEERS_DIST } from './browserSession';
import { startBenchServer } from './browserServer';
import { median } from './median';

const { values } = parseArgs({
  options: {
    file: { type: 'string', default: 'data/fec-50-1k.arrows' },
    reps: { type: 'string', default: '3' },
    app: { type: 'string', multiple: true },
  },
});
const file = resolve(values.file!);
const reps = Math.max(3, Number(values.reps));
const builds = (values.app ?? ['ours=/tmp/w3-dist']).map((a) => {
  const [label, dist] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [basename(a), a];
  return { label, dist: resolve(dist) };
});
for (const b of builds) {
  if (!existsSync(join(b.dist, 'index.html'))) {
    console.error(`building ${b.dist} …`);
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error', '--outDir', b.dist, '--emptyOutDir'], { stdio: 'inherit' });
  }
}

const INIT = `(() => {
  const b = (window.__bench = { longest: 0, t0: 0, schema: 0, index: 0 });
  const poll = () => {
    const text = document.querySelector('[data-testid=overview]')?.textContent ?? '';
    const now = performance.now() - b.t0;
    if (!b.schema && /Opened in[\\d.]+ ms/.test(text)) b.schema = now;
    if (!b.index && /Indexed in[\\d.]+ ms/.test(text)) { b.index = now; b.kept = /index kept from an earlier open/.test(text); b.text = text; }
    if (!b.index) requestAnimationFrame(poll);
  };
  const start = () => { b.t0 = performance.now(); b.schema = 0; b.index = 0; requestAnimationFrame(poll); };
  document.addEventListener('change', (e) => { if (e.target.matches?.('[data-testid=file-input]')) start(); }, true);
})()`;

/** Milliseconds until IndexedDB holds a kept index (the first open writes it after indexing), or -1 after 20 s. */
const KEPT_WRITTEN = `new Promise((resolve) => {
  const t0 = performance.now();
  const check = () => {
    const r = indexedDB.open('arrowscope-kept-indexes');
    r.onsuccess = () => {
      const db = r.result;
      if (!db.objectStoreNames.contains('keptAt')) { db.close(); return retry(); }
      const c = db.transaction('keptAt').objectStore('keptAt').count();
      c.onsuccess = () => { db.close(); c.result > 0 ? resolve(performance.now() - t0) : retry(); };
    };
    r.onerror = retry;
  };
  const retry = () => (performance.now() - t0 > 20000 ? resolve(-1) : setTimeout(check, 100));
  check();
})`;

/**
 * CPU seconds (user + system) used so far by every process of the browser whose command line holds
 * `marker` (its profile folder) and by all their descendants (zygotes, renderers, utilities), from /proc.
 */
function browserCpuSeconds(marker: string): number {
  const procs = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return [{ pid: Number(pid), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), cmd: readFileSync(`/proc/${pid}/cmdline`, 'utf8') }];
      } catch {
        return [];
      }
    });
  const tree = new Set(procs.filter((p) => p.cmd.includes(marker)).map((p) => p.pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) {
      if (tree.has(p.pid) || !tree.has(p.ppid)) continue;
      tree.add(p.pid);
      grew = true;
    }
  }
  return procs.filter((p) => tree.has(p.pid)).reduce((sum, p) => sum + p.ticks, 0) / 100;
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];

interface Sample {
  firstSchema: number;
  firstIndex: number;
  /** CPU seconds of the whole browser from the page's load to the first open's full index. */
  firstCpu: number;
  load: string;
  secondSchema: number;
  secondIndex: number;
  secondKept: boolean;
  chunks: string;
}

async function round(dist: string): Promise<Sample> {
  const server = await startBenchServer({ app: dist, peers: PEERS_DIST, files: dirname(file) });
  const profile = mkdtempSync(join(tmpdir(), 'arrowscope-w3-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    headless: true,
    serviceWorkers: 'block',
    viewport: { width: 1600, height: 1000 },
  });
  try {
    const openOnce = async () => {
      const page = await context.newPage();
      await page.addInitScript(INIT);
      await page.goto(`${server.origin}/app/`);
      await page.getByRole('button', { name: 'Open sample' }).waitFor();
      const cpu0 = browserCpuSeconds(profile);
      const o = await appOpen(page, { path: file }, 600_000);
      const cpu = browserCpuSeconds(profile) - cpu0;
      const b = (await page.evaluate('window.__bench')) as { kept?: boolean; text: string };
      const chunks = /Record batches([\d,]+)/.exec(b.text)?.[1] ?? '?';
      return { page, o, kept: b.kept === true, chunks, cpu };
    };
    const first = await openOnce();
    const written = (await first.page.evaluate(KEPT_WRITTEN)) as number;
    if (written < 0) console.error(`  (${dist}: no kept index written)`);
    await first.page.close();
    const second = await openOnce();
    await second.page.close();
    if (second.chunks !== first.chunks) throw new Error(`second open lists ${second.chunks} batches, the first ${first.chunks}`);
    return { firstSchema: first.o.schema.ms, firstIndex: first.o.index.ms, firstCpu: first.cpu, load: loadAverage(), secondSchema: second.o.schema.ms, secondIndex: second.o.index.ms, secondKept: second.kept, chunks: first.chunks };
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

const samples = new Map<string, Sample[]>(builds.map((b) => [b.label, []]));
for (let r = 0; r < reps; r++) {
  for (const b of builds) {
    const s = await round(b.dist);
    samples.get(b.label)!.push(s);
    console.error(`round ${r + 1} ${b.label}: first index ${s.firstIndex.toFixed(0)} ms (browser CPU ${s.firstCpu.toFixed(1)} s, load ${s.load}), second open index ${s.secondIndex.toFixed(0)} ms${s.secondKept ? ' (kept)' : ''}, ${s.chunks} batches`);
  }
}

const size = statSync(file).size;
console.log(`### W3 in Chromium: ${basename(file)} (${(size / 1e9).toFixed(1)} GB), median of ${reps} (min–max), ${new Date().toISOString().slice(0, 16)}Z\n`);
console.log('| build | batches | first open: schema | first open: full index | first open: browser CPU | load (1 min) | second open: schema | second open: full index | index kept on second open |');
console.log('|---|---|---|---|---|---|---|---|---|');
const cpu = (xs: number[]) => `${median(xs).toFixed(1)} s (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;
for (const [label, s] of samples) {
  console.log(
    `| ${label} | ${s[0].chunks} | ${ms(s.map((x) => x.firstSchema))} | ${ms(s.map((x) => x.firstIndex))} | ${cpu(s.map((x) => x.firstCpu))} | ${s.map((x) => x.load).join(', ')} | ${ms(s.map((x) => x.secondSchema))} | ${ms(s.map((x) => x.secondIndex))} | ${s.filter((x) => x.secondKept).length}/${s.length} |`,
  );
}
