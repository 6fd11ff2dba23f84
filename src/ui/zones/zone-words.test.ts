import { describe, expect, it } from 'vitest';
import type { Locale } from '../../domain/view-state.ts';
import type { ZoneFieldError, ZoneFieldErrorId } from '../../domain/zones/zone-fields.validator.ts';
import {
  validateZoneGeometry,
  type ZoneGeometryError,
  type ZoneGeometryErrorId,
} from '../../domain/zones/zone-geometry.validator.ts';
import { messagesFor } from '../../i18n/index.ts';
import { fieldErrorText, geometryErrorText } from './zone-words.ts';

const GEOMETRY_IDS: readonly ZoneGeometryErrorId[] = [
  'noRing',
  'holes',
  'nonFinite',
  'notClosed',
  'tooFewVertices',
  'selfIntersecting',
  'zeroArea',
  'tooSmall',
  'outsideRegion',
];
const FIELD_IDS: readonly ZoneFieldErrorId[] = [
  'unknownKind',
  'unknownPhase',
  'notANumber',
  'negative',
  'notWhole',
  'yearOutOfRange',
  'nameTooLong',
];
const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** An id shown raw: the whole text, or a camelCase id inside it (no word is spelt so). */
function showsId(text: string, id: string): boolean {
  return text.trim() === id || (/[A-Z]/.test(id) && text.includes(id));
}

describe.each(LOCALES)('zone refusal words (%s)', (locale) => {
  const t = messagesFor(locale).zones;

  it.each(GEOMETRY_IDS)('words the shape error %s with every placeholder filled', (id) => {
    const text = geometryErrorText(
      { id, where: [120.1, 30.8], areaMu: 0.02, vertexCount: 2 },
      t,
      locale,
    );
    expect(text.trim()).not.toBe('');
    expect(showsId(text, id)).toBe(false);
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it.each(FIELD_IDS)('words the field error %s with every placeholder filled', (id) => {
    const text = fieldErrorText({ field: 'energySpaceTce', id } as ZoneFieldError, t);
    expect(text.trim()).not.toBe('');
    expect(showsId(text, id)).toBe(false);
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it('says where a drawn outline crosses itself', () => {
    const bowtie = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [120.0, 30.8],
          [120.02, 30.82],
          [120.02, 30.8],
          [120.0, 30.82],
          [120.0, 30.8],
        ],
      ],
    };
    const error = validateZoneGeometry(bowtie).errors.find((e) => e.id === 'selfIntersecting');
    expect(error).toBeDefined();
    const text = geometryErrorText(error as ZoneGeometryError, t, locale);
    // The crossing of the two diagonals is the middle of the square.
    expect(text).toMatch(/120[.,]01\b/);
    expect(text).toMatch(/30[.,]81\b/);
  });

  it('names the field as the form labels it and gives the year range', () => {
    const text = fieldErrorText({ field: 'targetYear', id: 'yearOutOfRange' }, t);
    expect(text).toContain(t.form.targetYear);
    expect(text).toContain('2000');
    expect(text).toContain('2100');
  });

  it('gives a tiny shape its area and the smallest allowed', () => {
    const text = geometryErrorText({ id: 'tooSmall', areaMu: 0.042 }, t, locale);
    expect(text).toMatch(/0[.,]042/);
    expect(text).toMatch(/0[.,]1\b/);
  });
});
