import { SourceError } from './sourceError';

/** One HTTP request, as a sentence names it: the file's address and, for a read, the bytes asked for. */
export interface Asked {
  url: string;
  /** Inclusive byte range asked for; absent for the request that opens the file. */
  range?: { first: number; last: number };
  timeoutMs: number;
}

const n = (x: number): string => x.toLocaleString('en-US');
/** An address as shown in a sentence: a very long one is cut. */
export const shownUrl = (url: string): string => (url.length > 200 ? `${url.slice(0, 199)}…` : url);
const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(1)).toLocaleString('en-US')} s`;
const host = (url: string): string => new URL(url).host;
const what = (a: Asked): string => (a.range ? `bytes ${n(a.range.first)}–${n(a.range.last)} of ${shownUrl(a.url)}` : shownUrl(a.url));
const at = (a: Asked) => (a.range ? { offset: a.range.first } : {});
const length = (a: Asked): number => (a.range ? a.range.last - a.range.first + 1 : 1);

export const invalidUrl = (address: string): SourceError =>
  new SourceError(`“${shownUrl(address)}” is not a valid web address; enter a full address such as https://example.com/data.parquet.`);

export const notHttp = (address: string, protocol: string): SourceError =>
  new SourceError(`Only http:// and https:// addresses can be opened; “${shownUrl(address)}” starts with ${protocol}.`);

export const noAnswer = (a: Asked): SourceError =>
  new SourceError(
    `The server at ${host(a.url)} sent no answer within ${seconds(a.timeoutMs)} when asked for ${what(a)}. It may be overloaded or down: try again, or allow a longer timeout.`,
    at(a),
  );

export const stalled = (a: Asked, received: number): SourceError =>
  new SourceError(
    `The server at ${host(a.url)} stopped sending ${what(a)}: nothing arrived for ${seconds(a.timeoutMs)} after ${n(received)} of ${n(length(a))} bytes. Try again, or allow a longer timeout.`,
    at(a),
  );

export const dropped = (a: Asked, received: number): SourceError =>
  new SourceError(
    `The connection to ${host(a.url)} ended after ${n(received)} of the ${n(length(a))} bytes asked for (${what(a)}): it was dropped, or the server sent fewer bytes than it announced. Try again.`,
    at(a),
  );

export const droppedBeforeAnswer = (a: Asked): SourceError =>
  new SourceError(`The server at ${host(a.url)} closed the connection without answering when asked for ${what(a)}. Try again; if it keeps happening, the server is failing.`, at(a));

export const unreachable = (a: Asked): SourceError =>
  new SourceError(
    `Could not reach ${shownUrl(a.url)}: the connection failed or was dropped before the server answered. The server may be down, or may not allow cross-origin requests (CORS).`,
    at(a),
  );

export const redirectLoop = (a: Asked): SourceError =>
  new SourceError(
    `Following the redirects from ${shownUrl(a.url)} failed: the server redirects in a loop (too many redirects), or to a server that does not allow cross-origin requests (CORS).`,
    at(a),
  );

export const shortBody = (a: Asked, received: number): SourceError =>
  new SourceError(`The server sent ${n(received)} bytes for ${what(a)}, which is ${n(length(a))} bytes: its answer is incomplete, so none of it was used.`, at(a));

export const longBody = (a: Asked): SourceError =>
  new SourceError(`The server sent more than the ${n(length(a))} bytes asked for (${what(a)}): its answer does not match the request, so none of it was used.`, at(a));

export const wrongRange = (a: Asked, sent: string): SourceError =>
  new SourceError(`The server answered with ${sent} when asked for ${what(a)}: its answer does not match the request, so none of it was used.`, at(a));

export const noContentRange = (a: Asked): SourceError =>
  new SourceError(
    `The server did not say which bytes it sent (Content-Range) for ${what(a)}; with CORS it must list Content-Range in Access-Control-Expose-Headers.`,
    at(a),
  );

export const noSize = (a: Asked): SourceError =>
  new SourceError(`The server did not say how large the file at ${shownUrl(a.url)} is (its Content-Range gives no total), so it cannot be read in parts.`);

export const ignoresRange = (a: Asked): SourceError =>
  new SourceError(
    `The server at ${shownUrl(a.url)} ignores HTTP Range requests (answered 200 instead of 206), so the file cannot be read lazily. Download it and open it from disk instead.`,
  );

export const stoppedHonouringRange = (a: Asked): SourceError =>
  new SourceError(`The server answered ${what(a)} with the whole file (200 instead of 206): it no longer honours Range requests, so the file cannot be read further.`, at(a));

export const rangeRefused = (a: Asked, size: number): SourceError =>
  new SourceError(`The server refused ${what(a)} (416 Range Not Satisfiable) although the file is ${n(size)} bytes long when opened; the server is misbehaving.`, at(a));

const STATUS_HINTS: Record<number, string> = {
  401: ' (the file needs a login)',
  403: ' (access to the file is denied)',
  404: ' (there is no file at this address)',
  410: ' (the file was removed)',
};

export const badStatus = (a: Asked, status: number, statusText: string): SourceError =>
  new SourceError(`The server answered ${status}${statusText ? ` ${statusText}` : ''}${STATUS_HINTS[status] ?? ''} for ${what(a)}.`, at(a));

export const changed = (a: Asked, detail: string): SourceError =>
  new SourceError(`The file at ${shownUrl(a.url)} changed on the server since it was opened (${detail}); reopen it to see the new version.`, at(a));
