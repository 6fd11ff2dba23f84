/**
 * A planner enters actual values beside the plan's targets: they are checked, stored in
 * IndexedDB, survive a reload, reach a second tab live, and feed the completion map.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { actualsZhCN } from '../../src/i18n/actuals.zh-CN.ts';
import { format } from '../../src/i18n/index.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';
import { queryOf, useAppSessions, waitForMapIdle } from '../support/app-page.ts';

const baseUrl = inject('baseUrl');
const words = actualsZhCN.editor;
const heat = zhCN.heatmap;
/** 高耗低效整治腾出用地面积: 吴兴 1,500 亩, 南浔/德清 2,000 亩 (湖政办发〔2023〕22号 附1). */
const LAND_URL = `${baseUrl}?indicator=land_freed_mu`;

const sessions = useAppSessions();

const actualInput = (page: Page, district: string) =>
  page.getByLabel(format(words.actualFor, { district, year: 2023, unit: '亩' }), { exact: true });
const saveButton = (page: Page, district: string) =>
  page.getByRole('button', { name: format(words.saveFor, { district }), exact: true });

async function openEditor(page: Page): Promise<void> {
  await page.goto(LAND_URL);
  await waitForMapIdle(page);
  await page.getByRole('tab', { name: heat.sidebar.actuals }).click();
  await actualInput(page, '吴兴区').waitFor();
}

describe('actual values', () => {
  it('stores a valid actual, maps completion against the target, and keeps it on reload', async () => {
    const { page } = sessions.current;
    await openEditor(page);
    await actualInput(page, '吴兴区').fill('1200');
    await saveButton(page, '吴兴区').click();
    await expect.poll(() => saveButton(page, '吴兴区').isDisabled()).toBe(true);

    await page.getByRole('button', { name: heat.mode.completion, exact: true }).click();
    await expect.poll(() => queryOf(page).get('mode')).toBe('completion');
    const legend = page.getByRole('group', { name: heat.legend.title });
    // 1,200 of a 1,500 亩 target is 80%.
    await expect.poll(() => legend.innerText()).toContain('80%');

    await page.reload();
    await waitForMapIdle(page);
    await expect.poll(() => legend.innerText()).toContain('80%');
    await page.getByRole('tab', { name: heat.sidebar.actuals }).click();
    await expect.poll(() => actualInput(page, '吴兴区').inputValue()).toBe('1200');
  });

  it('refuses text, negative land areas and a year without targets, storing nothing', async () => {
    const { page } = sessions.current;
    await openEditor(page);
    const cell = actualInput(page, '南浔区');

    await cell.fill('abc');
    await saveButton(page, '南浔区').click();
    await expect(cell.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect
      .poll(() => page.getByRole('alert').allInnerTexts())
      .toContain(format(actualsZhCN.notANumber, { text: 'abc' }));

    await cell.fill('-5');
    await saveButton(page, '南浔区').click();
    await expect
      .poll(() => page.getByRole('alert').allInnerTexts())
      .toContain(format(actualsZhCN.negative, { value: '-5' }));

    // 2024 has no target in the plan: nothing to compare with, so the editor says so.
    await page.getByLabel(words.year, { exact: true }).fill('2024');
    await page.getByLabel(words.year, { exact: true }).press('Enter');
    await expect
      .poll(() => page.getByRole('status').allInnerTexts())
      .toContain(
        format(actualsZhCN.noTargetForYear, { indicator: '高耗低效整治腾出用地面积', year: 2024 }),
      );

    await page.reload();
    await waitForMapIdle(page);
    await page.getByRole('tab', { name: heat.sidebar.actuals }).click();
    await expect.poll(() => actualInput(page, '南浔区').inputValue()).toBe('');
  });

  it('shows a value saved in one tab in a second tab without a reload', async () => {
    const first = sessions.current.page;
    await openEditor(first);
    const second = await sessions.current.context.newPage();
    await openEditor(second);

    await actualInput(first, '德清县').fill('1800');
    await saveButton(first, '德清县').click();
    await expect
      .poll(() => actualInput(second, '德清县').inputValue(), { timeout: 10_000 })
      .toBe('1800');
    await second.close();
  });
});
