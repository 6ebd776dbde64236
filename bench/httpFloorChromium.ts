/**
 * The transport floor of the HTTP steps: how fast the bench's own local server (bench/browserServer.ts,
 * no added latency) hands a data file's bytes to Chromium, beside the same server to Node's fetch, a raw
 * TCP socket on loopback, and the same ranges read from the file (OS page cache). Over HTTP a unique
 * count of W1's `cand_nm` moves about 830 MB in ~64 large Range requests; no reader can be faster than
 * that many bytes at this rate, whatever it decodes.
 *
 * Ranges: --count ranges of --mb MiB spread over the file, fetched by --workers dedicated workers at once
 * (the app's compute pool reads with 2), each `fetch(...).arrayBuffer()`, as the pool's workers do.
 *
 *   npx tsx bench/httpFloorChromium.ts [--file data/fec-50.arrows] [--count 32] [--mb 13] [--workers 2] [--rounds 3]
 */
import { open } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { loadavg } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { statSync } from 'node:fs';
import { startBenchServer } from './browserServer';
import { APP_DIST, launchBenchBrowser, PEERS_DIST } from './browserSession';
import { arg } from './cliArgs';
import { median } from './median';

const file = resolve(arg('--file', 'data/fec-50.arrows')!);
const count = Number(arg('--count', '32'));
const size = Number(arg('--mb', '13')) * 2 ** 20;
const workers = Number(arg('--workers', '2'));
const rounds = Number(arg('--rounds', '3'));

const total = statSync(file).size;
const step = Math.floor((total - size) / count);
const ranges: [number, number][] = Array.from({ length: count }, (_, i) => [i * step, i * step + size - 1]);
const mb = (count * size) / 1e6;

/** Reads the ranges once from the file (also puts them in the page cache for the HTTP runs). */
async function fileRead(): Promise<number> {
  const fh = await open(file);
  const buf = Buffer.alloc(size);
  const t = performance.now();
  for (const [a] of ranges) await fh.read(buf, 0, size, a);
  const ms = performance.now() - t;
  await fh.close();
  return ms;
}

/** The same count of bytes through one loopback TCP connection, nothing else. */
async function tcp(): Promise<number> {
  const chunk = Buffer.alloc(8 << 20, 7);
  const server = createServer((s) => {
    let left = count * size;
    const write = () => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!s.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void s.once('drain', write);
      }
      s.end();
    };
    write();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const t = performance.now();
  await new Promise<void>((done) => connect((server.address() as { port: number }).port, '127.0.0.1').on('data', () => {}).on('end', done));
  const ms = performance.now() - t;
  server.close();
  return ms;
}

const server = await startBenchServer({ app: APP_DIST, peers: PEERS_DIST, files: dirname(file) });
const url = `${server.origin}/files/${basename(file)}`;

async function nodeFetch(): Promise<number> {
  let next = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < ranges.length) {
        const [a, b] = ranges[next++];
        await (await fetch(url, { headers: { range: `bytes=${a}-${b}` } })).arrayBuffer();
      }
    }),
  );
  return performance.now() - t;
}

const { context } = await launchBenchBrowser('arrowscope-httpfloor-', true);
const page = await context.newPage();
await page.goto(`${server.origin}/app/`); // idle, for its origin: the fetches are same-origin

/** Each worker fetches its share of the ranges one after another; time from the ask to the last byte. */
const chromiumFetch = (): Promise<number> =>
  page.evaluate(
    async ({ url, ranges, workers }) => {
      const body = `onmessage = async (e) => { for (const [a, b] of e.data) await (await fetch(${JSON.stringify(url)}, { headers: { range: 'bytes=' + a + '-' + b } })).arrayBuffer(); postMessage(0); }`;
      const src = URL.createObjectURL(new Blob([body], { type: 'text/javascript' }));
      const pool = Array.from({ length: workers }, () => new Worker(src));
      const t = performance.now();
      await Promise.all(pool.map((w, i) => new Promise((done) => ((w.onmessage = done), w.postMessage(ranges.filter((_, k) => k % workers === i))))));
      const ms = performance.now() - t;
      pool.forEach((w) => w.terminate());
      return ms;
    },
    { url, ranges, workers },
  );

const times: Record<string, number[]> = { 'file (page cache)': [], 'TCP loopback, one connection': [], 'HTTP to Node fetch': [], 'HTTP to Chromium workers': [] };
const load = [loadavg()[0]];
await fileRead();
for (let r = 0; r < rounds; r++) {
  times['file (page cache)'].push(await fileRead());
  times['TCP loopback, one connection'].push(await tcp());
  times['HTTP to Node fetch'].push(await nodeFetch());
  times['HTTP to Chromium workers'].push(await chromiumFetch());
}
load.push(loadavg()[0]);
await context.close();
await server.close();

console.log(`${count} ranges of ${size / 2 ** 20} MiB (${mb.toFixed(0)} MB) of ${basename(file)}, ${workers} at once; median of ${rounds}; load ${load.map((l) => l.toFixed(1)).join(' → ')}`);
for (const [name, ms] of Object.entries(times)) {
  const m = median(ms);
  console.log(`  ${name.padEnd(30)} ${(mb / (m / 1000)).toFixed(0).padStart(6)} MB/s  (${ms.map((x) => x.toFixed(0)).join(', ')} ms)`);
}
