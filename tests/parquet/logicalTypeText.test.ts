import { describe, expect, it } from 'vitest';
import type { SchemaElement } from 'hyparquet';
import { parquetFieldInfo } from '../../src/parquet/parquetFields';

/**
 * The Parquet type text of a field (shown for nested fields and in the CLI's JSON): a logical type's
 * parameters the file leaves out are not written as "undefined" (GEOMETRY(crs=undefined) for the
 * geospatial files of parquet-testing), and a decimal known by its converted type alone keeps its
 * precision and scale, as its logical type would give them.
 */
const elements = (e: Partial<SchemaElement>): SchemaElement[] => [{ name: 'schema', num_children: 1 }, { name: 'x', repetition_type: 'OPTIONAL', ...e } as SchemaElement];
const typeOf = (e: Partial<SchemaElement>) => parquetFieldInfo(elements(e)).children[0].type;

describe('Parquet type text', () => {
  it('leaves out parameters the file does not give', () => {
    expect(typeOf({ type: 'BYTE_ARRAY', logical_type: { type: 'GEOMETRY', crs: undefined } as never })).toBe('GEOMETRY / BYTE_ARRAY');
    expect(typeOf({ type: 'BYTE_ARRAY', logical_type: { type: 'GEOMETRY', crs: 'OGC:CRS84' } as never })).toBe('GEOMETRY(crs=OGC:CRS84) / BYTE_ARRAY');
  });

  it('writes a converted-type decimal with its precision and scale, as the logical type does', () => {
    const converted = typeOf({ type: 'INT32', converted_type: 'DECIMAL', precision: 9, scale: 2 });
    const logical = typeOf({ type: 'INT32', logical_type: { type: 'DECIMAL', precision: 9, scale: 2 } });
    expect(converted).toBe('DECIMAL(precision=9, scale=2) / INT32');
    expect(converted).toBe(logical);
  });
});
