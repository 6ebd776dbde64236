import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { readParquet } from 'parquet-wasm';
import type { ExportFormat, ExportSink } from '../../src/compute/export';

const ROOT = join(__dirname, '../..');

/** A file of the repository read by libraries alone: apache-arrow for Arrow IPC, parquet-wasm for Parquet. */
export function readSource(rel: string): Table {
  const bytes = readFileSync(join(ROOT, rel));
  return rel.endsWith('.parquet') ? tableFromIPC(readParquet(bytes).intoIPCStream()) : tableFromIPC(bytes);
}

/** Exported bytes read back by apache-arrow (Arrow IPC) or parquet-wasm (Parquet). */
export function readBack(format: ExportFormat, bytes: Uint8Array): Table {
  return format === 'parquet' ? tableFromIPC(readParquet(bytes).intoIPCStream()) : tableFromIPC(bytes);
}



/** Bytes written to memory (small exports). */
export class MemorySink implements ExportSink {
  parts: Uint8Array[] = [];
  closed = false;
  async write(bytes: Uint8Array): Promise<void> {
    this.parts.push(bytes.slice());
  }
  async close(): Promise<void> {
    this.closed = true;
  }
  get bytes(): Uint8Array {
    const out = new Uint8Array(this.parts.reduce((s, p) => s + p.length, 0));
    let o = 0;
    for (const p of this.parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }
}

/** A file on disk, written as it comes (big exports). */
export async function fileSink(path: string): Promise<ExportSink> {
  const handle = await open(path, 'w');
  return {
    write: async (bytes) => {
      await handle.write(bytes);
    },
    close: () => handle.close(),
  };
}

/** RFC 4180 records (CRLF or LF), quotes undone. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      continue;
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
