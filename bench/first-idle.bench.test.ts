import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CITIES } from '../src/domain/regions.ts';
import { benchCamera, CJK_FONT_FAMILY, fillBarePage } from './first-idle.bench.ts';

describe('first-idle benchmark setup', () => {
  it('gives the bare page the CJK font family the app gives MapLibre', async () => {
    const controller = await readFile(
      resolve(import.meta.dirname, '../src/map/map-controller.svelte.ts'),
      'utf8',
    );
    expect(controller).toContain(JSON.stringify(CJK_FONT_FAMILY));
  });

  it('inlines the style as JSON that cannot close its script tag', () => {
    const style = { version: 8, name: '</script><script>alert(1)</script>' };
    const page = fillBarePage(
      '<script type="application/json">__STYLE_JSON__</script><script type="application/json">__OPTIONS_JSON__</script>',
      style,
      { localIdeographFontFamily: 'sans-serif' },
    );
    expect(page.match(/<\/script>/g)).toHaveLength(2);
    const styleJson = /<script[^>]*>(.*?)<\/script>/.exec(page)?.[1] ?? '';
    expect(JSON.parse(styleJson)).toEqual(style);
  });

  it('frames Huzhou: the camera sits inside its bounds', () => {
    const [west, south, east, north] = CITIES.find((c) => c.id === 'huzhou')!.boundsLonLat;
    const { lat, lon } = benchCamera();
    expect(lon).toBeGreaterThan(west);
    expect(lon).toBeLessThan(east);
    expect(lat).toBeGreaterThan(south);
    expect(lat).toBeLessThan(north);
  });
});
