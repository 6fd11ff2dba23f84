/**
 * All renewal zones as one GeoJSON file (RFC 7946) for a desktop GIS or another office: each
 * zone a Polygon feature in WGS-84 lon/lat with every form field, its area in 亩, 公顷 and m²,
 * its perimeter, and the districts it lies in with the 亩 in each. Coordinates are written as
 * stored (outer ring counter-clockwise, as RFC 7946 asks), so nothing is lost on the way out.
 */

import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { districtByCode } from '../regions.ts';
import type { ZoneDistricts } from './zone-contents.ts';
import type { ZoneMeasure } from './zone-measure.ts';
import type { Zone, ZoneKind, ZonePhase } from './zone.ts';

/** RFC 7946 §12: the media type of a GeoJSON file. */
export const GEOJSON_MEDIA_TYPE = 'application/geo+json';

/** A zone and what is known about it at export time. */
export interface ZoneForExport {
  zone: Zone;
  measure: ZoneMeasure;
  /** null when the district outlines could not be read; the file then says so per zone. */
  districts: ZoneDistricts | null;
}

/** Words for the kind and phase ids, from the i18n dictionary of the user's language. */
export interface ZoneExportLabels {
  kind: Readonly<Record<ZoneKind, string>>;
  phase: Readonly<Record<ZonePhase, string>>;
}

/** One district a zone lies in, as the file lists it. */
export interface ExportedDistrictShare {
  code: string;
  nameZh: string;
  nameEn: string;
  areaMu: number;
  /** This district's part of the zone's area inside any district (0–1). */
  share: number;
}

/** The properties of one zone's feature. */
export interface ZoneFeatureProperties {
  id: string;
  name: string;
  kind: ZoneKind;
  /** The kind in the user's language; absent when no labels were given. */
  kindLabel?: string;
  phase: ZonePhase;
  phaseLabel?: string;
  /** As entered; null means "the zone's own area". */
  plannedLandMu: number | null;
  /** The land the progress sums count: `plannedLandMu`, or the area when that is empty. */
  plannedLandMuCounted: number;
  energySpaceTce: number | null;
  enterprisesToRectify: number | null;
  responsibleUnit: string;
  targetYear: number | null;
  note: string;
  enteredBy: string;
  createdAt: string;
  updatedAt: string;
  areaMu: number;
  areaHa: number;
  areaM2: number;
  perimeterM: number;
  /** Largest first; null when the district outlines were not available. */
  districts: ExportedDistrictShare[] | null;
  /** The zone's area outside every district outline, in 亩; null as `districts`. */
  outsideDistrictsMu: number | null;
}

export type ZonesFeatureCollection = FeatureCollection<Polygon, ZoneFeatureProperties>;

/** Rounds to `digits` decimals: areas to 0.01 亩 are finer than any plot is drawn. */
function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function exportedDistricts(districts: ZoneDistricts): ExportedDistrictShare[] {
  return districts.districts.map((d) => {
    const info = districtByCode(d.districtCode);
    return {
      code: d.districtCode,
      nameZh: info?.nameZh ?? '',
      nameEn: info?.nameEn ?? '',
      areaMu: round(d.areaMu, 2),
      share: round(d.share, 4),
    };
  });
}

function featureOf(
  item: ZoneForExport,
  labels?: ZoneExportLabels,
): Feature<Polygon, ZoneFeatureProperties> {
  const { zone, measure, districts } = item;
  const properties: ZoneFeatureProperties = {
    id: zone.id,
    name: zone.name,
    kind: zone.kind,
    ...(labels ? { kindLabel: labels.kind[zone.kind] } : {}),
    phase: zone.phase,
    ...(labels ? { phaseLabel: labels.phase[zone.phase] } : {}),
    plannedLandMu: zone.plannedLandMu,
    plannedLandMuCounted: round(zone.plannedLandMu ?? measure.areaMu, 2),
    energySpaceTce: zone.energySpaceTce,
    enterprisesToRectify: zone.enterprisesToRectify,
    responsibleUnit: zone.responsibleUnit,
    targetYear: zone.targetYear,
    note: zone.note,
    enteredBy: zone.enteredBy,
    createdAt: zone.createdAt,
    updatedAt: zone.updatedAt,
    areaMu: round(measure.areaMu, 2),
    areaHa: round(measure.areaHa, 4),
    areaM2: round(measure.areaM2, 1),
    perimeterM: round(measure.perimeterM, 1),
    districts: districts ? exportedDistricts(districts) : null,
    outsideDistrictsMu: districts ? round(districts.outsideMu, 2) : null,
  };
  return {
    type: 'Feature',
    id: zone.id,
    geometry: { type: 'Polygon', coordinates: zone.geometry.coordinates },
    properties,
  };
}

/** Every zone as a FeatureCollection, in the order given. */
export function zonesToGeoJson(
  zones: readonly ZoneForExport[],
  labels?: ZoneExportLabels,
): ZonesFeatureCollection {
  return { type: 'FeatureCollection', features: zones.map((z) => featureOf(z, labels)) };
}

/** The file's text: UTF-8 JSON, one feature per line so a diff of two exports reads well. */
export function serializeZonesGeoJson(collection: ZonesFeatureCollection): string {
  const features = collection.features.map((f) => JSON.stringify(f));
  if (features.length === 0) return '{"type":"FeatureCollection","features":[]}\n';
  return `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}\n`;
}

/** `muatlas-zones-YYYYMMDD-HHmm.geojson`, in the user's local time. */
export function zonesGeoJsonFileName(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}`;
  return `muatlas-zones-${day}-${two(now.getHours())}${two(now.getMinutes())}.geojson`;
}
