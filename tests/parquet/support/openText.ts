import { join, resolve } from 'node:path';
import { openDataset } from '../../../src/dataset/openDataset';
import type { Dataset } from '../../../src/model/types';
import { NodeFileSource } from '../../../src/source/nodeFileSource';
import { vectorText } from '../../../src/valueText';

/** The Parquet files made for user reports (tests/fixtures/writers/parquet/make_fixtures.py). */
export const WRITERS_DIR = resolve(__dirname, '../../fixtures/writers');
export const writerFile = (name: string, writer = 'parquet'): string => join(WRITERS_DIR, writer, name);

export const open = async (path: string): Promise<Dataset> => openDataset(await NodeFileSource.open(path));

/** Display text of every row of one column, over all row groups. */
export async function columnText(ds: Dataset, column: number | string): Promise<(string | null)[]> {
  const c = typeof column === 'number' ? column : ds.fields.findIndex((f) => f.name === column);
  if (c < 0) throw new Error(`no column ${column}`);
  const out: (string | null)[] = [];
  for (let g = 0; g < ds.chunks.length; g++) out.push(...vectorText(await ds.readColumn(g, c), ds.fields[c].extension));
  return out;
}

/** Display text of one column of one file, opened and closed here. */
export async function fileColumnText(path: string, column: number | string): Promise<(string | null)[]> {
  const ds = await open(path);
  try {
    return await columnText(ds, column);
  } finally {
    await ds.close();
  }
}
