import { describe, expect, it } from 'vitest';
import { metresPerPixel, scaleBar, sheetSizeMm } from './print-layout.ts';

describe('print layout', () => {
  it('turns ISO sheets for landscape and keeps A3 twice the area of A4', () => {
    expect(sheetSizeMm('A3', 'landscape')).toEqual([420, 297]);
    expect(sheetSizeMm('A4', 'portrait')).toEqual([210, 297]);
    const area = ([w, h]: [number, number]) => w * h;
    expect(area(sheetSizeMm('A3', 'portrait')) / area(sheetSizeMm('A4', 'portrait'))).toBeCloseTo(
      2,
      1,
    );
  });

  it('halves metres per pixel with each zoom level and shrinks them away from the equator', () => {
    expect(metresPerPixel(0, 10) / metresPerPixel(0, 11)).toBeCloseTo(2);
    expect(metresPerPixel(60, 10) / metresPerPixel(0, 10)).toBeCloseTo(0.5);
  });

  it('picks the longest 1-2-5 length that fits, drawn to scale', () => {
    const bar = scaleBar(100, 120);
    expect(bar).toEqual({ metres: 10_000, widthPx: 100 });
    const fine = scaleBar(3, 150);
    expect(fine.metres).toBe(200);
    expect(fine.widthPx * 3).toBeCloseTo(200);
    expect(fine.widthPx).toBeLessThanOrEqual(150);
  });
});
