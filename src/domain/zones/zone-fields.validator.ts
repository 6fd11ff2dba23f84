/**
 * Whether a zone's form fields may be stored; each problem names its field, so the form can
 * mark it. Words in the i18n `zones.validation.field.*` entries.
 */

import { ZONE_KINDS, ZONE_PHASES, type Zone } from './zone.ts';

/** The fields a user types or picks (everything but identity, shape and bookkeeping). */
export type ZoneFields = Pick<
  Zone,
  | 'name'
  | 'kind'
  | 'phase'
  | 'plannedLandMu'
  | 'energySpaceTce'
  | 'enterprisesToRectify'
  | 'responsibleUnit'
  | 'targetYear'
  | 'note'
>;

/**
 * Years a target year may take. Seed 003 plans to 2027; the range leaves room for earlier
 * records and later plans while catching typos such as 202 or 20277.
 */
export const TARGET_YEAR_RANGE = { min: 2000, max: 2100 } as const;

/** Longest name kept; the table and map labels show names, not essays. */
export const MAX_ZONE_NAME_LENGTH = 100;

export type ZoneFieldErrorId =
  | 'unknownKind'
  | 'unknownPhase'
  | 'notANumber'
  | 'negative'
  | 'notWhole'
  | 'yearOutOfRange'
  | 'nameTooLong';

export interface ZoneFieldError {
  field: keyof ZoneFields;
  id: ZoneFieldErrorId;
}

function checkAmount(
  field: 'plannedLandMu' | 'energySpaceTce' | 'enterprisesToRectify',
  value: number | null,
  whole: boolean,
): ZoneFieldError | undefined {
  if (value === null) return undefined;
  if (!Number.isFinite(value)) return { field, id: 'notANumber' };
  if (value < 0) return { field, id: 'negative' };
  if (whole && !Number.isInteger(value)) return { field, id: 'notWhole' };
  return undefined;
}

/** Every problem with the fields, in form order; empty when they may be stored. */
export function validateZoneFields(fields: ZoneFields): ZoneFieldError[] {
  const errors: (ZoneFieldError | undefined)[] = [
    fields.name.trim().length > MAX_ZONE_NAME_LENGTH
      ? { field: 'name', id: 'nameTooLong' }
      : undefined,
    (ZONE_KINDS as readonly string[]).includes(fields.kind)
      ? undefined
      : { field: 'kind', id: 'unknownKind' },
    (ZONE_PHASES as readonly string[]).includes(fields.phase)
      ? undefined
      : { field: 'phase', id: 'unknownPhase' },
    checkAmount('plannedLandMu', fields.plannedLandMu, false),
    checkAmount('energySpaceTce', fields.energySpaceTce, false),
    checkAmount('enterprisesToRectify', fields.enterprisesToRectify, true),
  ];
  const year = fields.targetYear;
  if (year !== null) {
    if (!Number.isInteger(year)) errors.push({ field: 'targetYear', id: 'notWhole' });
    else if (year < TARGET_YEAR_RANGE.min || year > TARGET_YEAR_RANGE.max) {
      errors.push({ field: 'targetYear', id: 'yearOutOfRange' });
    }
  }
  return errors.filter((e) => e !== undefined);
}
