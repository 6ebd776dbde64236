import { expect, test, type Locator, type Page } from '@playwright/test';
import { SAMPLE, grouped, openSampleData, scan } from './sample';

/**
 * The grid writes each row's cells in place (src/ui/rowCells.ts): after steps, horizontal scrolls,
 * moved and hidden columns, every cell drawn must still be its row's and column's value, in column
 * order, against a plain read of public/sample.arrow with apache-arrow.
 */

/**
 * Every drawn cell that is not its row's and column's value (string columns; numbers are formatted), or out of column order;
 * `fileRowOf`: the file row a grid row shows (a filtered view's match).
 */
async function wrongCells(grid: Locator, fileRowOf = (row: number) => row): Promise<string[]> {
  const drawn = await grid.evaluate((el) => {
    const names = new Map([...el.querySelectorAll('[role=columnheader][aria-colindex]')].map((h) => [h.getAttribute('aria-colindex'), (h.getAttribute('title') ?? '').split(':')[0]]));
    return [...el.querySelectorAll('.dg-canvas [role=row]')].map((r) => ({
      row: Number(r.getAttribute('aria-rowindex')) - 1,
      label: r.querySelector('[role=rowheader]')?.textContent,
      cells: [...r.querySelectorAll('[role=gridcell]')].map((c) => ({ col: Number(c.getAttribute('aria-colindex')), name: names.get(c.getAttribute('aria-colindex')), text: c.textContent, nullMark: c.querySelector('.null-mark') !== null })),
    }));
  });
  const wrong: string[] = [];
  if (drawn.length < 10) wrong.push(`only ${drawn.length} rows drawn`);
  for (const { row, label, cells } of drawn) {
    if (label !== grouped(fileRowOf(row))) wrong.push(`row ${row} labelled ${label}`);
    cells.forEach((c, i) => {
      if (i > 0 && c.col !== cells[i - 1].col + 1) wrong.push(`row ${row}: column ${c.col} after ${cells[i - 1].col}`);
      const value = c.name === undefined ? undefined : SAMPLE[fileRowOf(row)][c.name];
      if (c.name === undefined) wrong.push(`row ${row}: no header for column ${c.col}`);
      else if (value === null) {
        if (!c.nullMark || c.text !== 'null') wrong.push(`row ${row} ${c.name}: '${c.text}' for null`);
      } else if (typeof value === 'string' && (c.text !== value || c.nullMark)) wrong.push(`row ${row} ${c.name}: '${c.text}' for '${value}'`);
    });
  }
  return wrong;
}

async function goTo(page: Page, row: number) {
  await page.getByTestId('goto').fill(String(row));
  await page.getByTestId('goto').press('Enter');
  await expect(page.getByTestId('grid-status')).toContainText(`Row ${grouped(row)} of 4,000`);
}

test('Cells drawn in place show their row and column after steps, horizontal scrolls, moved and hidden columns', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 700 });
  await openSampleData(page);
  const grid = page.getByTestId('grid');
  await expect(grid.locator('.dg-row').first().locator('.dg-rownum')).toHaveText('0');
  await expect.poll(() => wrongCells(grid)).toEqual([]);
  for (const row of [2000, 2064, 2128, 1990, 37]) {
    await goTo(page, row);
    await expect.poll(() => wrongCells(grid)).toEqual([]);
  }
  // Scrolled right: cells of the columns that left are reused for those that came in.
  for (const left of [700, 1600, 300, 0]) {
    await grid.evaluate((el, x) => (el.scrollLeft = x), left);
    await expect.poll(() => wrongCells(grid)).toEqual([]);
  }
  await page.getByText('Columns', { exact: true }).click();
  await page.getByRole('button', { name: 'Move cand_nm left' }).click();
  await expect(grid.getByRole('columnheader').nth(2)).toContainText('cand_nm');
  await expect.poll(() => wrongCells(grid)).toEqual([]);
  await page.getByRole('checkbox', { name: 'Show cand_id' }).uncheck();
  await expect(grid.getByRole('columnheader').nth(3)).not.toContainText('cand_id');
  await expect.poll(() => wrongCells(grid)).toEqual([]);
});

