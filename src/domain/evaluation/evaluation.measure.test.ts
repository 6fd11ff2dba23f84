import { describe, expect, it } from 'vitest';
import { formatSourceCitation } from '../indicators/indicator-catalogue.ts';
import { huzhouCatalogue } from '../indicators/seed-catalogue.fixture.ts';
import { evaluateLayer } from './evaluate-layer.ts';
import {
  EVALUATION_MEASURE_IDS,
  evaluationMeasures,
  type EvaluatedLayerFigures,
} from './evaluation.measure.ts';
import { DEFAULT_EVALUATION_SETTINGS } from './evaluation-settings.ts';
import { enterprise } from './evaluation.fixture.ts';

const catalogue = huzhouCatalogue();
const HUZHOU = '330500';

/** Wuxing: 300 万元 on 10 亩 and 100 on 30 (Σ 400 ÷ 40 = 10); Anji: 60 on 5 (12). */
const inputs = [
  enterprise({ districtCode: '330502', figures: { taxWanYuan: 300, landAreaMu: 10 } }),
  enterprise({ districtCode: '330502', figures: { taxWanYuan: 100, landAreaMu: 30 } }),
  enterprise({ districtCode: '330523', figures: { taxWanYuan: 60, landAreaMu: 5 } }),
];

function layer(synthetic: boolean): EvaluatedLayerFigures {
  return {
    layerName: synthetic ? '示例数据 (synthetic) · 湖州企业' : '2023 企业名单',
    sourceFileName: synthetic ? '示例数据 (synthetic)' : 'qiye.csv',
    recordCount: inputs.length,
    synthetic,
    evaluation: evaluateLayer(inputs, DEFAULT_EVALUATION_SETTINGS, null),
  };
}

function measure(id: string, figures: EvaluatedLayerFigures | null) {
  const m = evaluationMeasures(catalogue, figures, HUZHOU, 2023).find((x) => x.id === id);
  if (!m) throw new Error(`no measure ${id}`);
  return m;
}

describe('evaluationMeasures', () => {
  it('maps Σ tax ÷ Σ land per district, and over the city, from the imported layer', () => {
    const tax = measure(EVALUATION_MEASURE_IDS.taxPerMu, layer(false));
    expect(tax.basis).toBe('imported');
    expect(tax.districts.find((d) => d.districtCode === '330502')?.value).toBe(10);
    expect(tax.districts.find((d) => d.districtCode === '330523')?.value).toBe(12);
    expect(tax.city?.value).toBeCloseTo(460 / 45, 10);
  });

  it('leaves districts without enterprises empty, saying why, never zero', () => {
    const nanxun = measure(EVALUATION_MEASURE_IDS.dClassCount, layer(false)).districts.find(
      (d) => d.districtCode === '330503',
    );
    expect(nanxun?.value).toBeNull();
    expect(nanxun?.note).not.toBe('');
  });

  it('shows the seeds 亩均税收 target beside the figure, with its own seed source', () => {
    const wuxing = measure(EVALUATION_MEASURE_IDS.taxPerMu, layer(false)).districts.find(
      (d) => d.districtCode === '330502',
    );
    expect(wuxing?.note).toContain('48');
    const cited = wuxing?.sources.map((s) => formatSourceCitation(s, 'zh-CN')) ?? [];
    expect(cited.some((c) => c.includes('003_bf8a38d02e4bdcc0.txt 第 246 行'))).toBe(true);
    expect(cited.some((c) => c.includes('qiye.csv'))).toBe(true);
  });

  it('says 示例数据 in the name and the source when the layer is the synthetic demo', () => {
    for (const id of Object.values(EVALUATION_MEASURE_IDS)) {
      const m = measure(id, layer(true));
      expect(m.nameZh).toContain('示例数据');
      expect(m.nameEn).toContain('示例数据');
      const first = m.districts.find((d) => d.districtCode === '330502')?.sources[0];
      expect(first && formatSourceCitation(first, 'en')).toContain('示例数据');
    }
    expect(measure(EVALUATION_MEASURE_IDS.taxPerMu, layer(false)).nameZh).not.toContain('示例数据');
  });

  it('offers no measure without an evaluated layer', () => {
    expect(evaluationMeasures(catalogue, null, HUZHOU, 2023)).toEqual([]);
  });
});
