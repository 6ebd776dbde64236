/**
 * Child process of the hostile-input suite: probes each file it is sent and answers with the result and
 * the growth of its memory outside the JS heap (ArrayBuffers, wasm), which --max-old-space-size does not cap.
 * A process, not a worker thread: a worker's heap limit does not contain every blow-up (a 2^31-element
 * array ends the whole process with a fatal out-of-memory error), a child's death is only its own.
 */
import { probe, type ProbeRequest } from './probe';

/** Bytes outside the JS heap held by this process (ArrayBuffers are part of it). */
const offHeap = () => process.memoryUsage().external;
const send = (message: unknown) => process.send!(message);

process.on('message', async (request: ProbeRequest) => {
  const base = offHeap();
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, offHeap())), 5);
  try {
    const result = await probe(request);
    send({ result, offHeapGrowth: Math.max(peak, offHeap()) - base });
  } catch (e) {
    send({ thrown: e instanceof Error ? `${e.name}: ${e.message}` : String(e), offHeapGrowth: Math.max(peak, offHeap()) - base });
  } finally {
    clearInterval(sampler);
  }
});
send({ ready: true });
