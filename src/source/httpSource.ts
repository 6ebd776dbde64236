import type { ByteSource, ReadStats } from '../model/byteSource';
import { HTTP_TIMEOUT_MS, MAX_SINGLE_READ } from './limits';
import { MAX_MERGE_GAP, RequestCosts } from './requestCosts';
import { cancelled, explain, NetworkFailure, send, type Sent } from './httpRequest';
import { byterangesBoundary, bytesFromParts, parseByteranges, severalRangesHeader } from './byteranges';
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
 * Reads up to this long are gathered: those asked for in one task go out in one request of several
 * ranges. Longer ones (whole column chunks) go alone, in parallel. As long as the widest gap read
 * through: a view's reads merged across gaps stay in its one request.
 */
const GATHERED_READ = MAX_MERGE_GAP;
/**
 * Fewer ranges than this go as parallel requests of one range each: a browser has six connections to a
 * server, so a few requests cost no more round trips than one, and a server that cannot answer several
 * ranges at once costs its wasted request only when there is much to gain.
 */
const FEWEST_TOGETHER = 4;
/** Ranges in one request at most (Apache answers up to 200). */
const RANGES_PER_REQUEST = 100;
/** A multipart answer's bytes besides the ranges: each part's headers and boundary, well under this. */
const PART_OVERHEAD = 512;

/** A read waiting to be sent with the others asked for in the same task. */
interface Wanted {
  first: number;
  last: number;
  signal?: AbortSignal;
  resolve: (bytes: Uint8Array) => void;
  reject: (e: unknown) => void;
}

/** One range to ask for: overlapping or touching reads merged. */
interface ToAsk {
  first: number;
  last: number;
  wanted: Wanted[];
}

/** Reads as ranges to ask for, in order, split into requests of at most RANGES_PER_REQUEST ranges and MAX_SINGLE_READ bytes. */
function requestsFor(wanted: Wanted[]): ToAsk[][] {
  const ranges: ToAsk[] = [];
  for (const w of [...wanted].sort((a, b) => a.first - b.first)) {
    const last = ranges[ranges.length - 1];
    if (last && w.first <= last.last + 1) {
      last.last = Math.max(last.last, w.last);
      last.wanted.push(w);
    } else ranges.push({ first: w.first, last: w.last, wanted: [w] });
  }
  const requests: ToAsk[][] = [];
  let bytes = 0;
  for (const r of ranges) {
    const current = requests[requests.length - 1];
    const length = r.last - r.first + 1;
    if (current && current.length < RANGES_PER_REQUEST && bytes + length <= MAX_SINGLE_READ) {
      current.push(r);
      bytes += length;
    } else {
      requests.push([r]);
      bytes = length;
    }
  }
  return requests;
}

