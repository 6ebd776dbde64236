import type { ByteSource, ReadStats } from '../model/byteSource';
import { HTTP_TIMEOUT_MS, MAX_SINGLE_READ } from './limits';
import { RequestCosts } from './requestCosts';
import { explain, NetworkFailure, send, type Sent } from './httpRequest';
import * as say from './httpSentences';
import type { Asked } from './httpSentences';
import { describeContentRange, ifRangeValidator, parseContentRange, versionChange, versionOf, type FileVersion } from './httpVersion';
import type { SourceError } from './sourceError';

export interface HttpSourceOptions {
  /** Give a request up after this long without an answer or without body bytes. */
  timeoutMs?: number;
  /** Cancels the open and, once open, every read in flight and after (the file was closed). */
  signal?: AbortSignal;
  /** The version an earlier open saw: finding another, the open fails with "changed on the server". */
  version?: FileVersion;
}

/** The address as fetch will use it, or a SourceError saying why it cannot be opened. */
export function checkedUrl(address: string): string {
  let url: URL;
  try {
    url = new URL(address, globalThis.location?.href);
  } catch {
    throw say.invalidUrl(address);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw say.notHttp(address, url.protocol);
  return url.href;
}

/** The file name in an address, decoded when its %-escapes are valid. */
function nameOf(url: string): string {
  const last = new URL(url).pathname.split('/').pop() || url;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

const signalsOf = (...signals: (AbortSignal | undefined)[]): AbortSignal[] => signals.filter((s): s is AbortSignal => s !== undefined);

/**
 * Reads a remote file with HTTP Range requests; the server must answer 206 and allow CORS. Every answer
 * is checked before its bytes are used: status, Content-Range (start, end and the size seen at open),
 * body length, and the file's version (ETag, Last-Modified), so that a file changed on the server is
 * reported instead of read as a mix of two versions.
 */
export class HttpSource implements ByteSource {
  readonly stats: ReadStats = { bytesRead: 0, reads: 0 };
  /** Once the file is seen to have changed, every read fails with this. */
  private changed: SourceError | null = null;
  /** Sent as If-Range; dropped when the server cannot take it (a CORS preflight refused, a date it deems weak). */
  private ifRange: string | null;
  private readonly costs = new RequestCosts();

  private constructor(
    readonly url: string,
    readonly name: string,
    /** What identified the file at open (ETag, Last-Modified, size); every answer must match it. */
    readonly version: FileVersion,
    private readonly timeoutMs: number,
    private readonly lifetime: AbortSignal | undefined,
  ) {
    this.ifRange = ifRangeValidator(version);
  }

  get size(): number {
    return this.version.size;
  }

  get mergeGap(): number | undefined {
    return this.costs.mergeGap;
  }

  static async open(address: string, options: HttpSourceOptions = {}): Promise<HttpSource> {
    const url = checkedUrl(address);
    const asked: Asked = { url, timeoutMs: options.timeoutMs ?? HTTP_TIMEOUT_MS };
    // Two bytes, not one: some servers (sirv, behind vite preview) take an end of 0 as "to the end of the file".
    const headers = { Range: 'bytes=0-1' };
    const signals = signalsOf(options.signal);
    let sent: Sent;
    try {
      sent = await send(asked, headers, signals);
    } catch (e) {
      throw e instanceof NetworkFailure ? await explain(e, asked, headers, signals) : e;
    }
    const { response } = sent;
    const opened = (size: number): HttpSource => {
      const version = versionOf(response.headers, size);
      const change = options.version && versionChange(options.version, version);
      if (change) throw say.changed(asked, change);
      return new HttpSource(url, nameOf(url), version, asked.timeoutMs, options.signal);
    };
    try {
      const range = parseContentRange(response.headers.get('Content-Range'));
      if (response.status === 200) throw say.ignoresRange(asked);
      // An empty file has no byte 0: the server refuses the range and says the size is 0.
      if (response.status === 416 && range?.total === 0) return opened(0);
      if (response.status !== 206) throw say.badStatus(asked, response.status, response.statusText);
      if (!range) throw say.noContentRange(asked);
      if (range.total === undefined) throw say.noSize(asked);
      const last = Math.min(1, range.total - 1);
      if (range.first !== 0 || range.last !== last) throw say.wrongRange({ ...asked, range: { first: 0, last } }, describeContentRange(range));
      await sent.body(last + 1);
      return opened(range.total);
    } finally {
      sent.close();
    }
  }

  async read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array> {
    const end = Math.min(this.size, offset + Math.min(length, MAX_SINGLE_READ));
    if (!(end > offset)) return new Uint8Array(0); // also for a NaN position, as the other sources
    const bytes = await this.readRange(offset, end - 1, signalsOf(signal, this.lifetime));
    this.stats.reads++;
    this.stats.bytesRead += bytes.length;
    if (length > MAX_SINGLE_READ && end < this.size) {
      const rest = await this.read(end, length - (end - offset), signal);
      const out = new Uint8Array(bytes.length + rest.length);
      out.set(bytes);
      out.set(rest, bytes.length);
      return out;
    }
    return bytes;
  }

  /** Bytes first..last (inclusive), checked against what was asked and the version opened. */
  private async readRange(first: number, last: number, signals: AbortSignal[]): Promise<Uint8Array> {
    if (this.changed) throw this.changed;
    if (last === 0 && this.size > 1) return (await this.readRange(0, 1, signals)).subarray(0, 1); // see open: never ask for an end of 0
    const asked: Asked = { url: this.url, range: { first, last }, timeoutMs: this.timeoutMs };
    const sentAt = performance.now();
    const { sent, ifRange } = await this.request(asked, signals);
    const answeredAt = performance.now();
    const { response } = sent;
    try {
      const headers = response.headers;
      const range = parseContentRange(headers.get('Content-Range'));
      const length = headers.get('Content-Length');
      const size = response.status === 200 ? (length !== null && /^\d+$/.test(length) ? Number(length) : undefined) : range?.total;
      const change = versionChange(this.version, { etag: headers.get('ETag'), lastModified: headers.get('Last-Modified'), size });
      if (change) throw (this.changed = say.changed(asked, change));
      if (response.status === 200) {
        if (ifRange === null) throw say.stoppedHonouringRange(asked);
        // The same version, yet If-Range did not match: the server deems the validator weak. Compare instead.
        if (ifRange === this.ifRange) this.ifRange = null;
        sent.close();
        return await this.readRange(first, last, signals);
      }
      if (response.status === 416) throw say.rangeRefused(asked, this.size);
      if (response.status !== 206) throw say.badStatus(asked, response.status, response.statusText);
      if (!range) throw say.noContentRange(asked);
      if (range.first !== first || range.last !== last) throw say.wrongRange(asked, describeContentRange(range));
      const body = await sent.body(last - first + 1);
      this.costs.record(answeredAt - sentAt, performance.now() - answeredAt, body.length);
      return body;
    } finally {
      sent.close();
    }
  }

  /**
   * Sends a Range request with If-Range when there is a validator. If-Range needs a CORS preflight: when
   * the request fails with it and succeeds without, the server is read without it (answers are compared).
   */
  private async request(asked: Asked, signals: AbortSignal[]): Promise<{ sent: Sent; ifRange: string | null }> {
    const range = { Range: `bytes=${asked.range!.first}-${asked.range!.last}` };
    const ifRange = this.ifRange;
    try {
      return { sent: await send(asked, ifRange ? { ...range, 'If-Range': ifRange } : range, signals), ifRange };
    } catch (e) {
      if (!(e instanceof NetworkFailure)) throw e;
      if (ifRange === null) throw await explain(e, asked, range, signals);
      let plain: Sent;
      try {
        plain = await send(asked, range, signals);
      } catch (again) {
        throw again instanceof NetworkFailure ? await explain(again, asked, range, signals) : again;
      }
      if (this.ifRange === ifRange) this.ifRange = null;
      return { sent: plain, ifRange: null };
    }
  }
}

export const openHttpSource = (url: string, options?: HttpSourceOptions): Promise<HttpSource> => HttpSource.open(url, options);
