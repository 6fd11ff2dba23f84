/** Zones the persistence tests store: a square outline maker and one draft with every field. */
import type { Polygon } from 'geojson';
import type { ZoneDraft } from '../../src/persistence/zones.repo.ts';

/** A closed, counter-clockwise square `size` degrees wide with its south-west corner given. */
export function box(west: number, south: number, size = 0.01): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [west + size, south],
        [west + size, south + size],
        [west, south + size],
        [west, south],
      ],
    ],
  };
}

/** A zone over 织里 with every field filled, so a round trip shows a field it drops. */
export const ZONE_DRAFT: ZoneDraft = {
  name: '织里镇整治区块',
  kind: 'contiguousRenewal',
  phase: 'planning',
  geometry: box(120.25, 30.84),
  plannedLandMu: 650,
  energySpaceTce: 1200,
  enterprisesToRectify: 8,
  responsibleUnit: '吴兴区',
  targetYear: 2025,
  note: '含两处闲置厂房',
};

/** Who the tests' edits are entered by. */
export const ZONE_AUTHOR = { enteredBy: '李工' };
