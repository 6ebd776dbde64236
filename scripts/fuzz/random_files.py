#!/usr/bin/env python3
"""Random Arrow IPC and Parquet files, written by pyarrow with random writer options, and their gold text.

A differential check, not part of CI (it needs pyarrow): each file's every value as pyarrow reads it,
rendered by scripts/gold/pyarrow_gold.py, is compared with what Arrowscope shows by
scripts/fuzz/compare.ts. A file that differs is a candidate for a committed fixture.

Usage: python3 scripts/fuzz/random_files.py OUT_DIR [COUNT=40] [SEED=1]
FUZZ_KINDS=arrow-rs.parquet,polars.arrows (say) writes only those kinds. The arrow-rs files are pyarrow's
table written by parquet-wasm (scripts/fuzz/write_arrow_rs.mjs), the apache-arrow ones by Arrow JS
(write_apache_arrow.mjs): they need `npm install` first. The legacy ones are pyarrow's with the footer
rewritten as older or other writers leave it (scripts/fuzz/legacy_footer.py).
Writes OUT_DIR/files/NNN-<kind>.(parquet|arrow|arrows), OUT_DIR/gold/*.json and OUT_DIR/options.json.
"""
import datetime as dt
import decimal
import json
import os
import random
import sys

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.ipc as ipc
import pyarrow.parquet as pq

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'gold'))
import parquet_stats_gold  # noqa: E402
import pyarrow_gold  # noqa: E402
import sort_gold  # noqa: E402
sys.path.insert(0, os.path.dirname(__file__))
import legacy_footer  # noqa: E402

pyarrow_gold.ALL_ROWS_UP_TO = 10 ** 6  # every row of every file is compared


def maybe_null(r, values, p):
    return [None if r.random() < p else v for v in values]


def ints(r, n, lo, hi):
    edges = [lo, hi, 0, 1, -1 if lo < 0 else 2]
    return [r.choice(edges) if r.random() < 0.2 else r.randint(lo, hi) for _ in range(n)]


def floats(r, n, bits):
    special = [0.0, -0.0, float('inf'), float('-inf'), float('nan'), 1e-300 if bits == 64 else 1e-30, 65504.0, 5.96e-08, 1.0 / 3]
    out = []
    for _ in range(n):
        k = r.random()
        if k < 0.15:
            out.append(r.choice(special))
        elif k < 0.5:
            out.append(r.uniform(-1e6, 1e6))
        else:
            out.append(float(r.randint(-1000, 1000)) / r.choice([1, 10, 100, 7]))
    return out


WORDS = ['', 'a', 'Obama, Barack', 'héllo', '日本語', 'tab\there', 'quote"s', 'back\\slash', 'new\nline', 'x' * 40, '🙂 emoji', 'zero\x00byte', ' lead', 'trail ',
         # Past 64 bytes, where writers truncate statistics (arrow-rs by default), one cut inside a 2-byte character.
         'y' * 70 + 'z', 'é' * 40, 'ÿ' * 33]


def strings(r, n):
    return [r.choice(WORDS) if r.random() < 0.5 else ''.join(r.choice('abcdefghij XYZ,') for _ in range(r.randint(0, 30))) for _ in range(n)]


def binaries(r, n):
    return [bytes(r.randint(0, 255) for _ in range(r.randint(0, 12))) if r.random() < 0.6 else r.choice(WORDS).encode() for _ in range(n)]


def decimals(r, n, precision, scale):
    top = 10 ** precision - 1
    vals = [r.choice([top, -top, 0, 1, -1]) if r.random() < 0.2 else r.randint(-top, top) for _ in range(n)]
    return [decimal.Decimal(v).scaleb(-scale) for v in vals]


