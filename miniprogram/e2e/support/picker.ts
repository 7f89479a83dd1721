import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Rows per drag: the pointer stays on the 7-row column, whose `mouseleave` would end the drag. */
const MAX_ROWS_PER_DRAG = 3;
const MAX_DRAGS = 40;

/**
 * Rows between the item under a column's indicator and the nearest item labelled `wanted` (positive: the
 * items must move down). Taro's H5 picker (WeUI) shifts the items by `translate3d`; item i is under the
 * indicator, the 4th of 7 rows, when they are shifted by 3 - i rows.
 */
const rowsTo = (column: Locator, wanted: string): Promise<{ rows: number; rowHeight: number }> =>
  column.evaluate((group, label) => {
    const content = group.querySelector<HTMLElement>('.weui-picker__content')!;
    const items = Array.from(group.querySelectorAll<HTMLElement>('.weui-picker__item'));
    const rowHeight = items[0]!.offsetHeight;
    const shift = Number(/translate3d\([^,]*,\s*(-?[\d.]+)px/.exec(content.style.transform)?.[1]);
    const selected = Math.round(3 - shift / rowHeight);
    const matches = items.flatMap((item, i) => (item.textContent === label ? [i] : []));
    if (matches.length === 0) throw new Error(`no "${label}" in the picker column`);
    // A time column repeats 4 items at each end to scroll round, and jumps to the other end when a drag
    // reaches them: aim at the copies in between (a column without repeats has one match anyway).
    const inner = matches.filter((i) => i >= 4 && i < items.length - 4);
    const target = (inner.length > 0 ? inner : matches).reduce((a, b) =>
      Math.abs(b - selected) < Math.abs(a - selected) ? b : a,
    );
    return { rows: selected - target, rowHeight };
  }, wanted);

/**
 * Sets a Taro H5 picker the way a finger does: taps `field`, drags each column until its `labels[i]`
 * sits under the indicator, then taps 确定. Labels are the column's own texts, e.g. `['2026年', '11月',
 * '22日']` or `['09', '30']`.
 */
export async function choose(page: Page, field: Locator, labels: readonly string[]): Promise<void> {
  await field.click();
  // Every picker keeps its sheet in <body>, hidden while closed.
  const sheet = page.locator('.weui-picker__overlay:not([style*="display: none"]) .weui-picker');
  await sheet.waitFor();
  // It slides up: a drag measured while it moves would start off the column.
  await sheet.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
  for (const [index, label] of labels.entries()) {
    const column = sheet.locator('.weui-picker__group').nth(index);
    for (let drag = 0; ; drag += 1) {
      const { rows, rowHeight } = await rowsTo(column, label);
      if (rows === 0) break;
      if (drag === MAX_DRAGS) throw new Error(`picker column ${index} did not reach "${label}"`);
      const content = column.locator('.weui-picker__content');
      const before = await content.getAttribute('style');
      const box = (await column.boundingBox())!;
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      const by = Math.max(-MAX_ROWS_PER_DRAG, Math.min(MAX_ROWS_PER_DRAG, rows)) * rowHeight;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x, y + by, { steps: 4 });
      await page.mouse.up();
      // The column is drawn again on a later frame; measuring before that would drag twice as far.
      await expect.poll(() => content.getAttribute('style')).not.toBe(before);
    }
  }
  await sheet.getByText('确定', { exact: true }).click();
  await sheet.waitFor({ state: 'hidden' });
}

/** Picks `YYYY-MM-DD` in a date picker. */
export function chooseDate(page: Page, field: Locator, date: string): Promise<void> {
  const [year, month, day] = date.split('-');
  return choose(page, field, [`${year}年`, `${month}月`, `${day}日`]);
}

/** Picks `HH:mm` in a time picker. */
export function chooseTime(page: Page, field: Locator, time: string): Promise<void> {
  return choose(page, field, time.split(':'));
}
