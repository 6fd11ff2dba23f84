import { describe, expect, it } from 'vitest';
import { DEFAULT_HEATMAP_VIEW, parseHeatmapView, serializeHeatmapView } from './heatmap-view.ts';

describe('heatmap view in the URL', () => {
  it('round-trips a manual classification of actuals with a selected district', () => {
    const view = {
      measureId: 'tax_per_mu',
      mode: 'actual' as const,
      method: 'manual' as const,
      classCount: 3,
      manualBreaks: [30, 36.5],
      selectedDistrictCode: '330500-NTH',
    };
    const search = serializeHeatmapView(view, '?region=huzhou&lang=en');
    expect(search).toBe(
      '?region=huzhou&lang=en&indicator=tax_per_mu&mode=actual&classify=manual&classes=3&breaks=30,36.5&district=330500-NTH',
    );
    expect(parseHeatmapView(search)).toEqual(view);
  });

  it('omits defaults and survives hand-edited values', () => {
    expect(serializeHeatmapView(DEFAULT_HEATMAP_VIEW, '?region=huzhou')).toBe('?region=huzhou');
    const mangled = parseHeatmapView('?mode=guess&classify=jenks&classes=40&breaks=1,x');
    expect(mangled).toEqual(DEFAULT_HEATMAP_VIEW);
  });

  it('sorts and de-duplicates manual breaks', () => {
    expect(parseHeatmapView('?classify=manual&breaks=40,30,40').manualBreaks).toEqual([30, 40]);
  });
});
