/**
 * Words of the Data dialog that need more than a lookup: section names (any section the
 * registry adds shows by its dictionary entry, or by its file name until it has one) and
 * backup problems with record numbers counted from 1.
 */
import { formatByteSize, formatNumber } from '../../domain/number-format.ts';
import type { Locale } from '../../domain/view-state.ts';
import type { dataZhCN } from '../../i18n/data.zh-CN.ts';
import { format } from '../../i18n/index.ts';
import type { Widen } from '../../i18n/widen.ts';
import type {
  BackupProblem,
  ImportMode,
  ImportSummary,
  SectionCounts,
  StorageStatus,
} from '../../state/backup.svelte.ts';

export type DataWords = Widen<typeof dataZhCN>;

/** A section's name for the reader. */
export function sectionName(words: DataWords, section: string): string {
  return words.sections[section] ?? section;
}

/** A record field as a problem names it: its name where the dictionary has one, and its key. */
export function fieldName(words: DataWords, field: string): string {
  const name = words.fields[field];
  return name === undefined ? field : format(words.namedField, { name, field });
}

/** When a file was exported, to the minute, in the reader's language; a dash when unknown. */
export function exportedAtText(iso: string, locale: Locale): string {
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return '—';
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(time);
}

/** One problem of a refused file, naming the section, the record (from 1) and the field. */
export function problemText(words: DataWords, problem: BackupProblem): string {
  const template =
    words.problems[problem.id.slice('backup.'.length) as keyof DataWords['problems']];
  switch (problem.id) {
    case 'backup.missingSection':
      return format(template, { section: sectionName(words, problem.params.section) });
    case 'backup.badRecord':
      return format(template, {
        section: sectionName(words, problem.params.section),
        index: problem.params.index + 1,
        field: fieldName(words, problem.params.field),
      });
    case 'backup.duplicateRecord':
      return format(template, {
        section: sectionName(words, problem.params.section),
        index: problem.params.index + 1,
        firstIndex: problem.params.firstIndex + 1,
      });
    default:
      return format(template, problem.params);
  }
}

/** One line per section of an exported file: its name and how many records it holds. */
export function exportLines(words: DataWords, counts: SectionCounts, locale: Locale): string[] {
  return Object.entries(counts).map(([section, count]) =>
    format(words.export.sectionCount, {
      section: sectionName(words, section),
      count: formatNumber(count, locale),
    }),
  );
}

const CHANGE_KINDS = ['added', 'updated', 'kept', 'removed'] as const;

/**
 * One line per section of a restore preview or result, in words: only the counts that are not
 * zero ("1 updated"), "no change" when all are, and sections the file lacks as left alone.
 */
export function summaryLines(
  words: DataWords,
  summary: ImportSummary,
  sectionsInFile: readonly string[],
  locale: Locale,
): string[] {
  return Object.entries(summary).map(([section, counts]) => {
    const name = sectionName(words, section);
    if (!sectionsInFile.includes(section)) {
      return format(words.restore.sectionUntouched, { section: name });
    }
    const changes = CHANGE_KINDS.filter((kind) => counts[kind] > 0).map((kind) =>
      format(words.restore.changes[kind], { count: formatNumber(counts[kind], locale) }),
    );
    if (changes.length === 0) return format(words.restore.sectionNoChange, { section: name });
    return format(words.restore.sectionLine, {
      section: name,
      changes: changes.join(words.restore.changeSeparator),
    });
  });
}

/**
 * How many browser records a restore would delete, which the planner must confirm first: only
 * a replace deletes, and a replace that deletes nothing needs no confirmation (0).
 */
export function removalsToConfirm(mode: ImportMode, summary: ImportSummary): number {
  if (mode !== 'replace') return 0;
  return Object.values(summary).reduce((sum, counts) => sum + counts.removed, 0);
}

/** The confirmation a replace asks for, with the number of records it deletes. */
export function confirmReplaceText(words: DataWords, removed: number, locale: Locale): string {
  return format(words.restore.confirmReplace, { removed: formatNumber(removed, locale) });
}

/** What the browser keeps and how much room it uses. */
export function storageLines(words: DataWords, status: StorageStatus, locale: Locale): string[] {
  const kept =
    status.persisted === null
      ? words.storage.unsupported
      : status.persisted
        ? words.storage.persisted
        : words.storage.notPersisted;
  const usage =
    status.usageBytes !== null && status.quotaBytes !== null
      ? format(words.storage.usage, {
          usage: formatByteSize(status.usageBytes, locale),
          quota: formatByteSize(status.quotaBytes, locale),
        })
      : words.storage.usageUnknown;
  return [kept, usage];
}
