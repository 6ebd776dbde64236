import type { IntegrationJson, JsonColumn, JsonField } from '../../../scripts/corpus/integrationJson';

/**
 * The integration JSON of run-end encoded and list-view columns rewritten as the plain columns that
 * show the same values (values repeated per run; lists with their items laid out in order), so the
 * shared expected-value reader can compare them with what the engine decodes. Children must be flat
 * columns (those of the corpus files are).
 */

/** Rows `rows` of a flat JSON column, in that order. */
function take(col: JsonColumn, rows: number[]): JsonColumn {
  if (col.children?.length || col.VIEWS || col.TYPE_ID) throw new Error(`cannot gather the nested JSON column ${col.name}`);
  return {
    name: col.name,
    count: rows.length,
    VALIDITY: col.VALIDITY && rows.map((r) => col.VALIDITY![r]),
    DATA: col.DATA && rows.map((r) => col.DATA![r]),
  };
}

function plainField(field: JsonField): JsonField {
  const kind = field.type.name;
  if (kind === 'runendencoded') return { ...field.children[1], name: field.name, nullable: field.nullable };
  if (kind === 'listview' || kind === 'largelistview') return { ...field, type: { name: 'list' } };
  return field;
}

function plainColumn(field: JsonField, col: JsonColumn): JsonColumn {
  const kind = field.type.name;
  if (kind === 'runendencoded') {
    const ends = col.children![0].DATA!.map(Number);
    const runs: number[] = [];
    for (let row = 0, run = 0; row < col.count; row++) {
      while (ends[run] <= row) run++;
      runs.push(run);
    }
    return { ...take(col.children![1], runs), name: col.name };
  }
  if (kind === 'listview' || kind === 'largelistview') {
    const items: number[] = [];
    const offsets = [0];
    for (let i = 0; i < col.count; i++) {
      if (!col.VALIDITY || col.VALIDITY[i] === 1) {
        const start = Number(col.OFFSET![i]);
        for (let k = 0; k < Number(col.SIZE![i]); k++) items.push(start + k);
      }
      offsets.push(items.length);
    }
    return { name: col.name, count: col.count, VALIDITY: col.VALIDITY, OFFSET: offsets, children: [take(col.children![0], items)] };
  }
  return col;
}

export function plainIntegrationJson(json: IntegrationJson): IntegrationJson {
  return {
    ...json,
    schema: { ...json.schema, fields: json.schema.fields.map(plainField) },
    batches: json.batches.map((b) => ({ ...b, columns: b.columns.map((col, c) => plainColumn(json.schema.fields[c], col)) })),
  };
}
