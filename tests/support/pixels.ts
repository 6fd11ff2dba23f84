/**
 * Pixel statistics over screenshots, so tests can tell a drawn map from a blank canvas
 * and find a colour where a known feature (Tai Hu) should be.
 */
import { PNG } from 'pngjs';

/** Decoded RGBA image; `data` holds 4 bytes per pixel, row by row. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export type Rgb = readonly [r: number, g: number, b: number];

/** Pixel rectangle, clipped to the image where used. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Decodes a PNG (as Playwright's `screenshot()` returns it). */
export function decodePng(png: Buffer): RgbaImage {
  const decoded = PNG.sync.read(png);
  return { width: decoded.width, height: decoded.height, data: decoded.data };
}

function clip(image: RgbaImage, rect: Rect | undefined): Rect {
  const r = rect ?? { x: 0, y: 0, width: image.width, height: image.height };
  const x0 = Math.max(0, Math.floor(r.x));
  const y0 = Math.max(0, Math.floor(r.y));
  const x1 = Math.min(image.width, Math.floor(r.x + r.width));
  const y1 = Math.min(image.height, Math.floor(r.y + r.height));
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

function* pixels(image: RgbaImage, rect?: Rect): Generator<Rgb> {
  const r = clip(image, rect);
  for (let y = r.y; y < r.y + r.height; y++) {
    for (let x = r.x; x < r.x + r.width; x++) {
      const i = (y * image.width + x) * 4;
      yield [image.data[i] ?? 0, image.data[i + 1] ?? 0, image.data[i + 2] ?? 0];
    }
  }
}

/** Largest per-channel difference: a cheap, predictable colour distance. */
export function channelDistance(a: Rgb, b: Rgb): number {
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
}

/**
 * Colours covering at least `minShare` of the rectangle, after rounding each channel to a
 * multiple of `stepLevels` so antialiasing does not count as a colour of its own.
 * Sorted by share, largest first.
 */
export function dominantColours(
  image: RgbaImage,
  {
    rect,
    stepLevels = 8,
    minShare = 0.005,
  }: { rect?: Rect; stepLevels?: number; minShare?: number } = {},
): { rgb: Rgb; share: number }[] {
  const counts = new Map<string, { rgb: Rgb; count: number }>();
  let total = 0;
  for (const [r, g, b] of pixels(image, rect)) {
    const q: Rgb = [
      Math.round(r / stepLevels) * stepLevels,
      Math.round(g / stepLevels) * stepLevels,
      Math.round(b / stepLevels) * stepLevels,
    ];
    const key = q.join(',');
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { rgb: q, count: 1 });
    total++;
  }
  return [...counts.values()]
    .map(({ rgb, count }) => ({ rgb, share: count / Math.max(1, total) }))
    .filter((c) => c.share >= minShare)
    .sort((a, b) => b.share - a.share);
}

/** Share (0–1) of the rectangle's pixels within `tolerance` of `target` on every channel. */
export function shareNear(image: RgbaImage, target: Rgb, tolerance: number, rect?: Rect): number {
  let near = 0;
  let total = 0;
  for (const px of pixels(image, rect)) {
    if (channelDistance(px, target) <= tolerance) near++;
    total++;
  }
  return total === 0 ? 0 : near / total;
}

/** Share (0–1) of pixels that differ by more than `tolerance` between two same-sized images. */
export function changedShare(a: RgbaImage, b: RgbaImage, tolerance = 16): number {
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`image sizes differ: ${a.width}×${a.height} vs ${b.width}×${b.height}`);
  }
  const before = pixels(a);
  let changed = 0;
  let total = 0;
  for (const px of pixels(b)) {
    const old = before.next().value as Rgb;
    if (channelDistance(px, old) > tolerance) changed++;
    total++;
  }
  return total === 0 ? 0 : changed / total;
}

/** Parses `#rrggbb` (as the basemap palette writes colours). */
export function hexToRgb(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}

/** Parses a computed CSS colour, `rgb(r, g, b)` or `rgba(r, g, b, a)`, as the DOM reports it. */
export function cssRgbToRgb(css: string): Rgb {
  const match = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/i.exec(css.trim());
  if (!match) throw new Error(`not an rgb() colour: ${css}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** The pixel at integer position (x, y); black outside the image. */
export function pixelAt(image: RgbaImage, x: number, y: number): Rgb {
  const px = Math.floor(x);
  const py = Math.floor(y);
  if (px < 0 || py < 0 || px >= image.width || py >= image.height) return [0, 0, 0];
  const i = (py * image.width + px) * 4;
  return [image.data[i] ?? 0, image.data[i + 1] ?? 0, image.data[i + 2] ?? 0];
}

/**
 * Share (0–1) of `points` with a pixel within `tolerance` of `target` no further than
 * `radiusPx` away (a square window), so a thin line near a sampled vertex still counts.
 */
export function shareOfPointsNear(
  image: RgbaImage,
  points: readonly { x: number; y: number }[],
  target: Rgb,
  tolerance: number,
  radiusPx = 0,
): number {
  if (points.length === 0) return 0;
  let hits = 0;
  for (const p of points) {
    let hit = false;
    for (let dy = -radiusPx; dy <= radiusPx && !hit; dy++) {
      for (let dx = -radiusPx; dx <= radiusPx && !hit; dx++) {
        hit = channelDistance(pixelAt(image, p.x + dx, p.y + dy), target) <= tolerance;
      }
    }
    if (hit) hits++;
  }
  return hits / points.length;
}

/** WCAG relative luminance (0 black – 1 white), to tell a darker class colour from a lighter. */
export function relativeLuminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}