test('The cursor cell is the active descendant after a go to, and a hovered value never keeps the title of the value before a step', async ({ page }) => {
  await openSampleData(page);
  const grid = page.getByTestId('grid');
  await expect(grid.locator('.dg-row').first().locator('.dg-rownum')).toHaveText('0');
  await goTo(page, 1500);
  const active = async () => {
    const id = await grid.getAttribute('aria-activedescendant');
    return id ? page.locator(`[id="${id}"]`).evaluate((c) => [c.className.includes('selected'), c.textContent]) : null;
  };
  await expect.poll(active).toEqual([true, String(SAMPLE[1500].cmte_id)]);

  const cell = grid.locator('[aria-rowindex="1502"]').getByRole('gridcell').nth(2);
  await cell.hover();
  await expect(cell).toHaveAttribute('title', String(SAMPLE[1501].cand_nm));
  // The pointer stays over the same place while a go to writes other rows into the same elements.
  const element = await cell.elementHandle();
  await goTo(page, 2500);
  await expect.poll(active).toEqual([true, String(SAMPLE[2500].cmte_id)]);
  const [connected, text, title] = await element!.evaluate((c) => [c.isConnected, c.textContent, c.getAttribute('title')]);
  expect(connected).toBe(true);
  expect(text).not.toBe(String(SAMPLE[1501].cand_nm));
  expect(title === null || title === text).toBe(true);
});

test('A go to rewrites the row numbers and cells in place: their text nodes and null marks are kept, and show the right values', async ({ page }) => {
  // Wide enough for every column: memo_cd and memo_text, mostly null, have values here and there.
  await page.setViewportSize({ width: 2400, height: 700 });
  await openSampleData(page);
  const grid = page.getByTestId('grid');
  await goTo(page, 2000);
  await expect.poll(() => wrongCells(grid)).toEqual([]);
  // Per row element (in DOM order): its row number's text node, and per cell its text node or null mark.
  const nodes = () =>
    grid.evaluate((el) => {
      const w = window as unknown as { __nodes?: Node[][] };
      const now = [...el.querySelectorAll('.dg-canvas [role=row]')].map((r) => [r.querySelector('[role=rowheader]')!.firstChild!, ...[...r.querySelectorAll('[role=gridcell]')].map((c) => c.firstChild!)]);
      const before = w.__nodes;
      w.__nodes = now;
      if (!before) return null;
      let rownums = 0;
      let nulls = 0;
      let keptNulls = 0;
      now.forEach((row, i) => {
        if (row[0] === before[i]?.[0]) rownums++;
        row.slice(1).forEach((n, j) => {
          if (n.nodeName !== 'SPAN') return;
          nulls++;
          if (n === before[i]?.[j + 1]) keptNulls++;
        });
      });
      return { rows: now.length, rownums, nulls, keptNulls };
    });
  await nodes();
  // Another 64 rows (other values and other nulls), then back: the same elements show row 2000 again.
  await goTo(page, 2064);
  await expect.poll(() => wrongCells(grid)).toEqual([]);
  const changed = await grid.evaluate(() => {
    const w = window as unknown as { __nodes: Node[][] };
    return w.__nodes.flat().filter((n) => n.nodeName === 'SPAN' && !n.isConnected).length;
  });
  // Some cells null at row 2000's place showed a value at 2064's (their marks left the page).
  expect(changed).toBeGreaterThan(0);
  await goTo(page, 2000);
  await expect.poll(() => wrongCells(grid)).toEqual([]);
  const kept = await nodes();
  expect(kept!.rownums).toBe(kept!.rows);
  expect(kept!.nulls).toBeGreaterThan(0);
  expect(kept!.keptNulls).toBe(kept!.nulls);
});

/** In the page before the app: every `rows` request the engine worker is sent (start, count, key with the tab's suffix), and which were answered. */
const RECORD_ROWS = `(() => {
  const sent = (window.__rows = []);
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (data, ...rest) {
    if (data && data.type === 'APPLY' && data.path && data.path[0] === 'rows') {
      const a = data.argumentList.map((x) => x && x.value);
      sent.push({ id: data.id, start: a[1], count: a[2], key: a[4], answered: false });
    }
    return post.call(this, data, ...rest);
  };
  const listen = Worker.prototype.addEventListener;
  Worker.prototype.addEventListener = function (type, fn, ...rest) {
    if (type !== 'message') return listen.call(this, type, fn, ...rest);
    return listen.call(this, type, (e) => {
      const r = sent.find((s) => s.id === (e.data && e.data.id));
      if (r) r.answered = true;
      return typeof fn === 'function' ? fn(e) : fn.handleEvent(e);
    }, ...rest);
  };
})()`;

type RowsAsked = { start: number; count: number; key: string; answered: boolean };

