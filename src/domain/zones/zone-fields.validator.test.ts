import { describe, expect, it } from 'vitest';
import { validateZoneFields, type ZoneFields } from './zone-fields.validator.ts';

const FIELDS: ZoneFields = {
  name: '织里镇低效用地整治区块',
  kind: 'inefficientLand',
  phase: 'preparation',
  plannedLandMu: 320,
  energySpaceTce: 1800,
  enterprisesToRectify: 12,
  responsibleUnit: '吴兴区经信局',
  targetYear: 2025,
  note: '',
};

describe('validateZoneFields', () => {
  it('accepts a filled form and one with every optional figure left empty', () => {
    expect(validateZoneFields(FIELDS)).toEqual([]);
    expect(
      validateZoneFields({
        ...FIELDS,
        name: '',
        plannedLandMu: null,
        energySpaceTce: null,
        enterprisesToRectify: null,
        targetYear: null,
      }),
    ).toEqual([]);
  });

  it.each([
    [{ plannedLandMu: -5 }, [{ field: 'plannedLandMu', id: 'negative' }]],
    [{ energySpaceTce: Number.NaN }, [{ field: 'energySpaceTce', id: 'notANumber' }]],
    [{ enterprisesToRectify: 2.5 }, [{ field: 'enterprisesToRectify', id: 'notWhole' }]],
    [{ targetYear: 20277 }, [{ field: 'targetYear', id: 'yearOutOfRange' }]],
    [{ targetYear: 2025.5 }, [{ field: 'targetYear', id: 'notWhole' }]],
    [{ kind: 'park' }, [{ field: 'kind', id: 'unknownKind' }]],
    [{ phase: 'done' }, [{ field: 'phase', id: 'unknownPhase' }]],
    [{ name: '区'.repeat(101) }, [{ field: 'name', id: 'nameTooLong' }]],
  ])('names the field and the problem for %o', (patch, expected) => {
    expect(validateZoneFields({ ...FIELDS, ...patch } as ZoneFields)).toEqual(expected);
  });

  it('lists several problems in form order', () => {
    const errors = validateZoneFields({ ...FIELDS, targetYear: 1999, plannedLandMu: -1 });
    expect(errors.map((e) => e.field)).toEqual(['plannedLandMu', 'targetYear']);
  });
});
