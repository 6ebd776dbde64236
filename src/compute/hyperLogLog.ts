/** HyperLogLog distinct-count estimate (2^12 registers, ~1.6% standard error) over 32-bit hashes. */
export class HyperLogLog {
  private static readonly P = 12;
  readonly registers = new Uint8Array(1 << HyperLogLog.P);

  add(hash32: number): void {
    // Mix first: FNV-1a's low bits are weak for short keys.
    let h = Math.imul(hash32 ^ (hash32 >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h = (h ^ (h >>> 16)) >>> 0;
    const index = h >>> (32 - HyperLogLog.P);
    const rest = (h << HyperLogLog.P) | (1 << (HyperLogLog.P - 1));
    const rank = Math.clz32(rest) + 1;
    if (rank > this.registers[index]) this.registers[index] = rank;
  }

  merge(other: Uint8Array): void {
    for (let i = 0; i < this.registers.length; i++) if (other[i] > this.registers[i]) this.registers[i] = other[i];
  }

  estimate(): number {
    const m = this.registers.length;
    let sum = 0;
    let zeros = 0;
    for (const r of this.registers) {
      sum += 2 ** -r;
      if (r === 0) zeros++;
    }
    const raw = (0.7213 / (1 + 1.079 / m)) * m * m / sum;
    return raw <= 2.5 * m && zeros > 0 ? m * Math.log(m / zeros) : raw;
  }
}
