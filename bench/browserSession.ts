import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { startBenchServer, type BenchServer } from './browserServer';

const PLAIN_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARGS = [...PLAIN_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'];

/** Where `npm run bench` builds the app (never dist/, which others on the machine use). */
export const APP_DIST = process.env.BENCH_APP_DIST ?? join(tmpdir(), `arrowscope-bench-app-${process.getuid?.() ?? 0}`);
/** Where the peers' page is built (BENCH_PEERS_DIST: elsewhere, when another run may be serving bench/peers/dist). */
export const PEERS_DIST = resolve(process.env.BENCH_PEERS_DIST ?? 'bench/peers/dist');

/** Builds the app and the peers' page (each into its own folder). */
export function buildForBench(): void {
  const vite = 'node_modules/vite/bin/vite.js';
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'error', '--outDir', APP_DIST, '--emptyOutDir'], { stdio: 'inherit' });
  // BENCH_PEERS_BUILT=1: keep the peers' page as built (another run may be serving it meanwhile).
  if (!process.env.BENCH_PEERS_BUILT) execFileSync(process.execPath, [vite, 'build', '--config', 'bench/peers/vite.config.ts', '--logLevel', 'error', '--outDir', PEERS_DIST, '--emptyOutDir'], { stdio: 'inherit' });
}

export interface Session {
  context: BrowserContext;
  /** Marks this browser's processes in /proc (for PSS). */
  profile: string;
  server: BenchServer;
}

/**
 * The full bench's Chromium: a fresh profile (its folder named from `prefix`, for PSS sampling in /proc),
 * service workers blocked, 2400x1300; `plain`: without precise memory info and `gc()`.
 */
export async function launchBenchBrowser(prefix: string, plain = false): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), prefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: plain ? PLAIN_ARGS : ARGS,
    headless: true,
    serviceWorkers: 'block',
    viewport: { width: 2400, height: 1300 },
    acceptDownloads: true, // the export step's file arrives as a download
  });
  return { context, profile };
}

/**
 * One Chromium (fresh profile, service workers blocked so that nothing is served from a cache) and one
 * local server for the app, the one-worker app, the peers and the data files: every contender runs in
 * this one browser, so their runs can interleave.
 */
export async function withSession<T>(filesDir: string, f: (s: Session) => Promise<T>): Promise<T> {
  if (!existsSync(join(APP_DIST, 'index.html')) || !existsSync(join(PEERS_DIST, 'index.html'))) buildForBench();
  const server = await startBenchServer({ app: APP_DIST, peers: PEERS_DIST, files: resolve(filesDir) });
  const { context, profile } = await launchBenchBrowser('arrowscope-bench-');
  try {
    return await f({ context, profile, server });
  } finally {
    await context.close();
    await server.close();
  }
}
