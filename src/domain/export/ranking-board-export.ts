/**
 * The ranking board as an Excel-ready CSV, in the reader's language. Values stay in the
 * indicator's seed unit (37, not 370,000) so they match the plan as printed; the header names
 * the unit. Each row cites its target's note and source, so a figure pasted into a report can
 * still be traced.
 */
import {
  formatSourceCitation,
  type Indicator,
  type IndicatorTargets,
} from '../indicators/indicator-catalogue.ts';
import type { BoardRow, VersusCity } from '../indicators/ranking.ts';
import { districtByCode } from '../regions.ts';
import { SEED_UNITS } from '../seeds/seed-units.ts';
import type { Locale } from '../view-state.ts';
import { toCsv, type CsvColumn } from './csv-export.ts';

interface Labels {
  rank: string;
  code: string;
  district: string;
  value: string;
  gap: string;
  gapPercent: string;
  versusCity: string;
  cityValue: string;
  note: string;
  source: string;
  versus: Record<VersusCity, string>;
}

const LABELS: Record<Locale, Labels> = {
  'zh-CN': {
    rank: '排名',
    code: '区县代码',
    district: '区县',
    value: '数值',
    gap: '与全市差值',
    gapPercent: '与全市差距（%）',
    versusCity: '对比全市',
    cityValue: '全市',
    note: '备注',
    source: '来源',
    versus: { better: '优于全市', equal: '与全市持平', worse: '落后全市' },
  },
  en: {
    rank: 'Rank',
    code: 'District code',
    district: 'District',
    value: 'Value',
    gap: 'Gap to city',
    gapPercent: 'Gap to city (%)',
    versusCity: 'Versus city',
    cityValue: 'City',
    note: 'Note',
    source: 'Source',
    versus: { better: 'better', equal: 'equal', worse: 'worse' },
  },
};

/** Drops the float noise of a subtraction (2.7 − 2.6 = 0.10000000000000009 → 0.1). */
function clean(x: number | null): number | null {
  return x === null ? null : Number(x.toPrecision(12));
}

export interface RankingExportInput {
  indicator: Pick<Indicator, 'nameZh' | 'nameEn' | 'unitId' | 'unitZh'>;
  board: readonly BoardRow[];
  /** The city-wide figure the gaps were measured against; null when there is none. */
  cityValue: number | null;
  /** The targets, for each district's note and source; omit when the board is not of targets. */
  targets?: IndicatorTargets;
  locale: Locale;
}

/** The CSV text of a ranking board, in the order its rows are given. */
export function rankingBoardCsv(input: RankingExportInput): string {
  const { indicator, locale, targets } = input;
  const labels = LABELS[locale];
  const unit = locale === 'en' ? SEED_UNITS[indicator.unitId].en : indicator.unitZh;
  const withUnit = (label: string) => (unit ? `${label} (${unit})` : label);
  const targetOf = (code: string) => targets?.districts.find((d) => d.districtCode === code);
  const columns: CsvColumn<BoardRow>[] = [
    { header: labels.rank, kind: 'number', value: (r) => r.rank },
    { header: labels.code, kind: 'text', value: (r) => r.districtCode },
    {
      header: labels.district,
      kind: 'text',
      value: (r) => {
        const district = districtByCode(r.districtCode);
        return (locale === 'en' ? district?.nameEn : district?.nameZh) ?? r.districtCode;
      },
    },
    {
      header: withUnit(locale === 'en' ? indicator.nameEn : indicator.nameZh),
      kind: 'number',
      value: (r) => r.value,
    },
    { header: withUnit(labels.gap), kind: 'number', value: (r) => clean(r.gapToCity) },
    {
      header: labels.gapPercent,
      kind: 'number',
      value: (r) =>
        r.gapToCityRatio === null ? null : Number((r.gapToCityRatio * 100).toFixed(2)),
    },
    {
      header: labels.versusCity,
      kind: 'text',
      value: (r) => (r.versusCity ? labels.versus[r.versusCity] : null),
    },
    { header: withUnit(labels.cityValue), kind: 'number', value: () => input.cityValue },
    { header: labels.note, kind: 'text', value: (r) => targetOf(r.districtCode)?.note },
    {
      header: labels.source,
      kind: 'text',
      value: (r) => {
        const target = targetOf(r.districtCode);
        return target && formatSourceCitation(target.source, locale);
      },
    },
  ];
  return toCsv(columns, input.board);
}
