#!/usr/bin/env python3
"""Gold for page-index pruning (issue 15 item 2): which rows pyarrow.compute says match each filter on
small Parquet files written with the page index (ColumnIndex + OffsetIndex).

Made once by hand with pyarrow (CI never runs Python):
    python3 scripts/gold/page_index_gold.py
It writes tests/filter/fixtures/page_index.parquet (4,000 rows, 2 row groups, pages of at most 250
rows, write_page_index=True) and page_index_off.parquet (the same rows, no page index), then
tests/gold/filter/page_index*.parquet.json in the format of filter_gold.py (whose pyarrow.compute
helpers it reuses): the filter test runs every gold file with statistics on and off.

The columns are mostly sorted, so whole pages fall outside a range: unsigned values across 2^31 and
2^63 (a signed reading of their bounds would prune wrongly), signed ones across 0, strings whose byte
order differs from code-unit and locale order, dates, timestamps, decimals across 0, floats with NaN
and infinities, runs of nulls that make all-null pages, and a dictionary-encoded string column.
It also writes dictionary_pages.parquet: row groups whose dictionaries decide filters their min/max
cannot (and one whose dictionary overflowed into plain pages, which must not be trusted).
"""
import datetime as dt
import os
import sys
from decimal import Decimal

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(__file__))
from filter_gold import AND, NOT, OR, ROOT, between, cmp, gold, is_null, isin  # noqa: E402

FIXTURES = os.path.join(ROOT, 'tests', 'filter', 'fixtures')
N = 4000
NAN = float('nan')
INF = float('inf')
UTC = dt.timezone.utc


