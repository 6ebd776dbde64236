import type { Field } from 'apache-arrow';
import type { DatasetProblem } from '../model/errors';
import { REGISTERED_EXTENSIONS, fieldExtension, registeredExtension, typeName } from '../valueText';
import { MAX_VALUE_DEPTH } from './columnLayout';

/**
 * A note per field, at any depth, that declares an extension type pyarrow registers (arrow.uuid,
 * arrow.bool8…) on a storage type or with parameters that type does not allow: pyarrow refuses the
 * whole file, where the values are shown here as their storage type, as written.
 */
export function rejectedExtensions(fields: readonly Field[]): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const stack: [Field, string, string, number][] = fields.map((f) => [f, f.name, f.name, 1]);
  stack.reverse();
  while (stack.length) {
    const [field, column, path, depth] = stack.pop()!;
    const name = fieldExtension(field);
    if (name && REGISTERED_EXTENSIONS.has(name) && registeredExtension(field, (t) => typeName(t)) === undefined) {
      const storage = typeName(field.type);
      problems.push({
        message: `Column "${column}"${path === column ? '' : ` (its field "${path}")`} declares the extension type ${name}, which its storage type ${storage} or its parameters do not fit: its values are shown as ${storage}, as stored.`,
        where: { column },
        stillWorks: 'pyarrow refuses to read a file with such a field; every value is shown here as written.',
      });
    }
    if (depth >= MAX_VALUE_DEPTH) continue;
    const children = (field.type.children ?? []) as Field[];
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], column, `${path}.${children[i].name}`, depth + 1]);
  }
  return problems;
}
