/**
 * The peers a user would pick instead, on the same files in the same browser session as the app:
 * plain apache-arrow (IPC stream), DuckDB-Wasm and hyparquet (Parquet). Their page is bench/peers.
 */
import type { Page } from '@playwright/test';
import type { Session } from './browserSession';
import type { Timed } from './appChromium';

/** A fresh page of the peers, with `path` chosen in its file input when given. */
export async function peerPage(s: Session, path?: string): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(`${s.server.origin}/peers/`);
  await page.waitForFunction('window.peers !== undefined');
  if (path) await page.getByTestId('file-input').setInputFiles(path);
  return page;
}

/** A step still running after this is stopped (its page is closed) and reported as failed. */
const STEP_TIMEOUT_MS = Number(process.env.PEER_STEP_TIMEOUT_MS ?? 180_000);

/** Runs the page's `window.peers.<call>`: its own time in the page and the longest task meanwhile. */
export async function peerCall<R = unknown>(page: Page, call: string, timeoutMs = STEP_TIMEOUT_MS): Promise<Timed & { result: R }> {
  await page.evaluate('window.peers.resetLongestTask()');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void page.close();
      reject(new Error(`stopped after ${timeoutMs / 1000} s`));
    }, timeoutMs);
  });
  try {
    const { ms, result } = (await Promise.race([page.evaluate(`window.peers.${call}`), late])) as { ms: number; result: R };
    return { ms, result, longestTaskMs: (await page.evaluate('window.peers.longestTask()')) as number };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether DuckDB-Wasm's multithreaded build (cross-origin isolated page, pthread workers) starts here:
 * null when it does, else what stopped it.
 */
export async function duckdbThreadsProbe(s: Session, path: string): Promise<string | null> {
  const page = await peerPage(s, path);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /error/i.test(m.text())) errors.push(m.text());
  });
  try {
    const r = await peerCall<{ threads: number }>(page, 'duckdbOpen(undefined, true)', 30_000);
    return r.result.threads > 1 ? null : `started with ${r.result.threads} thread`;
  } catch (e) {
    const why = errors.find((x) => /ReferenceError|not defined/.test(x)) ?? errors[0] ?? String((e as Error).message);
    return why.replace(/https?:\/\/\S+/g, '').slice(0, 200);
  } finally {
    if (!page.isClosed()) await page.close();
  }
}
