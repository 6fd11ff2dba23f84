import { describe, expect, it } from 'vitest';
import type {
  ActualsMessageId,
  CellRejection,
  PasteRejection,
} from '../../domain/actuals/paste-messages.ts';
import { targetsFor } from '../../domain/indicators/indicator-catalogue.ts';
import { huzhouCatalogue } from '../../domain/indicators/seed-catalogue.fixture.ts';
import {
  HUZHOU_DEV_ZONE_CODE,
  NANTAIHU_CODE,
  districtsOfCity,
  type DistrictInfo,
} from '../../domain/regions.ts';
import { formatQuantity } from '../../domain/number-format.ts';
import { LOCALES } from '../../domain/view-state.ts';
import { messagesFor } from '../../i18n/index.ts';
import type { BackupProblem } from '../../state/actuals.svelte.ts';
import {
  backupProblemText,
  editorRows,
  entryUnitLabel,
  formatActual,
  outcomeSummary,
  rejectionText,
  storageFullText,
  yearProblem,
} from './actuals-view.ts';

const catalogue = huzhouCatalogue();
const TAX = catalogue.indicators.find((i) => i.id === 'tax_per_mu')!;
const TAX_YEAR = TAX.years[0]!;
const HUZHOU = '330500';
const SHAOXING = '330600';

/** One rejection of every id; the type makes leaving an id out a compile error. */
const EVERY_REJECTION: Record<ActualsMessageId, CellRejection | PasteRejection> = {
  'actuals.pasteAmbiguousComma': { id: 'actuals.pasteAmbiguousComma', params: { line: 3 } },
  'actuals.pasteUnclosedQuote': { id: 'actuals.pasteUnclosedQuote', params: { line: 2 } },
  'actuals.notANumber': { id: 'actuals.notANumber', params: { text: '约37' } },
  'actuals.unitMismatch': {
    id: 'actuals.unitMismatch',
    params: { unit: '万元', expected: '万元/亩' },
  },
  'actuals.negative': { id: 'actuals.negative', params: { value: -30 } },
  'actuals.noTargetForYear': {
    id: 'actuals.noTargetForYear',
    params: { indicatorId: TAX.id, year: 2031 },
  },
  'actuals.unknownDistrict': { id: 'actuals.unknownDistrict', params: { district: '杭州' } },
  'actuals.unknownIndicator': { id: 'actuals.unknownIndicator', params: { indicator: '亩产' } },
  'actuals.badYear': { id: 'actuals.badYear', params: { year: '23' } },
  'actuals.outsideTable': { id: 'actuals.outsideTable', params: {} },
  'actuals.duplicateCell': { id: 'actuals.duplicateCell', params: { row: 2, column: 3 } },
};

const EVERY_BACKUP_PROBLEM: Record<BackupProblem['id'], BackupProblem> = {
  'backup.notJson': { id: 'backup.notJson', params: {} },
  'backup.notMuAtlas': { id: 'backup.notMuAtlas', params: {} },
  'backup.newerVersion': { id: 'backup.newerVersion', params: { schemaVersion: 9 } },
  'backup.missingSection': { id: 'backup.missingSection', params: { section: 'actuals' } },
  'backup.badRecord': {
    id: 'backup.badRecord',
    params: { section: 'actuals', index: 0, field: 'value' },
  },
  'backup.duplicateRecord': {
    id: 'backup.duplicateRecord',
    params: { section: 'actuals', index: 4, firstIndex: 1 },
  },
};

const nameOf = (id: string) => (id === TAX.id ? TAX.nameZh : id);

describe('message wording', () => {
  it.each(LOCALES)('words every actuals message id in %s, filling every placeholder', (locale) => {
    const words = messagesFor(locale).actuals;
    for (const rejection of Object.values(EVERY_REJECTION)) {
      const text = rejectionText(words, rejection, locale, nameOf);
      expect(text, rejection.id).not.toMatch(/[{}]/);
      expect(text.trim(), rejection.id).not.toBe('');
    }
    for (const problem of Object.values(EVERY_BACKUP_PROBLEM)) {
      expect(backupProblemText(words, problem), problem.id).not.toMatch(/[{}]|^\s*$/);
    }
    expect(storageFullText(words)).not.toBe('');
  });

  it('names the indicator and the cell a planner has to fix', () => {
    const words = messagesFor('zh-CN').actuals;
    expect(
      rejectionText(words, EVERY_REJECTION['actuals.noTargetForYear'], 'zh-CN', nameOf),
    ).toContain(TAX.nameZh);
    expect(rejectionText(words, EVERY_REJECTION['actuals.notANumber'], 'zh-CN', nameOf)).toContain(
      '约37',
    );
  });

  it('counts backup records from 1, as a reader does', () => {
    const words = messagesFor('en').actuals;
    expect(backupProblemText(words, EVERY_BACKUP_PROBLEM['backup.badRecord'])).toMatch(
      /Record 1 of/,
    );
    expect(backupProblemText(words, EVERY_BACKUP_PROBLEM['backup.duplicateRecord'])).toMatch(
      /Record 5 .* record 2\b/,
    );
  });
});

