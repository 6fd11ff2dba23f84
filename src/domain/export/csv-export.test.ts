import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseFormula, toCsv, type CsvColumn } from './csv-export.ts';

interface Row {
  label: string;
  amount: number | null;
}

const columns: CsvColumn<Row>[] = [
  { header: '名称', kind: 'text', value: (r) => r.label },
  { header: 'amount', kind: 'number', value: (r) => r.amount },
];

/** Reads CSV text back the way a spreadsheet would split it (BOM removed). */
function readBack(csv: string): string[][] {
  return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

describe('CSV for Excel', () => {
  it('starts with a UTF-8 BOM and ends every line, the last too, with CRLF', () => {
    const csv = toCsv(columns, [
      { label: '吴兴', amount: 48 },
      { label: '南浔', amount: 30 },
    ]);
    expect(csv.startsWith('\uFEFF名称,amount\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(csv.split('\r\n')).toHaveLength(4);
  });

  it('quotes fields with commas, quotes or line breaks, and they read back intact', () => {
    const labels = ['a,b', 'say "hi"', 'two\nlines', 'cr\rhere', 'plain'];
    const csv = toCsv(
      columns,
      labels.map((label) => ({ label, amount: 1 })),
    );
    expect(csv).toContain('"a,b"');
    expect(csv).toContain('"say ""hi"""');
    expect(
      readBack(csv)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(labels);
  });

  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+1', "'+1"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['-2+3', "'-2+3"],
    ['\t=1+1', "'\t=1+1"],
    ['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'],
  ])('neutralises the formula %j in a text cell', (input, inert) => {
    expect(neutraliseFormula(input)).toBe(inert);
    const [, row] = readBack(toCsv(columns, [{ label: input, amount: null }]));
    expect(row?.[0]).toBe(inert);
  });

  it('neutralises a leading carriage return and still quotes the cell', () => {
    expect(csvCell('\r=1', 'text')).toBe('"\'\r=1"');
  });

  it('keeps a genuine negative number a bare number in a number column', () => {
    const csv = toCsv(columns, [{ label: 'x', amount: -3.5 }]);
    expect(csv).toContain('x,-3.5\r\n');
    expect(csvCell(-0.1, 'number')).toBe('-0.1');
    expect(csvCell(1e21, 'number')).toBe('1e+21');
  });

  it('treats anything but a number in a number column as text, and neutralises it', () => {
    const smuggled = { label: 'x', amount: '-2+3' as unknown as number };
    expect(toCsv(columns, [smuggled])).toContain("x,'-2+3\r\n");
  });

  it('writes a negative number given to a text column as inert text', () => {
    expect(csvCell(-3.5, 'text')).toBe("'-3.5");
  });

  it('leaves missing and non-finite values empty rather than writing 0 or NaN', () => {
    expect(csvCell(null, 'number')).toBe('');
    expect(csvCell(undefined, 'text')).toBe('');
    expect(csvCell(NaN, 'number')).toBe('');
    expect(csvCell(Infinity, 'number')).toBe('');
  });
});
