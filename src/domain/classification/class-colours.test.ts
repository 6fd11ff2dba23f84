import { describe, expect, it } from 'vitest';
import { districtTargetValues, targetsFor } from '../indicators/indicator-catalogue.ts';
import { huzhouCatalogue } from '../indicators/seed-catalogue.fixture.ts';
import { classSide, divergingClassColours, sequentialClassColours } from './class-colours.ts';
import { classifyValues } from './classify.ts';
import {
  DIVERGING_SCHEMES,
  divergingRamp,
  NO_DATA_STYLE,
  SEQUENTIAL_SCHEMES,
  sequentialColours,
} from './colour-schemes.ts';

const span = (minValue: number, maxValue: number) => ({ minValue, maxValue });

function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
}

describe('colour schemes', () => {
  it('give n distinct colours for every class count a map can have', () => {
    for (const scheme of Object.keys(SEQUENTIAL_SCHEMES) as (keyof typeof SEQUENTIAL_SCHEMES)[]) {
      for (let n = 1; n <= 9; n++) {
        const colours = sequentialColours(scheme, n);
        expect(colours).toHaveLength(n);
        expect(new Set(colours).size).toBe(n);
        colours.forEach((c) => expect(c).toMatch(/^#[0-9a-f]{6}$/));
      }
    }
    expect(() => sequentialColours('Blues', 10)).toThrow(RangeError);
    expect(() => sequentialColours('Blues', 0)).toThrow(RangeError);
  });

  it('run sequential ramps from light to dark', () => {
    const ramp = sequentialColours('YlOrRd', 7);
    for (let i = 1; i < ramp.length; i++) {
      expect(luminance(ramp[i]!)).toBeLessThan(luminance(ramp[i - 1]!));
    }
  });

  it('keep diverging ramps symmetric around a light neutral midpoint', () => {
    for (const scheme of Object.keys(DIVERGING_SCHEMES) as (keyof typeof DIVERGING_SCHEMES)[]) {
      for (const size of [3, 5, 7, 9, 11]) {
        const { colours } = divergingRamp(scheme, size);
        const mid = (size - 1) / 2;
        const neutral = luminance(colours[mid]!);
        colours.forEach((c, i) => {
          if (i !== mid) expect(luminance(c), `${scheme}${size}[${i}]`).toBeLessThan(neutral);
        });
      }
    }
  });

  it('interpolate only beyond the designed sizes, keeping both ends', () => {
    expect(divergingRamp('RdBu', 11).interpolated).toBe(false);
    const wide = divergingRamp('RdBu', 13);
    expect(wide.interpolated).toBe(true);
    expect(wide.colours).toHaveLength(13);
    const eleven = DIVERGING_SCHEMES.RdBu[11];
    expect(wide.colours[0]).toBe(eleven[0]);
    expect(wide.colours[6]).toBe(eleven[5]);
    expect(wide.colours[12]).toBe(eleven[10]);
  });

  it('draw no-data in a colour no scheme uses', () => {
    const all = [...Object.values(SEQUENTIAL_SCHEMES), ...Object.values(DIVERGING_SCHEMES)]
      .flatMap((sizes) => Object.values(sizes))
      .flat();
    expect(all).not.toContain(NO_DATA_STYLE.colour);
    expect(NO_DATA_STYLE.hatched).toBe(true);
  });
});

describe('sequential class colours', () => {
  it('give the best class the darkest colour whichever way the indicator runs', () => {
    const higher = sequentialClassColours(4, 'Blues', 'higher-is-better');
    const lower = sequentialClassColours(4, 'Blues', 'lower-is-better');
    expect(luminance(higher[3]!)).toBeLessThan(luminance(higher[0]!));
    expect(luminance(lower[0]!)).toBeLessThan(luminance(lower[3]!));
    expect(lower).toEqual([...higher].reverse());
  });
});

describe('diverging class colours', () => {
  it('decide each class’s side from its values', () => {
    expect(classSide(span(30, 36), 37)).toBe('below');
    expect(classSide(span(37, 37), 37)).toBe('neutral');
    expect(classSide(span(37, 48), 37)).toBe('above');
    expect(classSide(span(36, 37), 37)).toBe('below');
    expect(classSide(span(30, 48), 37)).toBe('neutral');
  });

  it('centre the reference on the neutral colour when classes are unbalanced', () => {
    // One class below the reference, one at it, four above.
    const classes = [
      span(10, 12),
      span(20, 20),
      span(25, 26),
      span(30, 31),
      span(40, 41),
      span(50, 55),
    ];
    const result = divergingClassColours(classes, 20, 'RdBu', 'higher-is-better');
    const ramp = DIVERGING_SCHEMES.RdBu[9];
    expect(result.sides).toEqual(['below', 'neutral', 'above', 'above', 'above', 'above']);
    expect(result.colours[1]).toBe(ramp[4]);
    expect(result.neutralColour).toBe(ramp[4]);
    // The lone class below takes the step next to the middle, not the darkest red.
    expect(result.colours[0]).toBe(ramp[3]);
    expect(result.colours.slice(2)).toEqual(ramp.slice(5, 9));
    expect(result.interpolated).toBe(false);
  });

  it('keep the step sizes symmetric when no class sits at the reference', () => {
    const result = divergingClassColours([span(1, 2), span(5, 6)], 4, 'PuOr', 'higher-is-better');
    const ramp = DIVERGING_SCHEMES.PuOr[3];
    expect(result.colours).toEqual([ramp[0], ramp[2]]);
  });

  it('mirror the ramp for lower-is-better, so better than the reference keeps its colour', () => {
    const classes = [span(1, 2), span(5, 6), span(8, 9)];
    const higher = divergingClassColours(classes, 4, 'RdBu', 'higher-is-better');
    const lower = divergingClassColours(classes, 4, 'RdBu', 'lower-is-better');
    const ramp = DIVERGING_SCHEMES.RdBu[5];
    // Higher-is-better: below the reference is the red (worse) side.
    expect(higher.colours[0]).toBe(ramp[1]);
    // Lower-is-better: below the reference is better, so it takes the blue side.
    expect(lower.colours[0]).toBe(ramp[3]);
    expect(lower.colours[2]).toBe(ramp[0]);
  });

  it('centre the tax-per-mu map on the city-wide target', () => {
    const indicator = huzhouCatalogue().indicators.find((i) => i.id === 'tax_per_mu');
    const targets = indicator && targetsFor(indicator, '330500', 2023);
    const city = targets?.city?.value;
    if (!targets || city == null) throw new Error('no tax-per-mu targets');
    const classification = classifyValues(districtTargetValues(targets), {
      method: 'reference',
      references: [{ value: city, kind: 'city' }],
      isolateEqual: true,
    });
    const result = divergingClassColours(classification.classes, city, 'RdBu', indicator.polarity);
    result.sides.forEach((side, i) => {
      const cls = classification.classes[i]!;
      if (side === 'neutral') expect([cls.minValue, cls.maxValue]).toEqual([city, city]);
      if (side === 'above') expect(cls.minValue).toBeGreaterThan(city);
      if (side === 'below') expect(cls.maxValue).toBeLessThan(city);
    });
    expect(result.sides).toContain('neutral');
    expect(result.colours[result.sides.indexOf('neutral')]).toBe(result.neutralColour);
  });

  it('interpolate when one side has more classes than ColorBrewer designs for', () => {
    const classes = Array.from({ length: 6 }, (_, i) => span(i * 10 + 1, i * 10 + 2));
    const result = divergingClassColours(classes, 0, 'BrBG', 'higher-is-better');
    expect(result.interpolated).toBe(true);
    expect(new Set(result.colours).size).toBe(6);
    expect(result.colours).not.toContain(result.neutralColour);
  });
});
