"""Gold for which footer statistics pyarrow uses: for every flat column (one leaf, no repetition) of every
Parquet file under the given roots that pyarrow 25 opens, per row group, whether its column chunk's statistics
have a min and max pyarrow shows (ColumnChunkMetaData.is_stats_set and Statistics.has_min_max): parquet-cpp
takes min_value/max_value only when the footer lists column orders, else the deprecated min/max (in signed order alone), and drops
statistics of an unknown sort order or from writers whose statistics it distrusts.

usage: python3 scripts/gold/parquet_stats_presence.py <out json> <root> [<root> …]   (paths relative to the cwd)
"""
import json
import os
import sys

import pyarrow.parquet as pq

out, roots = sys.argv[1], sys.argv[2:]
gold = []
for root in roots:
    for folder, _, names in sorted(os.walk(root)):
        for name in sorted(names):
            if not name.endswith('.parquet'):
                continue
            path = os.path.join(folder, name)
            try:
                md = pq.ParquetFile(path).metadata
                schema = md.schema
                flat = {i for i in range(len(schema)) if '.' not in schema.column(i).path and schema.column(i).max_repetition_level == 0}
                shown = []
                for g in range(min(md.num_row_groups, 20)):
                    rg = md.row_group(g)
                    for i in sorted(flat):
                        c = rg.column(i)
                        s = c.statistics if c.is_stats_set else None
                        shown.append([g, schema.column(i).path, bool(s is not None and s.has_min_max)])
            except Exception:
                continue
            gold.append({'file': path, 'columns': shown})
json.dump(gold, open(out, 'w'), separators=(',', ':'))
print(len(gold), 'files', sum(len(g['columns']) for g in gold), 'column chunks')
