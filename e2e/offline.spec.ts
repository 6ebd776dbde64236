import { expect, test } from '@playwright/test';

test('After one visit the app works offline and opens files', async ({ page, context }) => {
  await page.goto('./');
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    return registration.active?.state;
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Open sample' })).toBeVisible();
  await page.getByRole('button', { name: 'Open sample' }).click();
  await expect(page.getByTestId('overview')).toContainText('4,000');
  await page.getByTestId('file-input').setInputFiles('public/sample.arrow');
  await expect(page.getByRole('tab', { name: 'sample.arrow' })).toHaveCount(2);
  await context.setOffline(false);
});
