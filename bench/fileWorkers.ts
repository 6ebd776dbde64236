import { chromium, type Browser, type Page } from '@playwright/test';

/**
 * A blank Chromium page holding `path` as a File and `count` workers started from `workerSource`,
 * each given the File (its first message, `{ file }`, answered once). The page has `window.workers`
 * and `window.ask(worker, message)` (a promise of the worker's next answer).
 */
export async function fileWorkersPage(path: string, workerSource: string, count: number): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'], headless: true });
  const page = await browser.newPage();
  await page.setContent('<input type="file" id="f">');
  await page.locator('#f').setInputFiles(path);
  await page.evaluate(`(() => {
  const file = document.getElementById('f').files[0];
  const url = URL.createObjectURL(new Blob([${JSON.stringify(workerSource)}], { type: 'text/javascript' }));
  window.workers = Array.from({ length: ${count} }, () => new Worker(url));
  window.ask = (w, msg) => new Promise((res) => { w.onmessage = (e) => res(e.data); w.postMessage(msg); });
  return Promise.all(window.workers.map((w) => window.ask(w, { file })));
})()`);
  return { browser, page };
}
