import { byterangesBoundary, parseByteranges } from '../../src/source/byteranges';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataset } from '../../src/dataset/openDataset';
import { createFileServer } from '../../src/cli/serve/fileServer';
import { openHttpSource } from '../../src/source/httpSource';
import { readRowWindow } from '../../src/compute/rowWindow';
import { tempPath } from '../support/files';
import { runCli } from './support/runCli';
import { PassThrough } from 'node:stream';
import { run } from '../../src/cli/run';

const TOKEN = 'test-token-0123456789';
const SAMPLE = 'public/sample.arrow';
const sample = readFileSync(SAMPLE);

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One raw HTTP request (node:http, so any Host header and method can be sent). */
function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }));
    });
    req.once('error', reject);
    req.end();
  });
}

function listen(server: ReturnType<typeof createFileServer>): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

const app = tempPath('app');
const folder = tempPath('data');
let viewServer: ReturnType<typeof createFileServer>;
let folderServer: ReturnType<typeof createFileServer>;
let viewPort: number;
let folderPort: number;

beforeAll(async () => {
  mkdirSync(app, { recursive: true });
  writeFileSync(`${app}/index.html`, '<!doctype html><title>app</title>');
  writeFileSync(`${app}/sw.js`, 'self.skipWaiting()');
  writeFileSync(`${app}/main.js`, 'console.log(1)');
  mkdirSync(`${folder}/sub`, { recursive: true });
  mkdirSync(`${folder}/.hidden`, { recursive: true });
  writeFileSync(`${folder}/sub/b c.arrow`, sample);
  writeFileSync(`${folder}/a.arrow`, sample);
  writeFileSync(`${folder}/.hidden/secret`, 'no');
  writeFileSync(tempPath('outside.txt'), 'outside');
  viewServer = createFileServer({ appDir: app, token: TOKEN, file: SAMPLE });
  folderServer = createFileServer({ appDir: app, token: TOKEN, dir: folder });
  [viewPort, folderPort] = await Promise.all([listen(viewServer), listen(folderServer)]);
});

afterAll(() => {
  viewServer.closeAllConnections();
  folderServer.closeAllConnections();
  viewServer.close();
  folderServer.close();
});

describe('view: the file with HTTP Range', () => {
  const file = `/${TOKEN}/files/sample.arrow`;

  it('answers a range with 206, Content-Range and exactly those bytes', async () => {
    const r = await get(viewPort, file, { Range: 'bytes=10-19' });
    expect(r.status).toBe(206);
    expect(r.headers['content-range']).toBe(`bytes 10-19/${sample.length}`);
    expect(r.headers['accept-ranges']).toBe('bytes');
    expect(r.headers['content-length']).toBe('10');
    expect(r.body).toEqual(sample.subarray(10, 20));
    const tail = await get(viewPort, file, { Range: 'bytes=-4' });
    expect(tail.body).toEqual(sample.subarray(sample.length - 4));
    expect(tail.headers['content-range']).toBe(`bytes ${sample.length - 4}-${sample.length - 1}/${sample.length}`);
  });

  it('answers several ranges with one multipart/byteranges answer, its length announced', async () => {
    const r = await get(viewPort, file, { Range: 'bytes=10-19,-4,100-103' });
    expect(r.status).toBe(206);
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    const boundary = byterangesBoundary(String(r.headers['content-type']));
    expect(boundary).not.toBeNull();
    const parts = parseByteranges(new Uint8Array(r.body), boundary!, sample.length);
    const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
    expect(typeof parts === 'string' ? parts : parts.map((p) => [p.first, p.last, hex(p.bytes)])).toEqual([
      [10, 19, hex(sample.subarray(10, 20))],
      [sample.length - 4, sample.length - 1, hex(sample.subarray(sample.length - 4))],
      [100, 103, hex(sample.subarray(100, 104))],
    ]);
  });

  it('the whole file without Range (200), HEAD without a body, 416 for a range outside the file', async () => {
    const whole = await get(viewPort, file);
    expect(whole.status).toBe(200);
    expect(whole.body.equals(sample)).toBe(true);
    const head = await get(viewPort, file, { Range: 'bytes=0-99' }, 'HEAD');
    expect(head.status).toBe(206);
    expect(head.body.length).toBe(0);
    for (const range of [`bytes=${sample.length}-`, 'bytes=9-3', 'bytes=x-y']) {
      const bad = await get(viewPort, file, { Range: range });
      expect(bad.status, range).toBe(416);
      expect(bad.headers['content-range']).toBe(`bytes */${sample.length}`);
    }
  });

  it('If-Range with another ETag gets the whole file', async () => {
    const first = await get(viewPort, file, { Range: 'bytes=0-0' });
    expect((await get(viewPort, file, { Range: 'bytes=0-0', 'If-Range': String(first.headers.etag) })).status).toBe(206);
    expect((await get(viewPort, file, { Range: 'bytes=0-0', 'If-Range': '"other"' })).status).toBe(200);
  });

  it('nothing without the token, nothing but this file, only for this machine\'s host names, only GET and HEAD', async () => {
    expect((await get(viewPort, '/files/sample.arrow')).status).toBe(404);
    expect((await get(viewPort, '/wrong-token/files/sample.arrow')).status).toBe(404);
    expect((await get(viewPort, `/${TOKEN}/files/package.json`)).status).toBe(404);
    expect((await get(viewPort, `/${TOKEN}/files/..%2Fpackage.json`)).status).toBe(404);
    expect((await get(viewPort, file, { Host: 'evil.example:80' })).status).toBe(421);
    expect((await get(viewPort, file, { Host: `localhost:${viewPort}` })).status).toBe(200);
    expect((await get(viewPort, file, {}, 'POST')).status).toBe(405);
  });

  it('serves the app (no service worker) and sends / to the app opening the file', async () => {
    const index = await get(viewPort, `/${TOKEN}/app/`);
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect((await get(viewPort, `/${TOKEN}/app/main.js`)).headers['content-type']).toMatch(/javascript/);
    expect((await get(viewPort, `/${TOKEN}/app/sw.js`)).status).toBe(404);
    expect((await get(viewPort, `/${TOKEN}/app/../../package.json`)).status).toBe(404);
    const root = await get(viewPort, `/${TOKEN}/`);
    expect(root.status).toBe(302);
    const fileUrl = `http://127.0.0.1:${viewPort}/${TOKEN}/files/sample.arrow`;
    expect(root.headers.location).toBe(`http://127.0.0.1:${viewPort}/${TOKEN}/app/#url=${encodeURIComponent(fileUrl)}`);
  });

  it("the app's own Range reader (HttpSource) opens the served file and reads the same rows as from disk", async () => {
    const remote = await openDataset(await openHttpSource(`http://127.0.0.1:${viewPort}/${TOKEN}/files/sample.arrow`));
    const rows = await readRowWindow(remote, 995, 10, [2, 9]);
    await remote.close();
    const local = JSON.parse((await runCli(SAMPLE, '--rows', '995:1005', '--columns', 'cand_nm,contb_receipt_amt', '--json')).stdout);
    expect(rows.columns).toEqual(local.columns.map((c: { values: string[] }) => c.values));
  });
});

