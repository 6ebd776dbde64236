import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { basename, join, relative, resolve, sep } from 'node:path';
import { contentType } from './contentTypes';
import { parseRange } from './rangeHeader';
import { byterangesAnswer, writePieces } from './byterangesAnswer';

/** What one `arrowscope view` or `serve` serves, all under `/<token>/`. */
export interface ServeSpec {
  /** The built app (dist/). */
  appDir: string;
  /** A random secret: every URL starts with it, so no other page or user on the machine can guess one. */
  token: string;
  /** One file (view) or a folder (serve). */
  file?: string;
  dir?: string;
}

/** The page of the app that opens `fileUrl` (the share-link hash the app reads: `#url=…`). */
export const appUrl = (origin: string, token: string, fileUrl: string): string => `${origin}/${token}/app/#${new URLSearchParams({ url: fileUrl }).toString()}`;

/** A file's URL: `/<token>/files/` then its path relative to the folder, each segment URL-encoded. */
export const fileUrl = (origin: string, token: string, relativePath: string): string =>
  `${origin}/${token}/files/${relativePath.split(sep).map(encodeURIComponent).join('/')}`;

const MAX_LISTED = 5_000;
const MAX_DEPTH = 6;

/** Regular files under `dir` (not hidden, a few levels deep, at most MAX_LISTED), as paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (folder: string, depth: number): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (out.length >= MAX_LISTED || entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory() && depth < MAX_DEPTH && entry.name !== 'node_modules') await walk(path, depth + 1);
      else if (entry.isFile()) out.push(relative(dir, path));
    }
  };
  await walk(dir, 0);
  return out;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** Serves one file with HTTP Range support: 206 with Content-Range, 416 for a range outside it, If-Range by ETag. */
async function sendFile(req: IncomingMessage, res: ServerResponse, path: string, cache: string): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return send(res, 404, 'Not found.\n');
  const size = info.size;
  const etag = `"${size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const lastModified = info.mtime.toUTCString();
  const headers: Record<string, string | number> = {
    'Accept-Ranges': 'bytes',
    'Content-Type': contentType(path),
    'Cache-Control': cache,
    ETag: etag,
    'Last-Modified': lastModified,
  };
  const ifRange = req.headers['if-range'];
  const rangeHeader = ifRange === undefined || ifRange === etag || ifRange === lastModified ? req.headers.range : undefined;
  const range = parseRange(rangeHeader, size);
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}`, 'Content-Length': 0 });
    res.end();
    return;
  }
  if (range.kind === 'several') {
    const answer = byterangesAnswer(range.ranges, size, String(headers['Content-Type']));
    res.writeHead(206, { ...headers, 'Content-Type': answer.contentType, 'Content-Length': answer.length });
    if (req.method === 'HEAD') return void res.end();
    return writePieces(res, answer.pieces, (start, end) => createReadStream(path, { start, end }));
  }
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, size - 1];
  if (range.kind === 'partial') headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  headers['Content-Length'] = end - start + 1;
  res.writeHead(range.kind === 'partial' ? 206 : 200, headers);
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  const stream = createReadStream(path, { start, end });
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}

/** The folder page of `serve`: each file a link that opens it in the app. */
async function folderPage(res: ServerResponse, spec: ServeSpec, origin: string): Promise<void> {
  const files = await listFiles(spec.dir!);
  const items = files.map((f) => `<li><a href="${escapeHtml(appUrl(origin, spec.token, fileUrl(origin, spec.token, f)))}">${escapeHtml(f)}</a></li>`);
  const body = `<!doctype html><meta charset="utf-8"><title>Arrowscope: ${escapeHtml(basename(spec.dir!))}</title>
<style>body{font:15px system-ui,sans-serif;margin:2rem}li{margin:.2rem 0}</style>
<h1>${escapeHtml(spec.dir!)}</h1><p>${files.length ? 'Open a file in Arrowscope:' : 'No files here.'}</p><ul>${items.join('\n')}</ul>${files.length >= MAX_LISTED ? `<p>The first ${MAX_LISTED} files are listed.</p>` : ''}\n`;
  send(res, 200, body, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
}

/** The file a `/files/…` path names, or null when it names nothing served (no path leaves the folder). */
function servedPath(spec: ServeSpec, rest: string): string | null {
  let segments: string[];
  try {
    segments = rest.split('/').map(decodeURIComponent);
  } catch {
    return null;
  }
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('/') || s.includes('\\') || s.includes('\0'))) return null;
  if (spec.file) return segments.length === 1 && segments[0] === basename(spec.file) ? spec.file : null;
  const root = resolve(spec.dir!);
  const path = resolve(root, ...segments);
  return path.startsWith(root + sep) ? path : null;
}

/**
 * The HTTP server of `arrowscope view` / `serve`: the app under `/<token>/app/`, the file(s) under
 * `/<token>/files/`, the folder page (serve) or a redirect to the app (view) at `/<token>/`. Only
 * GET and HEAD, only Host names of this machine (against DNS rebinding), nothing without the token.
 * The app's service worker is not served: a page opened this way needs no offline copy.
 */
export function createFileServer(spec: ServeSpec): Server {
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error.\n');
      else res.destroy();
    });
  });
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const port = (server.address() as { port: number }).port;
    const host = req.headers.host ?? '';
    if (![`127.0.0.1:${port}`, `localhost:${port}`].includes(host.toLowerCase())) return send(res, 421, 'This server answers only to 127.0.0.1 and localhost.\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Only GET and HEAD.\n', { Allow: 'GET, HEAD' });
    const origin = `http://${host}`;
    const path = (req.url ?? '/').split('?')[0];
    const prefix = `/${spec.token}/`;
    if (path === `/${spec.token}`) return send(res, 301, '', { Location: prefix });
    if (!path.startsWith(prefix)) return send(res, 404, 'Not found.\n');
    const rest = path.slice(prefix.length);
    if (rest === '') {
      if (spec.dir) return folderPage(res, spec, origin);
      return send(res, 302, '', { Location: appUrl(origin, spec.token, fileUrl(origin, spec.token, basename(spec.file!))) });
    }
    if (rest.startsWith('files/')) {
      const file = servedPath(spec, rest.slice('files/'.length));
      return file ? sendFile(req, res, file, 'no-store') : send(res, 404, 'Not found.\n');
    }
    if (rest === 'app') return send(res, 301, '', { Location: `${prefix}app/` });
    if (rest.startsWith('app/')) {
      const inner = rest.slice('app/'.length) || 'index.html';
      if (inner === 'sw.js') return send(res, 404, 'No service worker here.\n');
      const file = servedPath({ appDir: spec.appDir, token: spec.token, dir: spec.appDir }, inner);
      return file ? sendFile(req, res, file, 'no-cache') : send(res, 404, 'Not found.\n');
    }
    return send(res, 404, 'Not found.\n');
  };
  return server;
}