test('After a step the grid reads the next rows ahead, and a 64-row step into them (down, then up) asks the worker nothing and shows the right cells', async ({ page }) => {
  await page.addInitScript(RECORD_ROWS);
  await page.setViewportSize({ width: 900, height: 700 });
  await openSampleData(page);
  const grid = page.getByTestId('grid');
  const asked = () => page.evaluate(() => (window as unknown as { __rows: RowsAsked[] }).__rows);
  /** Waits until a read-ahead reaching `row` has been answered; the grid's own reads since `since`. */
  const readAheadTo = (row: number) => expect.poll(async () => (await asked()).some((r) => r.key.startsWith('grid:ahead') && r.answered && r.start <= row && row < r.start + r.count)).toBe(true);
  const gridReads = async (since: number) => (await asked()).slice(since).filter((r) => /^grid(@|$)/.test(r.key));

  await goTo(page, 2000);
  await expect.poll(() => wrongCells(grid)).toEqual([]);
  for (const row of [2064, 2128, 2192]) {
    // The rows a step of 64 shows past the window, read ahead once the grid is idle.
    await readAheadTo(row + 40);
    const before = (await asked()).length;
    await goTo(page, row);
    await expect.poll(() => wrongCells(grid)).toEqual([]);
    expect(await gridReads(before)).toEqual([]);
  }

  // Up: the first step up reads; once moving up, the rows above are read ahead.
  await goTo(page, 3000);
  await goTo(page, 2936);
  await expect.poll(() => wrongCells(grid)).toEqual([]);
  for (const row of [2872, 2808]) {
    await readAheadTo(row - 20);
    const before = (await asked()).length;
    await goTo(page, row);
    await expect.poll(() => wrongCells(grid)).toEqual([]);
    expect(await gridReads(before)).toEqual([]);
  }
  // Bounded: never more than the two blocks beside the window at a time.
  expect(Math.max(...(await asked()).filter((r) => r.key.startsWith('grid:ahead')).map((r) => r.count))).toBeLessThanOrEqual(128);
});

test('A filtered view reads ahead too: scrolled 64 rows down, then up, into rows read ahead, it asks the worker nothing and shows the matches in order', async ({ page }) => {
  await page.addInitScript(RECORD_ROWS);
  await page.setViewportSize({ width: 900, height: 700 });
  await openSampleData(page);
  const matches = scan((r) => r.cand_nm === 'Obama, Barack');
  expect(matches.length).toBe(2372);
  await page.getByTestId('filter-text').fill("cand_nm = 'Obama, Barack'");
  await page.getByTestId('filter-text').press('Enter');
  await expect(page.getByTestId('filter-status')).toContainText('2,372 matching rows of 4,000 — 100% scanned');
  const grid = page.getByTestId('grid');
  const asked = () => page.evaluate(() => (window as unknown as { __rows: RowsAsked[] }).__rows);
  const fileRowOf = (row: number) => matches[row];
  const scrollTo = (row: number) => grid.evaluate((el, top) => (el.scrollTop = top), row * 24); // DataGrid's ROW_H
  const readAheadTo = (row: number) => expect.poll(async () => (await asked()).some((r) => r.key.startsWith('grid:ahead') && r.answered && r.start <= row && row < r.start + r.count)).toBe(true);
  const gridReads = async (since: number) => (await asked()).slice(since).filter((r) => /^grid(@|$)/.test(r.key));

  /** Scrolls `row` to the top once the rows down to `ahead` are read ahead: no read of the grid's own, the right matches. */
  const stepInto = async (row: number, ahead: number) => {
    await readAheadTo(ahead);
    const before = (await asked()).length;
    await scrollTo(row);
    await expect(grid.locator(`[aria-rowindex="${row + 1}"] .dg-rownum`)).toHaveText(grouped(matches[row]));
    await expect.poll(() => wrongCells(grid, fileRowOf)).toEqual([]);
    expect(await gridReads(before)).toEqual([]);
  };

  await scrollTo(1000);
  await expect.poll(() => wrongCells(grid, fileRowOf)).toEqual([]);
  for (const row of [1064, 1128]) await stepInto(row, row + 20);
  // Moving up: the rows above are read ahead.
  for (const row of [1096, 1064, 1000]) {
    await scrollTo(row);
    await expect.poll(() => wrongCells(grid, fileRowOf)).toEqual([]);
  }
  for (const row of [936, 872]) await stepInto(row, row - 8);
});
