/**
 * Splits a count of ticks since the epoch into whole days and the ticks within the day (always
 * >= 0), exactly for any int64: plain numbers while the count is a safe integer, BigInt beyond.
 */
export function splitDays(raw: bigint | number, ticksPerDay: number): [days: number, rest: number] {
  if (typeof raw === 'number' || (raw >= -9007199254740991n && raw <= 9007199254740991n)) {
    const n = Number(raw);
    let days = Math.floor(n / ticksPerDay);
    let rest = n - days * ticksPerDay;
    // The float division can land one day off next to a day boundary.
    if (rest < 0) {
      days--;
      rest += ticksPerDay;
    } else if (rest >= ticksPerDay) {
      days++;
      rest -= ticksPerDay;
    }
    return [days, rest];
  }
  const per = BigInt(ticksPerDay);
  let days = raw / per;
  let rest = raw % per;
  if (rest < 0n) {
    days -= 1n;
    rest += per;
  }
  return [Number(days), Number(rest)];
}
