/**
 * The ranking board as an Excel-ready CSV. Values stay in the measure's source unit (37, not
 * 370,000) so they match the plan as printed; the header names the unit. Each row cites its
 * figure's note and source, so a figure pasted into a report can still be traced. All words
 * come from the caller (the i18n dictionaries).
 */
import type { BoardRow, VersusCity } from '../indicators/ranking.ts';
import { toCsv, type CsvColumn } from './csv-export.ts';

/** Column headings and verdict words, in the reader's language. */
export interface RankingExportLabels {
  rank: string;
  code: string;
  district: string;
  gap: string;
  gapPercent: string;
  versusCity: string;
  cityValue: string;
  note: string;
  source: string;
  versus: Record<VersusCity, string>;
}

export interface RankingExportInput {
  /** The figure's name, e.g. 规上工业亩均税收. */
  valueName: string;
  /** The unit as printed, e.g. 万元/亩; empty for counts. */
  unitLabel: string;
  board: readonly BoardRow[];
  /** The city-wide figure the gaps were measured against; null when there is none. */
  cityValue: number | null;
  districtName: (districtCode: string) => string;
  /** The figure's note (a target's remark, or who entered an actual). */
  noteOf: (districtCode: string) => string;
  /** One line naming where the figure comes from. */
  sourceOf: (districtCode: string) => string;
  labels: RankingExportLabels;
}

/** Drops the float noise of a subtraction (2.7 − 2.6 = 0.10000000000000009 → 0.1). */
function clean(x: number | null): number | null {
  return x === null ? null : Number(x.toPrecision(12));
}

/** The CSV text of a ranking board, in the order its rows are given. */
export function rankingBoardCsv(input: RankingExportInput): string {
  const { labels } = input;
  const withUnit = (label: string) => (input.unitLabel ? `${label} (${input.unitLabel})` : label);
  const columns: CsvColumn<BoardRow>[] = [
    { header: labels.rank, kind: 'number', value: (r) => r.rank },
    { header: labels.code, kind: 'text', value: (r) => r.districtCode },
    { header: labels.district, kind: 'text', value: (r) => input.districtName(r.districtCode) },
    { header: withUnit(input.valueName), kind: 'number', value: (r) => r.value },
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
    { header: labels.note, kind: 'text', value: (r) => input.noteOf(r.districtCode) },
    { header: labels.source, kind: 'text', value: (r) => input.sourceOf(r.districtCode) },
  ];
  return toCsv(columns, input.board);
}
