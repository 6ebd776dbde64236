"""A Parquet file's footer rewritten as older or other writers leave it, every field it does not touch kept
byte for byte (a generic Thrift compact walk, written back by the fixtures' encoder, parquet_bytes.py:
fastparquet's and hyparquet's footer codecs drop the fields they do not know, FLOAT16's logical type among them).

rewrite(path, r) changes the footer of the file at `path` in place and returns what it changed:
- converted types only: each logical type beside a converted type dropped (parquet-mr before 1.11, Spark 2, Impala);
- now and then a logical type with no converted type dropped too (the value then read as its physical type);
- now and then the converted type dropped where a logical type says the same (writers that write only logical types);
- the stored Arrow schema (ARROW:schema) dropped, as a writer other than Arrow's leaves none;
- `created_by` set to another writer and version (whose statistics readers trust or not by it);
- the column orders dropped (older writers list none);
- now and then a map's repeated group marked MAP_KEY_VALUE, as parquet-mr marked it;
- now and then the statistics' min/max moved to the deprecated min/max fields (parquet-mr before 1.10).
"""
import os
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'tests', 'fixtures', 'writers', 'parquet'))
from parquet_bytes import V, encode  # noqa: E402

STOP, TRUE, FALSE, BYTE, I16, I32, I64, DOUBLE, BINARY, LIST, STRUCT = 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12

WRITERS = [
    None,
    'parquet-mr version 1.8.1 (build 4aba4dae7bb0d4edbcf7923ae1339f28fd3f7fcf)',
    'parquet-mr version 1.10.1 (build a89df8f9932b6ef6633d06069e50c9b7970bebd1)',
    'parquet-mr version 1.12.3 (build f8dced182c4c1fbdec6ccb3185537b5a01e6ed6b)',
    'parquet-mr version 1.6.0',
    'parquet-cpp version 1.2.0',
    'parquet-cpp version 1.5.1-SNAPSHOT',
    'parquet-cpp-arrow version 9.0.0',
    'impala version 1.2.0-cdh5.1.0 (build 8d2fd0a0e6cba9d1e4f71fc29ad93c8ab2d1f1a0)',
    'parquet-rs version 53.0.0',
    'spark',
]


class Reader:
    """Thrift compact bytes read into parquet_bytes' values (parquet.thrift has no maps or sets)."""

    def __init__(self, data):
        self.data, self.at = data, 0

    def byte(self):
        b = self.data[self.at]
        self.at += 1
        return b

    def varint(self):
        shift = value = 0
        while True:
            b = self.byte()
            value |= (b & 0x7F) << shift
            shift += 7
            if not b & 0x80:
                return value

    def zigzag(self):
        v = self.varint()
        return (v >> 1) ^ -(v & 1)

    def value(self, t):
        if t in (TRUE, FALSE):  # a list's boolean: one byte, 1 for true
            return V(TRUE, self.byte() == 1)
        if t == BYTE:
            return V(t, struct.unpack('<b', bytes([self.byte()]))[0])
        if t in (I16, I32, I64):
            return V(t, self.zigzag())
        if t == DOUBLE:
            self.at += 8
            return V(t, struct.unpack('<d', self.data[self.at - 8:self.at])[0])
        if t == BINARY:
            n = self.varint()
            self.at += n
            return V(t, self.data[self.at - n:self.at])
        if t == LIST:
            head = self.byte()
            n, et = head >> 4, head & 15
            if n == 15:
                n = self.varint()
            return V(t, ([self.value(et) for _ in range(n)], et))
        if t == STRUCT:
            return self.struct()
        raise ValueError(f'Thrift type {t} at byte {self.at}')

    def struct(self):
        fields, last = {}, 0
        while True:
            head = self.byte()
            if head == STOP:
                return V(STRUCT, fields)
            t, delta = head & 15, head >> 4
            fid = last + delta if delta else self.zigzag()
            last = fid
            fields[fid] = V(t, t == TRUE) if t in (TRUE, FALSE) else self.value(t)


def items(v):
    """A list value's items."""
    return v.value[0]


def rewrite(path, r):
    data = open(path, 'rb').read()
    n = struct.unpack('<I', data[-8:-4])[0]
    start = len(data) - 8 - n
    md = Reader(data[start:len(data) - 8]).struct().value
    changed = {'logicalDropped': 0, 'convertedDropped': 0}
    p_logical, p_lone, p_converted = r.choice([0.0, 0.7, 1.0]), r.choice([0.0, 0.0, 0.3]), r.choice([0.0, 0.0, 0.3])
    schema = [e.value for e in items(md[2])]
    if r.random() < 0.5:  # parquet-mr's MAP_KEY_VALUE on a map's repeated group (the element after the MAP group)
        for k in range(len(schema) - 1):
            if 6 in schema[k] and schema[k][6].value == 1 and 6 not in schema[k + 1]:
                schema[k + 1][6] = V(I32, 2)
                changed['mapKeyValue'] = changed.get('mapKeyValue', 0) + 1
    for element in schema:
        logical, converted = 10 in element, 6 in element
        if logical and converted and r.random() < p_logical:
            del element[10]
            changed['logicalDropped'] += 1
        elif logical and not converted and r.random() < p_lone:
            del element[10]
            changed['logicalDropped'] += 1
        elif logical and converted and r.random() < p_converted:
            del element[6]
            changed['convertedDropped'] += 1
    if r.random() < 0.3:  # statistics in the deprecated min/max fields only, as parquet-mr wrote them before 1.10
        for group in items(md[4]):
            for chunk in items(group.value[1]):
                stats = chunk.value[3].value.get(12) if 3 in chunk.value else None
                if not stats:
                    continue
                old = stats.value
                stats.value = {({5: 1, 6: 2}).get(fid, fid): x for fid, x in old.items() if fid not in (1, 2, 7, 8)}
                changed['deprecatedStatistics'] = True
    if 5 in md and r.random() < 0.6:
        kv = md[5]
        kv.value = ([e for e in items(kv) if e.value[1].value != b'ARROW:schema'], kv.value[1])
        changed['arrowSchemaDropped'] = True
    writer = r.choice(WRITERS + [False] * 4)  # False: left as written
    if writer is None:
        md.pop(6, None)
    elif writer:
        md[6] = V(BINARY, writer.encode())
    if writer is not False:
        changed['createdBy'] = writer
    if 7 in md and r.random() < 0.3:
        del md[7]
        changed['columnOrdersDropped'] = True
    footer = encode(V(STRUCT, md))
    with open(path, 'wb') as f:
        f.write(data[:start] + footer + struct.pack('<I', len(footer)) + b'PAR1')
    return changed


if __name__ == '__main__':  # a self-check: an untouched walk gives the footer back byte for byte
    import sys
    for p in sys.argv[1:]:
        data = open(p, 'rb').read()
        n = struct.unpack('<I', data[-8:-4])[0]
        footer = data[-8 - n:-8]
        print(p, encode(Reader(footer).struct()) == footer)
