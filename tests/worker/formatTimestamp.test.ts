import { describe, expect, it } from 'vitest';
import { formatTimestamp } from '../../src/worker/formatTimestamp';

describe('formatTimestamp', () => {
  it('agrees with Date inside its range, for every unit and negative values', () => {
    for (const ms of [0, 1, -1, 86_399_999, 951_782_400_000, -62_135_596_800_000, 253_402_300_799_999]) {
      const iso = new Date(ms).toISOString().replace('T', ' ').replace(/\.?0*Z$/, 'Z').replace(/\.(\d*?)0+Z$/, '.$1Z');
      expect(formatTimestamp(BigInt(ms), 1, 'UTC')).toBe(iso);
      expect(formatTimestamp(BigInt(ms) * 1000n, 2, 'UTC')).toBe(iso);
      expect(formatTimestamp(BigInt(ms) * 1_000_000n, 3, 'UTC')).toBe(iso);
    }
  });
  it('writes years past 9999 with a sign, and keeps the zone', () => {
    expect(formatTimestamp(9089380393200000000n, 2, 'UTC')).toBe('+290000-12-30 23:00:00Z');
    expect(formatTimestamp(0n, 0, 'America/New_York')).toBe('1970-01-01 00:00:00 America/New_York');
    expect(formatTimestamp(0n, 0, null)).toBe('1970-01-01 00:00:00');
  });
});
