import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { EMPTY_ZONE_FORM, readZoneForm } from './zone-form.ts';
import { historyStepOf } from './zone-draft.svelte.ts';

const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [120.1, 30.8],
      [120.11, 30.8],
      [120.11, 30.81],
      [120.1, 30.81],
      [120.1, 30.8],
    ],
  ],
};

describe('readZoneForm', () => {
  it('reads typed numbers, full-width digits and separators, empty as not given', () => {
    const read = readZoneForm(
      {
        ...EMPTY_ZONE_FORM,
        name: ' 织里连片整治 ',
        plannedLandMu: '１,２００．5',
        energySpaceTce: '',
        enterprisesToRectify: '12',
        targetYear: '2026',
      },
      square,
    );
    expect(read.errors).toEqual([]);
    expect(read.fields).toMatchObject({
      name: '织里连片整治',
      plannedLandMu: 1200.5,
      energySpaceTce: null,
      enterprisesToRectify: 12,
      targetYear: 2026,
      geometry: square,
    });
  });

  it('names every wrong field and stores nothing', () => {
    const read = readZoneForm(
      {
        ...EMPTY_ZONE_FORM,
        plannedLandMu: '-3',
        enterprisesToRectify: '2.5',
        targetYear: '26',
      },
      square,
    );
    expect(read.fields).toBeNull();
    expect(read.errors.map((e) => e.field)).toEqual([
      'name',
      'plannedLandMu',
      'enterprisesToRectify',
      'targetYear',
    ]);
  });
});

describe('historyStepOf', () => {
  const key = (
    k: string,
    mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>>,
  ) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });

  it('reads Ctrl+Z and Cmd+Z as undo, with Shift as redo', () => {
    expect(historyStepOf(key('z', { ctrlKey: true }))).toBe('undo');
    expect(historyStepOf(key('z', { metaKey: true }))).toBe('undo');
    expect(historyStepOf(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(historyStepOf(key('Z', { metaKey: true, shiftKey: true }))).toBe('redo');
  });

  it('leaves plain keys and other shortcuts alone', () => {
    expect(historyStepOf(key('z', {}))).toBeNull();
    expect(historyStepOf(key('y', { ctrlKey: true }))).toBeNull();
    expect(historyStepOf(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});
