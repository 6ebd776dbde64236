"""Writes decimal_doubles.json: [unscaled (decimal text), scale, pyarrow 25's double of it (repr)] for random
decimal128 and decimal256 values, negative scales included: the gold of decimalToDouble (decimalText.test.ts).
The double is pc.quantile(a, q=[0.5]) of a one-value array (what the profile's quantiles use) and equals a.cast(pa.float64())."""
import decimal
import json
import random
import pyarrow as pa
import pyarrow.compute as pc

decimal.getcontext().prec = 200
random.seed(17)
rows = []
for ctor, maxp in [(pa.decimal128, 38), (pa.decimal256, 76)]:
    while len(rows) < (300 if ctor is pa.decimal128 else 600):
        precision = random.randint(1, maxp)
        scale = random.randint(-5, precision)
        u = random.randint(-(10 ** precision - 1), 10 ** precision - 1)
        try:
            a = pa.array([decimal.Decimal(u).scaleb(-scale)], ctor(precision, scale))
        except pa.ArrowInvalid:
            continue
        q = pc.quantile(a, q=[0.5])[0].as_py()
        assert q == a.cast(pa.float64())[0].as_py()
        rows.append([str(u), scale, repr(q)])
json.dump(rows, open('decimal_doubles.json', 'w'), separators=(',', ':'))
