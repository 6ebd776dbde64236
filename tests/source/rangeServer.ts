import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { byterangesAnswer } from '../../src/cli/serve/byterangesAnswer';

/**
 * What a path's first segment makes the server do. Prefixed `read-`, only for reads after the open
 * (any Range but the open's `bytes=0-1`); otherwise for every request.
 */
export type Misbehaviour =
  | 'ok'
  | 'stall-headers' // never answers
  | 'stall-body' // sends half the body, then nothing
  | 'reset' // closes the connection without answering
  | 'drop-body' // announces the whole body, sends half, closes the connection
  | 'short-body' // a Content-Length of half the range, and that half
  | 'wrong-range' // the bytes one further than asked, named so in Content-Range
  | 'wrong-total' // Content-Range names a total one byte larger
  | 'refuse' // 416 for any range
  | 'redirect-loop' // 302 to itself
  | 'ignore-range' // 200 with the whole file
  | 'weak-if-range' // no ETag; any If-Range answered 200 (as servers that deem a recent date weak do)
  | 'end-0-to-end' // takes a range ending at byte 0 as "to the end" (sirv, behind vite preview, does)
  | 'slow' // answers as asked, each answer held back 40 ms, with Cache-Control: no-store and no ETag or Last-Modified (as the bench's server)
  | 'no-if-range' // closes the connection on a request with If-Range (as a refused CORS preflight fails it)
  | 'single-range' // several ranges in one request: 200 with the whole file (as sirv, S3 and Python's servers do)
  | 'slow-single-range' // as 'single-range', each answer held back 40 ms (a distant S3)
  | 'first-range' // several ranges in one request: 206 with the first one only
  | 'bad-multipart'; // several ranges in one request: a multipart answer whose second part is cut short

export interface SeenRequest {
  path: string;
  range?: string;
  ifRange?: string;
}

export interface RangeServer {
  /** `http://127.0.0.1:port/<behaviour>/<name>` */
  url(name: string, behaviour?: Misbehaviour | `read-${Misbehaviour}`): string;
  /** Replaces a file's bytes: its ETag and Last-Modified change with them. */
  change(name: string, bytes: Uint8Array): void;
  /** From now on (until called with false), every request for this file waits without an answer. */
  stall(name: string, on: boolean): void;
  /** Requests received (preflights excluded), in order. */
  readonly requests: SeenRequest[];
  /** Requests whose client went away before the answer ended (a fetch aborted). */
  readonly abandoned: string[];
  /** The most requests this server was answering at once. */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

const safeDecode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Content-Range, Content-Length, ETag, Last-Modified',
};

/**
 * A local HTTP Range server that misbehaves on demand, for the HTTP source's unit tests and the
 * e2e network tests (it answers CORS preflights, so a page on another origin can send If-Range).
 */
