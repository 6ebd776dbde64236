/**
 * The read helper's worker (blobReadHelper.ts), as source text started from a blob: URL, so that
 * opening a local file fetches nothing, not even a script. It reads ranges of one Blob for the thread
 * that started it and hands each back as soon as it is in, its buffer transferred (not copied).
 * Messages in: { blob } once, then { reads: [{ id, start, end }] }; out: { id, buffer } or { id, error }.
 */
export const READ_WORKER_SOURCE = `
let blob;
self.onmessage = (e) => {
  const ask = e.data;
  if (ask.blob) blob = ask.blob;
  for (const { id, start, end } of ask.reads || []) {
    blob.slice(start, end).arrayBuffer().then(
      (buffer) => self.postMessage({ id, buffer }, [buffer]),
      (err) => self.postMessage({ id, error: String(err) }),
    );
  }
};
`;