def column(r, n, fmt, depth=0):
    """A random (name-less) column: (type, values), values a Python list or a pyarrow Array."""
    simple = ['int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float16', 'float32', 'float64', 'bool', 'string',
              'large_string', 'binary', 'large_binary', 'fixed_binary', 'decimal128', 'decimal256', 'decimal32', 'decimal64', 'date32', 'date64',
              'time32', 'time64', 'timestamp', 'zoned', 'zoned', 'duration', 'mdn_interval', 'dictionary', 'null', 'string_view', 'binary_view', 'uuid', 'json']
    nested = ['list', 'large_list', 'fixed_list', 'struct', 'map', 'list_view', 'ree', 'union']
    kind = r.choice(simple + (nested if depth < 2 else []) * (2 if depth == 0 else 1))
    p = r.choice([0, 0, 0.1, 0.5, 1.0])
    if kind in ('int8', 'int16', 'int32', 'int64'):
        b = int(kind[3:])
        return getattr(pa, kind)(), maybe_null(r, ints(r, n, -(2 ** (b - 1)), 2 ** (b - 1) - 1), p)
    if kind.startswith('uint'):
        b = int(kind[4:])
        return getattr(pa, kind)(), maybe_null(r, ints(r, n, 0, 2 ** b - 1), p)
    if kind == 'float16':
        import numpy as np
        vals = np.array([v if v is not None else 0 for v in floats(r, n, 16)], dtype=np.float16)
        mask = np.array([r.random() < p for _ in range(n)], dtype=bool)
        return pa.float16(), pa.array(vals, pa.float16(), mask=mask)
    if kind == 'float32':
        return pa.float32(), maybe_null(r, floats(r, n, 32), p)
    if kind == 'float64':
        return pa.float64(), maybe_null(r, floats(r, n, 64), p)
    if kind == 'bool':
        return pa.bool_(), maybe_null(r, [r.random() < 0.5 for _ in range(n)], p)
    if kind in ('string', 'large_string', 'string_view'):
        return getattr(pa, kind)(), maybe_null(r, strings(r, n), p)
    if kind in ('binary', 'large_binary', 'binary_view'):
        return getattr(pa, kind)(), maybe_null(r, binaries(r, n), p)
    if kind == 'fixed_binary':
        w = r.choice([1, 3, 16])
        return pa.binary(w), maybe_null(r, [bytes(r.randint(0, 255) for _ in range(w)) for _ in range(n)], p)
    if kind.startswith('decimal'):
        maxp = {'decimal32': 9, 'decimal64': 18, 'decimal128': 38, 'decimal256': 76}[kind]
        precision = r.randint(1, maxp)
        scale = r.randint(-3, precision) if r.random() < 0.2 else r.randint(0, precision)
        return getattr(pa, kind)(precision, scale), maybe_null(r, decimals(r, n, precision, scale), p)
    if kind == 'date32':
        return pa.date32(), maybe_null(r, ints(r, n, -719162, 2932896), p)
    if kind == 'date64':
        return pa.date64(), maybe_null(r, [d * 86400000 for d in ints(r, n, -719162, 2932896)], p)
    if kind == 'time32':
        unit = r.choice(['s', 'ms'])
        return pa.time32(unit), maybe_null(r, ints(r, n, 0, 86399 * (1000 if unit == 'ms' else 1)), p)
    if kind == 'time64':
        unit = r.choice(['us', 'ns'])
        return pa.time64(unit), maybe_null(r, ints(r, n, 0, 86399 * (10 ** 6 if unit == 'us' else 10 ** 9)), p)
    if kind == 'timestamp':
        unit = r.choice(['s', 'ms', 'us', 'ns'])
        tz = r.choice([None, None, 'UTC', 'America/New_York', '+05:30', 'Europe/London', 'Asia/Kolkata'])
        lim = {'s': 10 ** 11, 'ms': 10 ** 14, 'us': 10 ** 17, 'ns': 2 ** 63 - 1}[unit]
        return pa.timestamp(unit, tz), maybe_null(r, ints(r, n, -lim, lim), p)
    if kind == 'zoned':
        # Zones with odd offsets and rules, and instants from 1850 to 2100 (local mean time, DST, rule changes).
        unit = r.choice(['s', 'ms', 'us', 'ns'])
        tz = r.choice(['Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns', 'Pacific/Chatham', 'Europe/Dublin', 'Africa/Casablanca',
                       'America/Sao_Paulo', 'Etc/GMT+5', 'US/Eastern', '-03:30', '+14:00', 'Antarctica/Troll', 'Asia/Tokyo', 'Europe/Amsterdam',
                       'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Apia', 'Europe/Moscow', 'UTC', 'Etc/UTC'])
        per = {'s': 1, 'ms': 10 ** 3, 'us': 10 ** 6, 'ns': 10 ** 9}[unit]
        lo, hi = -3_786_825_600, 4_102_444_800  # 1850 .. 2100
        vals = [r.randint(lo, hi) * per + (r.randint(0, per - 1) if r.random() < 0.5 else 0) for _ in range(n)]
        return pa.timestamp(unit, tz), maybe_null(r, vals, p)
    if kind == 'duration':
        unit = r.choice(['s', 'ms', 'us', 'ns'])
        return pa.duration(unit), maybe_null(r, ints(r, n, -(2 ** 63) + 1, 2 ** 63 - 1), p)
    if kind == 'mdn_interval':
        return pa.month_day_nano_interval(), maybe_null(r, [pa.MonthDayNano([r.randint(-100, 100), r.randint(-100, 100), r.randint(-10 ** 12, 10 ** 12)]) for _ in range(n)], p)
    if kind == 'dictionary':
        index = r.choice([pa.int8(), pa.int16(), pa.int32(), pa.int64(), pa.uint8(), pa.uint32()])
        vt, vv = r.choice([(pa.string(), lambda k: strings(r, k)), (pa.large_string(), lambda k: strings(r, k)), (pa.binary(), lambda k: binaries(r, k)),
                           (pa.int64(), lambda k: ints(r, k, -10 ** 12, 10 ** 12)), (pa.float64(), lambda k: floats(r, k, 64)),
                           (pa.date32(), lambda k: ints(r, k, -10 ** 5, 10 ** 5)), (pa.timestamp('ms', 'UTC'), lambda k: ints(r, k, -10 ** 13, 10 ** 13))])
        words = vv(r.randint(1, 20))
        arr = pa.array(maybe_null(r, [r.choice(words) for _ in range(n)], p), vt).dictionary_encode()
        return pa.dictionary(index, vt), arr.cast(pa.dictionary(index, vt))
    if kind == 'null':
        return pa.null(), [None] * n
    if kind == 'uuid':
        return pa.uuid(), pa.array(maybe_null(r, [bytes(r.randint(0, 255) for _ in range(16)) for _ in range(n)], p), pa.binary(16)).cast(pa.uuid()) if hasattr(pa, 'uuid') else None
    if kind == 'json':
        docs = ['{"a": 1}', '[1, 2]', 'null', '"s"', '{}']
        return pa.json_(), pa.array(maybe_null(r, [r.choice(docs) for _ in range(n)], p), pa.string()).cast(pa.json_())
    # nested: child values for a total of m items
    if kind in ('list', 'large_list', 'list_view', 'fixed_list', 'map'):
        if kind == 'fixed_list':
            size = r.randint(0, 3)
            ct, cv = column(r, n * size, fmt, depth + 1)
            child = pa.array(cv, ct) if not isinstance(cv, pa.Array) else cv
            arr = pa.FixedSizeListArray.from_arrays(child, size)
            mask = pa.array([r.random() < p for _ in range(n)], pa.bool_())
            return arr.type, pa.FixedSizeListArray.from_arrays(child, size, mask=mask) if p else arr
        lens = [r.randint(0, 4) for _ in range(n)]
        m = sum(lens)
        offsets = [0]
        for l in lens:
            offsets.append(offsets[-1] + l)
        if kind == 'map':
            keys = pa.array([f'k{i % 7}' for i in range(m)], pa.string())
            vt, vv = column(r, m, fmt, depth + 1)
            vals = pa.array(vv, vt) if not isinstance(vv, pa.Array) else vv
            mask = [r.random() < p for _ in range(n)]
            off = pa.array([None if (i < n and mask[i]) else o for i, o in enumerate(offsets)], pa.int32())
            arr = pa.MapArray.from_arrays(off, keys, vals)
            return arr.type, arr
        ct, cv = column(r, m, fmt, depth + 1)
        child = pa.array(cv, ct) if not isinstance(cv, pa.Array) else cv
        mask = [r.random() < p for _ in range(n)]
        if kind == 'list_view':
            sizes = pa.array(lens, pa.int32())
            arr = pa.ListViewArray.from_arrays(pa.array(offsets[:-1], pa.int32()), sizes, child, mask=pa.array(mask, pa.bool_()))
            return arr.type, arr
        otype = pa.int64() if kind == 'large_list' else pa.int32()
        off = pa.array([None if (i < n and mask[i]) else o for i, o in enumerate(offsets)], otype)
        cls = pa.LargeListArray if kind == 'large_list' else pa.ListArray
        arr = cls.from_arrays(off, child)
        return arr.type, arr
    if kind == 'struct':
        k = r.randint(1, 3)
        kids = []
        for i in range(k):
            ct, cv = column(r, n, fmt, depth + 1)
            kids.append(pa.array(cv, ct) if not isinstance(cv, pa.Array) else cv)
        mask = pa.array([r.random() < p for _ in range(n)], pa.bool_())
        arr = pa.StructArray.from_arrays(kids, names=[f'f{i}' for i in range(k)], mask=mask if p else None)
        return arr.type, arr
    if kind == 'ree':
        vals, runs = [], []
        total = 0
        while total < n:
            run = min(n - total, r.randint(1, 5))
            total += run
            runs.append(total)
            vals.append(None if r.random() < p else r.randint(-5, 5))
        rtype = r.choice([pa.int16(), pa.int32(), pa.int64()])
        if n == 0:
            arr = pa.array([], pa.run_end_encoded(rtype, pa.int64()))
        else:
            arr = pa.RunEndEncodedArray.from_arrays(pa.array(runs, rtype), pa.array(vals, pa.int64()))
        return arr.type, arr
    if kind == 'union':
        mode = r.choice(['sparse', 'dense'])
        a = pa.array(ints(r, n, -100, 100), pa.int32())
        b = pa.array(strings(r, n), pa.string())
        codes = pa.array([r.randint(0, 1) for _ in range(n)], pa.int8())
        if mode == 'sparse':
            arr = pa.UnionArray.from_sparse(codes, [a, b], ['i', 's'])
        else:
            arr = pa.UnionArray.from_dense(codes, pa.array(list(range(n)), pa.int32()), [a, b], ['i', 's'])
        return arr.type, arr
    raise AssertionError(kind)


