import gcoord from 'gcoord';
import type { Geometry, Position } from 'geojson';
import { mapPositions, roundPosition } from './geometry.ts';

/**
 * GCJ-02 ("Mars coordinates") is the obfuscated datum Chinese web maps (AMap, and ECharts' maps
 * derived from it) publish in; around Huzhou it sits about 500 m from WGS-84. gcoord inverts
 * the published forward formula iteratively to 1e-6 degree.
 */
export function gcj02ToWgs84Position(position: Position): Position {
  const [lon, lat] = gcoord.transform([position[0]!, position[1]!], gcoord.GCJ02, gcoord.WGS84);
  return roundPosition([lon, lat]);
}

/** A copy of `geometry` moved from GCJ-02 to WGS-84, positions rounded to 1e-6 degree. */
export function gcj02ToWgs84<G extends Geometry>(geometry: G): G {
  return mapPositions(geometry, gcj02ToWgs84Position);
}
