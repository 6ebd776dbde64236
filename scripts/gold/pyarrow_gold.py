#!/usr/bin/env python3
"""Writes tests/gold/pyarrow/*.json: what pyarrow reads from each well-formed corpus file, as display text.

Made once with pyarrow (not needed by CI). For every top-level column: pyarrow's type name and the text of
every row when it has at most ALL_ROWS_UP_TO, else its first and last FIRST_LAST rows, rendered from pyarrow's exact values by the rules of docs/VALUE_TEXT.md.
Usage: python3 scripts/gold/pyarrow_gold.py CORPUS_DIR OUT_DIR            (every well-formed file of MANIFEST.tsv)
       python3 scripts/gold/pyarrow_gold.py --files ROOT OUT_DIR FILE...  (these files, named relative to ROOT)
"""
import datetime as dt
import decimal
import json
import math
import os
import sys
import uuid
import zoneinfo

import numpy as np
import pyarrow as pa
import pyarrow.ipc as ipc
import pyarrow.parquet as pq

FIRST_LAST = 5
ALL_ROWS_UP_TO = 1000  # small files (the integration files among them) are compared row by row
MAX_TEXT = 1000


def cut(s):
    """Nested text (lists, structs, maps) past MAX_TEXT code points is cut."""
    return s if len(s) <= MAX_TEXT else s[:MAX_TEXT] + '…'


def py_layout(digits, exp, negative):
    """digits: significant digits without dot; exp: decimal exponent of the first digit."""
    sign = '-' if negative else ''
    if -4 <= exp < 16:
        if exp >= 0:
            whole = digits[: exp + 1].ljust(exp + 1, '0')
            frac = digits[exp + 1 :] or '0'
        else:
            whole = '0'
            frac = '0' * (-exp - 1) + digits
        return f'{sign}{whole}.{frac}'
    mant = digits[0] + ('.' + digits[1:] if len(digits) > 1 else '')
    return f"{sign}{mant}e{'-' if exp < 0 else '+'}{abs(exp):02d}"


def float_text(x, kind):
    if math.isnan(x):
        return 'nan'
    if math.isinf(x):
        return 'inf' if x > 0 else '-inf'
    negative = math.copysign(1.0, x) < 0
    if x == 0:
        return '-0.0' if negative else '0.0'
    # The shortest digits that read back as the same value of the type (Dragon4). '%.*e' rounds ties to
    # even, which at a power of two can pick the neighbour below: 2**-24 needs '5.960464477539063e-08'.
    cast = np.float64 if kind == 'double' else np.float32 if kind == 'float' else np.float16
    s = np.format_float_scientific(cast(abs(x)), unique=True, exp_digits=1)
    mant, e = s.split('e')
    digits = mant.replace('.', '').rstrip('0') or '0'
    return py_layout(digits, int(e), negative)


def decimal_text(unscaled, scale):
    if scale <= 0:
        return str(unscaled * 10 ** (-scale))
    sign = '-' if unscaled < 0 else ''
    s = str(abs(unscaled)).rjust(scale + 1, '0')
    return f'{sign}{s[:-scale]}.{s[-scale:]}'


def civil(days):
    z = days + 719468
    era = z // 146097  # Python floors: no adjustment for negative days (the C++ original truncates)
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (1 if m <= 2 else 0), m, d


def date_text(days):
    y, m, d = civil(days)
    year = f'{y:04d}' if 0 <= y <= 9999 else f"{'-' if y < 0 else '+'}{abs(y):06d}"
    return f'{year}-{m:02d}-{d:02d}'


PER_SECOND = {'s': 1, 'ms': 1000, 'us': 1_000_000, 'ns': 1_000_000_000}


def clock(rest, per_second):
    seconds, fraction = divmod(rest, per_second)
    frac = ''
    if fraction:
        frac = '.' + str(fraction).rjust(len(str(per_second)) - 1, '0').rstrip('0')
    return f'{seconds // 3600:02d}:{(seconds // 60) % 60:02d}:{seconds % 60:02d}{frac}'


def naive_text(raw, unit):
    ps = PER_SECOND[unit]
    days, rest = divmod(raw, 86400 * ps)
    return f'{date_text(days)} {clock(rest, ps)}'


def offset_text(td):
    total = int(td.total_seconds())
    sign = '-' if total < 0 else '+'
    total = abs(total)
    h, rem = divmod(total, 3600)
    m, s = divmod(rem, 60)
    return f'{sign}{h:02d}:{m:02d}' + (f':{s:02d}' if s else '')


def zone_of(tz):
    if tz[0] in '+-' and len(tz) >= 5:
        sign = -1 if tz[0] == '-' else 1
        h, m = int(tz[1:3]), int(tz[-2:])
        return dt.timezone(sign * dt.timedelta(hours=h, minutes=m))
    return zoneinfo.ZoneInfo(tz)