def table(r, fmt):
    n = r.choice([0, 1, 2, 7, 63, 64, 65, 100, 257, 700, 1000, 3000, 20000])
    cols, names = [], []
    for i in range(r.randint(1, 8)):
        t = None
        try:
            got = column(r, n, fmt)
            if got is None or got[1] is None:
                continue
            t, v = got
            arr = v if isinstance(v, pa.Array) else pa.array(v, t)
        except Exception as e:  # a random value pyarrow refuses for this type
            print('skip column', t, e, file=sys.stderr)
            continue
        cols.append(arr)
        names.append(f'c{i}_{str(arr.type)[:20]}'.replace(' ', ''))
    if not cols:
        cols, names = [pa.array(list(range(n)), pa.int32())], ['c0']
    return pa.table(cols, names=names)


def write_parquet(r, t, path):
    opts = dict(
        version=r.choice(['1.0', '2.4', '2.6']),
        data_page_version=r.choice(['1.0', '2.0']),
        compression=r.choice(['none', 'snappy', 'gzip', 'brotli', 'zstd', 'lz4']),
        use_dictionary=r.random() < 0.5,
        write_statistics=r.random() < 0.8,
        data_page_size=r.choice([64, 512, 4096, 1 << 20]),
        write_batch_size=r.choice([7, 64, 1024]),
        row_group_size=r.choice([3, 50, 128, 1000, None]),
        store_schema=r.random() < 0.7,
        write_page_index=r.random() < 0.5,
        use_compliant_nested_type=r.random() < 0.8,
        dictionary_pagesize_limit=r.choice([None, None, 64, 1024]),
        use_deprecated_int96_timestamps=r.random() < 0.15,
    )
    if not opts['use_dictionary'] and r.random() < 0.6:
        enc = {}
        for f in t.schema:
            ft = f.type
            choices = ['PLAIN']
            if pa.types.is_integer(ft) and ft.bit_width in (32, 64) or pa.types.is_date32(ft) or pa.types.is_timestamp(ft) or pa.types.is_time(ft):
                choices += ['DELTA_BINARY_PACKED', 'BYTE_STREAM_SPLIT']
            if pa.types.is_floating(ft) or pa.types.is_fixed_size_binary(ft):
                choices += ['BYTE_STREAM_SPLIT']
            if pa.types.is_string(ft) or pa.types.is_binary(ft) or pa.types.is_large_string(ft) or pa.types.is_large_binary(ft):
                choices += ['DELTA_LENGTH_BYTE_ARRAY', 'DELTA_BYTE_ARRAY']
            if pa.types.is_boolean(ft):
                choices += ['RLE']
            if pa.types.is_nested(ft) or pa.types.is_dictionary(ft):
                continue
            enc[f.name] = r.choice(choices)
        if enc:
            opts['column_encoding'] = enc
    if r.random() < 0.2 and not opts['use_deprecated_int96_timestamps']:
        opts['coerce_timestamps'] = r.choice(['ms', 'us'])
        opts['allow_truncated_timestamps'] = True
    row_group_size = opts.pop('row_group_size')
    pq.write_table(t, path, row_group_size=row_group_size, **opts)
    opts['row_group_size'] = row_group_size
    return opts


