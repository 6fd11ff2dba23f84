/**
 * A planner backs up the browser's data and restores it: the exported file holds every section,
 * a restore is checked and previewed in words before it writes, brings a changed value back
 * (in the editor and after a reload), a file with one bad record names it and changes nothing,
 * and a replace that deletes asks first. Screenshots of the dialog in Chinese and English.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { actualsZhCN } from '../../src/i18n/actuals.zh-CN.ts';
import { dataEn } from '../../src/i18n/data.en.ts';
import { dataZhCN } from '../../src/i18n/data.zh-CN.ts';
import { format } from '../../src/i18n/index.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';
import {
  BACKUP_FORMAT,
  BACKUP_SCHEMA_VERSION,
  BACKUP_SECTIONS,
} from '../../src/persistence/backup.format.ts';
import { confirmReplaceText, type DataWords } from '../../src/ui/data/data-view.ts';
import { useAppSessions, waitForMapIdle } from '../support/app-page.ts';

const baseUrl = inject('baseUrl');
const SCREENSHOT_DIR = resolve(import.meta.dirname, 'screenshots');
const editorWords = actualsZhCN.editor;
/** 高耗低效整治腾出用地面积, whose 2023 target for 吴兴区 is 1,500 亩 (湖政办发〔2023〕22号 附1). */
const LAND_QUERY = '?indicator=land_freed_mu';

const sessions = useAppSessions();

const actualInput = (page: Page, district: string) =>
  page.getByLabel(format(editorWords.actualFor, { district, year: 2023, unit: '亩' }), {
    exact: true,
  });

async function openEditor(page: Page): Promise<void> {
  await page.goto(`${baseUrl}${LAND_QUERY}&lang=zh-CN`);
  await waitForMapIdle(page);
  await page.getByRole('tab', { name: zhCN.heatmap.sidebar.actuals }).click();
}

/** Types a value for 吴兴区 and waits until it is stored. */
async function saveWuxing(page: Page, value: string): Promise<void> {
  await actualInput(page, '吴兴区').fill(value);
  const save = page.getByRole('button', {
    name: format(editorWords.saveFor, { district: '吴兴区' }),
    exact: true,
  });
  await save.click();
  await expect.poll(() => save.isDisabled()).toBe(true);
}

async function openData(page: Page, words: DataWords): Promise<Locator> {
  await page.getByRole('button', { name: words.open, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: words.title });
  await dialog.getByRole('button', { name: words.export.button }).waitFor();
  return dialog;
}

async function pickFile(dialog: Locator, name: string, text: string): Promise<void> {
  await dialog
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

const texts = (dialog: Locator, role: 'status' | 'alert') => dialog.getByRole(role).allInnerTexts();

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await writeFile(resolve(SCREENSHOT_DIR, name), await page.screenshot());
}

/** A file of this version with every section empty but the actuals given. */
function fileWithActuals(actuals: unknown[]): string {
  return JSON.stringify({
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    exportedAt: '2024-05-01T08:00:00.000Z',
    ...Object.fromEntries(BACKUP_SECTIONS.map((s) => [s.name, []])),
    actuals,
  });
}

const WUXING_LAND = {
  indicatorId: 'land_freed_mu',
  districtCode: '330502',
  year: 2023,
  value: 1100,
  note: '',
  enteredBy: '',
  enteredAt: '2024-05-01T08:00:00.000Z',
  origin: 'user',
};

