"""Gold for Parquet footer statistics: every flat column chunk's min/max as pyarrow 25 reads them
(Statistics.min_raw/max_raw, the physical values), as a value of the column's Arrow type rendered by
the display rules of docs/VALUE_TEXT.md (pyarrow_gold.text); and, as row group -1, each flat column's
smallest min and largest max over its row groups (in the column's sort order).

usage: python3 scripts/gold/parquet_stats_gold.py <fixtures root> <out json> <relative file>...
"""
import json
import os
import sys

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pyarrow_gold import decimal_text, float_text, text  # noqa: E402
import numpy as np  # noqa: E402

PHYSICAL = {'INT32': pa.int32(), 'INT64': pa.int64(), 'FLOAT': pa.float32(), 'DOUBLE': pa.float64(), 'BOOLEAN': pa.bool_()}


def stat_text(raw, physical, t):
    if pa.types.is_dictionary(t):
        t = t.value_type
    if pa.types.is_decimal(t):
        unscaled = raw if isinstance(raw, int) else int.from_bytes(raw, 'big', signed=True)
        return decimal_text(unscaled, t.scale)
    if pa.types.is_float16(t):
        return float_text(float(np.frombuffer(raw, dtype='<f2')[0]), 'half')
    if physical in PHYSICAL:
        storage = pa.array([raw], PHYSICAL[physical])
        if storage.type != t and (pa.types.is_integer(t) or pa.types.is_temporal(t)):
            width = storage.type.bit_width
            # narrower integers are stored in INT32: cast the value, not the bytes
            storage = storage.view(t) if t.bit_width == width else storage.cast(t)
        return text(t, storage[0], False)
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t):
        return raw.decode('utf-8')
    if pa.types.is_binary_view(t):
        t = pa.binary()
    if isinstance(t, pa.BaseExtensionType):
        return text(t, pa.ExtensionScalar.from_storage(t, pa.scalar(raw, t.storage_type)), False)
    return text(t, pa.scalar(raw, pa.binary()), False)


def order_key(raw, t):
    """The order of a raw min/max among the column's others (decimal bytes are signed; str and bytes order as their bytes)."""
    if pa.types.is_dictionary(t):
        t = t.value_type
    if pa.types.is_decimal(t) and isinstance(raw, bytes):
        return int.from_bytes(raw, 'big', signed=True)
    if pa.types.is_float16(t):
        return float(np.frombuffer(raw, dtype='<f2')[0])
    if pa.types.is_unsigned_integer(t) and isinstance(raw, int) and raw < 0:
        return raw + (1 << (64 if t.bit_width == 64 else 32))  # stored in a signed physical type
    return raw


def totals_gold(rel, md, schema):
    """rowGroup -1: each flat column's smallest min and largest max over the row groups, when every row group gives them."""
    out = []
    for j in range(md.num_columns):
        chunks = [md.row_group(g).column(j) for g in range(md.num_row_groups)]
        path = chunks[0].path_in_schema if chunks else ''
        if not chunks or '.' in path or any(c.statistics is None or not c.statistics.has_min_max for c in chunks):
            continue
        t = schema.field(path).type
        low = min(chunks, key=lambda c: order_key(c.statistics.min_raw, t)).statistics.min_raw
        high = max(chunks, key=lambda c: order_key(c.statistics.max_raw, t)).statistics.max_raw
        physical = chunks[0].physical_type
        out.append({'file': rel, 'rowGroup': -1, 'column': path, 'type': str(t), 'min': stat_text(low, physical, t), 'max': stat_text(high, physical, t)})
    return out


def file_gold(root, rel):
    pf = pq.ParquetFile(os.path.join(root, rel))
    schema = pf.schema_arrow
    md = pf.metadata
    out = totals_gold(rel, md, schema)
    for g in range(md.num_row_groups):
        rg = md.row_group(g)
        for j in range(rg.num_columns):
            c = rg.column(j)
            if '.' in c.path_in_schema:
                continue  # nested leaves: statistics are shown in the Arrow type of flat columns only
            s = c.statistics
            if s is None or not s.has_min_max:
                continue
            t = schema.field(c.path_in_schema).type
            out.append({'file': rel, 'rowGroup': g, 'column': c.path_in_schema, 'type': str(t),
                        'min': stat_text(s.min_raw, c.physical_type, t), 'max': stat_text(s.max_raw, c.physical_type, t)})
    return out


def main(argv):
    root, out_path, files = argv[1], argv[2], argv[3:]
    gold = [row for rel in files for row in file_gold(root, rel)]
    with open(out_path, 'w') as f:
        json.dump(gold, f, indent=1, ensure_ascii=False)
        f.write('\n')
    print(f'{len(gold)} statistics in {out_path}')


if __name__ == '__main__':
    main(sys.argv)
