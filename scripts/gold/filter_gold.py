#!/usr/bin/env python3
"""Gold for the filter language (issue 15): which rows pyarrow.compute says match each filter.

Made once by hand with pyarrow (CI never runs Python):
    python3 scripts/gold/filter_gold.py
It (1) writes the small fixtures tests/filter/fixtures/filter_types.{parquet,arrows,arrow}: every type the
filter compares, with nulls, NaN, -0.0, infinities, int64/uint64 past 2^53 and 2^63, decimals past 2^64,
time zones, non-BMP text and a dictionary with a null entry, in three chunks of 10 rows (Parquet with
statistics: a sorted column and an all-null chunk let statistics decide whole chunks); and (2) for each
case below, evaluates the filter with pyarrow.compute, written here independently of the TypeScript
parser, and writes tests/gold/filter/<file>.json: {file, rows, cases: [{where, matched, indices}]}.

Semantics are SQL's three-valued logic as pyarrow's Kleene kernels give it: comparisons with null are
null, NOT null is null, and a row matches only when the whole expression is true (fill_null(False)).
x IN (a, b) is x = a OR x = b (a null in the list makes a miss null), BETWEEN is >= AND <=. Dictionary
columns are compared by their values (dictionary_decode first: a null entry is a null value, as the grid
shows it; pc.is_null on the encoded array would look at the indices only).
"""
import datetime as dt
import json
import os
from decimal import Decimal

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.ipc as ipc
import pyarrow.parquet as pq

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
FIXTURES = os.path.join(ROOT, 'tests', 'filter', 'fixtures')
OUT = os.path.join(ROOT, 'tests', 'gold', 'filter')
NAN = float('nan')
INF = float('inf')
UTC = dt.timezone.utc


def fixture_table():
    n = 30
    def pick(values):
        return [values[i % len(values)] for i in range(n)]
    i32 = pick([5, None, -3, 0, 2147483647, -2147483648, 7, None, 12, 5])
    i64 = pick([9007199254740993, 9007199254740992, None, -9223372036854775808, 9223372036854775807, 0, -1, 9007199254740993, None, -9007199254740992, -9007199254740993])
    u64 = pick([18446744073709551615, 9223372036854775808, 0, None, 5, 9223372036854775807])
    f64 = pick([1.5, NAN, None, -0.0, 0.0, INF, -INF, 2.5, -7.25, NAN, 1e300])
    f32 = pick([0.1, NAN, None, -1.5, 3.0, 0.0])
    s = pick(['Obama, Barack', 'obama, barack', None, '', 'Straße', 'STRASSE', 'ǅemal', '\ue000', '😀 smile', "it's", 'a\nb', 'Romney, Mitt', 'zz', 'Z', 'é'])
    dec = pick([Decimal('1.250'), Decimal('-0.005'), None, Decimal('12345678901234567.891'), Decimal('-99999999999999999.999'), Decimal('0.000'), Decimal('1.200')])
    day = pick([dt.date(2016, 1, 1), dt.date(2015, 12, 31), None, dt.date(1969, 12, 31), dt.date(2024, 2, 29), dt.date(1, 1, 1)])
    ts = pick([dt.datetime(2016, 1, 1), dt.datetime(2016, 1, 1, 0, 0, 0, 1), None, dt.datetime(2015, 12, 31, 23, 59, 59, 999999), dt.datetime(1970, 1, 1), dt.datetime(2020, 6, 1, 12, 30)])
    tsny = pick([dt.datetime(2016, 1, 1, 5, 0, tzinfo=UTC), dt.datetime(2016, 1, 1, 4, 59, 59, tzinfo=UTC), None, dt.datetime(2020, 3, 8, 7, 0, tzinfo=UTC), dt.datetime(1960, 1, 1, tzinfo=UTC)])
    tsutc = pick([dt.datetime(2016, 1, 1, tzinfo=UTC), None, dt.datetime(2000, 1, 1, 0, 0, 0, 1000, tzinfo=UTC), dt.datetime(2038, 1, 19, 3, 14, 8, tzinfo=UTC)])
    t = pick([dt.time(13, 45, 7, 250000), dt.time(0, 0), None, dt.time(23, 59, 59, 999999), dt.time(12, 0)])
    flag = pick([True, False, None, True])
    binary = pick([b'DreamMaker', b'\x00\xffab', None, b'', b'ab'])
    names = pick(['Obama, Barack', 'Romney, Mitt', None, 'Paul, Ron', 'Obama, Barack', 'Johnson, Gary'])
    cand = pa.DictionaryArray.from_arrays(pa.array([[0, 1, None, 2, 0, 3][i % 6] for i in range(n)], pa.int8()), pa.array(['Obama, Barack', 'Romney, Mitt', 'Paul, Ron', 'Johnson, Gary']))
    sparse = [None if i >= 20 else i % 4 for i in range(n)]
    return pa.table({
        'id': pa.array(range(n), pa.int32()),
        'i32': pa.array(i32, pa.int32()),
        'i64': pa.array(i64, pa.int64()),
        'u64': pa.array(u64, pa.uint64()),
        'f64': pa.array(f64, pa.float64()),
        'f32': pa.array(f32, pa.float32()),
        's': pa.array(s, pa.string()),
        'cand': cand,
        'names': pa.array(names, pa.large_string()),
        'dec': pa.array(dec, pa.decimal128(20, 3)),
        'day': pa.array(day, pa.date32()),
        'ts': pa.array(ts, pa.timestamp('us')),
        'tsny': pa.array(tsny, pa.timestamp('ns', tz='America/New_York')),
        'tsutc': pa.array(tsutc, pa.timestamp('ms', tz='UTC')),
        't': pa.array(t, pa.time64('us')),
        'flag': pa.array(flag, pa.bool_()),
        'bin': pa.array(binary, pa.binary()),
        'sparse': pa.array(sparse, pa.int16()),
        'odd name "q"': pa.array(range(n), pa.int8()),
    })


