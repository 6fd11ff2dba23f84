/**
 * The zone form's text fields read into a zone's facts, with the field that is wrong when one
 * is: nothing is stored until every field reads.
 */
import type { Polygon } from 'geojson';
import {
  ZONE_KINDS,
  ZONE_PHASES,
  type Zone,
  type ZoneKind,
  type ZonePhase,
} from '../../domain/zones/zone.ts';
import type { ZoneDraft } from '../../state/zones.svelte.ts';

/** The form as typed: numbers stay text until saved, so a half-typed value is not lost. */
export interface ZoneFormText {
  name: string;
  kind: ZoneKind;
  phase: ZonePhase;
  plannedLandMu: string;
  energySpaceTce: string;
  enterprisesToRectify: string;
  responsibleUnit: string;
  targetYear: string;
  note: string;
}

export type ZoneFormField = keyof ZoneFormText;

export type ZoneFormError =
  | { field: 'name'; reason: 'required' }
  | { field: 'plannedLandMu' | 'energySpaceTce' | 'enterprisesToRectify'; reason: 'notANumber' }
  | { field: 'targetYear'; reason: 'notAYear' };

/** Years a plan can aim at; the seeds' plans run to 2027, so this leaves ample room. */
const YEAR_RANGE = [2000, 2100] as const;

export const EMPTY_ZONE_FORM: ZoneFormText = {
  name: '',
  kind: ZONE_KINDS[0],
  phase: ZONE_PHASES[0],
  plannedLandMu: '',
  energySpaceTce: '',
  enterprisesToRectify: '',
  responsibleUnit: '',
  targetYear: '',
  note: '',
};

const text = (value: number | null) => (value === null ? '' : String(value));

/** A stored zone's facts as form text. */
export function formTextOf(zone: Zone): ZoneFormText {
  return {
    name: zone.name,
    kind: zone.kind,
    phase: zone.phase,
    plannedLandMu: text(zone.plannedLandMu),
    energySpaceTce: text(zone.energySpaceTce),
    enterprisesToRectify: text(zone.enterprisesToRectify),
    responsibleUnit: zone.responsibleUnit,
    targetYear: text(zone.targetYear),
    note: zone.note,
  };
}

/** Reads an optional number; full-width digits and thousands separators are accepted. */
function readNumber(raw: string, integer: boolean): number | null | undefined {
  const cleaned = raw
    .trim()
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，]/g, '');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  if (!Number.isFinite(value) || value < 0) return undefined;
  if (integer && !Number.isInteger(value)) return undefined;
  return value;
}

/** The form read into a zone's fields with its outline, or every field that is wrong. */
export function readZoneForm(
  form: ZoneFormText,
  geometry: Polygon,
): { fields: ZoneDraft; errors: [] } | { fields: null; errors: ZoneFormError[] } {
  const errors: ZoneFormError[] = [];
  const name = form.name.trim();
  if (name === '') errors.push({ field: 'name', reason: 'required' });
  const plannedLandMu = readNumber(form.plannedLandMu, false);
  if (plannedLandMu === undefined) errors.push({ field: 'plannedLandMu', reason: 'notANumber' });
  const energySpaceTce = readNumber(form.energySpaceTce, false);
  if (energySpaceTce === undefined) errors.push({ field: 'energySpaceTce', reason: 'notANumber' });
  const enterprises = readNumber(form.enterprisesToRectify, true);
  if (enterprises === undefined) {
    errors.push({ field: 'enterprisesToRectify', reason: 'notANumber' });
  }
  const year = readNumber(form.targetYear, true);
  if (year === undefined || (year !== null && (year < YEAR_RANGE[0] || year > YEAR_RANGE[1]))) {
    errors.push({ field: 'targetYear', reason: 'notAYear' });
  }
  if (errors.length > 0) return { fields: null, errors };
  return {
    fields: {
      name,
      kind: form.kind,
      phase: form.phase,
      geometry,
      plannedLandMu: plannedLandMu ?? null,
      energySpaceTce: energySpaceTce ?? null,
      enterprisesToRectify: enterprises ?? null,
      responsibleUnit: form.responsibleUnit.trim(),
      targetYear: year ?? null,
      note: form.note.trim(),
    },
    errors: [],
  };
}
