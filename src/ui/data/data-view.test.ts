import { describe, expect, it } from 'vitest';
import { dataEn } from '../../i18n/data.en.ts';
import { dataZhCN } from '../../i18n/data.zh-CN.ts';
import {
  BACKUP_SECTION_NAMES,
  type ImportSummary,
  type SectionCounts,
} from '../../state/backup.svelte.ts';
import {
  confirmReplaceText,
  exportedAtText,
  exportLines,
  fieldName,
  problemText,
  removalsToConfirm,
  sectionName,
  summaryLines,
} from './data-view.ts';

const NOTHING = { added: 0, updated: 0, kept: 0, removed: 0 };

function summaryWith(changes: Partial<ImportSummary>): ImportSummary {
  const all = Object.fromEntries(BACKUP_SECTION_NAMES.map((name) => [name, NOTHING]));
  return { ...all, ...changes } as ImportSummary;
}

describe('section names', () => {
  it.each([
    ['zh-CN', dataZhCN],
    ['en', dataEn],
  ])('every registered section has a name in %s, not its file key', (_locale, words) => {
    for (const section of BACKUP_SECTION_NAMES) {
      expect(words.sections[section], section).toBeTruthy();
      expect(sectionName(words, section)).not.toBe(section);
    }
  });

  it('shows a section without a dictionary entry by its file key', () => {
    expect(sectionName(dataEn, 'surveys')).toBe('surveys');
  });
});

describe('problemText', () => {
  it('names the section in words and counts records from 1', () => {
    const problem = {
      id: 'backup.badRecord',
      params: { section: 'placeCorrections', index: 1, field: 'lat' },
    } as const;
    expect(problemText(dataZhCN, problem)).toBe('“点位更正”第 2 条记录的“纬度（lat）”字段有误。');
    expect(problemText(dataEn, problem)).toBe(
      'Record 2 of “Place corrections” has a bad “lat” field.',
    );
  });

  it('gives both positions of a repeated record from 1', () => {
    const problem = {
      id: 'backup.duplicateRecord',
      params: { section: 'actuals', index: 4, firstIndex: 0 },
    } as const;
    expect(problemText(dataEn, problem)).toBe('Record 5 of “Actual values” repeats record 1.');
    expect(problemText(dataZhCN, problem)).toBe('“实际值”第 5 条记录与第 1 条重复。');
  });

  it('names a missing section and a newer format', () => {
    expect(
      problemText(dataZhCN, { id: 'backup.missingSection', params: { section: 'zones' } }),
    ).toBe('备份中缺少“更新片区”部分。');
    expect(
      problemText(dataEn, { id: 'backup.newerVersion', params: { schemaVersion: 9 } }),
    ).toContain('format 9');
  });
});

describe('summaryLines', () => {
  const all = BACKUP_SECTION_NAMES;

  it('says "1 updated" for one changed value, and no change for the other sections', () => {
    const summary = summaryWith({ actuals: { ...NOTHING, updated: 1 } });
    const en = summaryLines(dataEn, summary, all, 'en');
    const zh = summaryLines(dataZhCN, summary, all, 'zh-CN');
    expect(en[all.indexOf('actuals')]).toBe('Actual values: 1 updated');
    expect(zh[all.indexOf('actuals')]).toBe('实际值：更新 1 条');
    expect(en[all.indexOf('zones')]).toBe('Renewal zones: no change');
    expect(zh[all.indexOf('zones')]).toBe('更新片区：不变');
    expect(en).toHaveLength(all.length);
  });

  it('lists only the counts that are not zero, with grouped digits', () => {
    const summary = summaryWith({
      importedLayers: { added: 12_345, updated: 0, kept: 2, removed: 3 },
    });
    const line = summaryLines(dataEn, summary, all, 'en')[all.indexOf('importedLayers')];
    expect(line).toBe('Imported layers: 12,345 added, 2 kept as the browser has them, 3 deleted');
    const zh = summaryLines(dataZhCN, summary, all, 'zh-CN')[all.indexOf('importedLayers')];
    expect(zh).toBe('导入图层：新增 12,345 条，保留浏览器中的 2 条，删除 3 条');
  });

  it('says a section the file lacks is left alone, whatever its counts', () => {
    const summary = summaryWith({ actuals: { ...NOTHING, added: 1 } });
    const lines = summaryLines(dataEn, summary, ['actuals'], 'en');
    expect(lines[all.indexOf('placeCorrections')]).toBe(
      'Place corrections: not in the file, left as it is',
    );
    expect(lines[all.indexOf('actuals')]).toBe('Actual values: 1 added');
  });
});

describe('removalsToConfirm', () => {
  it('asks only when a replace would delete something, with the total it deletes', () => {
    const deletes = summaryWith({
      actuals: { ...NOTHING, removed: 2 },
      zones: { ...NOTHING, added: 1, removed: 1 },
    });
    expect(removalsToConfirm('replace', deletes)).toBe(3);
    expect(removalsToConfirm('merge', deletes)).toBe(0);
    const addsOnly = summaryWith({ actuals: { ...NOTHING, added: 4, updated: 1 } });
    expect(removalsToConfirm('replace', addsOnly)).toBe(0);
  });

  it('words the confirmation with the number deleted', () => {
    expect(confirmReplaceText(dataZhCN, 1200, 'zh-CN')).toContain('1,200 条');
    expect(confirmReplaceText(dataEn, 3, 'en')).toContain('(3)');
  });
});

describe('exportLines', () => {
  it('lists each section of the file by name with its count', () => {
    const counts = Object.fromEntries(
      BACKUP_SECTION_NAMES.map((name) => [name, name === 'actuals' ? 1500 : 0]),
    ) as SectionCounts;
    const lines = exportLines(dataZhCN, counts, 'zh-CN');
    expect(lines).toHaveLength(BACKUP_SECTION_NAMES.length);
    expect(lines).toContain('实际值：1,500 条');
    expect(lines).toContain('更新片区：0 条');
    expect(exportLines(dataEn, counts, 'en')).toContain('Actual values: 1,500');
  });
});

describe('fieldName and exportedAtText', () => {
  it('names a known field in Chinese beside the file’s key, and leaves others as keys', () => {
    expect(fieldName(dataZhCN, 'value')).toBe('数值（value）');
    expect(fieldName(dataZhCN, 'surveyor')).toBe('surveyor');
    expect(fieldName(dataEn, 'value')).toBe('value');
  });

  it('words the export time to the minute, day before month in English', () => {
    const iso = '2024-05-01T12:00:00.000Z';
    const local = new Date(iso);
    const hhmm = `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`;
    expect(exportedAtText(iso, 'en')).toBe(`1 May 2024, ${hhmm}`);
    expect(exportedAtText(iso, 'zh-CN')).toContain('2024年5月1日');
    expect(exportedAtText('', 'en')).toBe('—');
  });
});
