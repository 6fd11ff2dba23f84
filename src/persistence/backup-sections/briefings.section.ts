/** The `briefings` backup section (since version 3): briefings with all their slides. */

import { readBriefingValue } from '../../domain/briefings/briefing-file.format.ts';
import type { Briefing } from '../../domain/briefings/briefing.ts';
import type { BackupSectionSpec } from '../backup-section.ts';

/** A briefing as a backup holds it: as a briefing file does, without the revision. */
export type BackupBriefing = Briefing;

export const briefingsSection: BackupSectionSpec<'briefings', BackupBriefing> = {
  name: 'briefings',
  sinceVersion: 3,
  tables: (db) => [db.briefings],
  // The same checks as an imported briefing file, so a backup cannot restore a briefing that
  // the file import would refuse.
  badField(record) {
    const result = readBriefingValue(record, '');
    return result.ok ? undefined : result.problems[0]?.path || 'record';
  },
  read(record) {
    const result = readBriefingValue(record, '');
    if (!result.ok) throw new Error('briefings.read: record was not checked with badField');
    return result.briefing;
  },
  keyOf: (record) => record.id,
  changedAtOf: (record) => record.updatedAt,
  async readAll(db) {
    const rows = await db.briefings.toArray();
    return rows.map(({ revision: _revision, ...rest }) => rest);
  },
  async apply(db, { toWrite, toRemove, takeRevision }) {
    if (toRemove.length > 0) await db.briefings.bulkDelete(toRemove.map((b) => b.id));
    await db.briefings.bulkPut(toWrite.map((b) => ({ ...b, revision: takeRevision() })));
  },
};
