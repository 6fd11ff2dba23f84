import { describe, expect, it } from 'vitest';
import { parsePastedBlock } from './pasted-block.parser.ts';

function rowsOf(text: string, delimiter?: 'tab' | 'comma'): string[][] {
  const parsed = parsePastedBlock(text, delimiter);
  if (!parsed.ok) throw new Error(`expected a grid, got ${parsed.reason.id}`);
  return parsed.rows;
}

describe('parsePastedBlock', () => {
  it('reads an Excel clipboard block (TSV, CRLF, trailing newline) into rows', () => {
    const parsed = parsePastedBlock('\t2023\r\n吴兴\t48\r\n南浔\t30\r\n');
    expect(parsed).toEqual({
      ok: true,
      delimiter: 'tab',
      rows: [
        ['', '2023'],
        ['吴兴', '48'],
        ['南浔', '30'],
      ],
    });
  });

  it('keeps commas inside TSV cells for the number parser (thousands separators)', () => {
    expect(rowsOf('吴兴\t1,500\t12,345.5')).toEqual([['吴兴', '1,500', '12,345.5']]);
  });

  it('splits typed CSV on ASCII and full-width commas alike', () => {
    expect(rowsOf('吴兴,48\n南浔，30')).toEqual([
      ['吴兴', '48'],
      ['南浔', '30'],
    ]);
  });

  it('refuses a tab-free block whose comma could be a thousands separator, naming the line', () => {
    const parsed = parsePastedBlock('37,36\n12,345');
    expect(parsed).toEqual({
      ok: false,
      reason: { id: 'actuals.pasteAmbiguousComma', params: { line: 2 } },
    });
  });

  it('treats a full-width comma before three digits as ambiguous too', () => {
    const parsed = parsePastedBlock('１２，３４５');
    expect(parsed.ok).toBe(false);
  });

  it('reads an ambiguous block once the planner picks the delimiter', () => {
    expect(rowsOf('12,345', 'comma')).toEqual([['12', '345']]);
    expect(rowsOf('12,345', 'tab')).toEqual([['12,345']]);
  });

  it('does not call a quoted grouped number ambiguous', () => {
    expect(rowsOf('吴兴,"1,500"')).toEqual([['吴兴', '1,500']]);
  });

  it('reads RFC 4180 quotes: delimiters, newlines and doubled quotes inside a cell', () => {
    expect(rowsOf('"a\tb"\t"say ""hi"""\t"two\nlines"\nnext\trow')).toEqual([
      ['a\tb', 'say "hi"', 'two\nlines'],
      ['next', 'row'],
    ]);
  });

  it('refuses an unclosed quote with the line it opened on', () => {
    expect(parsePastedBlock('吴兴\t48\n南浔\t"30\n德清\t37')).toEqual({
      ok: false,
      reason: { id: 'actuals.pasteUnclosedQuote', params: { line: 2 } },
    });
  });

  it('keeps blank lines inside the block so row numbers match the source', () => {
    expect(rowsOf('48\n\n30\n\n\n')).toEqual([['48'], [''], ['30']]);
  });

  it('reads a single column without delimiters, full-width digits folded', () => {
    expect(parsePastedBlock('３７\n48\n')).toEqual({
      ok: true,
      delimiter: 'none',
      rows: [['37'], ['48']],
    });
  });

  it('drops a byte-order mark and trims cells', () => {
    expect(rowsOf('\uFEFF 吴兴 \t 48 ')).toEqual([['吴兴', '48']]);
  });

  it('gives an empty grid for an empty or blank paste', () => {
    expect(rowsOf('')).toEqual([]);
    expect(rowsOf('\r\n\r\n')).toEqual([]);
  });
});
