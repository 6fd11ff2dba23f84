/**
 * A user who knows better moves a place: typed coordinates are checked, the correction is
 * stored in IndexedDB, survives a reload, shows who moved it from where, and can be undone.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { correctionsZhCN } from '../../src/i18n/corrections.zh-CN.ts';
import { useAppSessions, waitForMapIdle } from '../support/app-page.ts';

const baseUrl = inject('baseUrl');
const words = correctionsZhCN;
/** 浙江美欣达印染集团股份有限公司 (seed 000 附件2), placed at district precision in 吴兴区. */
const PLACE_ID = 'hz-ent-01';
const PLACE_URL = `${baseUrl}?layers=districts,functionalZones,towns,water,prefectures,enterprises&place=${PLACE_ID}`;

const sessions = useAppSessions();

const card = (page: Page) => page.locator(`[data-place-id="${PLACE_ID}"]`);

async function openCard(page: Page): Promise<void> {
  await page.goto(PLACE_URL);
  await waitForMapIdle(page);
  await card(page).getByLabel(words.coordinates, { exact: true }).waitFor();
}

describe('place corrections', () => {
  it('refuses unreadable and out-of-region coordinates, storing nothing', async () => {
    const { page } = sessions.current;
    await openCard(page);
    const field = card(page).getByLabel(words.coordinates, { exact: true });
    await field.fill('abc');
    await card(page).getByRole('button', { name: words.save, exact: true }).click();
    await expect.poll(() => card(page).innerText()).toContain(words.reasons.unreadable);

    await field.fill('116.4, 39.9');
    await card(page).getByRole('button', { name: words.save, exact: true }).click();
    await expect
      .poll(() => card(page).innerText())
      .toContain(words.reasons.outsideRegion.slice(0, 8));

    await page.reload();
    await openCardAfterReload(page);
    expect(await card(page).getByRole('button', { name: words.revert }).count()).toBe(0);
  });

  it('keeps typed coordinates across a reload, says it was corrected, and reverts', async () => {
    const { page } = sessions.current;
    await openCard(page);
    await card(page).getByLabel(words.coordinates, { exact: true }).fill('120.1012, 30.8731');
    await card(page).getByRole('button', { name: words.save, exact: true }).click();
    await expect.poll(() => card(page).innerText()).toContain(words.outcome.saved);

    await page.reload();
    await openCardAfterReload(page);
    const text = await card(page).innerText();
    expect(text).toContain(words.corrected.slice(0, 3));
    // The card names the seeds' own point next to the correction.
    expect(text).toContain(words.original.split('{lon}')[0]);

    await card(page).getByRole('button', { name: words.revert, exact: true }).click();
    await expect.poll(() => card(page).innerText()).toContain(words.outcome.reverted);
    await page.reload();
    await openCardAfterReload(page);
    expect(await card(page).getByRole('button', { name: words.revert }).count()).toBe(0);
  });

  it('moves a place by dragging its marker on the map, and keeps it on reload', async () => {
    const { page } = sessions.current;
    await openCard(page);
    await card(page).getByLabel(words.drag, { exact: true }).check();
    const marker = page.locator('.place-drag-marker');
    await marker.waitFor();
    const box = await marker.boundingBox();
    if (!box) throw new Error('drag marker has no box');
    const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y + 30, { steps: 8 });
    await page.mouse.move(from.x + 80, from.y + 60, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => card(page).innerText()).toContain(words.outcome.saved);

    await page.reload();
    await openCardAfterReload(page);
    expect(await card(page).getByRole('button', { name: words.revert }).count()).toBe(1);
  });
});

async function openCardAfterReload(page: Page): Promise<void> {
  await waitForMapIdle(page);
  await card(page).getByLabel(words.coordinates, { exact: true }).waitFor();
}
