/**
 * A planner grades an imported enterprise list per mu: import a CSV of two years, open the
 * evaluation, read classes, flags and what is missing, change a weight and see classes move,
 * and export the table as CSV with a formula-like name made inert.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { evaluationEn } from '../../src/i18n/evaluation.en.ts';
import { evaluationZhCN } from '../../src/i18n/evaluation.zh-CN.ts';
import { importsZhCN } from '../../src/i18n/imports.zh-CN.ts';
import { EVALUATION_CLASS_COLOURS } from '../../src/domain/evaluation/class-colours.ts';
import { useAppSessions, waitForMapIdle, waitForStablePicture } from '../support/app-page.ts';
import { VIEWPORT } from '../support/browser.ts';
import { lonLatToScreen, type MapView } from '../support/map-view.ts';
import { decodePng, hexToRgb, shareOfPointsNear } from '../support/pixels.ts';

const baseUrl = inject('baseUrl');
const zh = evaluationZhCN;
const SCREENSHOT_DIR = resolve(import.meta.dirname, 'screenshots');
const FIXTURE = resolve(import.meta.dirname, '../fixtures/evaluation/enterprises-two-years.csv');

/** Wuxing, left of the wide sidebar, where 乙 and 庚 of the fixture lie (WGS-84). */
const VIEW: MapView = { zoom: 10, lat: 30.86, lon: 120.25 };
const YI = [120.1105, 30.8642] as const;
const GENG = [120.1, 30.85] as const;

const sessions = useAppSessions();

/** Whether the fixture's point at `lonLat` is drawn in the colour of `evaluationClass`. */
async function drawnInClass(
  page: Page,
  lonLat: readonly [number, number],
  evaluationClass: keyof typeof EVALUATION_CLASS_COLOURS,
): Promise<boolean> {
  const image = decodePng(await waitForStablePicture(page));
  const point = lonLatToScreen(lonLat[0], lonLat[1], VIEW, VIEWPORT);
  const colour = hexToRgb(EVALUATION_CLASS_COLOURS[evaluationClass]);
  return shareOfPointsNear(image, [point], colour, 30, 2) === 1;
}

async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await writeFile(resolve(SCREENSHOT_DIR, name), await page.screenshot());
}

async function importFixture(page: Page): Promise<void> {
  await page.goto(`${baseUrl}?region=huzhou&lang=zh-CN&view=${VIEW.zoom}/${VIEW.lat}/${VIEW.lon}`);
  await waitForMapIdle(page);
  await page.getByRole('tab', { name: importsZhCN.tab, exact: true }).click();
  await page.getByTestId('imports-panel').waitFor();
  await page.locator('[data-testid="imports-panel"] input[type="file"]').setInputFiles(FIXTURE);
  const commit = page.getByRole('button', {
    name: importsZhCN.wizard.commit.replace('{count}', '15'),
  });
  await commit.click();
  await page.locator('[data-layer-id]').waitFor();
}

/** Class badge text per enterprise name, as the table shows it. */
async function classesByName(page: Page): Promise<Record<string, string>> {
  const rows = await page
    .locator('table.enterprises tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr.querySelector('th')?.textContent?.trim() ?? '',
        tr.querySelector('.badge')?.textContent?.trim() ?? '',
      ]),
    );
  return Object.fromEntries(rows);
}

describe('per-mu evaluation', () => {
  it('grades an imported list, reacts to a weight, and exports what it shows', async () => {
    const { page } = sessions.current;
    await importFixture(page);
    await page.getByRole('tab', { name: zh.tab, exact: true }).click();
    const summary = page.getByTestId('evaluation-summary');
    await summary.waitFor();

    // 2023: six 规上 and five 规下 enterprises; the injected row lacks its tax, so no score.
    expect(await summary.innerText()).toBe(
      zh.summary
        .replace('{total}', '11')
        .replace('{scored}', '10')
        .replace('{unscored}', '1')
        .replace('{flagged}', '1'),
    );

    // Default weights 30/20/20/10/10/10: 乙 and 戊 lead the 规上 ranking, 甲 (strong in tax
    // only) sits in B.
    const before = await classesByName(page);
    expect(before['示例乙机械有限公司']).toBe('A');
    expect(before['示例戊电机有限公司']).toBe('A');
    expect(before['示例甲纺织有限公司']).toBe('B');

    // 庚 pays under 1 万元/亩 in 2022 and 2023: flagged by the 规下 two-year rule.
    const geng = page.locator('table.enterprises tbody tr', { hasText: '示例庚五金加工厂' });
    expect(await geng.locator('td.flagged').innerText()).toBe(zh.rules['below-size-low-tax']);
    // The row without tax says so.
    const injected = page.locator('table.enterprises tbody tr', { hasText: '示例注入测试厂' });
    expect(await injected.locator('td.missing').innerText()).toBe(zh.inputs.taxWanYuan);

    // On the map, each point takes its class colour.
    await expect.poll(() => drawnInClass(page, YI, 'A'), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => drawnInClass(page, GENG, 'C'), { timeout: 30_000 }).toBe(true);
    await shoot(page, 'evaluation-zh.png');

    // All weight on tax per mu: 甲 rises to A, 乙 falls.
    await page.getByText(zh.settings.title).click();
    await page.locator('[data-weight="above-taxPerMu"]').fill('100');
    const problems = page.getByRole('alert');
    await expect.poll(() => problems.innerText()).toContain('170');
    for (const id of [
      'valueAddedPerMu',
      'valueAddedPerEnergy',
      'valueAddedPerEmission',
      'labourProductivity',
      'rdShare',
    ]) {
      await page.locator(`[data-weight="above-${id}"]`).fill('0');
    }
    await expect.poll(() => problems.count()).toBe(0);
    const after = await classesByName(page);
    expect(after['示例甲纺织有限公司']).toBe('A');
    expect(after['示例乙机械有限公司']).toBe('B');
    await shoot(page, 'evaluation-settings-zh.png');
    await expect.poll(() => drawnInClass(page, YI, 'B'), { timeout: 30_000 }).toBe(true);

    // The export carries the table, with the formula-like name neutralised.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: zh.exportCsv }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]?.startsWith(zh.csv.name)).toBe(true);
    expect(lines).toHaveLength(11 + 2);
    expect(csv).toContain("'=示例注入测试厂");
    expect(lines.find((l) => l.startsWith('示例甲纺织有限公司'))).toContain(',A,');
  });

  it('speaks English too', async () => {
    const { page } = sessions.current;
    await importFixture(page);
    await page.goto(`${baseUrl}?region=huzhou&lang=en`);
    await waitForMapIdle(page);
    await page.getByRole('tab', { name: evaluationEn.tab, exact: true }).click();
    await page.getByTestId('evaluation-summary').waitFor();
    expect(await page.getByRole('heading', { name: evaluationEn.title }).count()).toBe(1);
    await shoot(page, 'evaluation-en.png');
  });
});
