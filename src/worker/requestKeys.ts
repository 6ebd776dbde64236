/** Cancellation by request key: a request made under a key cancels the previous one under the same key. */
export class RequestKeys {
  private readonly inFlight = new Map<string, AbortController>();

  /** A signal for a new request under `key`, aborting the one before it (no key: not cancellable). */
  take(key: string | undefined): AbortSignal | undefined {
    if (!key) return undefined;
    this.inFlight.get(key)?.abort();
    const controller = new AbortController();
    this.inFlight.set(key, controller);
    return controller.signal;
  }

  /** Cancels whatever request runs under `key`. */
  cancel(key: string): void {
    this.inFlight.get(key)?.abort();
    this.inFlight.delete(key);
  }
}