def write_fixtures():
    os.makedirs(FIXTURES, exist_ok=True)
    table = fixture_table()
    pq.write_table(table, os.path.join(FIXTURES, 'filter_types.parquet'), row_group_size=10, write_statistics=True, compression='snappy')
    batches = table.to_batches(max_chunksize=10)
    # The Arrow files carry a dictionary whose second batch adds a null entry (a delta would need the file
    # format's support: the stream replaces it instead, as pyarrow writes a new dictionary).
    with ipc.new_stream(os.path.join(FIXTURES, 'filter_types.arrows'), table.schema) as w:
        for b in with_null_entry(batches):
            w.write_batch(b)
    with ipc.new_file(os.path.join(FIXTURES, 'filter_types.arrow'), table.schema) as w:
        for b in batches:
            w.write_batch(b)


def with_null_entry(batches):
    out = []
    for k, b in enumerate(batches):
        if k == 1:
            col = b.schema.get_field_index('cand')
            d = b.column(col)
            indices = pa.array([None if v is None else (4 if v == 0 else v) for v in d.indices.to_pylist()], pa.int8())
            dictionary = pa.array(['Obama, Barack', 'Romney, Mitt', 'Paul, Ron', 'Johnson, Gary', None])
            b = b.set_column(col, b.schema.field(col), pa.DictionaryArray.from_arrays(indices, dictionary))
        out.append(b)
    return out


def read(path):
    if path.endswith('.parquet'):
        return pq.read_table(path)
    try:
        return ipc.open_file(path).read_all()
    except pa.ArrowInvalid:
        return ipc.open_stream(path).read_all()


# --- the filters, built with pyarrow.compute ---------------------------------------------------------

OPS = {'=': pc.equal, '!=': pc.not_equal, '<': pc.less, '<=': pc.less_equal, '>': pc.greater, '>=': pc.greater_equal}


def col(name):
    def get(t):
        c = t[name]
        if pa.types.is_dictionary(c.type):
            c = c.cast(c.type.value_type)
        if pa.types.is_string_view(c.type):
            c = c.cast(pa.string())  # compare kernels take string, not string_view
        if pa.types.is_float16(c.type):
            c = c.cast(pa.float64())  # exact; compare kernels take no halffloat
        return c
    return get


