"""A Parquet file's footer rewritten as older or other writers leave it, every field it does not touch kept
byte for byte (a generic Thrift compact walk: fastparquet's and hyparquet's footer codecs drop the fields they
do not know, FLOAT16's logical type among them).

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
import struct

STOP, TRUE, FALSE, BYTE, I16, I32, I64, DOUBLE, BINARY, LIST, SET, MAP, STRUCT = 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12

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
        if t in (TRUE, FALSE):  # a list's boolean: one byte
            return self.byte()
        if t == BYTE:
            return self.byte()
        if t in (I16, I32, I64):
            return self.zigzag()
        if t == DOUBLE:
            self.at += 8
            return self.data[self.at - 8:self.at]
        if t == BINARY:
            n = self.varint()
            self.at += n
            return self.data[self.at - n:self.at]
        if t in (LIST, SET):
            head = self.byte()
            n, et = head >> 4, head & 15
            if n == 15:
                n = self.varint()
            return (et, [self.value(et) for _ in range(n)])
        if t == MAP:
            n = self.varint()
            kv = self.byte() if n else 0
            return (kv, [(self.value(kv >> 4), self.value(kv & 15)) for _ in range(n)])
        if t == STRUCT:
            return self.struct()
        raise ValueError(f'Thrift type {t} at byte {self.at}')

    def struct(self):
        fields, last = [], 0
        while True:
            head = self.byte()
            if head == STOP:
                return fields
            t, delta = head & 15, head >> 4
            fid = last + delta if delta else self.zigzag()
            last = fid
            fields.append([fid, t, True if t == TRUE else False if t == FALSE else self.value(t)])


def varint(v):
    out = bytearray()
    while True:
        if v < 0x80:
            out.append(v)
            return bytes(out)
        out.append((v & 0x7F) | 0x80)
        v >>= 7


def zigzag(v):
    return varint((v << 1) ^ (v >> 63))


def value_bytes(t, v):
    if t in (TRUE, FALSE, BYTE):
        return bytes([v])
    if t in (I16, I32, I64):
        return zigzag(v)
    if t == DOUBLE:
        return bytes(v)
    if t == BINARY:
        return varint(len(v)) + bytes(v)
    if t in (LIST, SET):
        et, items = v
        head = bytes([(len(items) << 4) | et]) if len(items) < 15 else bytes([0xF0 | et]) + varint(len(items))
        return head + b''.join(value_bytes(et, x) for x in items)
    if t == MAP:
        kv, items = v
        if not items:
            return b'\x00'
        return varint(len(items)) + bytes([kv]) + b''.join(value_bytes(kv >> 4, k) + value_bytes(kv & 15, x) for k, x in items)
    if t == STRUCT:
        return struct_bytes(v)
    raise ValueError(t)


def struct_bytes(fields):
    out, last = bytearray(), 0
    for fid, t, v in fields:
        wire = (TRUE if v else FALSE) if t in (TRUE, FALSE) else t
        delta = fid - last
        out += bytes([(delta << 4) | wire]) if 0 < delta <= 15 else bytes([wire]) + zigzag(fid)
        last = fid
        if t not in (TRUE, FALSE):
            out += value_bytes(t, v)
    return bytes(out + b'\x00')


def field(fields, fid):
    return next((f for f in fields if f[0] == fid), None)


def drop(fields, fid):
    fields[:] = [f for f in fields if f[0] != fid]


def rewrite(path, r):
    data = open(path, 'rb').read()
    n = struct.unpack('<I', data[-8:-4])[0]
    start = len(data) - 8 - n
    md = Reader(data[start:len(data) - 8]).struct()
    changed = {'logicalDropped': 0, 'convertedDropped': 0}
    p_logical, p_lone, p_converted = r.choice([0.0, 0.7, 1.0]), r.choice([0.0, 0.0, 0.3]), r.choice([0.0, 0.0, 0.3])
    schema = field(md, 2)[2][1]
    if r.random() < 0.5:  # parquet-mr's MAP_KEY_VALUE on a map's repeated group (the element after the MAP group)
        for k in range(len(schema) - 1):
            converted = field(schema[k], 6)
            if converted and converted[2] == 1 and not field(schema[k + 1], 6):
                schema[k + 1].append([6, I32, 2])
                schema[k + 1].sort(key=lambda f: f[0])
                changed['mapKeyValue'] = changed.get('mapKeyValue', 0) + 1
    for element in schema:
        logical, converted = field(element, 10), field(element, 6)
        if logical and converted and r.random() < p_logical:
            drop(element, 10)
            changed['logicalDropped'] += 1
        elif logical and not converted and r.random() < p_lone:
            drop(element, 10)
            changed['logicalDropped'] += 1
        elif logical and converted and r.random() < p_converted:
            drop(element, 6)
            changed['convertedDropped'] += 1
    if r.random() < 0.3:  # statistics in the deprecated min/max fields only, as parquet-mr wrote them before 1.10
        for group in field(md, 4)[2][1]:
            for chunk in field(group, 1)[2][1]:
                meta = field(chunk, 3)
                stats = meta and field(meta[2], 12)
                if not stats:
                    continue
                renamed = {5: 1, 6: 2}
                stats[2] = sorted([[renamed.get(f[0], f[0]), f[1], f[2]] for f in stats[2] if f[0] not in (1, 2, 7, 8)], key=lambda f: f[0])
                changed['deprecatedStatistics'] = True
    kv = field(md, 5)
    if kv and r.random() < 0.6:
        kv[2] = (kv[2][0], [e for e in kv[2][1] if field(e, 1)[2] != b'ARROW:schema'])
        changed['arrowSchemaDropped'] = True
    writer = r.choice(WRITERS + [False] * 4)  # False: left as written
    if writer is None:
        drop(md, 6)
    elif writer:
        created = field(md, 6)
        if created:
            created[2] = writer.encode()
        else:
            md.append([6, BINARY, writer.encode()])
            md.sort(key=lambda f: f[0])
    if writer is not False:
        changed['createdBy'] = writer
    if field(md, 7) and r.random() < 0.3:
        drop(md, 7)
        changed['columnOrdersDropped'] = True
    footer = struct_bytes(md)
    with open(path, 'wb') as f:
        f.write(data[:start] + footer + struct.pack('<I', len(footer)) + b'PAR1')
    return changed


if __name__ == '__main__':  # a self-check: an untouched walk gives the footer back byte for byte
    import sys
    for p in sys.argv[1:]:
        data = open(p, 'rb').read()
        n = struct.unpack('<I', data[-8:-4])[0]
        footer = data[-8 - n:-8]
        print(p, struct_bytes(Reader(footer).struct()) == footer)
