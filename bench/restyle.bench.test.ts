import { describe, expect, it } from 'vitest';
import { buildHeatmapModel } from '../src/domain/indicators/heatmap-model.ts';
import type { MapMeasure } from '../src/domain/indicators/map-measure.ts';
import { huzhouCatalogue } from '../src/domain/indicators/seed-catalogue.fixture.ts';
import { HUZHOU_DEV_ZONE_CODE } from '../src/domain/regions.ts';
import { defaultModelInput, huzhouTargetMeasures, restyleCycle } from './restyle.bench.ts';

const measures = huzhouTargetMeasures(huzhouCatalogue());
const fillsOf = (m: MapMeasure) => [...buildHeatmapModel(defaultModelInput(m)).fillByDistrict];

describe('restyle benchmark setup', () => {
  it('cycles through indicators of which each recolours the map, the wrap-around included', () => {
    const cycle = restyleCycle(measures, 6);
    expect(cycle.length).toBeGreaterThanOrEqual(3);
    expect(cycle.length).toBeLessThanOrEqual(6);
    cycle.forEach((measure, i) => {
      const next = cycle[(i + 1) % cycle.length]!;
      expect(fillsOf(next), `${measure.id} → ${next.id}`).not.toEqual(fillsOf(measure));
    });
  });

  it('skips an indicator that would paint exactly as the one before it', () => {
    const [first, second] = restyleCycle(measures, 2);
    const twin = { ...first!, id: 'twin' };
    const cycle = restyleCycle([first!, twin, second!], 6);
    expect(cycle.map((m) => m.id)).toEqual([first!.id, second!.id]);
  });

  it('feeds the model as the app does: no development zone, no city reference for amounts', () => {
    const base = measures[0]!;
    const withZone: MapMeasure = {
      ...base,
      districts: [
        ...base.districts,
        { districtCode: HUZHOU_DEV_ZONE_CODE, value: 1, note: '', sources: [] },
      ],
    };
    const input = defaultModelInput(withZone);
    expect(input.values.map((v) => v.districtCode)).not.toContain(HUZHOU_DEV_ZONE_CODE);
    expect(input.values).toHaveLength(base.districts.length);

    const city = { districtCode: '330500', value: 37, note: '', sources: [] };
    expect(defaultModelInput({ ...base, kind: 'amount', city }).cityValue).toBeNull();
    expect(defaultModelInput({ ...base, kind: 'level', city }).cityValue).toBe(37);
  });
});