def scalar_for(c, value):
    """A Python value as a scalar of the column's type (temporal and big integers exactly)."""
    if isinstance(value, pa.Scalar):
        return value
    t = c.type
    if isinstance(value, (dt.date, dt.datetime, dt.time)) or (pa.types.is_integer(t) and isinstance(value, int)):
        return pa.scalar(value, t)
    if pa.types.is_binary(t) and isinstance(value, str):
        return pa.scalar(value.encode(), t)
    if pa.types.is_large_string(t) and isinstance(value, str):
        return pa.scalar(value, t)
    if pa.types.is_decimal(t) and isinstance(value, str):
        return pa.scalar(Decimal(value))
    return value


def cmp(name, op, value):
    return lambda t: OPS[op](col(name)(t), scalar_for(col(name)(t), value))


def between(name, lo, hi):
    return lambda t: pc.and_kleene(cmp(name, '>=', lo)(t), cmp(name, '<=', hi)(t))


def isin(name, *values):
    def f(t):
        out = None
        for v in values:
            e = pa.nulls(len(t), pa.bool_()) if v is None else cmp(name, '=', v)(t)
            out = e if out is None else pc.or_kleene(out, e)
        return out
    return f


def is_null(name, negated=False):
    return lambda t: (pc.is_valid if negated else pc.is_null)(col(name)(t))


def text(name, kind, pattern, ignore_case=False):
    def f(t):
        c = col(name)(t)
        if kind == 'contains':
            return pc.match_substring(c, pattern, ignore_case=ignore_case)
        if kind == 'starts':
            return pc.starts_with(c, pattern, ignore_case=ignore_case)
        if kind == 'ends':
            return pc.ends_with(c, pattern, ignore_case=ignore_case)
        return pc.match_substring_regex(c, pattern, ignore_case=ignore_case)
    return f


def AND(a, b):
    return lambda t: pc.and_kleene(a(t), b(t))


def OR(a, b):
    return lambda t: pc.or_kleene(a(t), b(t))


def NOT(a):
    return lambda t: pc.invert(a(t))


def ts_utc(*args):
    return dt.datetime(*args, tzinfo=UTC)


