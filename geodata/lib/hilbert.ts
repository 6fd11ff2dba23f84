/**
 * PMTiles v3 tile ids: every tile of zoom z comes after all tiles of lower zooms, and within a
 * zoom the tiles follow a Hilbert curve, so tiles near each other on the map sit near each other
 * in the archive (one range request fetches a neighbourhood).
 */

/** Highest zoom whose tile ids stay exact in a double (4^27 would pass 2^53). */
export const MAX_TILE_ID_ZOOM = 26;

/** Tiles of all zooms below `z`: 4^0 + … + 4^(z-1). */
function tilesBelowZoom(z: number): number {
  return (4 ** z - 1) / 3;
}

/** Hilbert-curve quadrant rotation; `n` is the side length of the current square. */
function rotate(n: number, x: number, y: number, rx: number, ry: number): [number, number] {
  if (ry !== 0) return [x, y];
  if (rx === 1) return [n - 1 - y, n - 1 - x];
  return [y, x];
}

/** The PMTiles tile id of tile z/x/y. Throws on coordinates outside the zoom's grid. */
export function zxyToTileId(z: number, x: number, y: number): number {
  if (!Number.isInteger(z) || z < 0 || z > MAX_TILE_ID_ZOOM) {
    throw new RangeError(`zoom ${z} outside 0..${MAX_TILE_ID_ZOOM}`);
  }
  const n = 2 ** z;
  if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= n || y >= n) {
    throw new RangeError(`tile ${z}/${x}/${y} outside the zoom's grid`);
  }
  let position = 0;
  let tx = x;
  let ty = y;
  for (let s = n / 2; s >= 1; s /= 2) {
    const rx = (tx & s) > 0 ? 1 : 0;
    const ry = (ty & s) > 0 ? 1 : 0;
    position += s * s * ((3 * rx) ^ ry);
    [tx, ty] = rotate(s, tx & (s - 1), ty & (s - 1), rx, ry);
  }
  return tilesBelowZoom(z) + position;
}

/** The z/x/y of a PMTiles tile id; the inverse of {@link zxyToTileId}. */
export function tileIdToZxy(tileId: number): [number, number, number] {
  if (!Number.isSafeInteger(tileId) || tileId < 0) {
    throw new RangeError(`tile id ${tileId} is not a non-negative safe integer`);
  }
  let z = 0;
  while (tilesBelowZoom(z + 1) <= tileId) {
    z += 1;
    if (z > MAX_TILE_ID_ZOOM) throw new RangeError(`tile id ${tileId} beyond zoom 26`);
  }
  const n = 2 ** z;
  let t = tileId - tilesBelowZoom(z);
  let x = 0;
  let y = 0;
  for (let s = 1; s < n; s *= 2) {
    const quadrant = t % 4;
    const rx = (quadrant >> 1) & 1;
    const ry = (quadrant ^ rx) & 1;
    [x, y] = rotate(s, x, y, rx, ry);
    x += s * rx;
    y += s * ry;
    t = Math.floor(t / 4);
  }
  return [z, x, y];
}
