import type { CDPSession } from '@playwright/test';

/** One event of a Chromium trace; `A`: the shape of its `args`, which each bench reads differently. */
export interface TraceEvent<A = Record<string, unknown>> {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: A;
}

/** Runs `f` under a Chromium trace of `categories` and returns its result with the trace's events. */
export async function recordTrace<T, E extends TraceEvent<unknown>>(cdp: CDPSession, categories: string[], f: () => Promise<T>): Promise<{ result: T; events: E[] }> {
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: categories } });
  const result = await f();
  const complete = new Promise<string>((done) => cdp.once('Tracing.tracingComplete', (e) => done(e.stream!)));
  await cdp.send('Tracing.end');
  const stream = await complete;
  const parts: string[] = [];
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    parts.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data);
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(parts.join('')) as E[] | { traceEvents: E[] };
  return { result, events: Array.isArray(parsed) ? parsed : parsed.traceEvents };
}