describe('serve: a folder', () => {
  it('lists its files (not hidden ones) as links to the app, and serves each, subfolders included', async () => {
    const page = await get(folderPort, `/${TOKEN}/`);
    expect(page.status).toBe(200);
    const html = page.body.toString();
    expect(html).toContain('>a.arrow</a>');
    expect(html).toContain('>sub/b c.arrow</a>');
    expect(html).not.toContain('secret');
    const file = await get(folderPort, `/${TOKEN}/files/sub/b%20c.arrow`, { Range: 'bytes=0-5' });
    expect(file.status).toBe(206);
    expect(file.body.toString()).toBe('ARROW1');
    expect((await get(folderPort, `/${TOKEN}/files/..%2Foutside.txt`)).status).toBe(404);
    expect((await get(folderPort, `/${TOKEN}/files/sub/..%2F..%2Foutside.txt`)).status).toBe(404);
    expect((await get(folderPort, `/${TOKEN}/files/%2e%2e/outside.txt`)).status).toBe(404);
    expect((await get(folderPort, `/${TOKEN}/files/sub`)).status).toBe(404);
  });
});

describe('arrowscope view / serve', () => {
  it('view prints the app URL with the file in its hash, serves it, and stops on request with 0', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let printed = '';
    stdout.on('data', (c: Buffer) => (printed += c.toString()));
    stderr.resume();
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    process.env.ARROWSCOPE_APP_DIR = app;
    try {
      const done = run(['view', SAMPLE, '--no-open'], { stdout, stderr, stop: () => stopped });
      while (!/\n.*#url=.*\n/.test(printed)) await new Promise((r) => setTimeout(r, 20));
      const url = new URL(printed.trim().split('\n')[1]);
      expect(url.hostname).toBe('127.0.0.1');
      expect(url.pathname).toMatch(/^\/[\w-]{20,}\/app\/$/);
      const fileUrl = new URLSearchParams(url.hash.slice(1)).get('url')!;
      expect(fileUrl).toBe(`${url.origin}${url.pathname.replace(/app\/$/, 'files/sample.arrow')}`);
      const bytes = await fetch(fileUrl, { headers: { Range: 'bytes=0-5' } });
      expect(bytes.status).toBe(206);
      expect(await bytes.text()).toBe('ARROW1');
      expect((await fetch(url)).status).toBe(200);
      stop();
      expect(await done).toBe(0);
    } finally {
      delete process.env.ARROWSCOPE_APP_DIR;
    }
  });

  it('says how to build the app when dist/ is missing, and refuses a folder for view and a file for serve (exit 1)', async () => {
    process.env.ARROWSCOPE_APP_DIR = tempPath('no-app');
    try {
      const missing = await runCli('view', SAMPLE, '--no-open');
      expect(missing.status).toBe(1);
      expect(missing.stderr).toMatch(/The app is not built: .*index\.html is missing\. Run `npm run build` first/);
    } finally {
      delete process.env.ARROWSCOPE_APP_DIR;
    }
    process.env.ARROWSCOPE_APP_DIR = app;
    try {
      expect((await runCli('view', folder, '--no-open')).stderr).toMatch(/is not a file \(arrowscope serve DIR serves a folder\)/);
      expect((await runCli('serve', SAMPLE, '--no-open')).stderr).toMatch(/is not a folder/);
      const notArrow = await runCli('view', tempPath('outside.txt'), '--no-open');
      expect(notArrow.status).toBe(1);
      expect(notArrow.stderr).toMatch(/^arrowscope: /);
    } finally {
      delete process.env.ARROWSCOPE_APP_DIR;
    }
  });
});
