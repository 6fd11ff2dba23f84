/**
 * What the actuals editor shows, as plain functions: its rows, the words for every message id
 * the domain and persistence layers return, and the one-line summary of the last save.
 */

import {
  ACTUAL_YEAR_MAX,
  ACTUAL_YEAR_MIN,
  isActualYear,
} from '../../domain/actuals/actual-value.ts';
import type { CellRejection, PasteRejection } from '../../domain/actuals/paste-messages.ts';
import {
  formatSourceCitation,
  targetsFor,
  type Indicator,
  type TargetValue,
} from '../../domain/indicators/indicator-catalogue.ts';
import { formatNumber, formatQuantity } from '../../domain/number-format.ts';
import { CITIES, districtByCode, districtsOfCity } from '../../domain/regions.ts';
import type { Locale } from '../../domain/view-state.ts';
import { format, type Messages } from '../../i18n/index.ts';
import type { BackupProblem, SaveOrigin, SaveOutcome } from '../../state/actuals.svelte.ts';

export type ActualsWords = Messages['actuals'];

/** One row of the editor's table: a district (or the whole city) and its target, if any. */
export interface EditorRow {
  areaCode: string;
  name: string;
  isCity: boolean;
  /** The seed's target row for the year; undefined when the table has none for this area. */
  target: TargetValue | undefined;
}

type MessageName<Id extends string, Prefix extends string> = Id extends `${Prefix}.${infer Name}`
  ? Name
  : never;

/** The name of a district or city code in a locale; the code itself when unknown. */
export function areaName(code: string, locale: Locale): string {
  const area = districtByCode(code) ?? CITIES.find((c) => c.code === code);
  if (!area) return code;
  return locale === 'en' ? area.nameEn : area.nameZh;
}

/**
 * The editor's rows: the city's districts that the indicator's seed table covers in any year
 * (all of the city's districts when it covers none), in regions.ts order, then the whole city.
 * A district the table never names, such as 湖州开发区 for the 2023 targets, is left out
 * rather than shown as a row that can never take a value.
 */
export function editorRows(
  indicator: Indicator,
  cityCode: string,
  year: number,
  locale: Locale,
): EditorRow[] {
  const covered = indicator.targets
    .filter((t) => t.cityCode === cityCode)
    .flatMap((t) => t.districts.map((d) => d.districtCode));
  const districts = districtsOfCity(cityCode).filter(
    (d) => covered.length === 0 || covered.includes(d.code),
  );
  const targets = targetsFor(indicator, cityCode, year);
  const rows: EditorRow[] = districts.map((d) => ({
    areaCode: d.code,
    name: locale === 'en' ? d.nameEn : d.nameZh,
    isCity: false,
    target: targets?.districts.find((t) => t.districtCode === d.code),
  }));
  rows.push({
    areaCode: cityCode,
    name: areaName(cityCode, locale),
    isCity: true,
    target: targets?.city ?? undefined,
  });
  return rows;
}

/** The distinct source citations of the rows' targets, for the "plan target" legend. */
export function targetSources(rows: readonly EditorRow[], locale: Locale): string[] {
  const citations = rows.flatMap((r) =>
    r.target ? [formatSourceCitation(r.target.source, locale)] : [],
  );
  return citations.filter((c, i) => citations.indexOf(c) === i);
}

/** Why a year cannot take actuals for this indicator and city; undefined when it can. */
export function yearProblem(
  indicator: Indicator,
  cityCode: string,
  year: number,
): CellRejection | undefined {
  if (!isActualYear(year)) return { id: 'actuals.badYear', params: { year: String(year) } };
  if (!targetsFor(indicator, cityCode, year)) {
    return { id: 'actuals.noTargetForYear', params: { indicatorId: indicator.id, year } };
  }
  return undefined;
}

