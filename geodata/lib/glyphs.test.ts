import { describe, expect, it } from 'vitest';
import { drawnLocally, glyphRanges } from './glyphs.ts';

describe('glyph ranges for the labels', () => {
  it('always ships Latin, Latin Extended and punctuation', () => {
    expect(glyphRanges([])).toEqual(['0-255', '256-511', '8192-8447']);
  });

  it('leaves Chinese to the browser font but ships what English names need', () => {
    expect(drawnLocally('湖'.codePointAt(0)!)).toBe(true);
    expect(drawnLocally('（'.codePointAt(0)!)).toBe(true);
    expect(drawnLocally('A'.codePointAt(0)!)).toBe(false);
    expect(glyphRanges(['湖州', 'Huzhou', 'Ma’anshan', 'Lüling'])).toEqual([
      '0-255',
      '256-511',
      '8192-8447',
    ]);
    expect(glyphRanges(['Ørsted ǅ', 'Ẽ'])).toEqual(['0-255', '256-511', '7680-7935', '8192-8447']);
  });
});