def dictionary_batches(r, t, stream):
    """The table's batches; sometimes each dictionary column's dictionary grows batch by batch (written as
    deltas when asked) or, in a stream, is replaced by another."""
    batches = t.to_batches(max_chunksize=r.choice([1, 5, 64, 300, 1000]))
    if not batches or r.random() < 0.5:
        return batches
    out = []
    for k, b in enumerate(batches):
        cols = []
        for c in b.columns:
            if pa.types.is_dictionary(c.type) and pa.types.is_string(c.type.value_type):
                grow = r.random() < 0.7 or not stream
                words = [f'd{j}' for j in range(3 + 2 * k)] if grow else [f'r{k}-{j}' for j in range(r.randint(1, 4))]
                idx = pa.array([None if v is None else r.randrange(len(words)) for v in c.to_pylist()], c.type.index_type)
                c = pa.DictionaryArray.from_arrays(idx, pa.array(words, pa.string()))
            cols.append(c)
        out.append(pa.record_batch(cols, schema=b.schema))
    return out


written = []


def write_ipc(r, t, path, stream):
    compression = r.choice([None, None, 'lz4', 'zstd'])
    opts = dict(compression=compression, emit_dictionary_deltas=r.random() < 0.5, unify_dictionaries=r.random() < 0.3,
                metadata_version=r.choice([ipc.MetadataVersion.V5, ipc.MetadataVersion.V4]))
    try:
        options = ipc.IpcWriteOptions(compression=compression, emit_dictionary_deltas=opts['emit_dictionary_deltas'],
                                      unify_dictionaries=opts['unify_dictionaries'], metadata_version=opts['metadata_version'])
    except Exception:
        options = ipc.IpcWriteOptions(compression=compression)
    batches = dictionary_batches(r, t, stream)
    with pa.OSFile(path, 'wb') as sink:
        w = (ipc.new_stream if stream else ipc.new_file)(sink, t.schema, options=options)
        for b in batches:
            w.write_batch(b)
        w.close()
    opts['metadata_version'] = str(opts['metadata_version'])
    opts['batches'] = len(batches)
    written[:] = [batches]
    return opts


