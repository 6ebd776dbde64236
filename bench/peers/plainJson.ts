/** JSON text of a row, with 64-bit integers as decimal strings (JSON has no bigint). */
export function plainJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
}
