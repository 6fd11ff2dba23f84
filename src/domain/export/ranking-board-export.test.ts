import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { districtByCode, NANTAIHU_CODE } from '../regions.ts';
import { heatmapEn } from '../../i18n/heatmap.en.ts';
import { heatmapZhCN } from '../../i18n/heatmap.zh-CN.ts';
import {
  districtTargetValues,
  formatSourceCitation,
  targetsFor,
} from '../indicators/indicator-catalogue.ts';
import { buildRankingBoard } from '../indicators/ranking.ts';
import { huzhouCatalogue } from '../indicators/seed-catalogue.fixture.ts';
import { rankingBoardCsv } from './ranking-board-export.ts';

const catalogue = huzhouCatalogue();

function exportOf(id: string, locale: 'zh-CN' | 'en') {
  const indicator = catalogue.indicators.find((i) => i.id === id);
  const targets = indicator && targetsFor(indicator, '330500', 2023);
  if (!indicator || !targets) throw new Error(`no targets for ${id}`);
  const cityValue = targets.city?.value ?? null;
  const board = buildRankingBoard(districtTargetValues(targets), {
    polarity: indicator.polarity,
    cityValue,
  });
  const targetOf = (code: string) => targets.districts.find((d) => d.districtCode === code);
  const csv = rankingBoardCsv({
    valueName: locale === 'en' ? indicator.nameEn : indicator.nameZh,
    unitLabel: locale === 'en' ? indicator.unit.en : indicator.unitZh,
    board,
    cityValue,
    districtName: (code) => {
      const district = districtByCode(code);
      return (locale === 'en' ? district?.nameEn : district?.nameZh) ?? code;
    },
    noteOf: (code) => targetOf(code)?.note ?? '',
    sourceOf: (code) => {
      const target = targetOf(code);
      return target ? formatSourceCitation(target.source, locale) : '';
    },
    labels: (locale === 'en' ? heatmapEn : heatmapZhCN).export,
  });
  const [header = [], ...rows] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  }).data;
  const column = (name: string) => {
    const exact = header.indexOf(name);
    const index = exact >= 0 ? exact : header.findIndex((h) => h.startsWith(name));
    if (index < 0) throw new Error(`no column ${name} in ${header.join('|')}`);
    return rows.map((r) => r[index] ?? '');
  };
  return { csv, header, rows, board, column, targets };
}

describe('ranking board export', () => {
  it('has one row per district, in board order, with ranks and values as numbers', () => {
    const { rows, board, column } = exportOf('tax_per_mu', 'zh-CN');
    expect(rows).toHaveLength(board.length);
    expect(column('区县代码')).toEqual(board.map((r) => r.districtCode));
    expect(column('排名').map(Number)).toEqual(board.map((r) => r.rank));
    expect(column('规上工业亩均税收').map(Number)).toEqual(board.map((r) => r.value));
    expect(column('区县')).toContain('南太湖新区');
  });

  it('names the unit in the header and keeps the seed unit’s figures', () => {
    const zh = exportOf('tax_per_mu', 'zh-CN');
    expect(zh.header).toContain('规上工业亩均税收 (万元/亩)');
    const en = exportOf('tax_per_mu', 'en');
    expect(en.header.some((h) => h.includes('yuan/mu'))).toBe(true);
    expect(en.column('District')).toContain(districtByCode(NANTAIHU_CODE)?.nameEn);
  });

  it('writes negative gaps as plain numbers a spreadsheet can sum', () => {
    const { csv, board, column } = exportOf('tax_per_mu', 'zh-CN');
    const gaps = column('与全市差值').map(Number);
    expect(gaps).toEqual(board.map((r) => r.gapToCity));
    expect(gaps.some((g) => g < 0)).toBe(true);
    expect(csv).not.toMatch(/,'-\d/);
    const percents = column('与全市差距').map(Number);
    board.forEach((r, i) => expect(percents[i]).toBeCloseTo((r.gapToCityRatio ?? NaN) * 100, 2));
  });

  it('carries each target’s note and source', () => {
    const { column, rows } = exportOf('energy_intensity_reduction', 'zh-CN');
    const codes = column('区县代码');
    const notes = column('备注');
    expect(notes[codes.indexOf('330502')]).toBe('含南太湖新区');
    expect(notes[codes.indexOf(NANTAIHU_CODE)]).toBe('/');
    for (const source of column('来源')) {
      expect(source).toContain('湖政办发〔2023〕22号');
      expect(source).toMatch(/003_bf8a38d02e4bdcc0\.txt 第 \d+ 行/);
    }
    expect(rows.at(-1)?.[0]).toBe('');
  });

  it('leaves gap cells empty when the city has no figure', () => {
    const { column } = exportOf('energy_intensity_reduction', 'en');
    expect(column('Gap to city').every((g) => g === '')).toBe(true);
    expect(column('City').every((g) => g === '')).toBe(true);
  });
});
