/** Civil date of a day count since 1970-01-01 (proleptic Gregorian; Howard Hinnant's algorithm). */
function civil(days: bigint): { y: bigint; m: bigint; d: bigint } {
  const z = days + 719468n;
  const era = (z >= 0n ? z : z - 146096n) / 146097n;
  const doe = z - era * 146097n;
  const yoe = (doe - doe / 1460n + doe / 36524n - doe / 146096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const d = doy - (153n * mp + 2n) / 5n + 1n;
  const m = mp < 10n ? mp + 3n : mp - 9n;
  return { y: yoe + era * 400n + (m <= 2n ? 1n : 0n), m, d };
}

const PER_SECOND = [1n, 1000n, 1_000_000n, 1_000_000_000n]; // TimeUnit SECOND, MILLISECOND, MICROSECOND, NANOSECOND

/**
 * ISO-like text of a raw timestamp in its own unit, exact for any int64 (years past 9999 get a
 * sign, as ISO 8601 extends them), without going through a JS Date or a float.
 */
export function formatTimestamp(raw: bigint, unit: number, timezone?: string | null): string {
  const perSecond = PER_SECOND[unit] ?? 1000n;
  const perDay = 86400n * perSecond;
  let days = raw / perDay;
  let rest = raw % perDay;
  if (rest < 0n) {
    rest += perDay;
    days -= 1n;
  }
  const { y, m, d } = civil(days);
  const year = y >= 0n && y <= 9999n ? pad(y, 4) : `${y < 0n ? '-' : '+'}${pad(y < 0n ? -y : y, 6)}`;
  const zone = timezone ? (timezone === 'UTC' || timezone === '+00:00' ? 'Z' : ` ${timezone}`) : '';
  return `${year}-${pad(m, 2)}-${pad(d, 2)} ${clock(rest, perSecond)}${zone}`;
}

const pad = (v: bigint, n: number) => v.toString().padStart(n, '0');

/** "HH:MM:SS" and the fraction of a second without trailing zeros, from a time within a day. */
function clock(rest: bigint, perSecond: bigint): string {
  const seconds = rest / perSecond;
  const fraction = rest % perSecond;
  const frac = fraction === 0n ? '' : `.${pad(fraction, perSecond.toString().length - 1).replace(/0+$/, '')}`;
  return `${pad(seconds / 3600n, 2)}:${pad((seconds / 60n) % 60n, 2)}:${pad(seconds % 60n, 2)}${frac}`;
}

/** Time of day from its raw value in its unit: "13:45:07.25". */
export function formatTimeOfDay(raw: bigint, unit: number): string {
  return clock(raw, PER_SECOND[unit] ?? 1000n);
}

/** A duration from its raw value in its unit: "-1d 02:03:04.5", or "02:03:04.5" under a day. */
export function formatDuration(raw: bigint, unit: number): string {
  const perSecond = PER_SECOND[unit] ?? 1000n;
  const sign = raw < 0n ? '-' : '';
  const abs = raw < 0n ? -raw : raw;
  const perDay = 86400n * perSecond;
  const days = abs / perDay;
  return `${sign}${days ? `${days}d ` : ''}${clock(abs % perDay, perSecond)}`;
}

/** A date from milliseconds since the epoch (apache-arrow's value for both date units): "2024-02-29". */
export function formatDate(ms: number): string {
  return formatTimestamp(BigInt(Math.floor(ms / 86_400_000)) * 86_400n, 0).split(' ')[0];
}