def timestamp_text(raw, unit, tz):
    if tz is None:
        return naive_text(raw, unit)
    if tz in ('UTC', 'Etc/UTC', 'Z', '+00:00'):
        return naive_text(raw, unit) + 'Z'
    ps = PER_SECOND[unit]
    seconds, fraction = divmod(raw, ps)
    try:
        zone = zone_of(tz)
    except Exception:
        return naive_text(raw, unit) + ' ' + tz
    try:
        instant = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(seconds=seconds)
    except OverflowError:
        return naive_text(raw, unit) + ' ' + tz  # past Python's years 1..9999: no offset to look up
    try:
        offset = instant.astimezone(zone).utcoffset()
    except OverflowError:
        # The local time falls just outside years 1..9999 (e.g. 0001-01-01 UTC west of Greenwich): far from
        # any transition, the offset at that wall time is the offset at that instant.
        offset = zone.utcoffset(instant.replace(tzinfo=None))
    local_seconds = seconds + int(offset.total_seconds())
    return naive_text(local_seconds * ps + fraction, unit) + offset_text(offset)


def duration_text(raw, unit):
    ps = PER_SECOND[unit]
    sign = '-' if raw < 0 else ''
    days, rest = divmod(abs(raw), 86400 * ps)
    return f"{sign}{f'{days}d ' if days else ''}{clock(rest, ps)}"


def is_printable_utf8(b):
    try:
        s = b.decode('utf-8')
    except UnicodeDecodeError:
        return None
    if any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in s):
        return None
    return s


def binary_text(b):
    s = is_printable_utf8(b)
    if s is not None:
        return s, True
    out = []
    for byte in b:
        if byte == 0x5C:
            out.append('\\\\')
        elif 0x20 <= byte <= 0x7E:
            out.append(chr(byte))
        else:
            out.append('\\x%02x' % byte)
    return ''.join(out), False


def quote(s):
    return json.dumps(s, ensure_ascii=False)


def text(t, s, nested):
    """Display text of pyarrow scalar s of type t; None for a top-level null."""
    if not s.is_valid:
        return 'null' if nested else None
    if isinstance(t, pa.BaseExtensionType):
        if t.extension_name == 'arrow.uuid':
            return str(uuid.UUID(bytes=s.value.as_py()))
        return text(t.storage_type, s.value, nested)
    if pa.types.is_null(t):
        return 'null' if nested else None
    if pa.types.is_boolean(t):
        return 'true' if s.as_py() else 'false'
    if pa.types.is_integer(t):
        return str(s.as_py())
    if pa.types.is_floating(t):
        kind = 'double' if pa.types.is_float64(t) else 'float' if pa.types.is_float32(t) else 'half'
        v = s.as_py()
        if kind == 'half':
            v = float(np.float16(v))
        return float_text(float(v), kind)
    if pa.types.is_decimal(t):
        d = s.as_py()
        with decimal.localcontext(decimal.Context(prec=100)):
            unscaled = int(d.scaleb(t.scale))
        return decimal_text(unscaled, t.scale)
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t):
        v = s.as_py()
        return quote(v) if nested else v
    if pa.types.is_binary(t) or pa.types.is_large_binary(t) or pa.types.is_binary_view(t) or pa.types.is_fixed_size_binary(t):
        v, printable = binary_text(s.as_py())
        return v if not nested else quote(v) if printable else f'"{v}"'
    if pa.types.is_date32(t):
        return date_text(s.value)
    if pa.types.is_date64(t):
        return date_text(s.value // 86_400_000)
    if pa.types.is_time32(t) or pa.types.is_time64(t):
        # pyarrow prints a value outside the day so (fastparquet writes timedeltas as TIME_MICROS).
        if not 0 <= s.value < 86400 * PER_SECOND[t.unit]:
            return f'<value out of range: {s.value}>'
        return clock(s.value, PER_SECOND[t.unit])
    if pa.types.is_timestamp(t):
        return timestamp_text(s.value, t.unit, t.tz)
    if pa.types.is_duration(t):
        return duration_text(s.value, t.unit)
    if t == pa.month_day_nano_interval():
        v = s.as_py()
        return f'{v.months}mo {v.days}d {v.nanoseconds}ns'
    if pa.types.is_interval(t):
        raise NotImplementedError(str(t))
    if pa.types.is_dictionary(t):
        return text(t.value_type, s.value, nested)
    if pa.types.is_run_end_encoded(t):
        return text(t.value_type, s.value, nested)
    if pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t) or pa.types.is_list_view(t) or pa.types.is_large_list_view(t):
        vt = t.value_type
        return cut('[' + ', '.join(text(vt, v, True) for v in s.values) + ']') if s.values is not None else '[]'
    if pa.types.is_map(t):
        items = s.values
        if items is None:
            return '{}'
        parts = []
        for i in range(len(items)):
            entry = items[i]
            parts.append(f"{text(t.key_type, entry['key'] if 'key' in [f.name for f in items.type] else entry[0], True)}: {text(t.item_type, entry[1], True)}")
        return cut('{' + ', '.join(parts) + '}')
    if pa.types.is_struct(t):
        return cut('{' + ', '.join(f'{t.field(i).name}: {text(t.field(i).type, s[i], True)}' for i in range(t.num_fields)) + '}')
    if pa.types.is_union(t):
        code = s.type_code
        child = t.field(list(t.type_codes).index(code))
        return text(child.type, s.value, nested)
    raise NotImplementedError(str(t))


