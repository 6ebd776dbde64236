import { Field, Float64, Int64, Schema, Struct, Utf8, RecordBatch, makeData, type Data } from 'apache-arrow';
import { prng, skewed } from './prng';
import { StringPool, utf8Data } from './utf8Column';

/** Rows of the FEC 2012 presidential contributions file, which one copy reproduces. */
export const FEC_ROWS = 1_001_731;

const CANDIDATES: [string, string, string, number][] = [
  // cand_nm, cand_id, cmte_id, share of rows (the real file is dominated by Obama and Romney)
  ['Obama, Barack', 'P80003338', 'C00431445', 0.5931],
  ['Romney, Mitt', 'P80003353', 'C00431171', 0.1072],
  ['Paul, Ron', 'P80000748', 'C00495820', 0.1436],
  ['Santorum, Rick', 'P20002671', 'C00496034', 0.0465],
  ['Gingrich, Newt', 'P60003654', 'C00496497', 0.0466],
  ['Cain, Herman', 'P20002523', 'C00494393', 0.0201],
  ['Pawlenty, Timothy', 'P80000102', 'C00495622', 0.004],
  ['Huntsman, Jon', 'P20003281', 'C00498444', 0.0041],
  ['Perry, Rick', 'P20003109', 'C00500587', 0.0129],
  ['Bachmann, Michelle', 'P20003067', 'C00495002', 0.0134],
  ['Johnson, Gary Earl', 'P20002556', 'C00494401', 0.0013],
  ['Roemer, Charles E. \'Buddy\' III', 'P20002978', 'C00493692', 0.0056],
  ['McCotter, Thaddeus G', 'P20003251', 'C00497727', 0.0001],
];

const STATES = (
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY ' +
  'PR VI GU AS MP AE AP AA FM MH PW ZZ XX'
).split(' ');
const MONTHS = 'JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC'.split(' ');
const SYLLABLES = 'an bel cor dan el far gar hal is jon kel lar mon nor os par quin ros sam tor ul van wes xan yor zel ber cal dor fen'.split(' ');
const FIRST = 'JOHN MARY ROBERT PATRICIA MICHAEL LINDA WILLIAM BARBARA DAVID ELIZABETH RICHARD JENNIFER JOSEPH SUSAN THOMAS MARGARET CHARLES DOROTHY CHRISTOPHER NANCY DANIEL KAREN PAUL BETTY MARK HELEN DONALD SANDRA GEORGE DONNA KENNETH CAROL STEVEN RUTH EDWARD SHARON BRIAN MICHELLE RONALD LAURA ANTHONY SARAH KEVIN KIMBERLY JASON DEBORAH'.split(' ');
const OCCUPATION_WORDS = 'ATTORNEY TEACHER PHYSICIAN ENGINEER CONSULTANT PROFESSOR EXECUTIVE MANAGER SALES WRITER NURSE ARTIST DIRECTOR PRESIDENT OWNER ACCOUNTANT REAL-ESTATE BANKER PROGRAMMER FARMER'.split(' ');

