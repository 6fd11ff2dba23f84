import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  changedShare,
  cssRgbToRgb,
  decodePng,
  dominantColours,
  hexToRgb,
  pixelAt,
  relativeLuminance,
  shareNear,
  shareOfPointsNear,
  type Rgb,
  type RgbaImage,
} from './pixels.ts';

/** A width×height image whose left `split` columns are `left` and the rest `right`. */
function twoTone(width: number, height: number, split: number, left: Rgb, right: Rgb): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = x < split ? left : right;
      data.set([c[0], c[1], c[2], 255], (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

const WATER: Rgb = [160, 200, 240];
const LAND: Rgb = [240, 238, 230];

describe('pixel statistics', () => {
  it('decodes a PNG back to the pixels that were encoded', () => {
    const img = twoTone(4, 2, 1, WATER, LAND);
    const png = new PNG({ width: 4, height: 2 });
    png.data = Buffer.from(img.data);
    const decoded = decodePng(PNG.sync.write(png));
    expect(decoded.width).toBe(4);
    expect(decoded.height).toBe(2);
    expect([...decoded.data]).toEqual([...img.data]);
  });

  it('finds each large colour area and its share', () => {
    const img = twoTone(10, 10, 3, WATER, LAND);
    const colours = dominantColours(img, { stepLevels: 1 });
    expect(colours).toHaveLength(2);
    expect(colours[0]).toEqual({ rgb: LAND, share: 0.7 });
    expect(colours[1]).toEqual({ rgb: WATER, share: 0.3 });
  });

  it('sees a single colour in a blank canvas', () => {
    const blank = twoTone(10, 10, 0, WATER, [255, 255, 255]);
    expect(dominantColours(blank)).toHaveLength(1);
  });

  it('measures a colour inside a rectangle only', () => {
    const img = twoTone(10, 10, 5, WATER, LAND);
    expect(shareNear(img, WATER, 4, { x: 0, y: 0, width: 5, height: 10 })).toBe(1);
    expect(shareNear(img, WATER, 4, { x: 5, y: 0, width: 5, height: 10 })).toBe(0);
    expect(shareNear(img, [162, 198, 243], 4)).toBe(0.5);
    expect(shareNear(img, WATER, 4, { x: -5, y: -5, width: 10, height: 10 })).toBe(1);
  });

  it('counts how much of the picture changed', () => {
    const before = twoTone(10, 10, 2, WATER, LAND);
    const after = twoTone(10, 10, 6, WATER, LAND);
    expect(changedShare(before, before)).toBe(0);
    expect(changedShare(before, after)).toBeCloseTo(0.4, 10);
    expect(() => changedShare(before, twoTone(5, 10, 2, WATER, LAND))).toThrow(/sizes differ/);
  });
});

describe('hexToRgb', () => {
  it('reads #rrggbb in either case and rejects other forms', () => {
    expect(hexToRgb('#b5d3E8')).toEqual([181, 211, 232]);
    expect(() => hexToRgb('#abc')).toThrow();
    expect(() => hexToRgb('rgb(1,2,3)')).toThrow();
  });
});

describe('cssRgbToRgb', () => {
  it('reads the colours getComputedStyle reports, with or without alpha', () => {
    expect(cssRgbToRgb('rgb(227, 26, 28)')).toEqual([227, 26, 28]);
    expect(cssRgbToRgb(' rgba(255, 255, 178, 0.5)')).toEqual([255, 255, 178]);
    expect(() => cssRgbToRgb('#e31a1c')).toThrow();
  });
});

describe('sampling at points', () => {
  it('reads the pixel at a fractional position, and black outside the image', () => {
    const img = twoTone(4, 2, 2, WATER, LAND);
    expect(pixelAt(img, 1.9, 0.5)).toEqual(WATER);
    expect(pixelAt(img, 2, 1)).toEqual(LAND);
    expect(pixelAt(img, 4, 0)).toEqual([0, 0, 0]);
    expect(pixelAt(img, -1, 0)).toEqual([0, 0, 0]);
  });

  it('counts points showing a colour, and with a radius those beside it', () => {
    const img = twoTone(10, 10, 5, WATER, LAND);
    const points = [
      { x: 1, y: 1 },
      { x: 4, y: 1 },
      { x: 5, y: 1 },
      { x: 9, y: 1 },
    ];
    expect(shareOfPointsNear(img, points, WATER, 4)).toBe(0.5);
    expect(shareOfPointsNear(img, points, WATER, 4, 1)).toBe(0.75);
    expect(shareOfPointsNear(img, points, WATER, 4, 4)).toBe(0.75);
    expect(shareOfPointsNear(img, points, WATER, 4, 5)).toBe(1);
    expect(shareOfPointsNear(img, [], WATER, 4)).toBe(0);
  });
});

describe('relativeLuminance', () => {
  it('orders a sequential scheme from light to dark, with black and white at the ends', () => {
    const ylOrRd: Rgb[] = [
      [255, 255, 178],
      [254, 204, 92],
      [253, 141, 60],
      [227, 26, 28],
    ];
    const values = ylOrRd.map(relativeLuminance);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    expect(relativeLuminance([0, 0, 0])).toBe(0);
    expect(relativeLuminance([255, 255, 255])).toBeCloseTo(1, 10);
  });
});
