import { Binary, BinaryView, LargeBinary, Type, type Data } from 'apache-arrow';

/**
 * A string column's data read as its bytes (the binary type of the same layout: string as binary,
 * large_string as large_binary, string_view as binary_view), so that text that is not UTF-8 keeps what
 * it holds instead of being decoded and encoded again; any other data as it is.
 */
export function bytesData(data: Data): Data {
  switch (data.type.typeId) {
    case Type.Utf8:
      return data.clone(new Binary());
    case Type.LargeUtf8:
      return data.clone(new LargeBinary());
    case Type.Utf8View:
      return data.clone(new BinaryView());
    default:
      return data;
  }
}