function word(random: () => number, parts: number): string {
  let w = '';
  for (let i = 0; i < parts; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return w.toUpperCase();
}

function pools(seed: number) {
  const random = prng(seed);
  const names: string[] = [];
  for (let i = 0; i < 250_000; i++) {
    names.push(`${word(random, 2 + Math.floor(random() * 2))}, ${FIRST[Math.floor(random() * FIRST.length)]}${random() < 0.4 ? ` ${String.fromCharCode(65 + Math.floor(random() * 26))}.` : ''}`);
  }
  const cities = Array.from({ length: 12_000 }, () => word(random, 2 + Math.floor(random() * 2)));
  const employers = ['RETIRED', 'SELF-EMPLOYED', 'NOT EMPLOYED', 'INFORMATION REQUESTED PER BEST EFFORTS', 'HOMEMAKER'];
  for (let i = 0; i < 60_000; i++) employers.push(`${word(random, 2)} ${['INC', 'LLC', 'CORP', 'UNIVERSITY', 'HOSPITAL', 'GROUP'][Math.floor(random() * 6)]}`);
  const occupations = ['RETIRED', 'INFORMATION REQUESTED PER BEST EFFORTS', 'ATTORNEY', 'HOMEMAKER', 'PHYSICIAN'];
  for (let i = 0; i < 30_000; i++) occupations.push(`${OCCUPATION_WORDS[Math.floor(random() * OCCUPATION_WORDS.length)]} ${word(random, 1)}`);
  const dates: string[] = [];
  for (let y = 11; y <= 12; y++) for (const m of MONTHS) for (let d = 1; d <= 28; d++) dates.push(`${String(d).padStart(2, '0')}-${m}-${y}`);
  return {
    names: new StringPool(names),
    cities: new StringPool(cities),
    states: new StringPool(STATES),
    employers: new StringPool(employers),
    occupations: new StringPool(occupations),
    dates: new StringPool(dates),
    candNm: new StringPool(CANDIDATES.map((c) => c[0])),
    candId: new StringPool(CANDIDATES.map((c) => c[1])),
    cmteId: new StringPool(CANDIDATES.map((c) => c[2])),
    receiptDesc: new StringPool(['REFUND; REATTRIBUTION TO SPOUSE', 'REDESIGNATION TO GENERAL', 'CONTRIBUTION REDESIGNATED', 'Refund']),
    memoText: new StringPool(['* EARMARKED CONTRIBUTION: SEE BELOW', 'REATTRIBUTION / REDESIGNATION REQUESTED (AUTOMATIC)', 'REATTRIBUTION TO SPOUSE']),
    formTp: new StringPool(['SA17A', 'SA18', 'SB28A']),
    x: new StringPool(['X']),
  };
}

export const FEC_SCHEMA = new Schema([
  new Field('cmte_id', new Utf8(), false),
  new Field('cand_id', new Utf8(), false),
  new Field('cand_nm', new Utf8(), false),
  new Field('contbr_nm', new Utf8(), true),
  new Field('contbr_city', new Utf8(), true),
  new Field('contbr_st', new Utf8(), true),
  new Field('contbr_zip', new Utf8(), true),
  new Field('contbr_employer', new Utf8(), true),
  new Field('contbr_occupation', new Utf8(), true),
  new Field('contb_receipt_amt', new Float64(), false),
  new Field('contb_receipt_dt', new Utf8(), false),
  new Field('receipt_desc', new Utf8(), true),
  new Field('memo_cd', new Utf8(), true),
  new Field('memo_text', new Utf8(), true),
  new Field('form_tp', new Utf8(), false),
  new Field('file_num', new Int64(), false),
]);

/**
 * A copy of rows [start, start + length) that owns only its own bytes: apache-arrow's writer emits
 * a sliced variable-width array's whole value buffer, which would repeat the copy in every batch.
 */
function compactSlice(data: Data, start: number, length: number): Data {
  const validity = data.nullBitmap && data.nullCount > 0 ? new Uint8Array((length + 7) >> 3) : null;
  let nulls = 0;
  for (let i = 0; i < length; i++) {
    if (data.getValid(start + i)) {
      if (validity) validity[i >> 3] |= 1 << (i & 7);
    } else nulls++;
  }
  if (data.valueOffsets) {
    const offsets = (data.valueOffsets as Int32Array).slice(start, start + length + 1);
    const base = offsets[0];
    for (let i = 0; i < offsets.length; i++) offsets[i] -= base;
    const values = (data.values as Uint8Array).slice(base, base + offsets[length]);
    return makeData({ type: new Utf8(), length, nullCount: nulls, nullBitmap: validity, valueOffsets: offsets, data: values });
  }
  return makeData({ type: data.type, length, nullCount: nulls, nullBitmap: validity, data: (data.values as Float64Array).slice(start, start + length) } as never);
}

const AMOUNTS = [25, 50, 100, 250, 500, 1000, 2500, 10, 35, 200, 5, 15, 20, 75, 150, 300];

/**
 * One copy of the FEC-like table, `rows` rows (default the real file's 1,001,731), as record
 * batches of at most `batchRows` rows. Deterministic for a given seed.
 */
export function fecBatches(seed = 2012, rows = FEC_ROWS, batchRows = rows): RecordBatch[] {
  const p = pools(seed);
  const random = prng(seed + 1);
  // Candidates in long runs, as the real file is sorted by committee.
  const candidateOfRow = new Uint8Array(rows);
  let at = 0;
  CANDIDATES.forEach((c, i) => {
    const n = i === CANDIDATES.length - 1 ? rows - at : Math.min(rows - at, Math.round(c[3] * rows));
    candidateOfRow.fill(i, at, at + n);
    at += n;
  });
  const encoder = new TextEncoder();
  const amount = new Float64Array(rows);
  const fileNum = new BigInt64Array(rows);
  for (let r = 0; r < rows; r++) {
    const base = AMOUNTS[skewed(random, AMOUNTS.length, 1.6)];
    amount[r] = random() < 0.01 ? -base : random() < 0.1 ? Math.round(random() * 250000) / 100 : base;
    fileNum[r] = BigInt(724000 + candidateOfRow[r] * 1000 + Math.floor(r / 7919) % 97);
  }
  const nullable = (share: number) => random() < share;
  const columns: Data[] = [
    utf8Data(rows, (r) => p.cmteId.encoded[candidateOfRow[r]]),
    utf8Data(rows, (r) => p.candId.encoded[candidateOfRow[r]]),
    utf8Data(rows, (r) => p.candNm.encoded[candidateOfRow[r]]),
    utf8Data(rows, () => p.names.encoded[skewed(random, p.names.size, 1.3)]),
    utf8Data(rows, () => (nullable(0.00002) ? null : p.cities.encoded[skewed(random, p.cities.size, 2.5)])),
    utf8Data(rows, () => (nullable(0.00001) ? null : p.states.encoded[skewed(random, p.states.size, 1.8)])),
    utf8Data(rows, () => (nullable(0.0001) ? null : encoder.encode(String(Math.floor(random() * 1e9)).padStart(9, '0').slice(0, random() < 0.1 ? 5 : 9)))),
    utf8Data(rows, () => (nullable(0.0035) ? null : p.employers.encoded[skewed(random, p.employers.size, 2.2)])),
    utf8Data(rows, () => (nullable(0.0014) ? null : p.occupations.encoded[skewed(random, p.occupations.size, 2.2)])),
    makeData({ type: new Float64(), length: rows, nullCount: 0, data: amount }),
    utf8Data(rows, () => p.dates.encoded[Math.floor(random() * p.dates.size)]),
    utf8Data(rows, () => (random() < 0.99 ? null : p.receiptDesc.encoded[Math.floor(random() * p.receiptDesc.size)])),
    utf8Data(rows, () => (random() < 0.9 ? null : p.x.encoded[0])),
    utf8Data(rows, () => (random() < 0.9 ? null : p.memoText.encoded[Math.floor(random() * p.memoText.size)])),
    utf8Data(rows, () => p.formTp.encoded[random() < 0.97 ? 0 : random() < 0.7 ? 2 : 1]),
    makeData({ type: new Int64(), length: rows, nullCount: 0, data: fileNum }),
  ];
  const batches: RecordBatch[] = [];
  for (let start = 0; start < rows; start += batchRows) {
    const length = Math.min(batchRows, rows - start);
    const children = columns.map((c) => (length === rows ? c : compactSlice(c, start, length)));
    const struct = makeData({ type: new Struct(FEC_SCHEMA.fields), length, nullCount: 0, children });
    batches.push(new RecordBatch(FEC_SCHEMA, struct));
  }
  return batches;
}
