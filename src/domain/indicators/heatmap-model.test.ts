import { describe, expect, it } from 'vitest';
import { NO_DATA_STYLE } from '../classification/colour-schemes.ts';
import { buildHeatmapModel, type HeatmapModelInput } from './heatmap-model.ts';
import { huzhouCatalogue } from './seed-catalogue.fixture.ts';
import { targetMeasure } from './target-measures.ts';
import { measureValues } from './map-measure.ts';

const catalogue = huzhouCatalogue();

function inputFor(id: string, overrides: Partial<HeatmapModelInput> = {}): HeatmapModelInput {
  const indicator = catalogue.indicators.find((i) => i.id === id);
  const measure = indicator && targetMeasure(indicator, '330500', 2023);
  if (!measure) throw new Error(`no measure ${id}`);
  return {
    values: measureValues(measure),
    polarity: measure.polarity,
    cityValue: measure.city?.value ?? null,
    method: 'natural-breaks',
    classCount: 4,
    manualBreaks: [],
    order: 'best-first',
    ...overrides,
  };
}

describe('heatmap model', () => {
  it('gives every district with a figure its class colour, and the legend the same colours', () => {
    const model = buildHeatmapModel(inputFor('tax_per_mu'));
    const { classification } = model;
    for (const [code, index] of Object.entries(classification.classIndexByDistrict)) {
      expect(model.fillByDistrict.get(code)).toBe(model.legend[index]?.colour);
    }
    expect(model.legend.reduce((n, e) => n + e.count, 0)).toBe(6);
    expect(new Set(model.legend.map((e) => e.colour)).size).toBe(model.legend.length);
  });

  it('draws the best class darkest for a higher-is-better figure', () => {
    const model = buildHeatmapModel(inputFor('tax_per_mu'));
    const luminance = (hex: string) => {
      const n = parseInt(hex.slice(1), 16);
      return 0.2126 * (n >> 16) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
    };
    const first = model.legend[0]!;
    const last = model.legend.at(-1)!;
    expect(luminance(last.colour)).toBeLessThan(luminance(first.colour));
  });

  it('paints districts without a figure grey and lists them once in the legend', () => {
    const model = buildHeatmapModel(inputFor('energy_intensity_reduction'));
    const noData = model.classification.noDataDistrictCodes;
    expect(noData.length).toBeGreaterThan(0);
    for (const code of noData) expect(model.fillByDistrict.get(code)).toBe(NO_DATA_STYLE.colour);
    expect(model.legend.filter((e) => e.hatched)).toHaveLength(1);
  });

  it('splits at the city figure with the city value on the neutral colour', () => {
    const input = inputFor('tax_per_mu', { method: 'reference' });
    const model = buildHeatmapModel(input);
    expect(model.problem).toBeNull();
    const atCity = model.legend.find(
      (e) => e.minValue === input.cityValue && e.maxValue === input.cityValue,
    );
    const below = model.legend.find((e) => (e.maxValue ?? Infinity) < (input.cityValue ?? 0));
    const above = model.legend.find((e) => (e.minValue ?? -Infinity) > (input.cityValue ?? 0));
    expect(atCity && below && above).toBeTruthy();
    expect(new Set([atCity?.colour, below?.colour, above?.colour]).size).toBe(3);
  });

  it('says so when asked to split at a city figure that does not exist', () => {
    const model = buildHeatmapModel(
      inputFor('energy_intensity_reduction', { method: 'reference' }),
    );
    expect(model.problem).toBe('no-reference');
    expect(model.classification.method).toBe('natural-breaks');
  });

  it('ranks the same districts the map colours', () => {
    const model = buildHeatmapModel(inputFor('land_freed_mu'));
    expect(model.board.map((r) => r.districtCode).sort()).toEqual(
      [...model.fillByDistrict.keys()].sort(),
    );
    expect(model.board[0]?.rank).toBe(1);
  });
});
