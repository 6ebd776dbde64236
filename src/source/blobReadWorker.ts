/// <reference lib="webworker" />
import type { HelperAnswer, HelperAsk } from './blobReadHelper';

/**
 * Reads ranges of one Blob for the thread that started it (blobReadHelper.ts) and hands each back as
 * soon as it is in, its buffer transferred (not copied).
 */
let blob: Blob | undefined;

self.onmessage = (e: MessageEvent<HelperAsk>) => {
  const ask = e.data;
  if (ask.blob) blob = ask.blob;
  for (const { id, start, end } of ask.reads ?? []) {
    blob!.slice(start, end).arrayBuffer().then(
      (buffer) => postMessage({ id, buffer } satisfies HelperAnswer, [buffer]),
      (err: unknown) => postMessage({ id, error: String(err) } satisfies HelperAnswer),
    );
  }
};
