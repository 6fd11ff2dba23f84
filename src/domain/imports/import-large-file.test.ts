/**
 * A 100 MB table, the size a county's full enterprise register export reaches: the importer reads
 * it whole, with progress to the end, keeps every good row and refuses exactly the bad ones. The
 * file is generated here (bench/import-parse.bench.ts's generator), never committed.
 */
import { describe, expect, it } from 'vitest';
import { enterpriseCsv } from '../../../bench/import-parse.bench.ts';
import { creditCode } from '../../../tests/fixtures/imports/make-fixtures.ts';
import { parseImportFile } from './import-file.ts';
import type { ImportProgress } from './import-preview.ts';

const ROWS = 770_000;

describe('a 100 MB CSV', () => {
  it('reads every row, refuses exactly the malformed ones and reports progress to the end', () => {
    const bytes = new TextEncoder().encode(enterpriseCsv(ROWS));
    expect(bytes.length).toBeGreaterThanOrEqual(100_000_000);
    const progress: ImportProgress[] = [];
    const preview = parseImportFile({ name: '全市企业名录.csv', bytes }, {}, (p) =>
      progress.push(p),
    );

    // The generator writes a text area on rows 99, 199, … and an X check digit on rows 42,
    // 142, …, which is wrong unless X happens to be the right check character.
    let malformed = 0;
    for (let i = 0; i < ROWS; i++) {
      if (i % 100 === 99) malformed++;
      else if (i % 100 === 42) {
        const stem = `91330500MA2${String(i).padStart(6, '0')}`;
        if (!creditCode(stem).endsWith('X')) malformed++;
      }
    }
    expect(preview.rejected.length).toBe(malformed);
    expect(preview.records.length).toBe(ROWS - malformed);
    expect(preview.canCommit).toBe(true);

    const rows = progress.filter((p) => p.phase === 'rows');
    expect(rows.length).toBeGreaterThan(10);
    for (let k = 1; k < rows.length; k++) {
      expect(rows[k]!.done).toBeGreaterThanOrEqual(rows[k - 1]!.done);
    }
    expect(rows.at(-1)!.done).toBe(rows.at(-1)!.total);
  }, 180_000);
});