export async function startRangeServer(files: Record<string, Uint8Array>): Promise<RangeServer> {
  const content = new Map(Object.entries(files).map(([name, bytes]) => [name, { bytes, version: 1 }]));
  const requests: SeenRequest[] = [];
  const abandoned: string[] = [];
  const stalled = new Set<string>();
  let inFlight = 0;
  let maxInFlight = 0;

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS, 'Access-Control-Allow-Headers': 'Range, If-Range', 'Access-Control-Max-Age': '600' }).end();
      return;
    }
    const path = req.url ?? '/';
    const range = req.headers.range;
    const ifRange = req.headers['if-range'] as string | undefined;
    requests.push({ path, range, ifRange });
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    res.on('close', () => {
      inFlight--;
      if (!res.writableFinished) abandoned.push(path);
    });
    const [, segment = '', name = ''] = path.split('?')[0].split('/');
    const read = segment.startsWith('read-');
    const active = !read || (range !== undefined && range !== 'bytes=0-1');
    const mode = (active ? segment.replace(/^read-/, '') : 'ok') as Misbehaviour;
    const file = content.get(name) ?? content.get(safeDecode(name));
    if (mode === 'stall-headers' || stalled.has(name)) return;
    if (mode === 'reset' || (mode === 'no-if-range' && ifRange !== undefined)) return void req.socket.destroy();
    if (mode === 'redirect-loop') return void res.writeHead(302, { ...CORS, Location: path }).end();
    if (!file) return void res.writeHead(404, CORS).end();
    const { bytes } = file;
    const validators: Record<string, string> = mode === 'slow' ? {} : { 'Last-Modified': new Date(Date.UTC(2026, 0, 1, 0, 0, file.version)).toUTCString() };
    if (mode !== 'weak-if-range' && mode !== 'slow') validators.ETag = `"${name}-v${file.version}"`;
    const whole = () => void res.writeHead(200, { ...CORS, ...validators, 'Content-Length': String(bytes.length) }).end(bytes);
    const several = range?.match(/^bytes=\d+-\d+(,\d+-\d+)+$/) && ['ok', 'slow', 'no-if-range', 'first-range', 'bad-multipart', 'single-range', 'slow-single-range'].includes(mode);
    if (several && mode === 'slow-single-range') return void setTimeout(whole, 40);
    if (several && mode !== 'single-range') return answerSeveral(res, range!, bytes, mode, { ...CORS, ...validators });
    const m = range?.match(/^bytes=(\d+)-(\d+)$/);
    if (!m || mode === 'ignore-range') return whole();
    if (ifRange !== undefined && (mode === 'weak-if-range' || (ifRange !== validators.ETag && ifRange !== validators['Last-Modified']))) return whole();
    if (mode === 'refuse') return void res.writeHead(416, { ...CORS, 'Content-Range': `bytes */${bytes.length}` }).end();
    let [a, b] = [Number(m[1]), Math.min(bytes.length - 1, Number(m[2]))];
    if (mode === 'end-0-to-end' && Number(m[2]) === 0) b = bytes.length - 1;
    if (a > b) return void res.writeHead(416, { ...CORS, 'Content-Range': `bytes */${bytes.length}` }).end();
    if (mode === 'wrong-range') [a, b] = [a + 1, Math.min(bytes.length - 1, b + 1)];
    const total = mode === 'wrong-total' ? bytes.length + 1 : bytes.length;
    const body = bytes.subarray(a, b + 1);
    const half = body.subarray(0, Math.floor(body.length / 2));
    const head = { ...CORS, ...validators, 'Content-Range': `bytes ${a}-${b}/${total}`, ...(mode === 'slow' ? { 'Cache-Control': 'no-store' } : {}) };
    if (mode === 'short-body') return void res.writeHead(206, { ...head, 'Content-Length': String(half.length) }).end(half);
    if (mode === 'slow' || mode === 'slow-single-range') return void setTimeout(() => res.writeHead(206, { ...head, 'Content-Length': String(body.length) }).end(body), 40);
    res.writeHead(206, { ...head, 'Content-Length': String(body.length) });
    if (mode === 'stall-body') return void res.write(half);
    if (mode === 'drop-body') return void res.write(half, () => req.socket.destroy());
    res.end(body);
  };

  const server = createServer(handle);
  // Node closes a keep-alive connection idle for 5 s; on a loaded machine fetch may reuse one just as it closes (a reset before any answer).
  server.keepAliveTimeout = 60_000;
  const answerSeveral = (res: ServerResponse, range: string, bytes: Uint8Array, mode: Misbehaviour, head: Record<string, string>): void => {
    const ranges = range.slice(6).split(',').map((r) => r.split('-').map(Number)).map(([start, end]) => ({ start, end: Math.min(end, bytes.length - 1) }));
    if (mode === 'first-range') {
      const { start, end } = ranges[0];
      return void res.writeHead(206, { ...head, 'Content-Range': `bytes ${start}-${end}/${bytes.length}`, 'Content-Length': String(end - start + 1) }).end(bytes.subarray(start, end + 1));
    }
    const answer = byterangesAnswer(ranges, bytes.length, 'application/octet-stream');
    const pieces = answer.pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : bytes.subarray(p.start, mode === 'bad-multipart' && p === answer.pieces[3] ? p.start + 1 : p.end + 1)));
    const body = Buffer.concat(pieces);
    const send = () => void res.writeHead(206, { ...head, 'Content-Type': answer.contentType, 'Content-Length': String(body.length) }).end(body);
    if (mode === 'slow') setTimeout(send, 40);
    else send();
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (name, behaviour = 'ok') => `${base}/${behaviour}/${encodeURIComponent(name)}`,
    change(name, bytes) {
      const file = content.get(name);
      content.set(name, { bytes, version: (file?.version ?? 0) + 1 });
    },
    stall(name, on) {
      if (on) stalled.add(name);
      else stalled.delete(name);
    },
    requests,
    abandoned,
    get maxInFlight() {
      return maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
