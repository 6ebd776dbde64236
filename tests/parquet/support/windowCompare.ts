import { parquetMetadata } from 'hyparquet';
import { expect } from 'vitest';
import { readRowWindow, type RowWindow } from '../../../src/compute/rowWindow';
import { openDataset } from '../../../src/dataset/openDataset';
import type { ByteSource } from '../../../src/model/byteSource';
import type { Dataset } from '../../../src/model/types';
import { readPageLocations, type PageLocations } from '../../../src/parquet/pageLocations';
import { pageWindowSettings } from '../../../src/parquet/pageWindow';
import { BlobSource } from '../../../src/source/blobSource';
import { decodedCache } from '../../../src/source/decodedCache';

export const blobSource = (bytes: Uint8Array, name = 'paged.parquet') => new BlobSource(new Blob([bytes as BlobPart]), name);
export const open = (bytes: Uint8Array, name?: string) => openDataset(blobSource(bytes, name));
export const pageLoads = () => decodedCache.stats().areas['parquet-pages']?.loads ?? 0;

/** Every flat leaf's page locations, per row group (null where they cannot be known). */
export async function locationsOf(bytes: Uint8Array): Promise<(PageLocations | null)[][]> {
  const md = parquetMetadata(bytes.slice().buffer as ArrayBuffer);
  const source = blobSource(bytes);
  return Promise.all(md.row_groups.map((rg) => Promise.all(rg.columns.map((c) => (c.meta_data ? readPageLocations(source, c, Number(rg.num_rows)) : null)))));
}

export interface Window {
  start: number;
  count: number;
}

/**
 * Windows straddling page edges (up to `perChunk` per column chunk), and each row group's first, last
 * and middle rows, in the first `rowGroups` row groups. Row groups whose pages cannot be located get
 * only the latter.
 */
export async function windowsOf(bytes: Uint8Array, dataset: Dataset, perChunk = 6, rowGroups = Infinity): Promise<Window[]> {
  const out = new Map<string, Window>();
  const add = (start: number, count: number) => {
    const w = { start: Math.max(0, start), count };
    out.set(`${w.start}:${count}`, w);
  };
  let locations: (PageLocations | null)[][] = [];
  try {
    locations = await locationsOf(bytes);
  } catch {
    // A damaged footer or page: whatever the engine makes of it is compared on the plain windows.
  }
  dataset.chunks.slice(0, rowGroups).forEach((chunk, g) => {
    add(chunk.rowOffset, 64);
    add(chunk.rowOffset + chunk.rows - 64, 64);
    add(chunk.rowOffset + Math.floor(chunk.rows / 3), Math.ceil(chunk.rows / 4));
    for (const l of locations[g] ?? []) {
      const edges = l?.firstRows.slice(1) ?? [];
      const step = Math.max(1, Math.floor(edges.length / perChunk));
      for (let k = 0; k < edges.length; k += step) add(chunk.rowOffset + edges[k] - 3, 7);
    }
  });
  return [...out.values()];
}

/** Each window read through pages and through whole column chunks (a dataset of its own each): the same cells and errors. */
export async function compareWindows(bytes: Uint8Array, windows?: Window[], name?: string): Promise<number> {
  const paged = await open(bytes, name);
  const whole = await open(bytes, name);
  const columns = paged.fields.map((_, k) => k);
  const list = windows ?? (await windowsOf(bytes, paged, 6, 4));
  for (const w of list) {
    let expected: RowWindow;
    try {
      pageWindowSettings.enabled = false;
      expected = await readRowWindow(whole, w.start, w.count, columns);
    } finally {
      pageWindowSettings.enabled = true;
    }
    const got = await readRowWindow(paged, w.start, w.count, columns);
    expect({ window: w, ...got }).toEqual({ window: w, ...expected });
  }
  await paged.close();
  await whole.close();
  return list.length;
}

/** A source recording every range it reads. */
export function recording(bytes: Uint8Array): { source: ByteSource; ranges: [number, number][] } {
  const inner = blobSource(bytes);
  const ranges: [number, number][] = [];
  const source: ByteSource = {
    name: inner.name,
    size: inner.size,
    stats: inner.stats,
    read: (offset, length, signal) => {
      ranges.push([offset, Math.min(inner.size, offset + length)]);
      return inner.read(offset, length, signal);
    },
  };
  return { source, ranges };
}