TYPES_CASES = [
    ("id < 10", cmp('id', '<', 10)),
    ("id >= 25", cmp('id', '>=', 25)),
    ("id BETWEEN 8 AND 12", between('id', 8, 12)),
    ("i32 = 5", cmp('i32', '=', 5)),
    ("i32 != 5", cmp('i32', '!=', 5)),
    ("NOT (i32 = 5)", NOT(cmp('i32', '=', 5))),
    ("i32 < 0", cmp('i32', '<', 0)),
    ("i32 <= -2147483648", cmp('i32', '<=', -2147483648)),
    ("i32 > 2.5", cmp('i32', '>', 2.5)),
    ("i32 >= 2147483647", cmp('i32', '>=', 2147483647)),
    ("i32 IN (5, 7, 12)", isin('i32', 5, 7, 12)),
    ("i32 NOT IN (5, 7)", NOT(isin('i32', 5, 7))),
    ("i32 IN (5, null)", isin('i32', 5, None)),
    ("NOT i32 IN (5, null)", NOT(isin('i32', 5, None))),
    ("i32 IS NULL", is_null('i32')),
    ("i32 IS NOT NULL", is_null('i32', True)),
    ("i64 = 9007199254740993", cmp('i64', '=', 9007199254740993)),
    ("i64 > 9007199254740992", cmp('i64', '>', 9007199254740992)),
    ("i64 < -9223372036854775807", cmp('i64', '<', -9223372036854775807)),
    ("i64 >= 9223372036854775807", cmp('i64', '>=', 9223372036854775807)),
    ("i64 IN (0, -1, 9007199254740992)", isin('i64', 0, -1, 9007199254740992)),
    ("i64 IN (-9007199254740992, -9007199254740993)", isin('i64', -9007199254740992, -9007199254740993)),
    ("i64 = -9007199254740992", cmp('i64', '=', -9007199254740992)),
    ("i64 < -9007199254740992", cmp('i64', '<', -9007199254740992)),
    ("u64 > 9223372036854775807", cmp('u64', '>', 9223372036854775807)),
    ("u64 = 18446744073709551615", cmp('u64', '=', 18446744073709551615)),
    ("u64 <= 5", cmp('u64', '<=', 5)),
    ("f64 = 1.5", cmp('f64', '=', 1.5)),
    ("f64 != 1.5", cmp('f64', '!=', 1.5)),
    ("f64 > 0", cmp('f64', '>', 0.0)),
    ("f64 >= 0", cmp('f64', '>=', 0.0)),
    ("f64 < 0", cmp('f64', '<', 0.0)),
    ("f64 <= -0.0", cmp('f64', '<=', -0.0)),
    ("f64 = 0", cmp('f64', '=', 0.0)),
    ("NOT f64 > 0", NOT(cmp('f64', '>', 0.0))),
    ("f64 > 1e299", cmp('f64', '>', 1e299)),
    ("f64 BETWEEN -10 AND 2.5", between('f64', -10.0, 2.5)),
    ("f64 IN (1.5, -7.25)", isin('f64', 1.5, -7.25)),
    ("f64 IS NULL", is_null('f64')),
    ("f32 > 0.1", cmp('f32', '>', 0.1)),
    ("f32 = 0.1", cmp('f32', '=', 0.1)),
    ("f32 != 3", cmp('f32', '!=', 3.0)),
    ("s = 'Obama, Barack'", cmp('s', '=', 'Obama, Barack')),
    ("s != 'Obama, Barack'", cmp('s', '!=', 'Obama, Barack')),
    ("s < 'Z'", cmp('s', '<', 'Z')),
    ("s > '\ue000'", cmp('s', '>', '\ue000')),
    ("s >= '😀'", cmp('s', '>=', '😀')),
    ("s = ''", cmp('s', '=', '')),
    ("s = 'it''s'", cmp('s', '=', "it's")),
    ("s IN ('zz', 'Z', 'é')", isin('s', 'zz', 'Z', 'é')),
    ("s CONTAINS 'bama'", text('s', 'contains', 'bama')),
    ("s ICONTAINS 'OBAMA'", text('s', 'contains', 'OBAMA', True)),
    ("s ICONTAINS 'ǆ'", text('s', 'contains', 'ǆ', True)),
    ("s STARTS WITH 'Ro'", text('s', 'starts', 'Ro')),
    ("s ISTARTS WITH 'str'", text('s', 'starts', 'str', True)),
    ("s ENDS WITH 'ck'", text('s', 'ends', 'ck')),
    ("s IENDS WITH 'SMILE'", text('s', 'ends', 'SMILE', True)),
    ("s MATCHES '^[A-Z][a-z]+, '", text('s', 'regex', '^[A-Z][a-z]+, ')),
    ("s ~ 'a.b'", text('s', 'regex', 'a.b')),
    ("s ~* '^obama'", text('s', 'regex', '^obama', True)),
    ("s MATCHES '/^OBAMA/i'", text('s', 'regex', '^OBAMA', True)),
    ("NOT s CONTAINS 'a'", NOT(text('s', 'contains', 'a'))),
    ("s IS NULL OR s = ''", OR(is_null('s'), cmp('s', '=', ''))),
    ("cand = 'Obama, Barack'", cmp('cand', '=', 'Obama, Barack')),
    ("cand != 'Obama, Barack'", cmp('cand', '!=', 'Obama, Barack')),
    ("cand IS NULL", is_null('cand')),
    ("cand IN ('Paul, Ron', 'Johnson, Gary')", isin('cand', 'Paul, Ron', 'Johnson, Gary')),
    ("cand STARTS WITH 'R'", text('cand', 'starts', 'R')),
    ("names = 'Obama, Barack'", cmp('names', '=', 'Obama, Barack')),
    ("names > 'P'", cmp('names', '>', 'P')),
    ("dec = 1.25", cmp('dec', '=', '1.25')),
    ("dec > 1.2", cmp('dec', '>', '1.2')),
    ("dec < 0", cmp('dec', '<', '0')),
    ("dec >= 12345678901234567.891", cmp('dec', '>=', '12345678901234567.891')),
    ("dec = -0.005", cmp('dec', '=', '-0.005')),
    ("dec <= -99999999999999999.999", cmp('dec', '<=', '-99999999999999999.999')),
    ("dec BETWEEN -1 AND 1.2", between('dec', '-1', '1.2')),
    ("day = '2016-01-01'", cmp('day', '=', dt.date(2016, 1, 1))),
    ("day < '2016-01-01'", cmp('day', '<', dt.date(2016, 1, 1))),
    ("day >= '1970-01-01'", cmp('day', '>=', dt.date(1970, 1, 1))),
    ("day BETWEEN '2015-12-31' AND '2024-02-29'", between('day', dt.date(2015, 12, 31), dt.date(2024, 2, 29))),
    ("day < '0100-01-01'", cmp('day', '<', dt.date(100, 1, 1))),
    ("ts >= '2016-01-01'", cmp('ts', '>=', dt.datetime(2016, 1, 1))),
    ("ts > '2016-01-01 00:00:00'", cmp('ts', '>', dt.datetime(2016, 1, 1))),
    ("ts < '2016-01-01T00:00:00.000001'", cmp('ts', '<', dt.datetime(2016, 1, 1, 0, 0, 0, 1))),
    ("ts = '2020-06-01 12:30'", cmp('ts', '=', dt.datetime(2020, 6, 1, 12, 30))),
    ("tsny >= '2016-01-01 00:00:00-05:00'", cmp('tsny', '>=', ts_utc(2016, 1, 1, 5))),
    ("tsny < '2016-01-01 05:00:00Z'", cmp('tsny', '<', ts_utc(2016, 1, 1, 5))),
    ("tsny = '2020-03-08 03:00:00-04:00'", cmp('tsny', '=', ts_utc(2020, 3, 8, 7))),
    ("tsny < '1970-01-01'", cmp('tsny', '<', ts_utc(1970, 1, 1))),
    ("tsutc >= '2016-01-01'", cmp('tsutc', '>=', ts_utc(2016, 1, 1))),
    ("tsutc = '2000-01-01 00:00:00.001'", cmp('tsutc', '=', ts_utc(2000, 1, 1, 0, 0, 0, 1000))),
    ("tsutc > '2038-01-19 03:14:07+00:00'", cmp('tsutc', '>', ts_utc(2038, 1, 19, 3, 14, 7))),
    ("t > '12:00:00'", cmp('t', '>', dt.time(12, 0))),
    ("t = '13:45:07.25'", cmp('t', '=', dt.time(13, 45, 7, 250000))),
    ("t <= '00:00'", cmp('t', '<=', dt.time(0, 0))),
    ("flag", cmp('flag', '=', True)),
    ("NOT flag", NOT(cmp('flag', '=', True))),
    ("flag = false", cmp('flag', '=', False)),
    ("flag != true", cmp('flag', '!=', True)),
    ("flag IS NULL", is_null('flag')),
    ("bin = 'DreamMaker'", cmp('bin', '=', 'DreamMaker')),
    ("bin < 'b'", cmp('bin', '<', 'b')),
    ("bin CONTAINS 'ab'", text('bin', 'contains', b'ab')),
    ("sparse = 1", cmp('sparse', '=', 1)),
    ("sparse IS NULL", is_null('sparse')),
    ("sparse IS NOT NULL AND sparse > 1", AND(is_null('sparse', True), cmp('sparse', '>', 1))),
    ('"odd name ""q""" >= 28', cmp('odd name "q"', '>=', 28)),
    ("i32 = 5 OR f64 = 1.5 AND s IS NOT NULL", OR(cmp('i32', '=', 5), AND(cmp('f64', '=', 1.5), is_null('s', True)))),
    ("(i32 = 5 OR f64 = 1.5) AND s IS NOT NULL", AND(OR(cmp('i32', '=', 5), cmp('f64', '=', 1.5)), is_null('s', True))),
    ("NOT (i32 > 0 AND f64 > 0)", NOT(AND(cmp('i32', '>', 0), cmp('f64', '>', 0.0)))),
    ("NOT (i32 > 0 OR f64 > 0)", NOT(OR(cmp('i32', '>', 0), cmp('f64', '>', 0.0)))),
    ("id < 10 AND i32 IS NULL OR id >= 20 AND flag", OR(AND(cmp('id', '<', 10), is_null('i32')), AND(cmp('id', '>=', 20), cmp('flag', '=', True)))),
]

