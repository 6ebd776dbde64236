#!/usr/bin/env python3
"""A W2-like Parquet file sorted by date, for the date-range filter figure (bench/filterNode.ts).

    npm run gen -- --copies 50 --format parquet --out data/fec-50.parquet   # W2, the project generator
    python3 bench/sortByDate.py data/fec-50.parquet data/fec-50-by-date.parquet

W2 holds 50 copies of the same 1,001,731 FEC-like rows, one per row group, its date as text
('01-JAN-11'). This writes the same 50,086,550 rows with contb_receipt_dt as a date32, sorted by it:
each date's rows of one copy, repeated 50 times, then the next date's (so values repeat at the same
distance as in W2 and compress alike), in row groups of 1,001,731 rows, snappy, with statistics and
the page index (write_page_index=True). Only the first row group of the input is read.
"""
import sys

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

COPIES = 50
ROW_GROUP = 1_001_731


def main(src, out):
    one = pq.ParquetFile(src).read_row_group(0)
    day = pc.strptime(one['contb_receipt_dt'], format='%d-%b-%y', unit='s').cast(pa.date32())
    one = one.set_column(one.schema.get_field_index('contb_receipt_dt'), pa.field('contb_receipt_dt', pa.date32(), nullable=False), day)
    order = pc.sort_indices(one, sort_keys=[('contb_receipt_dt', 'ascending')])
    one = one.take(order)
    days = one['contb_receipt_dt'].combine_chunks().cast(pa.int32()).to_numpy()
    starts = np.flatnonzero(np.r_[True, days[1:] != days[:-1]])
    ends = np.r_[starts[1:], len(days)]
    indices = np.concatenate([np.tile(np.arange(a, b, dtype=np.int32), COPIES) for a, b in zip(starts, ends)])
    with pq.ParquetWriter(out, one.schema, compression='snappy', write_statistics=True, write_page_index=True) as w:
        for at in range(0, len(indices), ROW_GROUP):
            w.write_table(one.take(pa.array(indices[at:at + ROW_GROUP])), row_group_size=ROW_GROUP)
    print(f'{out}: {len(indices)} rows sorted by contb_receipt_dt, {len(starts)} dates')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
