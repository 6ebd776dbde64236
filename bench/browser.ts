import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { preview } from 'vite';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info', '--js-flags=--expose-gc'];

/**
 * Serves a built site with `vite preview` (the app's dist/ by default, or the given Vite config's)
 * and starts Chromium with a fresh profile; `profile` marks its processes for PSS.
 */
export async function withBrowser<T>(f: (context: BrowserContext, profile: string, origin: string) => Promise<T>, configFile?: string): Promise<T> {
  const port = configFile ? 4180 : 4179;
  const server = await preview({ configFile, preview: { port, strictPort: true }, logLevel: 'silent' });
  const profile = mkdtempSync(join(tmpdir(), 'arrowscope-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS, headless: true });
  try {
    return await f(context, profile, `http://localhost:${port}/`);
  } finally {
    await context.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
