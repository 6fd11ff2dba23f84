import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DISTRICTS, districtsOfCity, NANTAIHU_CODE } from '../regions.ts';
import {
  buildIndicatorCatalogue,
  districtTargetValues,
  formatLineRanges,
  formatSourceCitation,
  indicatorsForMap,
  targetsFor,
  type Indicator,
} from './indicator-catalogue.ts';
import { INDICATOR_SEMANTICS } from './indicator-semantics.ts';
import { huzhouCatalogue, huzhouDistrictTargets } from './seed-catalogue.fixture.ts';

const HUZHOU = '330500';
const catalogue = huzhouCatalogue();

function indicator(id: string): Indicator {
  const found = catalogue.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}

function targets2023(id: string) {
  const t = targetsFor(indicator(id), HUZHOU, 2023);
  if (!t) throw new Error(`no 2023 targets for ${id}`);
  return t;
}

describe('indicator catalogue from the Huzhou district targets', () => {
  it('puts the whole-city column apart from the districts, which follow regions.ts order', () => {
    const tax = targets2023('tax_per_mu');
    expect(tax.city?.districtCode).toBe(HUZHOU);
    const huzhouOrder = districtsOfCity(HUZHOU).map((d) => d.code);
    const codes = tax.districts.map((d) => d.districtCode);
    expect(codes).toEqual(huzhouOrder.filter((c) => codes.includes(c)));
    expect(codes).toContain(NANTAIHU_CODE);
    expect(codes).not.toContain(HUZHOU);
  });

  it('keeps each figure traceable to its document, section and line', () => {
    const tax = targets2023('tax_per_mu');
    const wuxing = tax.districts.find((d) => d.districtCode === '330502');
    expect(wuxing?.source.file).toBe('003_bf8a38d02e4bdcc0.txt');
    expect(wuxing?.source.lines[0]?.[0]).toBeGreaterThan(0);
    expect(wuxing?.source.document?.docNumber).toBe('湖政办发〔2023〕22号');
    expect(wuxing?.source.sectionZh).toContain('附1');
  });

  it('cites a figure in one line, in either language', () => {
    const wuxing = targets2023('tax_per_mu').districts[0];
    if (!wuxing) throw new Error('no district');
    const line = formatLineRanges(wuxing.source.lines);
    expect(formatSourceCitation(wuxing.source, 'zh-CN')).toBe(
      `湖政办发〔2023〕22号 ${wuxing.source.sectionZh}，003_bf8a38d02e4bdcc0.txt 第 ${line} 行`,
    );
    const en = formatSourceCitation(wuxing.source, 'en');
    expect(en).toContain(wuxing.source.document?.titleEn);
    expect(en.endsWith(`003_bf8a38d02e4bdcc0.txt line ${line}`)).toBe(true);
    expect(formatLineRanges([[246, 246]])).toBe('246');
    expect(
      formatLineRanges([
        [24, 24],
        [30, 31],
      ]),
    ).toBe('24, 30–31');
    expect(
      formatSourceCitation({ file: 'f.txt', lines: [[3, 4]], document: null, sectionZh: '' }, 'en'),
    ).toBe('f.txt line 3–4');
  });

  it('keeps a blank target null with its note, never zero, and does not map it', () => {
    const standards = targets2023('zhejiang_made_standards');
    expect(standards.districts.every((d) => d.value === null)).toBe(true);
    expect(standards.city?.value).toBeNull();
    expect(standards.city?.note).toContain('待省下达');
    expect(standards.mappable).toBe(false);

    const { mappable, notMappable } = indicatorsForMap(catalogue, HUZHOU, 2023);
    expect(notMappable.map((n) => n.indicator.id)).toContain('zhejiang_made_standards');
    expect(mappable.map((i) => i.id)).not.toContain('zhejiang_made_standards');
    expect(mappable.map((i) => i.id)).toContain('tax_per_mu');
  });

  it('maps energy-intensity cuts for the districts that have a number and keeps the "/" note', () => {
    const energy = targets2023('energy_intensity_reduction');
    const nth = energy.districts.find((d) => d.districtCode === NANTAIHU_CODE);
    expect(nth?.value).toBeNull();
    expect(nth?.note).toBe('/');
    expect(energy.mappable).toBe(true);
    expect(energy.numericDistrictCount).toBe(energy.districts.length - 1);
    const values = districtTargetValues(energy);
    expect(values.find((v) => v.districtCode === NANTAIHU_CODE)?.value).toBeNull();
  });

  it('declares polarity, kind and sign for every seed indicator', () => {
    for (const i of catalogue.indicators) {
      expect(i.semanticsDeclared, i.id).toBe(true);
      expect(INDICATOR_SEMANTICS[i.id]).toBeDefined();
    }
    const energy = indicator('energy_intensity_reduction');
    expect(energy.polarity).toBe('higher-is-better');
    expect(energy.kind).toBe('reduction-rate');
    expect(energy.nonNegative).toBe(false);
    expect(indicator('land_freed_mu')).toMatchObject({ kind: 'amount', nonNegative: true });
    expect(indicator('industrial_value_added_growth')).toMatchObject({
      kind: 'growth-rate',
      nonNegative: false,
    });
    expect(indicator('tax_per_mu')).toMatchObject({ group: 'per_mu_efficiency', kind: 'level' });
  });

  it('carries units in both languages, with the counter word for counts', () => {
    expect(indicator('tax_per_mu').unit.zh).toBe('万元/亩');
    expect(indicator('inefficient_enterprises_rectified').unit).toMatchObject({
      zh: '家',
      en: 'enterprises',
    });
    expect(indicator('energy_freed_10k_tce').unit.zh).toBe('万吨标煤');
    expect(indicator('tax_per_mu').years).toEqual([2023]);
  });

  it('falls back to stated defaults for an indicator it does not know', () => {
    const renamed = huzhouDistrictTargets().map((t) => ({
      ...t,
      indicatorId: `x_${t.indicatorId}`,
    }));
    const unknown = buildIndicatorCatalogue(renamed).indicators[0];
    expect(unknown?.semanticsDeclared).toBe(false);
    expect(unknown?.polarity).toBe('higher-is-better');
    expect(unknown?.nonNegative).toBe(false);
  });

  it('refuses a record it cannot place instead of guessing', () => {
    const [first] = huzhouDistrictTargets();
    if (!first) throw new Error('no district targets');
    expect(() => buildIndicatorCatalogue([{ ...first, districtCode: '999999' }])).toThrow(
      /unknown area code 999999/,
    );
    expect(() => buildIndicatorCatalogue([{ ...first, group: 'vibes' }])).toThrow(
      /unknown indicator group/,
    );
  });
});

