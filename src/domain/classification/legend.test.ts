import { expect, it } from 'vitest';
import { districtTargetValues, targetsFor } from '../indicators/indicator-catalogue.ts';
import { huzhouCatalogue } from '../indicators/seed-catalogue.fixture.ts';
import { formatQuantityRange } from '../number-format.ts';
import { classifyValues } from './classify.ts';
import { legendLabel } from './legend.ts';

it('labels each tax-per-mu class with its districts’ extent and count, never a method artefact', () => {
  const indicator = huzhouCatalogue().indicators.find((i) => i.id === 'tax_per_mu');
  const targets = indicator && targetsFor(indicator, '330500', 2023);
  if (!indicator || !targets) throw new Error('no tax-per-mu targets');
  const values = districtTargetValues(targets);
  const { classes } = classifyValues(values, { method: 'quantile', classCount: 3 });
  for (const cls of classes) {
    const label = legendLabel(cls, indicator.unit, 'zh-CN');
    const members = values.filter((v) => cls.districtCodes.includes(v.districtCode));
    const extent = members.map((m) => m.value ?? NaN);
    expect(label).toBe(
      `${formatQuantityRange(Math.min(...extent), Math.max(...extent), indicator.unit, 'zh-CN')} (${members.length})`,
    );
    expect(label).toMatch(/万元\/亩 \(\d\)$/);
  }
  expect(legendLabel({ minValue: 35, maxValue: 37, count: 3 }, indicator.unit, 'zh-CN')).toBe(
    '35–37 万元/亩 (3)',
  );
});
