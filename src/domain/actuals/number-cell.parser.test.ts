import { describe, expect, it } from 'vitest';
import { parseNumberCell } from './number-cell.parser.ts';

describe('parseNumberCell', () => {
  it.each([
    ['37', 37],
    ['-3.5', -3.5],
    ['+2', 2],
    ['.5', 0.5],
    ['0', 0],
    ['-0', 0],
    ['1,500', 1500],
    ['12,345.67', 12345.67],
    ['1,234,567', 1234567],
    ['1.5E+3', 1500],
    ['2e-2', 0.02],
    ['３７．５', 37.5],
    ['－１２', -12],
    ['\u22125', -5],
    ['  48\u00a0', 48],
  ])('reads %j as %d', (raw, value) => {
    expect(parseNumberCell(raw)).toEqual({ kind: 'number', value, unitText: '' });
  });

  it.each([
    ['37 万元/亩', 37, '万元/亩'],
    ['37万元/亩', 37, '万元/亩'],
    ['1.5 万吨标煤', 1.5, '万吨标煤'],
    ['12%', 12, '%'],
    ['12 ％', 12, '%'],
    ['3,000 亩', 3000, '亩'],
    ['250家', 250, '家'],
    ['37 万元 / 亩', 37, '万元/亩'],
  ])('reads %j as %d with unit %j', (raw, value, unitText) => {
    expect(parseNumberCell(raw)).toEqual({ kind: 'number', value, unitText });
  });

  it.each(['', '   ', '-', '--', '—', '——', '/', '－'])(
    'reads the placeholder %j as empty',
    (raw) => {
      expect(parseNumberCell(raw)).toEqual({ kind: 'empty' });
    },
  );

  it.each([
    ['约37', '约37'],
    ['待省下达', '待省下达'],
    ['1,23', '1,23'],
    ['1.234,5', '1.234,5'],
    ['1,2345', '1,2345'],
    ['(12)', '(12)'],
    ['37 2023', '37 2023'],
    ['#N/A', '#N/A'],
    ['1e999', '1e999'],
    ['37万元/100亩', '37万元/100亩'],
  ])('refuses %j as text', (raw, text) => {
    expect(parseNumberCell(raw)).toEqual({ kind: 'text', text });
  });
});
