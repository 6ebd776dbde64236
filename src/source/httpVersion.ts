/** A Content-Range header: `bytes 0-99/1000`, `bytes 0-99/*` or, on a 416, `bytes *\/1000`. */
export interface ContentRange {
  first?: number;
  last?: number;
  total?: number;
}

export function parseContentRange(value: string | null): ContentRange | null {
  const m = value?.trim().match(/^bytes\s+(?:(\d+)-(\d+)|\*)\/(\d+|\*)$/i);
  if (!m) return null;
  const num = (s: string | undefined) => (s === undefined || s === '*' ? undefined : Number(s));
  return { first: num(m[1]), last: num(m[2]), total: num(m[3]) };
}

/** Content-Range as a sentence shows it. */
export const describeContentRange = (r: ContentRange): string =>
  r.first === undefined ? 'no bytes' : `bytes ${r.first.toLocaleString('en-US')}–${r.last!.toLocaleString('en-US')}`;

/** What identified the file when it was opened; every later answer must carry the same. */
export interface FileVersion {
  etag: string | null;
  lastModified: string | null;
  size: number;
}

export const versionOf = (headers: Headers, size: number): FileVersion => ({ etag: headers.get('ETag'), lastModified: headers.get('Last-Modified'), size });

/**
 * How an answer shows that the file is no longer the one opened ("ETag was "a", now "b""), or null when
 * nothing it carries differs. Headers an answer lacks (or CORS hides) are not compared.
 */
export function versionChange(opened: FileVersion, now: Omit<FileVersion, 'size'> & { size: number | undefined }): string | null {
  if (opened.etag !== null && now.etag !== null && opened.etag !== now.etag) return `ETag was ${opened.etag}, now ${now.etag}`;
  if (opened.lastModified !== null && now.lastModified !== null && opened.lastModified !== now.lastModified) {
    return `Last-Modified was ${opened.lastModified}, now ${now.lastModified}`;
  }
  if (now.size !== undefined && now.size !== opened.size) {
    return `it was ${opened.size.toLocaleString('en-US')} bytes long, now ${now.size.toLocaleString('en-US')}`;
  }
  return null;
}

/**
 * The If-Range validator to send: the ETag when it is strong (a weak one never matches If-Range), else
 * Last-Modified; null when the server gave neither.
 */
export function ifRangeValidator(v: FileVersion): string | null {
  if (v.etag && !v.etag.startsWith('W/')) return v.etag;
  return v.lastModified;
}