def main(argv):
    if argv[0] == '--one':
        return one(argv[1], int(argv[2]), int(argv[3]))
    import subprocess
    out = argv[0]
    count = int(argv[1]) if len(argv) > 1 else 40
    seed = int(argv[2]) if len(argv) > 2 else 1
    options = {}
    for i in range(count):
        # One process per file: pyarrow aborts on some random inputs (a failed check), which loses only that file.
        done = subprocess.run([sys.executable, __file__, '--one', out, str(seed), str(i)], capture_output=True, text=True)
        if done.returncode != 0 or not done.stdout.strip():
            print(f'{seed:03d}-{i:03d}: generator failed ({done.returncode}): {done.stderr.strip().splitlines()[-1:] }', file=sys.stderr)
            continue
        options.update(json.loads(done.stdout))
    with open(os.path.join(out, 'options.json'), 'w') as f:
        json.dump(options, f, indent=1)
    print(f'{len(options)} files in {out}')


def profile_gold(path):
    """pyarrow's min, max, mean and p5/p25/p50/p75/p95 (linear) of each top-level integer or float column (decoded
    from a dictionary), on the table as pyarrow reads it (its chunks decide the mean's pairwise sums)."""
    table = pyarrow_gold.read_table(path)[1]
    out = {}
    for i, f in enumerate(table.schema):
        col = table.column(i)
        t = f.type
        if pa.types.is_dictionary(t):
            col = pc.dictionary_decode(col) if col.num_chunks else col
            t = t.value_type
        if not (pa.types.is_integer(t) or pa.types.is_floating(t)) or col.null_count == len(col):
            continue
        mm = pc.min_max(col)
        if not mm['min'].is_valid:
            continue
        q = pc.quantile(col, q=[0.05, 0.25, 0.5, 0.75, 0.95], interpolation='linear')
        out[f.name] = {
            'min': pyarrow_gold.text(t, mm['min'], False),
            'max': pyarrow_gold.text(t, mm['max'], False),
            'mean': pyarrow_gold.float_text(pc.mean(col).as_py(), 'double'),
            'quantiles': [pyarrow_gold.float_text(v, 'double') for v in q.to_pylist()],
        }
    return out


OPS = {'=': 'equal', '!=': 'not_equal', '<': 'less', '<=': 'less_equal', '>': 'greater', '>=': 'greater_equal'}


def filter_literal(t, shown):
    """The filter language's literal for a value shown as `shown` in a column of type t; None where it has none."""
    if shown is None:
        return None
    if pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_decimal(t):
        return None if shown in ('nan', 'inf', '-inf') or pa.types.is_float16(t) else shown
    if pa.types.is_boolean(t):
        return shown
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t):
        return "'" + shown.replace("'", "''") + "'"
    if pa.types.is_date(t) or pa.types.is_timestamp(t) or pa.types.is_time(t):
        # Years past 9999 or before 0 have no literal; an unknown zone's text is not one either.
        return None if shown[0] in '+-' or ' ' in shown[19:] else "'" + shown + "'"
    return None


