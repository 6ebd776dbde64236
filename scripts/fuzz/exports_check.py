#!/usr/bin/env python3
"""Reads back with pyarrow the exports scripts/fuzz/compare.ts wrote (EXPORTS=1) and compares each value with
the gold of the file it was exported from: an export must hold the values Arrowscope shows (which the
fuzz already compared with pyarrow's reading of the original).

Usage: python3 scripts/fuzz/exports_check.py OUT_DIR

A shuffled export (NAME.export.shuffled.arrows) is compared row by row in its order (saved beside it); a
CSV export cell by cell with the gold's text (a null as an empty cell).

A column whose type pyarrow reads back otherwise is cast back to the original's type, then compared. A
type change the user was not told of (compute/export/typeChanges.ts, saved beside each export by
compare.ts) is a difference too. One line per difference, then a count.
"""
import csv
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'gold'))
import pyarrow_gold  # noqa: E402


def named(type_name):
    """A type's name without its maps' entries names ("map<string, int32 ('m')>"), which are not a change of type."""
    return re.sub(r" \('[^']*'\)", '', type_name)


def check(out, name, say):
    base, _, _ = name.rpartition('.export.')
    gold = json.load(open(os.path.join(out, 'gold', base + '.json')))
    if 'columns' not in gold:
        return 0, 1
    if name.endswith('.csv'):
        return check_csv(os.path.join(out, 'exports', name), gold, say)
    original = pyarrow_gold.read_table(os.path.join(out, 'files', base))[1]
    try:
        _, table, types, _ = pyarrow_gold.read_table(os.path.join(out, 'exports', name))
    except Exception as e:
        say(f'pyarrow cannot read it: {type(e).__name__}: {e}')
        return 0, 0
    beside = json.load(open(os.path.join(out, 'exports', name + '.json')))
    announced, order = beside['changes'], beside.get('order')
    if table.num_rows != gold['rows']:
        say(f'rows {table.num_rows} vs {gold["rows"]}')
    compared = apart = 0
    for c, want in enumerate(gold['columns']):
        if c >= table.num_columns or table.schema.field(c).name != want['name']:
            say(f'column {c}: {want["name"]} missing')
            continue
        col = table.column(c)
        if 'values' not in want:
            apart += 1
            continue
        kind = original.schema.field(c).type
        if named(types[c]) != named(want['type']):
            if not any(f'Column "{want["name"]}" is written as {named(types[c])},' in named(a) for a in announced):
                say(f'{want["name"]}: type {types[c]} vs {want["type"]}, not announced')
            try:
                col = col.cast(kind)
            except Exception:
                kind = col.type  # (a list for a list view, numbers for a dictionary of them): its own text
        value_of = dict(zip(want['index'], want['values']))
        # A shuffled export's row k is the original's row order[k] (compared where the gold has that row).
        pairs = [(k, value_of[int(r)]) for k, r in enumerate(order) if int(r) in value_of] if order else zip(want['index'], want['values'])
        for i, v in pairs:
            try:
                got = pyarrow_gold.text(kind, col[i], False)
            except Exception as e:
                got = f'ERROR {type(e).__name__}: {e}'
            compared += 1
            if got != v:
                say(f'{want["name"]} row {i}: {json.dumps(got)} vs {json.dumps(v)}')
    return compared, apart


# The gold's zoned text where Python gives no offset (years outside 1..9999): the zone's name instead (compare.ts noOffset).
NO_OFFSET = re.compile(r'\d (?:[A-Za-z_]+/[A-Za-z_/]+|[+-]\d\d:\d\d)(?:[\],}]|$)')


def check_csv(path, gold, say):
    """A CSV export holds the text shown, a null as an empty cell: each cell against the gold's text."""
    with open(path, newline='', encoding='utf-8') as f:
        records = list(csv.reader(f))
    if records[0] != [c['name'] for c in gold['columns']]:
        say(f'header {records[0]} vs {[c["name"] for c in gold["columns"]]}')
    if len(records) - 1 != gold['rows']:
        say(f'rows {len(records) - 1} vs {gold["rows"]}')
    compared = apart = 0
    for c, want in enumerate(gold['columns']):
        if 'values' not in want:
            apart += 1
            continue
        for i, v in zip(want['index'], want['values']):
            got = records[i + 1][c] if i + 1 < len(records) and c < len(records[i + 1]) else 'MISSING'
            if 'tz=' in want['type'] and v is not None and NO_OFFSET.search(v):
                continue  # no offset from Python outside years 1..9999: no reference (as compare.ts)
            compared += 1
            if got != (v if v is not None else ''):
                say(f'{want["name"]} row {i}: {json.dumps(got)} vs {json.dumps(v)}')
    return compared, apart


def main(argv):
    out = argv[0]
    names = sorted(n for n in os.listdir(os.path.join(out, 'exports')) if not n.endswith('.json'))
    bad = compared = apart = 0
    for name in names:
        diffs = []
        try:
            k, a = check(out, name, diffs.append)
        except Exception as e:
            diffs.append(f'the check stopped: {type(e).__name__}: {e}')
            k, a = 0, 0
        compared += k
        apart += a
        if diffs:
            bad += 1
            for d in diffs[:8]:
                print(f'{name}: {d}')
            if len(diffs) > 8:
                print(f'{name}: … {len(diffs) - 8} more')
    print(f'{len(names)} exports, {bad} with differences; {compared} values compared; {apart} columns without a reference')


if __name__ == '__main__':
    main(sys.argv[1:])