SAMPLE_CASES = [
    ("cand_nm = 'Obama, Barack'", cmp('cand_nm', '=', 'Obama, Barack')),
    ("cand_nm = 'Obama, Barack' AND contb_receipt_amt >= 1000", AND(cmp('cand_nm', '=', 'Obama, Barack'), cmp('contb_receipt_amt', '>=', 1000.0))),
    ("contb_receipt_amt < 0", cmp('contb_receipt_amt', '<', 0.0)),
    ("contbr_st IN ('CA', 'NY', 'TX')", isin('contbr_st', 'CA', 'NY', 'TX')),
    ("memo_cd IS NULL", is_null('memo_cd')),
    ("NOT memo_cd = 'X'", NOT(cmp('memo_cd', '=', 'X'))),
    ("contbr_occupation ICONTAINS 'retired'", text('contbr_occupation', 'contains', 'retired', True)),
    ("contbr_nm MATCHES '^[A-C]'", text('contbr_nm', 'regex', '^[A-C]')),
    ("contbr_zip STARTS WITH '9'", text('contbr_zip', 'starts', '9')),
    ("file_num BETWEEN 750000 AND 760000", between('file_num', 750000, 760000)),
    ("contb_receipt_dt = '20-JAN-12'", cmp('contb_receipt_dt', '=', '20-JAN-12')),
]