const seedDocsDir = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));

describe.runIf(existsSync(seedDocsDir))('catalogue figures against the seed document', () => {
  it('match the cells of the cited table line, district by district, for every mapped indicator', () => {
    const lineCache = new Map<string, string[]>();
    const { mappable } = indicatorsForMap(catalogue, HUZHOU, 2023);
    expect(mappable.length).toBeGreaterThan(5);
    for (const i of mappable) {
      const t = targets2023(i.id);
      for (const target of [...t.districts, ...(t.city ? [t.city] : [])]) {
        if (target.value === null) continue;
        const { file, lines } = target.source;
        if (!lineCache.has(file)) {
          lineCache.set(file, readFileSync(`${seedDocsDir}${file}`, 'utf8').split(/\r?\n/));
        }
        const line = lineCache.get(file)?.[(lines[0]?.[0] ?? 0) - 1] ?? '';
        // 附1 prints one row per indicator: its name, then one cell per area in the header's
        // order (吴兴 南浔 德清 长兴 安吉 南太湖新区 全市), tab-separated.
        const header = ['吴兴', '南浔', '德清', '长兴', '安吉', '南太湖新区', '全市'];
        const cells = line.split('\t').slice(1);
        const column = header.indexOf(target.nameZhAsPrinted);
        expect(column, `${i.id} ${target.nameZhAsPrinted}`).toBeGreaterThanOrEqual(0);
        expect(parseFloat(cells[column] ?? ''), `${i.id} ${target.nameZhAsPrinted}`).toBe(
          target.value,
        );
      }
    }
  });

  it('name every Huzhou district and zone the plan lists', () => {
    const names = targets2023('tax_per_mu').districts.map(
      (d) => DISTRICTS.find((r) => r.code === d.districtCode)?.shortNameZh,
    );
    expect(names).toEqual(targets2023('tax_per_mu').districts.map((d) => d.nameZhAsPrinted));
  });
});
