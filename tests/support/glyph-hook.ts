/**
 * Finds out which characters MapLibre rasterises itself. CJK glyphs are drawn locally with
 * TinySDF (`localIdeographFontFamily`), which calls `fillText` on a 2D canvas, an
 * OffscreenCanvas where available, on the main thread. Wrapping both prototypes before the
 * app loads shows whether Chinese labels were drawn, with no test hook inside the app.
 */
import type { BrowserContext, Page } from 'playwright-core';

declare global {
  interface Window {
    /** Texts passed to fillText since the page loaded. */
    __filledTexts?: string[];
  }
}

/** Runs in the page before any of its scripts. Must be self-contained (it is serialised). */
function installFillTextRecorder(): void {
  const filled: string[] = [];
  window.__filledTexts = filled;
  const protos = [
    globalThis.CanvasRenderingContext2D?.prototype,
    globalThis.OffscreenCanvasRenderingContext2D?.prototype,
  ];
  for (const proto of protos) {
    if (!proto) continue;
    const original = proto.fillText;
    proto.fillText = function (
      this: typeof proto,
      text: string,
      ...rest: [number, number, number?]
    ) {
      filled.push(String(text));
      return original.call(this, text, ...rest);
    } as typeof original;
  }
}

/** Installs the recorder in every page of `context`, before the app's own scripts run. */
export async function recordFilledText(context: BrowserContext): Promise<void> {
  await context.addInitScript(installFillTextRecorder);
}

/** The set of characters drawn by fillText so far in `page`. */
export async function filledCharacters(page: Page): Promise<Set<string>> {
  const texts = await page.evaluate(() => window.__filledTexts ?? []);
  return new Set(texts.flatMap((t) => [...t]));
}

/** Characters of `names` that were not drawn; empty when every one of them was. */
export function missingCharacters(drawn: Set<string>, names: readonly string[]): string[] {
  return [...new Set(names.flatMap((n) => [...n]))].filter((c) => !drawn.has(c));
}