describe('data backup', () => {
  it('exports every section, and restoring the file brings a changed value back', async () => {
    const { page } = sessions.current;
    const words = dataZhCN;
    await openEditor(page);
    await saveWuxing(page, '1200');

    let dialog = await openData(page, words);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: words.export.button }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^muatlas-backup-\d{8}-\d{4}\.json$/);
    const text = await readFile((await download.path())!, 'utf8');
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file.format).toBe(BACKUP_FORMAT);
    expect(file.schemaVersion).toBe(BACKUP_SCHEMA_VERSION);
    for (const { name } of BACKUP_SECTIONS) expect(Array.isArray(file[name]), name).toBe(true);
    expect(file.actuals).toEqual([
      expect.objectContaining({ districtCode: '330502', year: 2023, value: 1200 }),
    ]);
    await expect
      .poll(() => texts(dialog, 'status'))
      .toContainEqual(expect.stringContaining('实际值：1 条'));
    await dialog.getByRole('button', { name: words.close, exact: true }).click();

    await saveWuxing(page, '900');
    dialog = await openData(page, words);
    await pickFile(dialog, download.suggestedFilename(), text);
    // Merge keeps the browser's value, which changed after the export.
    await expect
      .poll(() => texts(dialog, 'status'))
      .toContainEqual(expect.stringContaining('实际值：保留浏览器中的 1 条'));
    await dialog.getByRole('radio', { name: words.restore.replace }).check();
    await expect
      .poll(() => texts(dialog, 'status'))
      .toContainEqual(expect.stringContaining('实际值：更新 1 条'));
    // Nothing would be deleted, so the replace needs no confirmation.
    expect(await dialog.getByRole('checkbox').count()).toBe(0);
    await screenshot(page, 'data-preview-zh.png');

    await dialog.getByRole('button', { name: words.restore.apply, exact: true }).click();
    await expect
      .poll(() => texts(dialog, 'status'))
      .toContainEqual(expect.stringContaining(words.restore.done));
    await dialog.getByRole('button', { name: words.close, exact: true }).click();
    await expect.poll(() => actualInput(page, '吴兴区').inputValue()).toBe('1200');

    await openEditor(page);
    await expect.poll(() => actualInput(page, '吴兴区').inputValue()).toBe('1200');
  });

  it('names the bad record of a malformed file and changes nothing', async () => {
    const { page } = sessions.current;
    const words = dataZhCN;
    await openEditor(page);
    await saveWuxing(page, '1200');

    const dialog = await openData(page, words);
    await dialog.getByRole('radio', { name: words.restore.replace }).check();
    const bad = fileWithActuals([
      WUXING_LAND,
      { ...WUXING_LAND, districtCode: '330503', value: '一千' },
    ]);
    await pickFile(dialog, 'bad.json', bad);
    await expect
      .poll(() => texts(dialog, 'alert'))
      .toContainEqual(expect.stringContaining('“实际值”第 2 条记录的“数值（value）”字段有误。'));
    expect(await dialog.getByRole('button', { name: words.restore.apply }).count()).toBe(0);
    await screenshot(page, 'data-problem-zh.png');

    await openEditor(page);
    await expect.poll(() => actualInput(page, '吴兴区').inputValue()).toBe('1200');
    await expect.poll(() => actualInput(page, '南浔区').inputValue()).toBe('');
  });

  it('asks before a replace deletes records (in English)', async () => {
    const { page } = sessions.current;
    const words = dataEn;
    await openEditor(page);
    await saveWuxing(page, '1200');
    await page.goto(`${baseUrl}${LAND_QUERY}&lang=en`);
    await waitForMapIdle(page);

    const dialog = await openData(page, words);
    await dialog.getByRole('radio', { name: words.restore.replace }).check();
    // The file holds only 南浔区's value: a replace deletes 吴兴区's.
    await pickFile(
      dialog,
      'nanxun.json',
      fileWithActuals([{ ...WUXING_LAND, districtCode: '330503' }]),
    );
    await expect
      .poll(() => texts(dialog, 'status'))
      .toContainEqual(expect.stringContaining('Actual values: 1 added, 1 deleted'));
    const apply = dialog.getByRole('button', { name: words.restore.apply, exact: true });
    const confirm = dialog.getByRole('checkbox', { name: confirmReplaceText(words, 1, 'en') });
    expect(await apply.isDisabled()).toBe(true);
    await screenshot(page, 'data-confirm-en.png');

    await confirm.check();
    await apply.click();
    await expect
      .poll(() => texts(dialog, 'status'))
      .toContainEqual(expect.stringContaining(words.restore.done));
    await openEditor(page);
    await expect.poll(() => actualInput(page, '吴兴区').inputValue()).toBe('');
    await expect.poll(() => actualInput(page, '南浔区').inputValue()).toBe('1100');
  });
});
