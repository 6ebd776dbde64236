/**
 * Worker thread of the hostile-input suite: probes each file it is sent and answers with the result and
 * the peak of this thread's memory outside the JS heap (ArrayBuffers, wasm), which no resource limit caps.
 */
import { parentPort } from 'node:worker_threads';
import { probe, type ProbeRequest } from './probe';

const port = parentPort!;
/** Bytes outside the JS heap held by this thread (ArrayBuffers are part of it). */
const offHeap = () => process.memoryUsage().external;

port.on('message', async (request: ProbeRequest) => {
  const base = offHeap();
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, offHeap())), 5);
  try {
    const result = await probe(request);
    port.postMessage({ result, offHeapGrowth: Math.max(peak, offHeap()) - base });
  } catch (e) {
    port.postMessage({ thrown: e instanceof Error ? `${e.name}: ${e.message}` : String(e), offHeapGrowth: Math.max(peak, offHeap()) - base });
  } finally {
    clearInterval(sampler);
  }
});
port.postMessage({ ready: true });
