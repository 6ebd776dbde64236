import { readFileSync } from 'node:fs';
import { Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';
import { fecBatches } from '../../../scripts/gen/fecTable';
import { writeParquetCopies } from '../../../scripts/gen/writeParquet';
import { NodeFileSource } from '../../../src/source/nodeFileSource';
import { Engine } from '../../../src/worker/engine';
import { tempFile, tempPath } from '../../support/files';

export type Row = Record<string, unknown>;

/** The same FEC-like rows as an Arrow stream and a Parquet file, open in one Engine, with every row read by a reader we did not write. */
export interface FecFiles {
  engine: Engine;
  /** Dataset ids by kind: 'arrow' (batches of 1,000 rows) and 'parquet' (row groups of 2,500). */
  ids: Map<string, number>;
  paths: Map<string, string>;
  /** Every row as apache-arrow (tableFromIPC) or hyparquet (parquetReadObjects) reads it. */
  reference: Map<string, Row[]>;
  /** Top-level column names, the same in both files. */
  columnNames: string[];
  fieldIndex(name: string): number;
  close(): Promise<void>;
}

/** Generates `rows` FEC-like rows (seed 7) into both files and opens them. */
export async function openFecFiles(rows = 20_000): Promise<FecFiles> {
  const arrowPath = tempFile('fec.arrows', tableToIPC(new Table(fecBatches(7, rows, 1_000)), 'stream'));
  const parquetPath = tempPath('fec.parquet');
  await writeParquetCopies(parquetPath, () => fecBatches(7, rows, 5_000), 1, 2_500);
  const reference = new Map<string, Row[]>();
  reference.set('arrow', tableFromIPC(readFileSync(arrowPath)).toArray().map((r: { toJSON(): Row }) => r.toJSON()));
  const bytes = readFileSync(parquetPath);
  reference.set('parquet', (await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) })) as Row[]);
  const engine = new Engine();
  const ids = new Map<string, number>();
  const paths = new Map<string, string>();
  let columnNames: string[] = [];
  for (const [kind, path] of [['arrow', arrowPath], ['parquet', parquetPath]]) {
    const summary = await engine.openSource(await NodeFileSource.open(path), true);
    ids.set(kind, summary.id);
    paths.set(kind, path);
    columnNames = summary.fields.map((f) => f.name);
  }
  return {
    engine,
    ids,
    paths,
    reference,
    columnNames,
    fieldIndex: (name) => columnNames.indexOf(name),
    close: async () => {
      for (const id of ids.values()) await engine.close(id);
    },
  };
}
