import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { checkCorrectionPoint, parseCoordinates, toWgs84 } from './coordinates.ts';

/** 120°05′30″ E, 30°52′ N, a point in 吴兴区, in decimal degrees. */
const DMS_LON = 120 + 5 / 60 + 30 / 3600;
const DMS_LAT = 30 + 52 / 60;

function expectPoint(text: string, lon: number, lat: number) {
  const result = parseCoordinates(text);
  expect(result.valid, text).toBe(true);
  if (!result.valid) return;
  expect(result.lon).toBeCloseTo(lon, 9);
  expect(result.lat).toBeCloseTo(lat, 9);
}

describe('parseCoordinates reads what planners type', () => {
  it.each([
    ['120.1, 30.9'],
    ['120.1,30.9'],
    ['120.1 30.9'],
    ['  120.1\t30.9  '],
    ['120.1; 30.9'],
    ['120.1/30.9'],
  ])('longitude first: %s', (text) => expectPoint(text, 120.1, 30.9));

  it.each([['30.9 120.1'], ['30.9, 120.1'], ['30.9,120.1']])(
    'latitude first, as phone maps copy it, is told from the ranges: %s',
    (text) => expectPoint(text, 120.1, 30.9),
  );

  it.each([
    ['120°05′30″E 30°52′N'],
    ['120°05′30″E, 30°52′N'],
    ['30°52′N 120°05′30″E'],
    ["120°05'30\"E 30°52'N"],
    ["120°05'30''E 30°52'N"],
    ['E120°05′30″ N30°52′'],
    ['东经120度05分30秒，北纬30度52分'],
    ['北纬30°52′ 东经120°05′30″'],
  ])('degrees, minutes and seconds with hemisphere letters: %s', (text) =>
    expectPoint(text, DMS_LON, DMS_LAT),
  );

  it('reads decimal minutes', () => expectPoint('120°5.5′E 30°52.5′N', 120 + 5.5 / 60, 30.875));

  it('lets hemisphere letters decide the order even against the ranges', () => {
    // Letters on both: N first means the first number is the latitude.
    expectPoint('N30.9 E120.1', 120.1, 30.9);
    // A letter on one side only fixes the other too.
    expectPoint('30.9N 120.1', 120.1, 30.9);
    expectPoint('120.1 N30.9', 120.1, 30.9);
  });

  it('reads full-width digits, commas and points from a Chinese input method', () => {
    expectPoint('１２０．１，３０．９', 120.1, 30.9);
    expectPoint('１２０.１　３０.９', 120.1, 30.9);
    expectPoint('120.1、30.9', 120.1, 30.9);
  });
});

describe('parseCoordinates refuses with a reason', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['120.1', 'unreadable'],
    ['120.1, 30.9, 5', 'unreadable'],
    ['湖州市吴兴区', 'unreadable'],
    ['120.130.9', 'unreadable'],
    ['120°75′E 30°52′N', 'badMinutes'],
    ['120°05′61″E 30°52′N', 'badMinutes'],
    ['120.1E 30.9E', 'hemisphereTwice'],
    ['N120.1 N30.9', 'hemisphereTwice'],
    ['116.4, 39.9', 'outsideRegion'],
    ['120.1, 3.09', 'outsideRegion'],
    ['-120.1, 30.9', 'outsideRegion'],
    ['120.1W 30.9N', 'outsideRegion'],
    ['120.1E 30.9S', 'outsideRegion'],
  ])('%j → %s', (text, reason) => {
    expect(parseCoordinates(text)).toEqual({ valid: false, reason });
  });
});

describe('checkCorrectionPoint', () => {
  it('accepts the edges of the box and refuses just beyond them or non-numbers', () => {
    expect(checkCorrectionPoint(117.5, 28.5)).toBeUndefined();
    expect(checkCorrectionPoint(123, 32)).toBeUndefined();
    expect(checkCorrectionPoint(117.49, 30)).toBe('outsideRegion');
    expect(checkCorrectionPoint(120, 32.01)).toBe('outsideRegion');
    expect(checkCorrectionPoint(Number.NaN, 30)).toBe('notFinite');
    expect(checkCorrectionPoint(120, Number.POSITIVE_INFINITY)).toBe('notFinite');
  });
});

describe('toWgs84', () => {
  it('leaves WGS-84 alone and undoes the GCJ-02 and BD-09 offsets', () => {
    const wgs: [number, number] = [120.0876, 30.8934];
    expect(toWgs84(wgs[0], wgs[1], 'wgs84')).toEqual({ lon: wgs[0], lat: wgs[1] });
    for (const [datum, crs] of [
      ['gcj02', gcoord.GCJ02],
      ['bd09', gcoord.BD09],
    ] as const) {
      const [lon, lat] = gcoord.transform(wgs, gcoord.WGS84, crs);
      // The offset is hundreds of metres, so an unconverted point would miss by far more.
      expect(Math.hypot(lon - wgs[0], lat - wgs[1])).toBeGreaterThan(0.003);
      const back = toWgs84(lon, lat, datum);
      expect(back.lon).toBeCloseTo(wgs[0], 5);
      expect(back.lat).toBeCloseTo(wgs[1], 5);
    }
  });
});
