import { SourceError } from './sourceError';
import type { ByteSource, ReadStats } from '../model/byteSource';
import { MAX_SINGLE_READ } from './limits';

function sizeFromContentRange(value: string | null): number | undefined {
  const m = value?.match(/\/(\d+)\s*$/);
  return m ? Number(m[1]) : undefined;
}

/** Reads a remote file with HTTP Range requests; the server must answer 206 and allow CORS. */
export class HttpSource implements ByteSource {
  readonly stats: ReadStats = { bytesRead: 0, reads: 0 };
  private constructor(
    readonly url: string,
    readonly name: string,
    readonly size: number,
  ) {}

  static async open(url: string, signal?: AbortSignal): Promise<HttpSource> {
    let response: Response;
    try {
      response = await fetch(url, { headers: { Range: 'bytes=0-0' }, signal });
    } catch (e) {
      throw new SourceError(
        `Could not reach ${url}: ${(e as Error).message}. The server may be down or may not allow cross-origin requests (CORS).`,
      );
    }
    await response.body?.cancel();
    if (response.status === 200) {
      throw new SourceError(
        `The server at ${url} ignores HTTP Range requests (answered 200 instead of 206), so the file cannot be read lazily. Download it and open it from disk instead.`,
      );
    }
    if (response.status !== 206) throw new SourceError(`The server answered ${response.status} ${response.statusText} for ${url}.`);
    const size = sizeFromContentRange(response.headers.get('Content-Range'));
    if (size === undefined) {
      throw new SourceError(
        `The server did not expose the file size (Content-Range) for ${url}; with CORS it must list Content-Range in Access-Control-Expose-Headers.`,
      );
    }
    const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || url);
    return new HttpSource(url, name, size);
  }

  async read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array> {
    const end = Math.min(this.size, offset + Math.min(length, MAX_SINGLE_READ));
    if (end <= offset) return new Uint8Array(0);
    const response = await fetch(this.url, { headers: { Range: `bytes=${offset}-${end - 1}` }, signal });
    if (response.status !== 206) {
      await response.body?.cancel();
      throw new SourceError(`Range request for bytes ${offset}-${end - 1} failed: HTTP ${response.status}.`, { offset });
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
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
}

export const openHttpSource = (url: string, signal?: AbortSignal): Promise<HttpSource> => HttpSource.open(url, signal);
