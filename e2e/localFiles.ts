import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** The built-in sample's bytes, as the plain array a page script can receive. */
export const sampleBytes = (): number[] => [...readFileSync('public/sample.arrow')];

/**
 * Makes showOpenFilePicker answer with a real FileSystemFileHandle (origin private file system, so it can
 * be kept in IndexedDB) holding `bytes` under `name`. Call before page.goto.
 */
export async function stubFilePicker(page: Page, name: string, bytes: number[]): Promise<void> {
  await page.addInitScript(
    ({ name, data }) => {
      (window as unknown as { showOpenFilePicker: unknown }).showOpenFilePicker = async () => {
        const root = await navigator.storage.getDirectory();
        const handle = await root.getFileHandle(name, { create: true });
        const writable = await handle.createWritable();
        await writable.write(new Uint8Array(data));
        await writable.close();
        return [handle];
      };
    },
    { name, data: bytes },
  );
}

/** Drops a file named `name` holding `bytes` on the app, as a drag from the desktop would (no handle). */
export async function dropFile(page: Page, name: string, bytes: number[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, data }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], name));
      return dt;
    },
    { name, data: bytes },
  );
  await page.getByTestId('app').dispatchEvent('drop', { dataTransfer });
}
