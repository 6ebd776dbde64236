/** A count as people read it: 1,000,000. */
export const n = (x: number): string => x.toLocaleString('en-US');