PRIMITIVE = 'tests/fixtures/corpus/arrow-testing/data/arrow-ipc-stream/integration/cpp-21.0.0/'
CORPUS_CASES = {
    PRIMITIVE + 'generated_primitive.arrow_file': [
        ("int64_nullable > 0", cmp('int64_nullable', '>', 0)),
        ("uint64_nullable >= 9223372036854775808", cmp('uint64_nullable', '>=', 9223372036854775808)),
        ("float32_nullable < 0 OR float64_nullable > 0", OR(cmp('float32_nullable', '<', 0.0), cmp('float64_nullable', '>', 0.0))),
        ("bool_nullable = false", cmp('bool_nullable', '=', False)),
        ("int8_nullable IS NULL AND uint16_nonnullable > 1000", AND(is_null('int8_nullable'), cmp('uint16_nonnullable', '>', 1000))),
    ],
    PRIMITIVE + 'generated_dictionary.stream': [
        ("dict0 > 'm'", cmp('dict0', '>', 'm')),
        ("dict1 IS NULL", is_null('dict1')),
        ("dict2 < 0", cmp('dict2', '<', 0)),
    ],
    PRIMITIVE + 'generated_datetime.arrow_file': [
        ("f0 >= '2000-01-01'", cmp('f0', '>=', dt.date(2000, 1, 1))),
        ("f8 < '1970-01-01'", cmp('f8', '<', dt.datetime(1970, 1, 1))),
        ("f12 > '2000-01-01 00:00:00Z'", cmp('f12', '>', ts_utc(2000, 1, 1))),
        ("f4 < '12:00:00'", cmp('f4', '<', dt.time(12, 0))),
    ],
    PRIMITIVE + 'generated_decimal.arrow_file': [
        ("f0 > 0", cmp('f0', '>', '0')),
        ("f30 < -1000000", cmp('f30', '<', '-1000000')),
    ],
    'tests/fixtures/writers/pyarrow/decimals.arrows': [
        ("d256 < 0", cmp('d256', '<', '0')),
        ("d128 > 1", cmp('d128', '>', '1')),
        ("d32 >= 1234567.89", cmp('d32', '>=', '1234567.89')),
    ],
    'tests/fixtures/writers/pyarrow/string_view.arrows': [
        ("s > 'a'", cmp('s', '>', 'a')),
        ("s CONTAINS 'long'", text('s', 'contains', 'long')),
        ("s IS NULL", is_null('s')),
    ],
    'tests/fixtures/writers/pyarrow/timestamps.arrows': [
        ("\"ns_America/New_York\" >= '2020-01-01 00:00:00-05:00'", cmp('ns_America/New_York', '>=', ts_utc(2020, 1, 1, 5))),
        ("\"ns_+05:30\" < '2000-01-01'", cmp('ns_+05:30', '<', ts_utc(2000, 1, 1))),
        ("date64 > '2000-01-01'", cmp('date64', '>', dt.date(2000, 1, 1))),
    ],
    'tests/fixtures/corpus/parquet-testing/data/alltypes_plain.parquet': [
        ("id >= 4", cmp('id', '>=', 4)),
        ("bool_col", cmp('bool_col', '=', True)),
        ("string_col = '1'", cmp('string_col', '=', '1')),
        ("timestamp_col >= '2009-03-01'", cmp('timestamp_col', '>=', dt.datetime(2009, 3, 1))),
        ("double_col > 5 AND float_col < 1", AND(cmp('double_col', '>', 5.0), cmp('float_col', '<', 1.0))),
    ],
    'tests/fixtures/corpus/parquet-testing/data/float16_nonzeros_and_nans.parquet': [
        ("x > 0", cmp('x', '>', 0.0)),
        ("x != 1", cmp('x', '!=', 1.0)),
        ("x IS NULL", is_null('x')),
    ],
    'tests/fixtures/corpus/parquet-testing/data/sort_columns.parquet': [
        ("a > 2", cmp('a', '>', 2)),
        ("b = 'c'", cmp('b', '=', 'c')),
    ],
    'tests/fixtures/writers/parquet/stats_types.parquet': [
        ("ny_us >= '2020-01-01 00:00:00Z'", cmp('ny_us', '>=', ts_utc(2020, 1, 1))),
        ("dec38 > 0", cmp('dec38', '>', '0')),
        ("u32 > 2147483648", cmp('u32', '>', 2147483648)),
        ("dict_text = 'b'", cmp('dict_text', '=', 'b')),
        ("f32 < 0 OR f64 > 1", OR(cmp('f32', '<', 0.0), cmp('f64', '>', 1.0))),
        ("day < '2000-01-01'", cmp('day', '<', dt.date(2000, 1, 1))),
    ],
    'tests/fixtures/writers/parquet/int_types.parquet': [
        ("u64 > 9223372036854775807", cmp('u64', '>', 9223372036854775807)),
        ("i64 < 0", cmp('i64', '<', 0)),
        ("u8 >= 128", cmp('u8', '>=', 128)),
    ],
    'tests/fixtures/corpus/parquet-testing/data/int32_with_null_pages.parquet': [
        ("int32_field > 0", cmp('int32_field', '>', 0)),
        ("int32_field IS NULL", is_null('int32_field')),
    ],
    'public/sample.arrow': SAMPLE_CASES,
}


def gold(rel, cases):
    table = read(os.path.join(ROOT, rel))
    out = []
    for where, f in cases:
        mask = pc.fill_null(f(table), False)
        indices = [i for i, v in enumerate(mask.to_pylist()) if v]
        out.append({'where': where, 'matched': len(indices), 'indices': indices})
    name = rel.replace('/', '__')
    for prefix in ('tests__fixtures__corpus__', 'tests__fixtures__', 'tests__filter__fixtures__'):
        name = name.replace(prefix, '')
    with open(os.path.join(OUT, f'{name}.json'), 'w') as fh:
        json.dump({'file': rel, 'rows': table.num_rows, 'cases': out}, fh, ensure_ascii=False, separators=(',', ':'))
        fh.write('\n')


def main():
    write_fixtures()
    os.makedirs(OUT, exist_ok=True)
    for ext in ('parquet', 'arrows', 'arrow'):
        gold(f'tests/filter/fixtures/filter_types.{ext}', TYPES_CASES)
    for rel, cases in CORPUS_CASES.items():
        gold(rel, cases)


if __name__ == '__main__':
    main()
