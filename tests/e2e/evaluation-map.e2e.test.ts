/**
 * A planner tries the per-mu evaluation offline: load the synthetic demo data in the evaluation
 * tab (labelled 示例数据), see an enterprise drawn in its class colour, then map the demo's
 * Σ tax ÷ Σ land per district on the heatmap and read 吴兴's figure, with 示例数据 in the
 * legend's source. Expected figures come from the same generator and evaluation in Node.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, inject, it } from 'vitest';
import { EVALUATION_CLASS_COLOURS } from '../../src/domain/evaluation/class-colours.ts';
import { generateDemoRecords } from '../../src/domain/evaluation/demo-dataset.ts';
import { fromRecord } from '../../src/domain/evaluation/enterprise-inputs.ts';
import { evaluateLayer } from '../../src/domain/evaluation/evaluate-layer.ts';
import { EVALUATION_MEASURE_IDS } from '../../src/domain/evaluation/evaluation.measure.ts';
import { DEFAULT_EVALUATION_SETTINGS } from '../../src/domain/evaluation/evaluation-settings.ts';
import { UNIT_DISPLAY } from '../../src/domain/indicators/unit-display.ts';
import { formatQuantity } from '../../src/domain/number-format.ts';
import { readDistrictOutlines } from '../../src/domain/zones/zone-contents.ts';
import { evaluationZhCN } from '../../src/i18n/evaluation.zh-CN.ts';
import { heatmapZhCN } from '../../src/i18n/heatmap.zh-CN.ts';
import { useAppSessions, waitForMapIdle, waitForStablePicture } from '../support/app-page.ts';
import { VIEWPORT } from '../support/browser.ts';
import { lonLatToScreen, type MapView } from '../support/map-view.ts';
import { decodePng, hexToRgb, shareOfPointsNear } from '../support/pixels.ts';

const baseUrl = inject('baseUrl');
const WUXING = '330502';

const outlines = readDistrictOutlines(
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../public/data/districts.geojson'), 'utf8'),
  ) as FeatureCollection,
);
const records = generateDemoRecords(outlines);
const evaluation = evaluateLayer(
  records.map((r, index) => fromRecord({ ...r, layerId: 'demo', index })),
  DEFAULT_EVALUATION_SETTINGS,
  null,
);
/** A 吴兴 enterprise of class A that is not flagged, so its point shows the class colour plainly. */
const shown = evaluation.enterprises.find(
  (e) => e.inputs.districtCode === WUXING && e.evaluationClass === 'A' && e.flag.flagged === false,
)!;
const shownGeometry = records[shown.inputs.recordIndex]!.geometry;
if (shownGeometry?.type !== 'Point') throw new Error('demo records are points');
const [lon = 0, lat = 0] = shownGeometry.coordinates;
/** Zoomed in past the clustering, with the point between the header and the wide tab. */
const VIEW: MapView = { zoom: 14, lat, lon: lon + 0.007 };
const wuxingTaxPerMu = evaluation.districts.find(
  (d) => d.districtCode === WUXING,
)!.taxPerMuWanYuan!;

const sessions = useAppSessions();

describe('evaluation on the map and heatmap, with the demo data', () => {
  it('loads 示例数据, colours its enterprises, and maps Σ tax ÷ Σ land per district', async () => {
    const { page } = sessions.current;
    await page.goto(
      `${baseUrl}?region=huzhou&lang=zh-CN&view=${VIEW.zoom}/${VIEW.lat}/${VIEW.lon}`,
    );
    await waitForMapIdle(page);
    await page.getByRole('tab', { name: evaluationZhCN.tab, exact: true }).click();
    await page.getByRole('button', { name: evaluationZhCN.demo.load, exact: true }).click();
    const summary = page.getByTestId('evaluation-summary');
    await expect.poll(() => summary.textContent(), { timeout: 30_000 }).toContain('共 300 家');
    await expect
      .poll(() => page.getByTestId('evaluation-synthetic').textContent())
      .toContain('示例数据');
    await expect.poll(() => page.getByTestId('evaluation-legend').count()).toBe(1);

    const point = lonLatToScreen(lon, lat, VIEW, VIEWPORT);
    const colour = hexToRgb(EVALUATION_CLASS_COLOURS.A);
    await expect
      .poll(
        async () =>
          shareOfPointsNear(decodePng(await waitForStablePicture(page)), [point], colour, 30, 2),
        { timeout: 20_000 },
      )
      .toBe(1);
    await page.screenshot({ path: 'tests/e2e/screenshots/evaluation-map.zh-CN.png' });

    await page.goto(
      `${baseUrl}?region=huzhou&lang=zh-CN&indicator=${EVALUATION_MEASURE_IDS.taxPerMu}&district=${WUXING}`,
    );
    await waitForMapIdle(page);
    const card = page.getByRole('complementary').getByRole('article', { name: '吴兴区' });
    await card.waitFor();
    const figure = formatQuantity(wuxingTaxPerMu, UNIT_DISPLAY.wan_yuan_per_mu, 'zh-CN');
    await expect.poll(() => card.innerText(), { timeout: 20_000 }).toContain(figure);
    const legend = page.getByRole('group', { name: heatmapZhCN.legend.title });
    const legendText = await legend.innerText();
    expect(legendText).toContain(heatmapZhCN.mode.imported);
    expect(legendText).toContain(heatmapZhCN.card.importedBasis);
    expect(legendText).toMatch(/来源.*示例数据|示例数据.*第/s);
    await page.screenshot({ path: 'tests/e2e/screenshots/evaluation-heatmap.zh-CN.png' });
  });
});
