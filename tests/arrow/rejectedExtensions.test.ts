import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRowWindow } from '../../src/compute/rowWindow';
import { openDataset } from '../../src/dataset/openDataset';
import { NodeFileSource } from '../../src/source/nodeFileSource';

/**
 * fixtures/rejected_extensions.arrows (write_rejected_extensions.py): fields declaring an extension type
 * pyarrow registers on a storage type or with parameters it rejects. pyarrow refuses the whole file; here
 * each such field gets a note, and its values show as their storage type, as written.
 */
describe('registered extension types on storage they do not allow', () => {
  it('a note per such field (nested ones too), the values as stored, and a valid one still shown as its extension', async () => {
    const ds = await openDataset(await NodeFileSource.open(join(__dirname, 'fixtures/rejected_extensions.arrows')));
    try {
      expect(ds.fields.map((f) => f.type)).toEqual(['fixed_size_binary[8]', 'uint8', 'struct<u: fixed_size_binary[4]>', 'fixed_size_list<item: int32>[4]', 'extension<arrow.uuid>']);
      expect(ds.problems.map((p) => [p.message, p.where.column])).toEqual([
        ['Column "short_uuid" declares the extension type arrow.uuid, which its storage type fixed_size_binary[8] or its parameters do not fit: its values are shown as fixed_size_binary[8], as stored.', 'short_uuid'],
        ['Column "bool8" declares the extension type arrow.bool8, which its storage type uint8 or its parameters do not fit: its values are shown as uint8, as stored.', 'bool8'],
        ['Column "record" (its field "record.u") declares the extension type arrow.uuid, which its storage type fixed_size_binary[4] or its parameters do not fit: its values are shown as fixed_size_binary[4], as stored.', 'record'],
        ['Column "tensor" declares the extension type arrow.fixed_shape_tensor, which its storage type fixed_size_list<item: int32>[4] or its parameters do not fit: its values are shown as fixed_size_list<item: int32>[4], as stored.', 'tensor'],
      ]);
      expect(ds.problems.every((p) => p.stillWorks?.startsWith('pyarrow refuses to read a file with such a field'))).toBe(true);
      const window = await readRowWindow(ds, 0, 3, [0, 1, 2, 3, 4]);
      expect(window.columns).toEqual([
        ['12345678', null, '\\x00\\xff\\x00\\xff\\x00\\xff\\x00\\xff'],
        ['0', '1', '2'],
        ['{u: "0123"}', null, '{u: null}'],
        ['[1, 2, 3, 4]', null, '[5, 6, 7, 8]'],
        ['30313233-3435-3637-3839-616263646566', null, '00000000-0000-0000-0000-000000000000'],
      ]);
    } finally {
      await ds.close();
    }
  });
});
