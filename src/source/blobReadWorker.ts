/**
 * The read helper's worker (blobReadHelper.ts), as source text started from a blob: URL, so that
 * opening a local file fetches nothing, not even a script. It reads ranges of one Blob for the thread
 * that started it and answers each message's reads together once all are in, their buffers transferred
 * (not copied): one task on the asking thread for a wave of reads, not one per read (a W1 jump's ~19
 * answers were ~19 tasks on the engine's thread, which needs them all before it answers anyway).
 * Messages in: { blob } once, then { reads: [{ id, start, end }] }; out: { answers: [{ id, buffer } or { id, error }] }.
 */
export const READ_WORKER_SOURCE = `
let blob;
self.onmessage = (e) => {
  const ask = e.data;
  if (ask.blob) blob = ask.blob;
  const reads = ask.reads || [];
  if (!reads.length) return;
  Promise.all(reads.map(({ id, start, end }) => blob.slice(start, end).arrayBuffer().then(
    (buffer) => ({ id, buffer }),
    (err) => ({ id, error: String(err) }),
  ))).then((answers) => self.postMessage({ answers }, answers.flatMap((a) => (a.buffer ? [a.buffer] : []))));
};
`;
