/**
 * The one door to hyparquet-writer's internal modules (its Thrift footer writer and Thrift serializer). Pinned exactly;
 * tests/adapters/hyparquetWriterInternals.test.ts round-trips a footer through hyparquet.
 */
export { ByteWriter } from 'hyparquet-writer/src/bytewriter.js';
export { writeMetadata } from 'hyparquet-writer/src/metadata.js';
export { serializeTCompactProtocol } from 'hyparquet-writer/src/thrift.js';
