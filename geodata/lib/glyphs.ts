import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageFile } from './packages.ts';

export const GLYPHS_PACKAGE = 'tileserver-gl-styles';
export const FONT_STACK = 'Noto Sans Regular';

/** Basic Latin + Latin-1, Latin Extended-A/B, General Punctuation (’ – …): any English label. */
const ALWAYS_RANGES = [0, 256, 8192];

/**
 * Code points MapLibre draws with `localIdeographFontFamily` (the browser's CJK font) instead of
 * glyph PBFs: CJK ideographs, radicals, symbols and punctuation, kana, hangul, fullwidth forms.
 * A coarse copy of maplibre-gl's own test, erring toward shipping a range.
 */
export function drawnLocally(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x11ff) ||
    (codePoint >= 0x2e80 && codePoint <= 0x2fdf) ||
    (codePoint >= 0x3000 && codePoint <= 0x30ff) ||
    (codePoint >= 0x3105 && codePoint <= 0x4dbf) ||
    (codePoint >= 0x4e00 && codePoint <= 0xa4c6) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7fb) ||
    (codePoint >= 0xf900 && codePoint <= 0xfad9) ||
    (codePoint >= 0xfe10 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xffef) ||
    (codePoint >= 0x20000 && codePoint <= 0x3134f)
  );
}

/** The 256-code-point glyph ranges ("0-255", …) the labels need, in ascending order. */
export function glyphRanges(labels: Iterable<string>): string[] {
  const starts = new Set(ALWAYS_RANGES);
  for (const label of labels) {
    for (const char of label) {
      const codePoint = char.codePointAt(0)!;
      if (!drawnLocally(codePoint)) starts.add(Math.floor(codePoint / 256) * 256);
    }
  }
  return [...starts].sort((a, b) => a - b).map((start) => `${start}-${start + 255}`);
}

/** Copies the needed Noto Sans glyph PBFs to `<outDir>/fonts/Noto Sans Regular/{range}.pbf`. */
export function copyGlyphs(outDir: string, ranges: readonly string[]): string[] {
  const target = join(outDir, 'fonts', FONT_STACK);
  mkdirSync(target, { recursive: true });
  const written: string[] = [];
  for (const range of ranges) {
    const source = packageFile(GLYPHS_PACKAGE, join('fonts', FONT_STACK, `${range}.pbf`));
    if (!existsSync(source)) throw new Error(`${GLYPHS_PACKAGE} has no glyphs for ${range}`);
    copyFileSync(source, join(target, `${range}.pbf`));
    written.push(join('fonts', FONT_STACK, `${range}.pbf`));
  }
  return written;
}