def filter_gold(path, entry, r):
    """Filters `#c OP literal`, the literal a value of the column as shown, and `#c IS NULL`, each with the count
    of rows pyarrow.compute says match (pc.OP against the row's own scalar; nulls never match)."""
    table = pyarrow_gold.read_table(path)[1]
    cases = []
    for c, col_gold in enumerate(entry.get('columns', [])):
        col = table.column(c)
        t = col.type
        if pa.types.is_dictionary(t):
            col = pc.dictionary_decode(col) if col.num_chunks else col.cast(t.value_type)
            t = t.value_type
        if pa.types.is_run_end_encoded(t):
            # pc.is_null sees no nulls in a run-end encoded array (they are its values'): decoded, as the grid shows it.
            col = pc.run_end_decode(col) if col.num_chunks else pa.chunked_array([], t.value_type)
            t = t.value_type
        if col_gold.get('values') is None or len(col_gold['index']) != len(col):
            continue
        cases.append({'where': f'#{c} IS NULL', 'matched': int(pc.sum(pc.is_null(col)).as_py() or 0)})
        rows = [i for i, v in enumerate(col_gold['values']) if filter_literal(t, v) is not None]
        for row in r.sample(rows, min(3, len(rows))):
            op = r.choice(list(OPS))
            literal = filter_literal(t, col_gold['values'][row])
            try:
                # A number literal is a double, as pyarrow.compute compares a float32 column with a Python float.
                other = pa.scalar(float(literal), pa.float64()) if pa.types.is_floating(t) else col[row]
                matched = pc.sum(pc.fill_null(getattr(pc, OPS[op])(col, other), False).cast(pa.int64())).as_py() or 0
            except Exception:
                continue
            cases.append({'where': f'#{c} {op} {literal}', 'matched': int(matched)})
    return cases


def sorts_gold(path, r):
    """Each sortable column sorted one way (asc or desc at random), and two of them together, with the row
    order pyarrow.compute.sort_indices gives (scripts/gold/sort_gold.py: nulls last, NaN before them, ties
    in row order): [{keys: [[column, descending]], indices}]."""
    table = pyarrow_gold.read_table(path)[1]
    sortable = [c for c, f in enumerate(table.schema) if sort_gold.sortable(f)]
    cases = [[(c, r.random() < 0.5)] for c in sortable]
    if len(sortable) >= 2:
        cases.append([(c, r.random() < 0.5) for c in r.sample(sortable, 2)])
    out = []
    for keys in cases:
        keyed = pa.table({f'k{i}': sort_gold.key_column(table, table.column_names[c]) for i, (c, _) in enumerate(keys)})
        idx = pc.sort_indices(keyed, sort_keys=[(f'k{i}', 'descending' if d else 'ascending', 'at_end') for i, (_, d) in enumerate(keys)])
        out.append({'keys': [[c, d] for c, d in keys], 'indices': idx.to_pylist()})
    return out


def writable(t, write, path):
    """Writes the table's columns the writer takes (all, else each one it takes alone); returns its options."""
    try:
        return write(t, path)
    except BaseException:  # polars panics are BaseExceptions
        pass
    keep = []
    for k in range(t.num_columns):
        try:
            write(t.select([k]), path)
            keep.append(k)
        except BaseException:  # polars panics are BaseExceptions
            pass
    if not keep:
        raise ValueError('the writer takes none of the columns')
    return write(t.select(keep), path)


def write_duckdb(r, t, path):
    import duckdb
    opts = dict(compression=r.choice(['uncompressed', 'snappy', 'gzip', 'zstd', 'lz4_raw', 'brotli']), row_group_size=r.choice([1, 100, 2048, 122880]),
                parquet_version=r.choice(['V1', 'V2']))
    con = duckdb.connect()
    con.register('t', t)
    if os.path.exists(path):
        os.remove(path)
    con.execute(f"COPY t TO '{path}' (FORMAT parquet, COMPRESSION {opts['compression']}, ROW_GROUP_SIZE {opts['row_group_size']}, PARQUET_VERSION {opts['parquet_version']})")
    return opts


def write_polars(r, t, path, kind):
    import polars as pl
    df = pl.from_arrow(t)
    if kind == 'parquet':
        opts = dict(compression=r.choice(['uncompressed', 'snappy', 'gzip', 'lz4', 'zstd', 'brotli']), statistics=r.random() < 0.7,
                    row_group_size=r.choice([None, 10, 500]), data_page_size=r.choice([None, 64, 4096]))
        df.write_parquet(path, use_pyarrow=False, **opts)
    else:
        opts = dict(compression=r.choice(['uncompressed', 'lz4', 'zstd']), compat_level=r.choice(['newest', 'oldest']))
        extra = dict(record_batch_size=r.choice([None, 1, 7, 100])) if kind == 'arrow' else {}
        opts.update(extra)
        level = pl.CompatLevel.oldest() if opts['compat_level'] == 'oldest' else pl.CompatLevel.newest()
        (df.write_ipc if kind == 'arrow' else df.write_ipc_stream)(path, compression=opts['compression'], compat_level=level, **extra)
    return opts