/** A signal that aborts once every one of `signals` has (never, when one of them is absent). */
function whenAllAborted(signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  if (signals.some((s) => s === undefined)) return undefined;
  const all = new AbortController();
  for (const s of signals as AbortSignal[]) s.addEventListener('abort', () => signals.every((x) => x!.aborted) && all.abort(), { once: true });
  return all.signal;
}

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
  /** Whether the server answers several ranges in one request (multipart/byteranges); undefined until asked. */
  private severalRanges: boolean | undefined;
  private wanted: Wanted[] = [];
  private sendTimer: ReturnType<typeof setTimeout> | undefined;

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

  /**
   * Reading through a gap saves a request only from a server that answers one range per request. Where
   * several ranges go in one request (or may: until a server refuses, they are asked so), a view's reads
   * are one request anyway and a gap read through is only more bytes (a W1 jump at +150 ms read 7.2 MB
   * for 3.4 MB wanted, a W2 jump 11 MB), so no gap then beyond the read plans' own.
   */
  get mergeGap(): number | undefined {
    return this.severalRanges === false ? this.costs.mergeGap : 0;
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
    const gathered = end - offset <= GATHERED_READ && this.severalRanges !== false;
    const bytes = await (gathered ? this.gather(offset, end - 1, signal) : this.readRange(offset, end - 1, signalsOf(signal, this.lifetime)));
    if (length > MAX_SINGLE_READ && end < this.size) {
      const rest = await this.read(end, length - (end - offset), signal);
      const out = new Uint8Array(bytes.length + rest.length);
      out.set(bytes);
      out.set(rest, bytes.length);
      return out;
    }
    return bytes;
  }

  /**
   * A small read, sent with the others asked for in the same task: a grid window's columns, a stream's
   * next headers. One request of several ranges costs one round trip where a browser sends at most six
   * requests to a server at once (HTTP/1.1).
   */
  private gather(first: number, last: number, signal?: AbortSignal): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(cancelled());
      signal?.addEventListener('abort', () => reject(cancelled()), { once: true });
      this.wanted.push({ first, last, signal, resolve, reject });
      this.sendTimer ??= setTimeout(() => this.sendGathered(), 0);
    });
  }

  private sendGathered(): void {
    this.sendTimer = undefined;
    const wanted = this.wanted.splice(0).filter((w) => !w.signal?.aborted);
    for (const ranges of requestsFor(wanted)) void this.readGathered(ranges);
  }

  /** Ranges in one request when the server answers so; else (or when that request fails) one request each. */
  private async readGathered(ranges: ToAsk[]): Promise<void> {
    const signalOf = (wanted: Wanted[]) => whenAllAborted(wanted.map((w) => w.signal));
    const alone = (r: ToAsk) =>
      this.readRange(r.first, r.last, signalsOf(signalOf(r.wanted), this.lifetime)).then(
        (bytes) => r.wanted.forEach((w) => w.resolve(bytes.subarray(w.first - r.first, w.last - r.first + 1))),
        (e) => r.wanted.forEach((w) => w.reject(e)),
      );
    if (ranges.length >= FEWEST_TOGETHER && this.severalRanges !== false) {
      try {
        const parts = await this.readSeveral(ranges, signalsOf(signalOf(ranges.flatMap((r) => r.wanted)), this.lifetime));
        if (parts) {
          ranges.forEach((r, k) => r.wanted.forEach((w) => w.resolve(parts[k].subarray(w.first - r.first, w.last - r.first + 1))));
          return;
        }
      } catch (e) {
        if ((e instanceof DOMException && e.name === 'AbortError') || e === this.changed) {
          for (const r of ranges) r.wanted.forEach((w) => w.reject(e));
          return;
        }
        this.severalRanges = false; // whatever went wrong, each range is asked for alone (and fails in its own words)
      }
    }
    await Promise.all(ranges.map(alone));
  }

  /**
   * Several ranges in one request: each range's bytes, checked as a single read's are (parts of a
   * multipart/byteranges answer, or one range the server merged them into); null when the server does
   * not answer several ranges so (it sent the whole file, or only the first range), and from then on
   * each range is asked for alone.
   */
  private async readSeveral(ranges: ToAsk[], signals: AbortSignal[]): Promise<Uint8Array[] | null> {
    if (this.changed) throw this.changed;
    const first = ranges[0].first;
    const last = ranges[ranges.length - 1].last;
    const asked: Asked = { url: this.url, range: { first, last }, timeoutMs: this.timeoutMs };
    const headers: Record<string, string> = { Range: severalRangesHeader(ranges) };
    if (this.ifRange) headers['If-Range'] = this.ifRange;
    const sentAt = performance.now();
    let sent: Sent;
    try {
      sent = await send(asked, headers, signals);
    } catch (e) {
      if (e instanceof NetworkFailure) return this.notSeveral(); // e.g. a CORS preflight refused: a single range needs none
      throw e;
    }
    const answeredAt = performance.now();
    const { response } = sent;
    try {
      const h = response.headers;
      const range = parseContentRange(h.get('Content-Range'));
      const change = versionChange(this.version, { etag: h.get('ETag'), lastModified: h.get('Last-Modified'), size: response.status === 206 ? range?.total : undefined });
      if (change) throw (this.changed = say.changed(asked, change));
      if (response.status !== 206) return this.notSeveral();
      const wanted = ranges.reduce((n, r) => n + r.last - r.first + 1, 0);
      const boundary = byterangesBoundary(h.get('Content-Type'));
      let parts: (Uint8Array | null)[];
      if (boundary === null) {
        // One range: all of them merged (a server may), or only the first asked.
        if (range?.first === undefined || range.first > first || range.last! < last || range.last! - range.first + 1 > 2 * wanted + PART_OVERHEAD * ranges.length) return this.notSeveral();
        const body = await sent.body(range.last! - range.first + 1);
        this.answered(answeredAt - sentAt, performance.now() - answeredAt, body.length);
        parts = ranges.map((r) => body.slice(r.first - range.first!, r.last - range.first! + 1));
      } else {
        const body = await sent.bodyUpTo(wanted + PART_OVERHEAD * (ranges.length + 1));
        this.answered(answeredAt - sentAt, performance.now() - answeredAt, body.length);
        const found = parseByteranges(body, boundary, this.size);
        if (typeof found === 'string') return this.notSeveral();
        // Copies: a part kept (a cached block, a column) must not hold the whole answer in memory.
        parts = ranges.map((r) => bytesFromParts(found, r.first, r.last)?.slice() ?? null);
      }
      if (parts.some((p) => p === null)) return this.notSeveral();
      this.severalRanges = true;
      return parts as Uint8Array[];
    } finally {
      sent.close();
    }
  }

  private notSeveral(): null {
    this.severalRanges = false;
    return null;
  }

  private answered(waitMs: number, bodyMs: number, bytes: number): void {
    this.costs.record(waitMs, bodyMs, bytes);
    this.stats.reads++;
    this.stats.bytesRead += bytes;
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
      this.answered(answeredAt - sentAt, performance.now() - answeredAt, body.length);
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