def column_gold(name, col, type_name, unknown_rows):
    n = len(col)
    if n <= ALL_ROWS_UP_TO:
        idx = list(range(n))
    else:
        idx = list(range(FIRST_LAST)) + list(range(n - FIRST_LAST, n))
    idx = [i for i in idx if i not in unknown_rows]
    out = {'name': name, 'type': type_name, 'rows': n, 'index': idx}
    if unknown_rows:
        out['rowsWithoutReference'] = len(unknown_rows)
    if str(col.type) in ('month_interval', 'day_time_interval'):
        out['noReference'] = f"pyarrow's Python API cannot give {col.type} values (its arrays cannot be wrapped)"
        return out
    try:
        vals = []
        for i in idx:
            v = text(col.type, col[i], False)
            vals.append(v)
        out['values'] = vals
    except NotImplementedError as e:
        out['noReference'] = f'pyarrow value of type {e} has no display rule in the gold generator'
    except Exception as e:  # pyarrow itself cannot give the value
        out['noReference'] = f'pyarrow: {type(e).__name__}: {e}'
    return out


def read_table(path):
    with open(path, 'rb') as f:
        head = f.read(8)
        f.seek(-4, 2)
        tail = f.read(4)
    if head[:4] == b'PAR1' or tail == b'PAR1':
        table = pq.read_table(path)
        types = [str(t) for t in table.schema.types]
        unknown = {}
        # INT96 read as ns wraps past year 2262; the same instants read as us are exact, and their text is the same.
        int96 = [c.name for c in pq.ParquetFile(path).schema if c.physical_type == 'INT96' and c.path == c.name]
        if int96:
            # us still wraps for the most distant years, where ms is exact: take us where both agree to the ms.
            us = pq.read_table(path, columns=int96, coerce_int96_timestamp_unit='us')
            ms = pq.read_table(path, columns=int96, coerce_int96_timestamp_unit='ms')
            for name in int96:
                pairs = list(zip(us.column(name).cast(pa.int64()).to_pylist(), ms.column(name).cast(pa.int64()).to_pylist()))
                i = table.schema.get_field_index(name)
                # Where even the two disagree, pyarrow gives no true value for the row: it has no reference.
                unknown[i] = {r for r, (a, b) in enumerate(pairs) if a is not None and a // 1000 != b}
                exact = [None if r in unknown[i] else a for r, (a, _) in enumerate(pairs)]
                table = table.set_column(i, pa.field(name, pa.timestamp('us')), pa.array(exact, pa.int64()).cast(pa.timestamp('us')))
        # INT96 below the top level (Spark's arrays and structs of timestamps): read in us too, as shown.
        nested = sorted({c.path.split('.')[0] for c in pq.ParquetFile(path).schema if c.physical_type == 'INT96' and c.path != c.name})
        if nested:
            us = pq.read_table(path, columns=nested, coerce_int96_timestamp_unit='us')
            for name in nested:
                i = table.schema.get_field_index(name)
                table = table.set_column(i, us.schema.field(name), us.column(name))
        return 'parquet', table, types, unknown
    if head[:6] == b'ARROW1':
        table = ipc.open_file(path).read_all()
        return 'arrow-file', table, [str(t) for t in table.schema.types], {}
    table = ipc.open_stream(path).read_all()
    return 'arrow-stream', table, [str(t) for t in table.schema.types], {}


def write_gold(root, rel, out_dir):
    path = os.path.join(root, rel)
    entry = {'file': rel, 'pyarrow': pa.__version__}
    try:
        fmt, table, types, unknown = read_table(path)
        entry['format'] = fmt
        entry['rows'] = table.num_rows
        entry['columns'] = [column_gold(table.schema.field(i).name, table.column(i), types[i], unknown.get(i, set())) for i in range(table.num_columns)]
    except Exception as e:
        entry['unreadable'] = f'{type(e).__name__}: {e}'
    with open(os.path.join(out_dir, rel.replace('/', '__') + '.json'), 'w') as f:
        json.dump(entry, f, ensure_ascii=False, separators=(',', ':'))


def corpus_files(corpus):
    manifest = [l.rstrip('\n').split('\t') for l in open(os.path.join(corpus, 'MANIFEST.tsv'))][1:]
    for rel, _size, _sha, kind, *_ in manifest:
        if 'FUZZ' in kind or 'MALFORMED' in kind or 'encrypted' in kind or kind.startswith('doc') or 'json' in kind:
            continue
        if kind.startswith('arrow-ipc') or kind.startswith('parquet') or rel.endswith('.arrow'):
            yield rel


def main(argv):
    if argv[0] == '--files':
        root, out_dir, files = argv[1], argv[2], argv[3:]
    else:
        root, out_dir = argv
        files = list(corpus_files(root))
    os.makedirs(out_dir, exist_ok=True)
    for rel in files:
        write_gold(root, rel, out_dir)
    print(f'{len(files)} gold files in {out_dir}')


if __name__ == '__main__':
    main(sys.argv[1:])
