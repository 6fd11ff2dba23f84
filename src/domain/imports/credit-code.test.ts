import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar } from './credit-code.ts';

/** Codes published on public business registers, whose check characters are known good. */
const PUBLISHED = [
  '91330100716105852F',
  '9144030071526726XG',
  '91110000802100433B',
  '91350100M000100Y43',
];

describe('GB 32100 credit codes', () => {
  it('accepts published codes', () => {
    for (const code of PUBLISHED) expect(checkCreditCode(code)).toEqual({ valid: true, code });
  });

  it('computes the published check characters from the first 17', () => {
    for (const code of PUBLISHED) expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('refuses a code with one character changed (a typo) by its check digit', () => {
    expect(checkCreditCode('91330100716105853F')).toEqual({
      valid: false,
      reason: 'creditCodeCheckDigit',
    });
    expect(checkCreditCode('91330100716105852G')).toEqual({
      valid: false,
      reason: 'creditCodeCheckDigit',
    });
  });

  it('refuses wrong lengths and letters outside the alphabet (I, O, S, V, Z)', () => {
    expect(checkCreditCode('9133010071610585')).toMatchObject({ reason: 'creditCodeFormat' });
    expect(checkCreditCode('91330100716105852FF')).toMatchObject({ reason: 'creditCodeFormat' });
    expect(checkCreditCode('9133010071610585IF')).toMatchObject({ reason: 'creditCodeFormat' });
    expect(checkCreditCode('')).toMatchObject({ reason: 'creditCodeFormat' });
  });

  it('reads lower case, spaces and full-width characters as typed in Chinese input methods', () => {
    expect(checkCreditCode(' 91330100716105852f ')).toEqual({
      valid: true,
      code: '91330100716105852F',
    });
    expect(checkCreditCode('９１３３０１００７１６１０５８５２Ｆ')).toEqual({
      valid: true,
      code: '91330100716105852F',
    });
  });
});
