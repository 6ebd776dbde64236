/**
 * `promise`, or its signal's reason as soon as the signal aborts: for work shared by several requests
 * (a batch header read once for all of them), where one request's cancel must end its own wait at once
 * without stopping the shared work.
 */
export function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Work shared by several requests (a batch header read once for all the columns asking): each waits
 * with its own signal, and when every one has given up before the work ended, the work is aborted
 * (a stalled read is dropped instead of running on to the server's timeout).
 */
export class SharedTask<T> {
  readonly promise: Promise<T>;
  private readonly controller = new AbortController();
  private waiting = 0;
  private settled = false;

  constructor(run: (signal: AbortSignal) => Promise<T>) {
    this.promise = run(this.controller.signal);
    this.promise.then(
      () => (this.settled = true),
      () => (this.settled = true),
    );
  }

  /** True once abandoned by every waiter: a new request must start the work again. */
  get abandoned(): boolean {
    return this.controller.signal.aborted;
  }

  async wait(signal?: AbortSignal): Promise<T> {
    this.waiting++;
    try {
      return await abortable(this.promise, signal);
    } finally {
      if (--this.waiting === 0 && !this.settled) this.controller.abort();
    }
  }
}

/** Rejects with an AbortError once `signal` aborts (at once if it already has): a side to race long work against. */
export function whenAborted(signal: AbortSignal): Promise<never> {
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(new DOMException('Cancelled', 'AbortError'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
  aborted.catch(() => {}); // raced; work that ends first never looks at it
  return aborted;
}