/** A refused cell or paste, worded; `indicatorName` turns an id into the name on screen. */
export function rejectionText(
  words: ActualsWords,
  rejection: CellRejection | PasteRejection,
  locale: Locale,
  indicatorName: (id: string) => string,
): string {
  const name = rejection.id.slice('actuals.'.length) as MessageName<typeof rejection.id, 'actuals'>;
  const template = words[name];
  switch (rejection.id) {
    case 'actuals.negative':
      return format(template, { value: formatNumber(rejection.params.value, locale, 6) });
    case 'actuals.noTargetForYear':
      return format(template, {
        indicator: indicatorName(rejection.params.indicatorId),
        year: rejection.params.year,
      });
    case 'actuals.badYear':
      return format(template, {
        ...rejection.params,
        min: ACTUAL_YEAR_MIN,
        max: ACTUAL_YEAR_MAX,
      });
    default:
      return format(template, rejection.params);
  }
}

/** A backup file problem, worded; record positions are counted from 1 for the reader. */
export function backupProblemText(words: ActualsWords, problem: BackupProblem): string {
  const template =
    words.backup[problem.id.slice('backup.'.length) as MessageName<typeof problem.id, 'backup'>];
  switch (problem.id) {
    case 'backup.badRecord':
      return format(template, { ...problem.params, index: problem.params.index + 1 });
    case 'backup.duplicateRecord':
      return format(template, {
        ...problem.params,
        index: problem.params.index + 1,
        firstIndex: problem.params.firstIndex + 1,
      });
    default:
      return format(template, problem.params);
  }
}

/** The storage-full message (`persistence.storageFull`). */
export function storageFullText(words: ActualsWords): string {
  return words.persistence.storageFull;
}

/**
 * The line shown under the table after a save, paste or delete; undefined where the message
 * belongs next to a cell (a typed value's problems) or in the paste's own conflict panel.
 */
export function outcomeSummary(
  words: ActualsWords,
  last: { origin: SaveOrigin; outcome: SaveOutcome },
): { text: string; alert: boolean; retry: boolean } | undefined {
  const { origin, outcome } = last;
  const status = (text: string) => ({ text, alert: false, retry: false });
  const alert = (text: string, retry = false) => ({ text, alert: true, retry });
  switch (outcome.kind) {
    case 'saved':
      return status(format(words.editor.saved, { count: outcome.saved.length }));
    case 'removed':
      return status(format(words.editor.removed, { count: outcome.removed.length }));
    case 'invalid':
      return origin === 'cell'
        ? undefined
        : alert(format(words.editor.invalidSummary, { count: outcome.cells.length }));
    case 'conflict':
      return origin === 'remove'
        ? alert(format(words.conflict.summary, { count: outcome.conflicts.length }))
        : undefined;
    case 'storage-full':
      return origin === 'cell' ? undefined : alert(storageFullText(words), true);
    case 'nothing-to-store':
      return origin === 'cell' ? undefined : alert(words.editor.nothingToStore);
    case 'busy':
      return undefined;
  }
}

/** True when English restates the indicator's unit (万元/亩 → yuan/mu) with a factor. */
function restatedInEnglish(indicator: Indicator, locale: Locale): boolean {
  return locale === 'en' && indicator.unit.enFactor !== 1;
}

/**
 * The unit a planner types actuals in. Values are stored in the seed's own unit, so where
 * English restates it (万元/亩 is shown as yuan/mu) the label names the seed unit and what 1 of
 * it is, rather than inviting a figure in yuan.
 */
export function entryUnitLabel(indicator: Indicator, locale: Locale, words: ActualsWords): string {
  if (restatedInEnglish(indicator, locale)) {
    return format(words.editor.entryUnitScaled, {
      unit: indicator.unitZh,
      one: formatQuantity(1, indicator.unit, locale),
    });
  }
  return locale === 'en' ? indicator.unit.en : indicator.unitZh;
}

/**
 * A stored or pasted actual for a reader: `45 万元/亩`; in English, where the unit is
 * restated, the number as typed as well (`45 万元/亩 (450,000 yuan/mu)`), so it can be matched
 * with the input.
 */
export function formatActual(value: number, indicator: Indicator, locale: Locale): string {
  const readable = formatQuantity(value, indicator.unit, locale);
  if (!restatedInEnglish(indicator, locale)) return readable;
  return `${formatNumber(value, locale, 6)} ${indicator.unitZh} (${readable})`;
}

/** When a value was entered, in the reader's locale (date and minutes). */
export function formatEnteredAt(iso: string, locale: Locale): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(time);
}
