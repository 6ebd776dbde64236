import { SourceError } from './sourceError';
import * as say from './httpSentences';
import type { Asked } from './httpSentences';

export const cancelled = (): DOMException => new DOMException('Cancelled.', 'AbortError');

/** fetch failed below HTTP (no status): what it threw, before it is explained in a sentence. */
export class NetworkFailure extends Error {
  constructor(readonly thrown: unknown) {
    super(thrown instanceof Error ? thrown.message : String(thrown));
  }
}

/**
 * One request in flight: aborted when any of the caller's signals aborts (Cancel, the file closed) or
 * when nothing arrives for `timeoutMs` (no answer, or no body bytes while the body trickles).
 */
export class Sent {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timedOut = false;
  private readonly onAbort = (): void => this.controller.abort();
  response!: Response;

  constructor(
    readonly asked: Asked,
    private readonly signals: readonly AbortSignal[],
  ) {
    for (const s of signals) s.addEventListener('abort', this.onAbort, { once: true });
    this.restartTimer();
  }

  /** Sends the request; throws AbortError (cancelled), a timeout SourceError, or NetworkFailure. */
  async send(headers: Record<string, string>, redirect: RequestRedirect = 'follow'): Promise<this> {
    try {
      if (this.signals.some((s) => s.aborted)) throw cancelled();
      // no-store: Chromium's HTTP cache otherwise lets one request per URL through at a time when the
      // answers carry no validator (measured: a 9 GB stream's index at +150 ms took 12.5 s, 3.2 s without it).
      this.response = await fetch(this.asked.url, { headers, redirect, signal: this.controller.signal, cache: 'no-store' });
      return this;
    } catch (e) {
      this.close();
      throw this.why(() => say.noAnswer(this.asked), () => new NetworkFailure(e));
    }
  }

  /** The body, which must be exactly `length` bytes. */
  async body(length: number): Promise<Uint8Array> {
    const out = new Uint8Array(length);
    const received = await this.readBody(length, (piece, at) => out.set(piece, at));
    if (received < length) throw say.shortBody(this.asked, received);
    return out;
  }

  /** The body when it is at most `max` bytes long (its length not known before), else a longBody SourceError. */
  async bodyUpTo(max: number): Promise<Uint8Array> {
    const pieces: Uint8Array[] = [];
    const received = await this.readBody(max, (piece) => pieces.push(piece));
    const out = new Uint8Array(received);
    let at = 0;
    for (const p of pieces) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  /**
   * Reads the body to its end, handing each piece to `take` with its place; a body longer than `max`
   * is a longBody SourceError. The timer restarts with every piece that arrives. Returns the bytes read.
   */
  private async readBody(max: number, take: (piece: Uint8Array, at: number) => void): Promise<number> {
    let received = 0;
    const reader = this.response.body?.getReader();
    try {
      while (reader) {
        this.restartTimer();
        const { done, value } = await reader.read();
        if (done) break;
        if (received + value.length > max) throw say.longBody(this.asked);
        take(value, received);
        received += value.length;
      }
    } catch (e) {
      if (e instanceof SourceError) throw e;
      throw this.why(() => say.stalled(this.asked, received), () => say.dropped(this.asked, received));
    } finally {
      this.close();
    }
    return received;
  }

  /** Stops the timer and the request (its unread body with it); harmless once the body is read. */
  close(): void {
    clearTimeout(this.timer);
    for (const s of this.signals) s.removeEventListener('abort', this.onAbort);
    this.controller.abort();
  }

  private restartTimer(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, this.asked.timeoutMs);
  }

  /** A failure as the caller should see it: Cancelled when the user cancelled, the timeout's sentence, or `other`. */
  private why(timeout: () => Error, other: () => Error): unknown {
    if (this.signals.some((s) => s.aborted)) return cancelled();
    if (this.timedOut) return timeout();
    return other();
  }
}

/** Sends a request under a timeout; see Sent.send. */
export const send = (asked: Asked, headers: Record<string, string>, signals: readonly AbortSignal[], redirect?: RequestRedirect): Promise<Sent> =>
  new Sent(asked, signals).send(headers, redirect);

type Cause = { code?: string; message?: string } | undefined;

/**
 * Puts a NetworkFailure in a sentence. Node's fetch names the cause (a redirect loop, a reset); the
 * browser only says "Failed to fetch", so one more request that does not follow redirects tells a
 * redirect loop from a connection that failed.
 */
export async function explain(failure: NetworkFailure, asked: Asked, headers: Record<string, string>, signals: readonly AbortSignal[]): Promise<SourceError> {
  const cause = (failure.thrown as { cause?: Cause }).cause;
  if (cause?.message === 'redirect count exceeded') return say.redirectLoop(asked);
  if (cause?.code === 'UND_ERR_SOCKET' || cause?.code === 'ECONNRESET') return say.droppedBeforeAnswer(asked);
  try {
    const probe = await send(asked, headers, signals, 'manual');
    const status = probe.response.status;
    const redirected = probe.response.type === 'opaqueredirect' || (status >= 300 && status < 400);
    probe.close();
    return redirected ? say.redirectLoop(asked) : say.droppedBeforeAnswer(asked);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    return e instanceof SourceError ? e : say.unreachable(asked);
  }
}
