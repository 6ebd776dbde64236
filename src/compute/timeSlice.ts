/** How long a loop may hold its thread before it lets queued messages (a cancel, another file's read) run. */
export const SLICE_MS = 8;

type Resolve = () => void;
let channel: MessageChannel | null = null;
const waiting: Resolve[] = [];

/**
 * Resolves in a new macrotask, so that the messages queued meanwhile are handled first. A promise
 * alone resolves in the same task (microtasks run before any message); `setTimeout(0)` is clamped to
 * 4 ms once nested. Node has `setImmediate`; a worker in the browser uses a MessageChannel.
 */
export function nextTask(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}

/**
 * Gives a long loop's thread back every `sliceMs`: `await slicer.tick()` between steps of work
 * costs a clock read, and past the slice waits for the next task, then throws if the work was
 * cancelled meanwhile (so Cancel takes effect within about one slice).
 */
export class TimeSlicer {
  private last = performance.now();

  constructor(
    private readonly signal?: AbortSignal,
    private readonly sliceMs = SLICE_MS,
  ) {}

  /** True when the current slice is used up. */
  get due(): boolean {
    return performance.now() - this.last >= this.sliceMs;
  }

  async tick(): Promise<void> {
    if (this.due) {
      await nextTask();
      this.last = performance.now();
    }
    this.signal?.throwIfAborted();
  }
}

/** Runs a generator of steps to its end, giving the thread back (and checking for a cancel) as `slicer` says. */
export async function runSliced<T>(steps: Generator<void, T>, slicer: TimeSlicer): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await slicer.tick();
  }
}
