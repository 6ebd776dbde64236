/**
 * Expected values from Arrow integration JSON (the gold `.json.gz` files), as the same row text
 * `normalizeData` produces from decoded buffers.
 */
export interface JsonField {
  name: string;
  nullable: boolean;
  type: { name: string; [k: string]: unknown };
  children: JsonField[];
  dictionary?: { id: number; indexType: unknown };
}
export interface JsonColumn {
  name: string;
  count: number;
  VALIDITY?: number[];
  DATA?: unknown[];
  OFFSET?: (number | string)[];
  SIZE?: (number | string)[];
  TYPE_ID?: number[];
  VIEWS?: { SIZE: number; INLINED?: string; PREFIX_HEX?: string; BUFFER_INDEX?: number; OFFSET?: number }[];
  VARIADIC_DATA_BUFFERS?: string[];
  children?: JsonColumn[];
}
export interface IntegrationJson {
  schema: { fields: JsonField[]; metadata?: { key: string; value: string }[] };
  batches: { count: number; columns: JsonColumn[] }[];
  dictionaries?: { id: number; data: { count: number; columns: JsonColumn[] } }[];
}

type Dicts = Map<number, { field: JsonField; column: JsonColumn }>;

function floatText(v: number, precision: string): string {
  if (!Number.isFinite(v)) return String(v);
  return precision === 'HALF' ? v.toPrecision(3) : precision === 'SINGLE' ? Math.fround(v).toPrecision(6) : v.toPrecision(15);
}


/** Text of row `i` of a JSON column of the given field type (validity checked by the caller). */
function valueAt(field: JsonField, col: JsonColumn, i: number, dicts: Dicts): string {
  if (field.dictionary) {
    const dict = dicts.get(field.dictionary.id);
    if (!dict) return 'missing dictionary';
    const index = Number(col.DATA![i]);
    return isValid(dict.column, index) ? valueAt(dict.field, dict.column, index, dicts) : 'null';
  }
  const t = field.type;
  const child = (k: number, j: number) => (isValid(col.children![k], j) ? valueAt(field.children[k], col.children![k], j, dicts) : 'null');
  switch (t.name) {
    case 'null':
      return 'null';
    case 'bool':
      return String(col.DATA![i]);
    case 'int':
    case 'date':
    case 'time':
    case 'timestamp':
    case 'duration':
      return String(col.DATA![i]);
    case 'floatingpoint':
      return floatText(Number(col.DATA![i]), String(t.precision));
    case 'decimal':
      return String(col.DATA![i]);
    case 'interval': {
      const v = col.DATA![i] as number | { days: number; milliseconds: number; months: number; nanoseconds: string | number };
      if (t.unit === 'YEAR_MONTH') return String(v);
      if (t.unit === 'DAY_TIME') return `${(v as { days: number }).days}d ${(v as { milliseconds: number }).milliseconds}ms`;
      const m = v as { months: number; days: number; nanoseconds: string | number };
      return `${m.months}m ${m.days}d ${m.nanoseconds}ns`;
    }
    case 'utf8':
    case 'largeutf8':
      return String(col.DATA![i]);
    case 'binary':
    case 'largebinary':
    case 'fixedsizebinary':
      return String(col.DATA![i]).toLowerCase();
    case 'utf8view':
    case 'binaryview': {
      const view = col.VIEWS![i];
      if (view.INLINED !== undefined) return t.name === 'utf8view' ? view.INLINED : view.INLINED.toLowerCase();
      const buffer = col.VARIADIC_DATA_BUFFERS![view.BUFFER_INDEX!].toLowerCase();
      const bytes = buffer.slice(view.OFFSET! * 2, (view.OFFSET! + view.SIZE) * 2);
      return t.name === 'utf8view' ? new TextDecoder().decode(Uint8Array.from(bytes.match(/../g) ?? [], (h) => parseInt(h, 16))) : bytes;
    }
    case 'runendencoded':
      return child(1, runOf(col, i));
    case 'listview':
    case 'largelistview': {
      const items: string[] = [];
      const start = Number(col.OFFSET![i]);
      for (let k = start; k < start + Number(col.SIZE![i]); k++) items.push(child(0, k));
      return `[${items.join(', ')}]`;
    }
    case 'list':
    case 'largelist':
    case 'map': {
      const items: string[] = [];
      for (let k = Number(col.OFFSET![i]); k < Number(col.OFFSET![i + 1]); k++) items.push(child(0, k));
      return `[${items.join(', ')}]`;
    }
    case 'fixedsizelist': {
      const size = Number(t.listSize);
      const items: string[] = [];
      for (let k = i * size; k < (i + 1) * size; k++) items.push(child(0, k));
      return `[${items.join(', ')}]`;
    }
    case 'struct':
      return `{${field.children.map((_, k) => child(k, i)).join(', ')}}`;
    case 'union': {
      const typeId = col.TYPE_ID![i];
      const k = (t.typeIds as number[]).indexOf(typeId);
      const j = t.mode === 'DENSE' ? Number(col.OFFSET![i]) : i;
      return `${typeId}:${child(k, j)}`;
    }
    default:
      return `unhandled JSON type ${t.name}`;
  }
}

function isValid(col: JsonColumn, i: number): boolean {
  return !col.VALIDITY || col.VALIDITY[i] === 1;
}

/** The run of a run-end encoded row: the first run whose end is past it. */
function runOf(col: JsonColumn, i: number): number {
  const ends = col.children![0].DATA!;
  let run = 0;
  while (Number(ends[run]) <= i) run++;
  return run;
}

export function dictionariesOf(json: IntegrationJson): Dicts {
  const fieldsById = new Map<number, JsonField>();
  const visit = (f: JsonField) => {
    if (f.dictionary) fieldsById.set(f.dictionary.id, { ...f, dictionary: undefined });
    f.children?.forEach(visit);
  };
  json.schema.fields.forEach(visit);
  const dicts: Dicts = new Map();
  for (const d of json.dictionaries ?? []) {
    const field = fieldsById.get(d.id);
    if (field) dicts.set(d.id, { field, column: d.data.columns[0] });
  }
  return dicts;
}

/** Expected text of every row of column `c` of batch `b`. */
export function expectedColumn(json: IntegrationJson, b: number, c: number, dicts: Dicts): (string | null)[] {
  const field = json.schema.fields[c];
  const col = json.batches[b].columns[c];
  const out: (string | null)[] = [];
  // A run-end encoded row is null when its run's value is.
  const valid = (i: number) => (field.type.name === 'runendencoded' ? isValid(col.children![1], runOf(col, i)) : isValid(col, i));
  for (let i = 0; i < col.count; i++) out.push(valid(i) && field.type.name !== 'null' ? valueAt(field, col, i, dicts) : null);
  return out;
}
