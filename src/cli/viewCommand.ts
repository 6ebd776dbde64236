import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDataset } from '../dataset/openDataset';
import { NodeFileSource } from '../source/nodeFileSource';
import type { CommandIo } from './context';
import { InputError } from './errors';
import { escapeText } from './escapeText';
import { appUrl, createFileServer, fileUrl, listFiles } from './serve/fileServer';
import { openBrowser } from './serve/openBrowser';

export interface ViewRequest {
  path: string;
  port: number;
  open: boolean;
  folder: boolean;
}

/** The built app: dist/ at the top of the repository (or ARROWSCOPE_APP_DIR). */
export const appDir = (): string => process.env.ARROWSCOPE_APP_DIR ?? fileURLToPath(new URL('../../dist/', import.meta.url));

async function checkTarget(request: ViewRequest): Promise<string> {
  const path = resolve(request.path);
  const info = await stat(path);
  if (request.folder && !info.isDirectory()) throw new InputError(`${request.path} is not a folder (arrowscope view FILE opens one file).`);
  if (!request.folder && !info.isFile()) throw new InputError(`${request.path} is not a file${info.isDirectory() ? ' (arrowscope serve DIR serves a folder)' : ''}.`);
  if (!request.folder) {
    // Fail here, in the terminal, for a file the app could not open either.
    const dataset = await openDataset(await NodeFileSource.open(path));
    await dataset.close();
  }
  return path;
}

function listen(server: ReturnType<typeof createFileServer>, port: number): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(new InputError(e.code === 'EADDRINUSE' ? `Port ${port} is in use: choose another with --port, or leave --port out for any free port.` : `Could not listen on 127.0.0.1:${port}: ${e.message}`)),
    );
    server.listen(port, '127.0.0.1', () => done((server.address() as { port: number }).port));
  });
}

/**
 * `arrowscope view FILE` / `serve DIR`: serve the built app and the file(s) on 127.0.0.1 under a
 * random token, print the URL, open the default browser on it, and serve until interrupted.
 */
export async function viewCommand(request: ViewRequest, io: CommandIo, stop: Promise<unknown>): Promise<number> {
  const app = appDir();
  if (!existsSync(resolve(app, 'index.html'))) {
    throw new InputError(`The app is not built: ${resolve(app, 'index.html')} is missing. Run \`npm run build\` first (it writes dist/).`);
  }
  const path = await checkTarget(request);
  const token = randomBytes(18).toString('base64url');
  const server = createFileServer({ appDir: app, token, ...(request.folder ? { dir: path } : { file: path }) });
  const port = await listen(server, request.port);
  const origin = `http://127.0.0.1:${port}`;
  const url = request.folder ? `${origin}/${token}/` : appUrl(origin, token, fileUrl(origin, token, basename(path)));
  if (request.folder) {
    const files = await listFiles(path);
    await io.out.write(`Serving ${files.length} file${files.length === 1 ? '' : 's'} of ${escapeText(path)}\n`);
  } else {
    await io.out.write(`Serving ${escapeText(path)}\n`);
  }
  await io.out.write(`${url}\n`);
  await io.out.flush();
  if (request.open) {
    const failed = await openBrowser(url);
    if (failed) io.warn(`arrowscope: could not open a browser (${escapeText(failed)}); open the URL above.`);
  }
  io.warn('arrowscope: serving on 127.0.0.1 until Ctrl+C');
  await stop;
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  return 0;
}