def table():
    ids = list(range(N))
    # Byte order: 'Z' < 'a' < 'z' < 'é' < 'ǅ' < '\ue000' < '😀' (UTF-16 code units would put '😀' before '\ue000').
    words = ['Aaron', 'Obama, Barack', 'Romney, Mitt', 'Zed', 'apple', 'obama, barack', 'zz', 'é', 'émile', 'ǅemal', '\ue000x', '😀 smile']
    per = N // len(words) + 1
    s = [words[i // per] for i in range(N)]
    s = [None if 1500 <= i < 2100 else v for i, v in enumerate(s)]  # all-null pages in the middle
    f64 = [(-1000.0 + i * 0.5) for i in range(N)]
    for i in range(N):
        if i % 97 == 3:
            f64[i] = NAN
    for i in range(2500, 2750):  # one page of NaN only
        f64[i] = NAN
    f64[0] = -INF
    f64[N - 1] = INF
    sparse = [None if i < 1000 or i % 7 == 0 else i % 50 for i in range(N)]
    cand_values = ['Johnson, Gary', 'Obama, Barack', 'Paul, Ron', 'Romney, Mitt']
    cand = pa.DictionaryArray.from_arrays(pa.array([min(3, i // 1000) if i % 11 else None for i in range(N)], pa.int8()), pa.array(cand_values))
    return pa.table({
        'id': pa.array(ids, pa.int32()),
        'u32': pa.array([2**31 - 2000 + i for i in ids], pa.uint32()),
        'u64': pa.array([2**63 - 2000 + i for i in ids], pa.uint64()),
        'i64': pa.array([(i - 2000) * 1_000_000_007 for i in ids], pa.int64()),
        's': pa.array(s, pa.string()),
        'day': pa.array([dt.date(2011, 1, 1) + dt.timedelta(days=i // 6) for i in ids], pa.date32()),
        'ts': pa.array([dt.datetime(2012, 1, 1, tzinfo=UTC) + dt.timedelta(seconds=i * 3601, microseconds=i) for i in ids], pa.timestamp('us', tz='UTC')),
        'dec': pa.array([Decimal(i - 2000) / Decimal(100) for i in ids], pa.decimal128(12, 2)),
        'f64': pa.array(f64, pa.float64()),
        'sparse': pa.array(sparse, pa.int16()),
        'cand': cand,
        'flag': pa.array([i >= 3000 for i in ids], pa.bool_()),
    })


CASES = [
    ("id BETWEEN 1000 AND 1100", between('id', 1000, 1100)),
    ("id < 10 OR id >= 3990", OR(cmp('id', '<', 10), cmp('id', '>=', 3990))),
    ("id = 2500", cmp('id', '=', 2500)),
    ("u32 > 2147483647 AND u32 < 2147483700", AND(cmp('u32', '>', 2147483647), cmp('u32', '<', 2147483700))),
    ("u32 <= 2147483000", cmp('u32', '<=', 2147483000)),
    ("u64 >= 9223372036854775808 AND u64 <= 9223372036854775850", AND(cmp('u64', '>=', 9223372036854775808), cmp('u64', '<=', 9223372036854775850))),
    ("u64 < 9223372036854774000", cmp('u64', '<', 9223372036854774000)),
    ("i64 < -1999000000000", cmp('i64', '<', -1999000000000)),
    ("i64 BETWEEN -1000000007 AND 1000000007", between('i64', -1000000007, 1000000007)),
    ("s = 'obama, barack'", cmp('s', '=', 'obama, barack')),
    ("s >= 'é'", cmp('s', '>=', 'é')),
    ("s > '\ue000'", cmp('s', '>', '\ue000')),
    ("s < 'a'", cmp('s', '<', 'a')),
    ("s IN ('Zed', 'zz')", isin('s', 'Zed', 'zz')),
    ("s IS NULL", is_null('s')),
    ("s IS NOT NULL AND id BETWEEN 1400 AND 2200", AND(is_null('s', True), between('id', 1400, 2200))),
    ("NOT s = 'Zed'", NOT(cmp('s', '=', 'Zed'))),
    ("day BETWEEN '2011-03-01' AND '2011-03-31'", between('day', dt.date(2011, 3, 1), dt.date(2011, 3, 31))),
    ("day > '2012-10-01'", cmp('day', '>', dt.date(2012, 10, 1))),
    ("ts >= '2012-03-01T00:00:00Z' AND ts < '2012-03-02T00:00:00Z'", AND(cmp('ts', '>=', dt.datetime(2012, 3, 1, tzinfo=UTC)), cmp('ts', '<', dt.datetime(2012, 3, 2, tzinfo=UTC)))),
    ("ts = '2012-01-01T01:00:01.000001Z'", cmp('ts', '=', dt.datetime(2012, 1, 1, 1, 0, 1, 1, tzinfo=UTC))),
    ("dec < -19.5", cmp('dec', '<', '-19.50')),
    ("dec BETWEEN -0.01 AND 0.01", between('dec', '-0.01', '0.01')),
    ("dec = 0.5", cmp('dec', '=', '0.50')),
    ("f64 > 900", cmp('f64', '>', 900.0)),
    ("f64 < -999", cmp('f64', '<', -999.0)),
    ("f64 != 0.5", cmp('f64', '!=', 0.5)),
    ("f64 BETWEEN 240 AND 260", between('f64', 240.0, 260.0)),
    ("sparse IS NOT NULL AND id < 1200", AND(is_null('sparse', True), cmp('id', '<', 1200))),
    ("sparse = 7", cmp('sparse', '=', 7)),
    ("sparse IS NULL", is_null('sparse')),
    ("cand = 'Romney, Mitt'", cmp('cand', '=', 'Romney, Mitt')),
    ("cand = 'Johnson, Gary' AND id > 900", AND(cmp('cand', '=', 'Johnson, Gary'), cmp('id', '>', 900))),
    ("flag = false AND id > 2990", AND(cmp('flag', '=', False), cmp('id', '>', 2990))),
    ("(id < 300 OR id > 3700) AND day < '2011-02-01'", AND(OR(cmp('id', '<', 300), cmp('id', '>', 3700)), cmp('day', '<', dt.date(2011, 2, 1)))),
]


def dictionary_table():
    """Three row groups of 1,000 rows whose dictionaries differ while their min/max overlap; the third
    has too many distinct strings for its dictionary page and falls back to plain pages."""
    rows = []
    for g, (names, amounts, scores) in enumerate([(['Adams', 'Carter'], [10, 30], [1.5, NAN]), (['Bush', 'Clinton'], [20, 40], [2.5, 3.5]), (None, None, None)]):
        for i in range(1000):
            if names is None:
                rows.append((f'x{i:04d}' + 'y' * 60, 1000 + i, float(i)))
            else:
                rows.append((None if i % 9 == 0 else names[i % 2], amounts[i % 2], scores[i % 2]))
    names, amounts, scores = zip(*rows)
    cand = pa.array(names, pa.string()).dictionary_encode()  # one Arrow dictionary: each row group's page holds all of it
    return pa.table({'name': pa.array(names, pa.string()), 'amount': pa.array(amounts, pa.int64()), 'score': pa.array(scores, pa.float64()), 'cand': cand})


DICTIONARY_CASES = [
    ("name = 'Bush'", cmp('name', '=', 'Bush')),
    ("name IN ('Bush', 'Zed')", isin('name', 'Bush', 'Zed')),
    ("name != 'Adams'", cmp('name', '!=', 'Adams')),
    ("NOT name = 'Bush'", NOT(cmp('name', '=', 'Bush'))),
    ("name = 'x0500yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy'", cmp('name', '=', 'x0500' + 'y' * 60)),
    ("name = 'Bush' OR amount = 30", OR(cmp('name', '=', 'Bush'), cmp('amount', '=', 30))),
    ("amount = 20", cmp('amount', '=', 20)),
    ("amount BETWEEN 15 AND 25", between('amount', 15, 25)),
    ("amount IN (15, 25, 35)", isin('amount', 15, 25, 35)),
    ("score = 2", cmp('score', '=', 2.0)),
    ("score > 1.6", cmp('score', '>', 1.6)),
    ("cand = 'Carter'", cmp('cand', '=', 'Carter')),
    ("cand IS NULL", is_null('cand')),
]


def main():
    os.makedirs(FIXTURES, exist_ok=True)
    t = table()
    common = dict(row_group_size=N // 2, compression='snappy', max_rows_per_page=250, write_statistics=True)
    pq.write_table(t, os.path.join(FIXTURES, 'page_index.parquet'), write_page_index=True, **common)
    pq.write_table(t, os.path.join(FIXTURES, 'page_index_off.parquet'), write_page_index=False, **common)
    for name in ('page_index.parquet', 'page_index_off.parquet'):
        gold(f'tests/filter/fixtures/{name}', CASES)
    pq.write_table(dictionary_table(), os.path.join(FIXTURES, 'dictionary_pages.parquet'), row_group_size=1000, compression='snappy', dictionary_pagesize_limit=16 * 1024, write_batch_size=64)
    gold('tests/filter/fixtures/dictionary_pages.parquet', DICTIONARY_CASES)


if __name__ == '__main__':
    main()
