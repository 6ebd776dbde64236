import type { Page } from '@playwright/test';

/** Clicks the unique count's Cancel and times it in the page: from the click to the first frame without the progress meter. */
export function cancelCountMs(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Cancel');
        if (!button) return reject(new Error('no Cancel button'));
        const clicked = performance.now();
        const watch = () => (document.querySelector('[data-testid="unique-progress"]') ? requestAnimationFrame(watch) : resolve(performance.now() - clicked));
        button.click();
        requestAnimationFrame(watch);
      }),
  );
}
