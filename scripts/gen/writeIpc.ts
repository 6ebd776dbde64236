import { open } from 'node:fs/promises';
import { Footer, FileBlock } from '../../src/adapters/apacheArrowInternals';
import { MetadataVersion, type Schema } from 'apache-arrow';
import type { EncodedMessages } from './ipcMessages';

const EOS = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);
const FILE_MAGIC = new TextEncoder().encode('ARROW1');

/**
 * Writes `copies` repetitions of the encoded batches as one IPC stream or file. Only the encoded
 * messages are held in memory, so the output can be any size.
 */
export async function writeIpc(path: string, schema: Schema, messages: EncodedMessages, copies: number, format: 'stream' | 'file'): Promise<number> {
  const handle = await open(path, 'w');
  let position = 0;
  const write = async (bytes: Uint8Array) => {
    await handle.write(bytes, 0, bytes.length, position);
    position += bytes.length;
  };
  const blocks: FileBlock[] = [];
  try {
    if (format === 'file') await write(new Uint8Array([...FILE_MAGIC, 0, 0]));
    await write(messages.schema);
    for (let c = 0; c < copies; c++) {
      for (const batch of messages.batches) {
        blocks.push(new FileBlock(batch.metadataLength, batch.bodyLength, position));
        await write(batch.bytes);
      }
    }
    await write(EOS);
    if (format === 'file') {
      const footer = Footer.encode(new Footer(schema, MetadataVersion.V5, blocks, []));
      await write(footer);
      const tail = new Uint8Array(4);
      new DataView(tail.buffer).setInt32(0, footer.length, true);
      await write(tail);
      await write(FILE_MAGIC);
    }
  } finally {
    await handle.close();
  }
  return position;
}
