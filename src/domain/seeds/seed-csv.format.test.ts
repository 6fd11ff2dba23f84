import { describe, expect, it } from 'vitest';
import { columnLetter, parseSeedCsv, serializeSeedCsv } from './seed-csv.format.ts';

describe('serializeSeedCsv / parseSeedCsv', () => {
  it('round-trips commas, quotes and Chinese text as Excel writes them', () => {
    const rows = [{ a: '建设茧丝绸产业三大中心，打造“国际丝绸时尚中心”', b: 'x, "y"' }];
    const text = serializeSeedCsv(['a', 'b'], rows);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('"x, ""y"""\r\n');
    const { table, issues } = parseSeedCsv('t.csv', text);
    expect(issues).toEqual([]);
    expect(table.rows).toEqual([{ row: 2, cells: rows[0] }]);
  });

  it('reports a missing BOM, which makes Excel misread UTF-8', () => {
    const { issues } = parseSeedCsv('t.csv', 'a,b\r\n1,2\r\n');
    expect(issues).toEqual([
      expect.objectContaining({ file: 't.csv', message: expect.stringContaining('BOM') }),
    ]);
  });

  it('reports the first row that ends with a bare LF', () => {
    const { issues } = parseSeedCsv('t.csv', '\uFEFFa,b\r\n1,2\n3,4\r\n');
    expect(issues).toEqual([
      expect.objectContaining({ row: 2, message: expect.stringContaining('CRLF') }),
    ]);
  });

  it('reports a row with too many cells', () => {
    const { issues } = parseSeedCsv('t.csv', '\uFEFFa,b\r\n1,2,3\r\n');
    expect(issues).toEqual([
      expect.objectContaining({ row: 2, message: 'has 3 cells, the header has 2' }),
    ]);
  });
});

describe('columnLetter', () => {
  it('names columns as a spreadsheet does', () => {
    expect([0, 7, 25, 26, 27].map(columnLetter)).toEqual(['A', 'H', 'Z', 'AA', 'AB']);
  });
});
