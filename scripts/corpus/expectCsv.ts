import { readFileSync } from 'node:fs';
import { openDataset } from '../../src/dataset/openDataset';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { vectorText } from '../../src/valueText';
import type { CaseResult } from './goldCases';

/** Parses the simple CSV of parquet-testing's *_expect.csv: quoted strings, an empty unquoted field is null. */
export function parseCsv(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line) continue;
    const row: (string | null)[] = [];
    let i = 0;
    while (i <= line.length) {
      if (line[i] === '"') {
        let value = '';
        i++;
        while (i < line.length && !(line[i] === '"' && line[i + 1] !== '"')) {
          value += line[i] === '"' ? '"' : line[i];
          i += line[i] === '"' ? 2 : 1;
        }
        row.push(value);
        i += 2;
      } else {
        const end = line.indexOf(',', i);
        const value = line.slice(i, end < 0 ? line.length : end);
        row.push(value === '' ? null : value);
        i = end < 0 ? line.length + 1 : end + 1;
      }
    }
    rows.push(row);
  }
  return rows;
}

/** Checks every value of a Parquet file against its X_expect.csv (header row = column names). */
export async function checkExpectCsv(file: string, csvPath: string): Promise<CaseResult> {
  const [header, ...rows] = parseCsv(readFileSync(csvPath, 'utf8'));
  const dataset = await openDataset(await NodeFileSource.open(file));
  try {
    for (let c = 0; c < header.length; c++) {
      const column = dataset.fields.findIndex((f) => f.name === header[c]);
      if (column < 0) return { file, status: 'fail', detail: `no column ${header[c]}` };
      const got: (string | null)[] = [];
      for (let b = 0; b < dataset.chunks.length; b++) got.push(...vectorText(await dataset.readColumn(b, column)));
      if (got.length !== rows.length) return { file, status: 'fail', detail: `${header[c]}: ${got.length} rows, expected ${rows.length}` };
      for (let r = 0; r < rows.length; r++) {
        if (got[r] !== rows[r][c]) return { file, status: 'fail', detail: `${header[c]} row ${r}: got ${JSON.stringify(got[r])}, expected ${JSON.stringify(rows[r][c])}` };
      }
    }
    return { file, status: 'pass' };
  } finally {
    await dataset.close();
  }
}
