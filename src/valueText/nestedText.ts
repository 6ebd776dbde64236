import { BUILD_LIMIT } from './stringText';

/**
 * Builders of list, struct and map text. Items are already in their nested form (strings quoted,
 * null as "null"). They stop once past BUILD_LIMIT: the top level cuts at NESTED_LIMIT anyway.
 */

export function listText(start: number, end: number, item: (j: number) => string | null): string {
  let out = '[';
  for (let j = start; j < end; j++) {
    if (j > start) out += ', ';
    out += item(j) ?? 'null';
    if (out.length > BUILD_LIMIT) break;
  }
  return `${out}]`;
}

export function structText(names: readonly string[], item: (k: number) => string | null): string {
  let out = '{';
  for (let k = 0; k < names.length; k++) {
    if (k > 0) out += ', ';
    out += `${names[k]}: ${item(k) ?? 'null'}`;
    if (out.length > BUILD_LIMIT) break;
  }
  return `${out}}`;
}

export function mapText(start: number, end: number, key: (j: number) => string | null, value: (j: number) => string | null): string {
  let out = '{';
  for (let j = start; j < end; j++) {
    if (j > start) out += ', ';
    out += `${key(j) ?? 'null'}: ${value(j) ?? 'null'}`;
    if (out.length > BUILD_LIMIT) break;
  }
  return `${out}}`;
}
