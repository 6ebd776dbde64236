/**
 * One local HTTP server for a benchmark session (its own free port, or BENCH_PORT; nothing shared with
 * other runs):
 *   /app/…    the built app;
 *   /app1/…   the same build with navigator.hardwareConcurrency read as 1 in its scripts (a compute
 *             pool of one worker, for per-core parity with single-threaded peers);
 *   /peers/…  the peers' page (bench/peers), cross-origin isolated (DuckDB-Wasm's threaded build needs it);
 *   /files/NAME?delay=MS  a data file with HTTP Range, each response held back MS milliseconds
 *             (added latency, as a distant server would have); several ranges in one request get one
 *             multipart/byteranges answer as from nginx, or with &ranges=one the whole file as from S3.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { parseRange } from '../src/cli/serve/rangeHeader';
import { byterangesAnswer, writePieces } from '../src/cli/serve/byterangesAnswer';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

export interface BenchServer {
  origin: string;
  /** Requests for /files/ and bytes sent, since the last reset. */
  fileStats: { requests: number; bytes: number };
  close(): Promise<void>;
}

function inside(root: string, rest: string): string | null {
  const path = normalize(join(root, decodeURIComponent(rest) || 'index.html'));
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep) ? path : null;
}

export async function startBenchServer(dirs: { app: string; peers: string; files: string }): Promise<BenchServer> {
  const stats = { requests: 0, bytes: 0 };
  const oneCore = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    const [path, query = ''] = (req.url ?? '/').split('?');
    const [, top, ...restParts] = path.split('/');
    const rest = restParts.join('/');
    const root = top === 'app' || top === 'app1' ? dirs.app : top === 'peers' ? dirs.peers : top === 'files' ? dirs.files : null;
    const file = root && inside(root, rest);
    if (!file) return void res.writeHead(404).end();
    let size: number;
    try {
      const s = statSync(file);
      if (!s.isFile()) throw new Error('not a file');
      size = s.size;
    } catch {
      return void res.writeHead(404).end();
    }
    const headers: Record<string, string | number> = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' };
    if (top === 'peers') Object.assign(headers, { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });
    if (top === 'app1' && extname(file) === '.js') {
      let body = oneCore.get(file);
      if (!body) oneCore.set(file, (body = Buffer.from(readFileSync(file, 'utf8').replaceAll('navigator.hardwareConcurrency', '1'))));
      return void res.writeHead(200, { ...headers, 'Content-Length': body.length }).end(body);
    }
    if (top !== 'files') return void createReadStream(file).pipe(res.writeHead(200, { ...headers, 'Content-Length': size }));
    stats.requests++;
    const params = new URLSearchParams(query);
    const delay = Number(params.get('delay') ?? 0);
    const asked = parseRange(req.headers.range, size);
    // ?ranges=one: several ranges are answered with the whole file, as S3 and sirv do.
    const range = asked.kind === 'several' && params.get('ranges') === 'one' ? { kind: 'full' as const } : asked;
    setTimeout(() => {
      Object.assign(headers, { 'Accept-Ranges': 'bytes', 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Content-Range, Content-Length, Accept-Ranges', 'Cross-Origin-Resource-Policy': 'cross-origin' });
      if (range.kind === 'unsatisfiable') return void res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` }).end();
      if (range.kind === 'several') {
        // As nginx and Apache do: one multipart/byteranges answer.
        const answer = byterangesAnswer(range.ranges, size, String(headers['Content-Type']));
        res.writeHead(206, { ...headers, 'Content-Type': answer.contentType, 'Content-Length': answer.length });
        stats.bytes += answer.length;
        return void writePieces(res, answer.pieces, (start, end) => createReadStream(file, { start, end }));
      }
      const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, size - 1];
      if (range.kind === 'partial') headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
      headers['Content-Length'] = end - start + 1;
      res.writeHead(range.kind === 'partial' ? 206 : 200, headers);
      if (req.method === 'HEAD') return void res.end();
      stats.bytes += end - start + 1;
      const stream = createReadStream(file, { start, end });
      res.on('close', () => stream.destroy());
      stream.pipe(res);
    }, delay);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    fileStats: stats,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
