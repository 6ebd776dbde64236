/** A comparable text form of any value apache-arrow's Vector.get returns. */
export function show(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (typeof v === 'bigint') return `${v}n`;
    if (v instanceof Uint8Array) return `bytes:${Buffer.from(v).toString('hex')}`;
    if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<unknown>, (x) => (typeof x === 'bigint' ? `${x}n` : x));
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    if (v && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') return v;
    return v;
  });
}
