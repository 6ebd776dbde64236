import { Field, Int32, Utf8, makeData, vectorFromArray } from 'apache-arrow';
import { schemaOf, streamOf } from './craftIpc';

/** Field names that would act on a terminal printed raw: clear screen, retitle, plant a link, reverse what is read. */
export const HOSTILE_NAMES = ['clear\x1b[2J\x1b[H', 'title\x1b]0;pwned\x07', 'link\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\', 'rtl\u202egnp.exe'];
/** Values a spreadsheet would run as formulas, and values carrying the same terminal sequences. */
export const FORMULA_VALUES = ['=1+2', '+SUM(A1:A9)', '-2+3', '@cmd', '\t=tab', '\r=cr'];
export const ESCAPE_VALUES = ['\x1b[2J', '\x1b]0;title\x07', '\x1b]8;;https://evil.example/\x1b\\x\x1b]8;;\x1b\\', '\u202eevil', '\x9b31m', 'ok'];

/** One batch: an int column and three text columns under the hostile names, the last holding formula cells. */
export function hostileText(): Uint8Array {
  const utf8 = (values: string[]) => vectorFromArray(values, new Utf8()).data[0];
  const schema = schemaOf(new Field(HOSTILE_NAMES[0], new Int32(), false), ...HOSTILE_NAMES.slice(1).map((name) => new Field(name, new Utf8(), true)));
  const n = FORMULA_VALUES.length;
  const ints = makeData({ type: new Int32(), length: n, nullCount: 0, data: Int32Array.from({ length: n }, (_, k) => k) });
  return streamOf(schema, [[ints, utf8(ESCAPE_VALUES), utf8(ESCAPE_VALUES.map((v) => `${v} again`)), utf8(FORMULA_VALUES)]]);
}
