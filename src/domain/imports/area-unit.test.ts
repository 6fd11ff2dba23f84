import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { areaUnitFromPolygons } from './area-unit.ts';
import { parseImportFile } from './import-file.ts';

/** A square of `sideDeg` degrees at (lon, lat) and its area in m² on a sphere of the mean radius. */
function square(lon: number, lat: number, sideDeg: number) {
  const r = 6_371_008.8;
  const rad = Math.PI / 180;
  const areaSqm = r * r * sideDeg * rad * (Math.sin((lat + sideDeg) * rad) - Math.sin(lat * rad));
  const ring = [
    [lon, lat],
    [lon + sideDeg, lat],
    [lon + sideDeg, lat + sideDeg],
    [lon, lat + sideDeg],
    [lon, lat],
  ];
  return { geometry: { type: 'Polygon', coordinates: [ring] }, areaSqm };
}

const PARCELS = [
  square(120.08, 30.89, 0.002),
  square(120.41, 30.87, 0.001),
  square(119.91, 31.02, 0.003),
  square(119.98, 30.54, 0.0015),
];

function parcelLayer(figure: (areaSqm: number) => number, header = '面积') {
  const features = PARCELS.map((p, i) => ({
    type: 'Feature',
    properties: { 名称: `地块${i + 1}`, [header]: Math.round(figure(p.areaSqm) * 100) / 100 },
    geometry: p.geometry,
  }));
  const text = JSON.stringify({ type: 'FeatureCollection', features });
  return parseImportFile({ name: 'parcels.geojson', bytes: strToU8(text) });
}

describe('area unit from the drawn parcels', () => {
  it('reads an unlabelled 面积 in m² as m² and stores 亩', () => {
    const preview = parcelLayer((sqm) => sqm);
    expect(preview.findings).toContainEqual({
      id: 'areaUnitFromGeometry',
      severity: 'info',
      params: { column: '面积', unit: 'sqm' },
    });
    preview.records.forEach((r, i) => {
      expect(r.fields['landAreaMu']).toBeCloseTo((PARCELS[i]!.areaSqm * 15) / 10_000, 1);
    });
  });

  it('reads figures already in 亩 or 公顷 as such', () => {
    const mu = parcelLayer((sqm) => (sqm * 15) / 10_000);
    expect(mu.findings).toContainEqual(
      expect.objectContaining({ params: { column: '面积', unit: 'mu' } }),
    );
    expect(parcelLayer((sqm) => sqm / 10_000).table?.mapping).toMatchObject({
      '1': 'landAreaMu@hectare',
    });
  });

  it('keeps the default and says nothing when the figures match no unit (floor area, say)', () => {
    const preview = parcelLayer((sqm) => sqm * 3);
    expect(preview.findings.map((f) => f.id)).not.toContain('areaUnitFromGeometry');
  });

  it('leaves a unit the header states alone', () => {
    const preview = parcelLayer((sqm) => sqm, '面积（亩）');
    expect(preview.findings.map((f) => f.id)).not.toContain('areaUnitFromGeometry');
    expect(preview.table?.mapping['1']).toBe('landAreaMu@mu');
  });

  it('needs three parcels to judge', () => {
    expect(
      areaUnitFromPolygons([
        { figure: 100, areaSqm: 100 },
        { figure: 50, areaSqm: 50 },
      ]),
    ).toBeUndefined();
    expect(
      areaUnitFromPolygons([1, 2, 3].map((k) => ({ figure: k * 100, areaSqm: k * 100 }))),
    ).toBe('sqm');
  });
});