def node_on_stream(t, script, argv, who):
    """Runs `node scripts/fuzz/SCRIPT argv(stream)` with table t written as a temporary IPC stream; raises with its stderr when it fails."""
    import subprocess
    import tempfile
    with tempfile.NamedTemporaryFile(suffix='.arrows') as tmp:
        with ipc.new_stream(tmp.name, t.schema) as w:
            w.write_table(t)
        done = subprocess.run(['node', os.path.join(os.path.dirname(__file__), script), *argv(tmp.name)], capture_output=True, text=True)
    if done.returncode != 0:
        raise ValueError(f'{who}: {done.stderr.strip()[-300:]}')


def write_arrow_rs(r, t, path, ipc_stream):
    opts = dict(compression=r.choice(['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'BROTLI', 'LZ4', 'ZSTD', 'LZ4_RAW']), dictionary=r.random() < 0.6,
                dictionaryPageSizeLimit=r.choice([None, 64, 1024]), dataPageSizeLimit=r.choice([None, 64, 1024]),
                maxRowGroupSize=r.choice([None, 1, 7, 100]), writeBatchSize=r.choice([None, 3, 64]),
                statistics=r.choice(['None', 'Chunk', 'Page', 'Page']), writerVersion=r.choice(['V1', 'V2']),
                encoding=r.choice([None, None, 'PLAIN', 'DELTA_BINARY_PACKED', 'DELTA_LENGTH_BYTE_ARRAY', 'DELTA_BYTE_ARRAY', 'BYTE_STREAM_SPLIT']))
    if ipc_stream:  # the options are drawn all the same, so that a seed gives the same files as before
        node_on_stream(t, 'write_arrow_rs.mjs', lambda stream: ['--ipc', stream, path], 'arrow-rs')
        return {}
    opts = {k: v for k, v in opts.items() if v is not None}
    node_on_stream(t, 'write_arrow_rs.mjs', lambda stream: [stream, path, json.dumps(opts)], 'arrow-rs')
    return opts


def write_apache_arrow(t, path, file_format):
    node_on_stream(t, 'write_apache_arrow.mjs', lambda stream: [stream, path, 'file' if file_format else 'stream'], 'apache-arrow')
    return {}


def other_reader_gold(path, entry, writer):
    """Where pyarrow cannot read a Parquet file, its values as arrow-rs reads them (parquet-wasm), else, for
    DuckDB's own files, as DuckDB reads them; rendered as pyarrow_gold renders an Arrow table."""
    import subprocess
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        stream = os.path.join(tmp, 'read.arrows')
        script = os.path.join(os.path.dirname(__file__), 'write_arrow_rs.mjs')
        reader = 'arrow-rs'
        if subprocess.run(['node', script, '--read', path, stream], capture_output=True, text=True).returncode != 0:
            if writer != 'duckdb':
                return entry
            import duckdb
            reader = 'DuckDB'
            try:
                table = duckdb.connect().execute('SELECT * FROM read_parquet(?)', [path]).fetch_arrow_table()
            except Exception:
                return entry
            with ipc.new_stream(stream, table.schema) as w:
                w.write_table(table)
        pyarrow_gold.write_gold(tmp, 'read.arrows', tmp)
        read = json.load(open(os.path.join(tmp, 'read.arrows.json')))
    if 'columns' not in read:
        return entry
    unreadable = entry.pop('unreadable')
    return {**entry, 'columns': read['columns'], 'rows': read['rows'], 'reference': f'{reader} (pyarrow: {unreadable})'}


def write_fastparquet(r, t, path):
    import fastparquet
    df = t.to_pandas()
    opts = dict(compression=r.choice([None, 'SNAPPY', 'GZIP', 'ZSTD', 'LZ4', 'BROTLI']), row_group_offsets=r.choice([50, 1000, 10 ** 7]),
                times=r.choice(['int64', 'int96']), stats=r.choice([True, False, 'auto']))
    fastparquet.write(path, df, write_index=False, **opts)
    return opts


def one(out, seed, i):
    os.makedirs(os.path.join(out, 'files'), exist_ok=True)
    os.makedirs(os.path.join(out, 'gold'), exist_ok=True)
    options = {}
    for i in [i]:
        r = random.Random(seed * 100003 + i)
        kinds = ['parquet', 'parquet', 'arrow', 'arrows', 'duckdb.parquet', 'polars.parquet', 'fastparquet.parquet', 'polars.arrow', 'polars.arrows',
                 'arrow-rs.parquet', 'arrow-rs.parquet', 'arrow-rs.arrows', 'apache-arrow.arrows', 'apache-arrow.arrow', 'legacy.parquet']
        kind = r.choice(os.environ['FUZZ_KINDS'].split(',') if os.environ.get('FUZZ_KINDS') else kinds)
        writer = kind.split('.')[0] if '.' in kind else 'pyarrow'
        ext = kind.split('.')[-1]
        t = table(r, ext)
        if kind in ('parquet', 'legacy.parquet'):
            # Types Parquet cannot hold are dropped (pyarrow refuses them).
            keep = [k for k, f in enumerate(t.schema) if not any(w in str(f.type) for w in ('union', 'run_end', 'list_view', 'interval'))]
            t = t.select(keep) if keep else pa.table({'c0': pa.array(range(t.num_rows), pa.int32())})
        name = f'{seed:03d}-{i:03d}.{kind}'
        path = os.path.join(out, 'files', name)
        try:
            if writer == 'duckdb':
                opts = writable(t, lambda t, p: write_duckdb(r, t, p), path)
            elif writer == 'polars':
                opts = writable(t, lambda t, p: write_polars(r, t, p, ext), path)
            elif writer == 'fastparquet':
                opts = writable(t, lambda t, p: write_fastparquet(r, t, p), path)
            elif writer == 'apache-arrow':
                opts = writable(t, lambda t, p: write_apache_arrow(t, p, ext == 'arrow'), path)
            elif writer == 'arrow-rs':
                opts = writable(t, lambda t, p: write_arrow_rs(r, t, p, ext == 'arrows'), path)
            elif writer == 'legacy':
                opts = write_parquet(r, t, path)
                opts['legacy'] = legacy_footer.rewrite(path, r)
            else:
                opts = write_parquet(r, t, path) if kind == 'parquet' else write_ipc(r, t, path, kind == 'arrows')
        except Exception as e:
            print(f'{name}: not written: {type(e).__name__}: {e}', file=sys.stderr)
            if os.path.exists(path):
                os.remove(path)
            continue
        if kind in ('arrow', 'arrows'):
            t = pa.Table.from_batches(written[0], schema=t.schema) if written else t
        options[name] = {k: (v if isinstance(v, (int, float, str, bool, dict, type(None))) else str(v)) for k, v in opts.items()}
        same = True
        if kind in ('arrow', 'arrows'):
            # pyarrow's reading is the reference only where it reads back what it wrote (it does not, for one,
            # decompress the buffers of a V4 message that says they are compressed).
            try:
                back = pyarrow_gold.read_table(path)[1]
                same = back.equals(t) or back.to_pylist() == t.to_pylist()
            except Exception:  # values pyarrow cannot even give back (a date past Python's)
                same = False
        pyarrow_gold.write_gold(os.path.join(out, 'files'), name, os.path.join(out, 'gold'))
        gold = os.path.join(out, 'gold', name + '.json')
        entry = json.load(open(gold))
        if 'unreadable' in entry and ext == 'parquet':
            entry = other_reader_gold(path, entry, writer)
            json.dump(entry, open(gold, 'w'))
        try:
            entry['profile'] = profile_gold(path)
        except Exception as e:
            entry['profileNoReference'] = f'{type(e).__name__}: {e}'
        try:
            entry['filters'] = filter_gold(path, entry, r)
        except Exception as e:
            entry['filtersNoReference'] = f'{type(e).__name__}: {e}'
        try:
            entry['sorts'] = sorts_gold(path, r)
        except Exception as e:
            entry['sortsNoReference'] = f'{type(e).__name__}: {e}'
        json.dump(entry, open(gold, 'w'))
        if not same:
            entry = json.load(open(gold))
            entry['noReference'] = 'pyarrow reads back other values than it wrote'
            json.dump(entry, open(gold, 'w'))
        if ext == 'parquet':
            # The footer statistics pyarrow uses, by the display rules (scripts/gold/parquet_stats_gold.py).
            gold = os.path.join(out, 'gold', name + '.json')
            entry = json.load(open(gold))
            try:
                entry['stats'] = parquet_stats_gold.file_gold(os.path.join(out, 'files'), name)
            except Exception as e:
                entry['statsNoReference'] = f'{type(e).__name__}: {e}'
            json.dump(entry, open(gold, 'w'))
    print(json.dumps(options))


if __name__ == '__main__':
    main(sys.argv[1:])
