import { Type, type DataType, type Field } from 'apache-arrow';

/** Field metadata keys of an extension type: its name and its serialized parameters. */
export const EXTENSION_KEY = 'ARROW:extension:name';
const METADATA_KEY = 'ARROW:extension:metadata';

/** The extension types pyarrow registers (canonical ones): a file declaring one on a storage type or parameters it rejects, pyarrow refuses. */
export const REGISTERED_EXTENSIONS: ReadonlySet<string> = new Set(['arrow.uuid', 'arrow.bool8', 'arrow.json', 'arrow.fixed_shape_tensor', 'arrow.variable_shape_tensor', 'arrow.opaque']);

/** The extension name a field declares in its metadata, if any. */
export function fieldExtension(field: Field): string | undefined {
  return field.metadata?.get(EXTENSION_KEY) ?? undefined;
}

/**
 * What pyarrow prints inside "extension<…>" for the extension type `field` declares, when it is one
 * pyarrow registers and its storage type and metadata are ones pyarrow accepts: "arrow.uuid",
 * "arrow.fixed_shape_tensor[value_type=int32, shape=[2,3]]". Undefined otherwise: pyarrow shows an
 * unregistered extension by its storage type, and refuses a file whose registered extension has a
 * storage type or metadata it rejects (shown here by the storage type too, as the bytes allow).
 * `typeText` names a type (the value type inside a tensor's parameters).
 */
export function registeredExtension(field: Field, typeText: (type: DataType) => string): string | undefined {
  const name = fieldExtension(field);
  if (!name) return undefined;
  const metadata = field.metadata.get(METADATA_KEY) ?? '';
  const type = field.type as DataType & { byteWidth?: number; bitWidth?: number; isSigned?: boolean; listSize?: number };
  switch (name) {
    case 'arrow.uuid':
      return type.typeId === Type.FixedSizeBinary && type.byteWidth === 16 && metadata === '' ? name : undefined;
    case 'arrow.bool8':
      return type.typeId === Type.Int && type.bitWidth === 8 && type.isSigned && metadata === '' ? name : undefined;
    case 'arrow.json':
      return type.typeId === Type.Utf8 || type.typeId === Type.LargeUtf8 || type.typeId === Type.Utf8View ? name : undefined;
    case 'arrow.fixed_shape_tensor':
      return fixedShapeTensor(type, parseObject(metadata), typeText);
    case 'arrow.variable_shape_tensor':
      return variableShapeTensor(type, parseObject(metadata), typeText);
    case 'arrow.opaque':
      return opaque(type, parseObject(metadata), typeText);
    default:
      return undefined;
  }
}

type Json = Record<string, unknown>;

function parseObject(text: string): Json | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
  } catch {
    return null;
  }
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * The optional `permutation` and `dim_names` of a tensor of `ndim` dimensions as pyarrow prints them
 * (", permutation=[1,0], dim_names=[C,H]"; an empty list is not printed), or null when invalid.
 */
function tensorLabels(meta: Json, ndim: number): string | null {
  let text = '';
  const { permutation, dim_names: dimNames } = meta;
  if (permutation !== undefined) {
    if (!Array.isArray(permutation) || permutation.length !== ndim || !permutation.every(isCount)) return null;
    if (new Set(permutation).size !== ndim || permutation.some((p) => p >= ndim)) return null;
    if (ndim > 0) text += `, permutation=[${permutation.join(',')}]`;
  }
  if (dimNames !== undefined) {
    if (!Array.isArray(dimNames) || dimNames.length !== ndim || !dimNames.every((n) => typeof n === 'string')) return null;
    if (ndim > 0) text += `, dim_names=[${dimNames.join(',')}]`;
  }
  return text;
}

function fixedShapeTensor(type: DataType & { listSize?: number }, meta: Json | null, typeText: (type: DataType) => string): string | undefined {
  if (!meta || type.typeId !== Type.FixedSizeList) return undefined;
  const shape = meta.shape;
  if (!Array.isArray(shape) || !shape.every(isCount)) return undefined;
  if (shape.reduce((p: number, d: number) => p * d, 1) !== type.listSize) return undefined;
  const labels = tensorLabels(meta, shape.length);
  if (labels === null) return undefined;
  return `arrow.fixed_shape_tensor[value_type=${typeText(type.children[0].type)}, shape=[${shape.join(',')}]${labels}]`;
}

/** Storage struct<data: list<value_type>, shape: fixed_size_list<int32>[ndim]> (fields by position). */
function variableShapeTensor(type: DataType, meta: Json | null, typeText: (type: DataType) => string): string | undefined {
  if (!meta || type.typeId !== Type.Struct || type.children.length !== 2) return undefined;
  const [data, shape] = type.children.map((f) => f.type as DataType & { listSize?: number });
  if (data.typeId !== Type.List || shape.typeId !== Type.FixedSizeList) return undefined;
  const dimension = shape.children[0].type as DataType & { bitWidth?: number; isSigned?: boolean };
  if (dimension.typeId !== Type.Int || dimension.bitWidth !== 32 || !dimension.isSigned) return undefined;
  const ndim = shape.listSize!;
  const labels = tensorLabels(meta, ndim);
  if (labels === null) return undefined;
  let uniform = '';
  const uniformShape = meta.uniform_shape;
  if (uniformShape !== undefined) {
    if (!Array.isArray(uniformShape) || uniformShape.length !== ndim || !uniformShape.every((d) => d === null || isCount(d))) return undefined;
    if (ndim > 0) uniform = `, uniform_shape=[${uniformShape.map((d) => (d === null ? 'null' : d)).join(',')}]`;
  }
  return `arrow.variable_shape_tensor[value_type=${typeText(data.children[0].type)}, ndim=${ndim}${labels}${uniform}]`;
}

function opaque(type: DataType, meta: Json | null, typeText: (type: DataType) => string): string | undefined {
  if (!meta || typeof meta.type_name !== 'string' || typeof meta.vendor_name !== 'string') return undefined;
  return `arrow.opaque[storage_type=${typeText(type)}, type_name=${meta.type_name}, vendor_name=${meta.vendor_name}]`;
}
