#!/usr/bin/env python3
"""Writes src/valueText/zoneHistory.ts: every zone's UTC offsets before 1970, from the system's compiled
time zone database (/usr/share/zoneinfo, TZif files), as pyarrow reads them on Linux.

Browsers' Intl (ICU) merges zones that agree since 1970 (Europe/Amsterdam into Europe/Brussels, EST into
America/Panama), each ICU version its own way, so before 1970 it shows other offsets than pyarrow over a
database that keeps each zone's own history (Debian's tzdata does). Run once per tzdata release; CI needs no Python.
Usage: python3 scripts/gen/zone_history.py
"""
import os
import re
import struct
import subprocess

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
ZONEINFO = '/usr/share/zoneinfo'
DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz'


def base36(n):
    sign, n, out = '-' if n < 0 else '', abs(n), ''
    while True:
        out = DIGITS[n % 36] + out
        n //= 36
        if not n:
            return sign + out


def history(path):
    """The zone's offset before its first transition (RFC 8536: the first local time type), then each transition before 1970 and the offset from it."""
    b = open(path, 'rb').read()
    assert b[:4] == b'TZif' and b[4] >= 0x32, path  # version 2 or later: 64-bit times
    def counts(at):
        return struct.unpack('>6l', b[at + 20:at + 44])
    isut, isstd, leap, times, types, chars = counts(0)
    at = 44 + times * 5 + types * 6 + chars + leap * 8 + isstd + isut  # past the 32-bit data
    isut, isstd, leap, times, types, chars = counts(at)
    at += 44
    when = struct.unpack('>%dq' % times, b[at:at + times * 8])
    which = b[at + times * 8:at + times * 9]
    offsets = [struct.unpack('>l', b[at + times * 9 + k * 6:at + times * 9 + k * 6 + 4])[0] for k in range(types)]
    out = [(None, offsets[0])]
    for t, k in zip(when, which):
        if t >= 0:
            break
        if offsets[k] != out[-1][1]:
            out.append((t, offsets[k]))
    return out


def encoded(h):
    """First offset, then per transition its seconds after the previous one (the first: its epoch seconds) and its offset, base 36."""
    parts, last = [base36(h[0][1])], None
    for t, o in h[1:]:
        parts.append(base36(t if last is None else t - last) + ':' + base36(o))
        last = t
    return ' '.join(parts)


def main():
    names = re.search(r'`([^`]*)`', open(os.path.join(ROOT, 'src/valueText/zoneNames.ts')).read()).group(1).split()
    version = subprocess.run(['dpkg-query', '-W', '-f=${Version}', 'tzdata'], capture_output=True, text=True).stdout or 'unknown'
    by_history = {}
    for name in names:
        path = os.path.join(ZONEINFO, name)
        if os.path.isfile(path):
            by_history.setdefault(encoded(history(path)), []).append(name)
    lines = [' '.join(zones) + '|' + h for h, zones in sorted(by_history.items(), key=lambda kv: kv[1][0])]
    with open(os.path.join(ROOT, 'src/valueText/zoneHistory.ts'), 'w') as f:
        f.write(f'''/**
 * Each zone's UTC offsets before 1970, from the compiled time zone database pyarrow reads on Linux
 * (Debian tzdata {version}), made by scripts/gen/zone_history.py: do not edit. One line per history:
 * the zones that share it, "|", the offset before the first transition, then per transition the seconds
 * after the previous one (the first: epoch seconds) ":" the offset from it; numbers in base 36.
 */
export const ZONE_HISTORIES = `
{chr(10).join(lines)}
`;
''')
    print(f'{len(by_history)} histories of {sum(map(len, by_history.values()))} zones')


if __name__ == '__main__':
    main()