describe('editorRows', () => {
  const codes = (list: readonly DistrictInfo[]) => list.map((d) => d.code);

  it('lists the districts the seed table covers, 南太湖新区 included, then the city', () => {
    const rows = editorRows(TAX, HUZHOU, TAX_YEAR, 'zh-CN');
    const areaCodes = rows.map((r) => r.areaCode);
    expect(areaCodes).toContain(NANTAIHU_CODE);
    expect(areaCodes).not.toContain(HUZHOU_DEV_ZONE_CODE);
    expect(rows.at(-1)).toMatchObject({ areaCode: HUZHOU, isCity: true });
    expect(rows.find((r) => r.areaCode === NANTAIHU_CODE)?.name).toBe('南太湖新区');

    const targets = targetsFor(TAX, HUZHOU, TAX_YEAR)!;
    for (const target of targets.districts) {
      expect(rows.find((r) => r.areaCode === target.districtCode)?.target).toBe(target);
    }
    expect(rows.at(-1)?.target).toBe(targets.city);
  });

  it('keeps the rows but has no targets in a year the plan does not cover', () => {
    const rows = editorRows(TAX, HUZHOU, Math.max(...TAX.years) + 1, 'en');
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((r) => r.target === undefined)).toBe(true);
  });

  it('lists every district of a city the indicator has no targets for', () => {
    const rows = editorRows(TAX, SHAOXING, TAX_YEAR, 'zh-CN');
    expect(rows.map((r) => r.areaCode)).toEqual([...codes(districtsOfCity(SHAOXING)), SHAOXING]);
  });
});

describe('yearProblem', () => {
  it('accepts a plan year and explains the others', () => {
    expect(yearProblem(TAX, HUZHOU, TAX_YEAR)).toBeUndefined();
    expect(yearProblem(TAX, HUZHOU, Math.max(...TAX.years) + 1)?.id).toBe(
      'actuals.noTargetForYear',
    );
    expect(yearProblem(TAX, HUZHOU, 23)?.id).toBe('actuals.badYear');
  });
});

describe('outcomeSummary', () => {
  const words = messagesFor('zh-CN').actuals;

  it('leaves a typed value’s problem to the message beside its cell', () => {
    const reason = EVERY_REJECTION['actuals.negative'] as CellRejection;
    expect(
      outcomeSummary(words, { origin: 'cell', outcome: { kind: 'invalid', cells: [{ reason }] } }),
    ).toBeUndefined();
  });

  it('offers a retry when a paste met a full disk', () => {
    expect(
      outcomeSummary(words, { origin: 'paste', outcome: { kind: 'storage-full' } }),
    ).toMatchObject({ text: storageFullText(words), alert: true, retry: true });
  });
});

describe('the unit actuals are typed in', () => {
  const LAND = catalogue.indicators.find((i) => i.id === 'land_freed_mu')!;

  it('is the seed unit, explained in English where English restates it', () => {
    expect(entryUnitLabel(TAX, 'zh-CN', messagesFor('zh-CN').actuals)).toBe(TAX.unitZh);
    const english = entryUnitLabel(TAX, 'en', messagesFor('en').actuals);
    expect(english).toContain(TAX.unitZh);
    expect(english).toContain(formatQuantity(1, TAX.unit, 'en'));
    expect(entryUnitLabel(LAND, 'en', messagesFor('en').actuals)).toBe(LAND.unit.en);
  });

  it('shows a stored figure as typed beside its restated form', () => {
    expect(formatActual(45, TAX, 'en')).toBe(
      `45 ${TAX.unitZh} (${formatQuantity(45, TAX.unit, 'en')})`,
    );
    expect(formatActual(45, TAX, 'zh-CN')).toBe(formatQuantity(45, TAX.unit, 'zh-CN'));
  });
});
