/**
 * The printed map's geometry: paper sizes (ISO 216), printer-safe margins, and a scale bar of
 * a round length for the map's scale at its centre (Web Mercator, as MapLibre draws it).
 */

export type PaperSize = 'A4' | 'A3';
export type Orientation = 'landscape' | 'portrait';

/** ISO 216 sheet sizes, portrait, in millimetres. */
const SHEETS_MM: Readonly<Record<PaperSize, readonly [number, number]>> = {
  A4: [210, 297],
  A3: [297, 420],
};

/** Most office printers cannot print within ~5 mm of the edge; 12 mm leaves room for binding. */
export const PRINT_MARGIN_MM = 12;

/** CSS pixels per millimetre (96 per inch), as browsers print them. */
export const CSS_PX_PER_MM = 96 / 25.4;

/** The sheet's width and height in millimetres. */
export function sheetSizeMm(paper: PaperSize, orientation: Orientation): [number, number] {
  const [short, long] = SHEETS_MM[paper];
  return orientation === 'landscape' ? [long, short] : [short, long];
}

/** WGS-84 equatorial circumference, metres, as MapLibre's mercator uses. */
const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
/** MapLibre's tile size: zoom 0 is one 512-pixel tile. */
const TILE_SIZE_PX = 512;

/** Ground metres per CSS pixel at a latitude and zoom. */
export function metresPerPixel(latDeg: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((latDeg * Math.PI) / 180)) / (TILE_SIZE_PX * 2 ** zoom);
}

export interface ScaleBar {
  /** The bar's ground length, metres: 1, 2 or 5 times a power of ten. */
  metres: number;
  /** Its drawn length, CSS pixels. */
  widthPx: number;
}

/** The longest round length that fits in `maxWidthPx` at the given scale. */
export function scaleBar(metresPerPx: number, maxWidthPx: number): ScaleBar {
  const maxMetres = metresPerPx * maxWidthPx;
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  const step = [5, 2, 1].find((f) => f * power <= maxMetres) ?? 1;
  const metres = step * power;
  return { metres, widthPx: metres / metresPerPx };
}
