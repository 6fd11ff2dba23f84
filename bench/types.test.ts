import { describe, expect, it } from 'vitest';
import { median, withinLimit } from './types.ts';

describe('median', () => {
  it('takes the middle sample, or the mean of the two middle ones, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });
});

describe('withinLimit', () => {
  it('passes at the limit, fails above it, and passes rows without one', () => {
    expect(withinLimit({ label: 'a', value: 400, unit: 'kB', limit: 400 })).toBe(true);
    expect(withinLimit({ label: 'a', value: 400.1, unit: 'kB', limit: 400 })).toBe(false);
    expect(withinLimit({ label: 'a', value: 1e9, unit: 'ms' })).toBe(true);
  });
});
