import { randomBytes } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import { once } from 'node:events';

/** What a multipart/byteranges answer sends, in order: text, or bytes start..end (inclusive) of the file. */
export type AnswerPiece = string | { start: number; end: number };

/**
 * A multipart/byteranges answer (RFC 9110 §14.6) to several ranges of a file of `size` bytes, as nginx and
 * Apache send one: each part with its Content-Type and Content-Range, the parts in the order asked.
 */
export function byterangesAnswer(ranges: readonly { start: number; end: number }[], size: number, type: string): { contentType: string; length: number; pieces: AnswerPiece[] } {
  const boundary = randomBytes(12).toString('hex');
  const pieces: AnswerPiece[] = [];
  for (const r of ranges) {
    pieces.push(`\r\n--${boundary}\r\nContent-Type: ${type}\r\nContent-Range: bytes ${r.start}-${r.end}/${size}\r\n\r\n`, r);
  }
  pieces.push(`\r\n--${boundary}--\r\n`);
  const length = pieces.reduce((n, p) => n + (typeof p === 'string' ? Buffer.byteLength(p) : p.end - p.start + 1), 0);
  return { contentType: `multipart/byteranges; boundary=${boundary}`, length, pieces };
}

/** Writes an answer's pieces to `res` and ends it, the bytes of each range from `bytesOf`; stops when the client goes away. */
export async function writePieces(res: Writable, pieces: readonly AnswerPiece[], bytesOf: (start: number, end: number) => Readable | Uint8Array): Promise<void> {
  // One wait for the end of the answer, shared by every write that waits for drain (not a listener each).
  const closed = once(res, 'close');
  closed.catch(() => {});
  const write = async (chunk: string | Uint8Array) => {
    if (!res.write(chunk)) await Promise.race([once(res, 'drain'), closed]);
  };
  try {
    for (const piece of pieces) {
      if (res.destroyed) return;
      if (typeof piece === 'string') await write(piece);
      else {
        const bytes = bytesOf(piece.start, piece.end);
        if (bytes instanceof Uint8Array) await write(bytes);
        else
          for await (const chunk of bytes) {
            if (res.destroyed) break; // leaving the loop closes the file
            await write(chunk as Uint8Array);
          }
      }
    }
    res.end();
  } catch {
    res.destroy();
  }
}
