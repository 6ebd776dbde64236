#!/usr/bin/env python3
"""Gold for sorting (issue 15, item 3): the row order pyarrow.compute.sort_indices gives.

Made once by hand with pyarrow (CI never runs Python):
    python3 scripts/gold/sort_gold.py
For each file and case it writes tests/gold/sort/<file>.json: {file, rows, cases: [{sort, where?, indices}]}
where `sort` is the CLI's --sort text (`col`, `col:desc`, `a,b:desc`) and `indices` every sorted row
number (the rows `where` matches, when given, as scripts/gold/filter_gold.py evaluates it).

pc.sort_indices with null_placement='at_end' per key: nulls last in either direction, NaN after every
number and before nulls, ties in row order (a stable sort). Dictionary columns sort by their values
(decoded first: a null entry is a null value); string_view and halffloat are cast (exactly) to types the
kernel takes (decimal32/64 to decimal128).
"""
import json
import os
import sys

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

sys.path.insert(0, os.path.dirname(__file__))
from filter_gold import AND, ROOT, cmp, is_null, read  # noqa: E402

OUT = os.path.join(ROOT, 'tests', 'gold', 'sort')
SORTABLE = (pa.types.is_boolean, pa.types.is_integer, pa.types.is_floating, pa.types.is_decimal, pa.types.is_string,
            pa.types.is_large_string, pa.types.is_binary, pa.types.is_large_binary, pa.types.is_fixed_size_binary,
            pa.types.is_temporal, pa.types.is_string_view, pa.types.is_binary_view)


def key_column(t, name):
    c = t[name]
    if pa.types.is_dictionary(c.type):
        c = c.cast(c.type.value_type)
    if pa.types.is_string_view(c.type):
        c = c.cast(pa.string())
    if pa.types.is_binary_view(c.type):
        c = c.cast(pa.binary())
    if pa.types.is_float16(c.type):
        c = c.cast(pa.float64())
    if pa.types.is_decimal32(c.type) or pa.types.is_decimal64(c.type):
        c = c.cast(pa.decimal128(c.type.precision, c.type.scale))
    return c


def sortable(field):
    t = field.type.value_type if pa.types.is_dictionary(field.type) else field.type
    return any(f(t) for f in SORTABLE) and not pa.types.is_interval(t)


def order(table, spec, where=None):
    keys = [(k.split(':')[0], 'descending' if k.endswith(':desc') else 'ascending') for k in spec.split(',')]
    rows = np.arange(table.num_rows)
    if where is not None:
        mask = pc.fill_null(where(table), False)
        rows = rows[np.asarray(mask.to_numpy(zero_copy_only=False), dtype=bool)]
        table = table.filter(mask)
    cols = {f'k{i}': key_column(table, name) for i, (name, _) in enumerate(keys)}
    keyed = pa.table(cols)
    idx = pc.sort_indices(keyed, sort_keys=[(f'k{i}', d, 'at_end') for i, (_, d) in enumerate(keys)])
    return [int(rows[i]) for i in idx.to_pylist()]


def every_column(table):
    out = []
    for f in table.schema:
        if sortable(f) and ',' not in f.name and ':' not in f.name:
            out += [(f.name, None), (f'{f.name}:desc', None)]
    return out


TYPES_EXTRA = [
    ('flag,i32:desc', None),
    ('cand,id:desc', None),
    ('s:desc,f64', None),
    ('sparse,dec:desc,id', None),
    ('f64:desc', ('id >= 5 AND f64 IS NOT NULL', AND(cmp('id', '>=', 5), is_null('f64', True)))),
    ('s', ("i32 != 5", cmp('i32', '!=', 5))),
    ('cand:desc,ts', ("id < 20", cmp('id', '<', 20))),
]

PRIMITIVE = 'tests/fixtures/corpus/arrow-testing/data/arrow-ipc-stream/integration/cpp-21.0.0/'
FILES = {
    'tests/filter/fixtures/filter_types.parquet': TYPES_EXTRA,
    'tests/filter/fixtures/filter_types.arrows': TYPES_EXTRA,
    'tests/filter/fixtures/filter_types.arrow': TYPES_EXTRA,
    PRIMITIVE + 'generated_primitive.arrow_file': [('bool_nullable,int32_nullable:desc', None), ('uint64_nullable:desc,float64_nullable', None)],
    PRIMITIVE + 'generated_datetime.arrow_file': [('f0,f12:desc', None)],
    PRIMITIVE + 'generated_decimal.arrow_file': [('f1,f30:desc', None)],
    PRIMITIVE + 'generated_dictionary.arrow_file': [('dict0,dict2:desc', None)],
    PRIMITIVE + 'generated_dictionary.stream': [],
    'tests/fixtures/writers/pyarrow/decimals.arrows': [],
    'tests/fixtures/writers/pyarrow/timestamps.arrows': [],
    'tests/fixtures/writers/pyarrow/string_view.arrows': [('b:desc,s', None)],
    'tests/fixtures/writers/pyarrow/float16.arrows': [],
    'tests/fixtures/writers/parquet/int_types.parquet': [('u64:desc,i8', None)],
    'tests/fixtures/writers/parquet/stats_types.parquet': [('flag,text:desc', None)],
    'tests/fixtures/corpus/parquet-testing/data/alltypes_plain.parquet': [('bool_col,id:desc', None)],
}
SAMPLE = [
    ('contb_receipt_amt:desc', None),
    ('cand_nm,contb_receipt_amt:desc', None),
    ('contbr_st:desc,contbr_nm', ("cand_nm = 'Obama, Barack'", cmp('cand_nm', '=', 'Obama, Barack'))),
    ('memo_cd,file_num:desc', None),
]


def gold(rel, cases):
    table = read(os.path.join(ROOT, rel))
    out = []
    for spec, where in cases:
        case = {'sort': spec}
        if where:
            case['where'] = where[0]
        case['indices'] = order(table, spec, where[1] if where else None)
        out.append(case)
    name = rel.replace('/', '__')
    for prefix in ('tests__fixtures__corpus__', 'tests__fixtures__', 'tests__filter__fixtures__'):
        name = name.replace(prefix, '')
    with open(os.path.join(OUT, f'{name}.json'), 'w') as fh:
        json.dump({'file': rel, 'rows': table.num_rows, 'cases': out}, fh, ensure_ascii=False, separators=(',', ':'))
        fh.write('\n')


def main():
    os.makedirs(OUT, exist_ok=True)
    for rel, extra in FILES.items():
        table = read(os.path.join(ROOT, rel))
        gold(rel, every_column(table) + extra)
    gold('public/sample.arrow', SAMPLE)


if __name__ == '__main__':
    main()
