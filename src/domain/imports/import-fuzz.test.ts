/**
 * Property-based fuzzing: whatever bytes or text arrive, the importer returns a preview and
 * never throws, and a preview that can be committed holds only records that passed the checks.
 */
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from './import-file.ts';
import { isInZhejiang } from './crs.ts';

const NAMES = ['a.csv', 'a.xlsx', 'a.geojson', 'a.zip', 'a.kml', 'a.kmz', 'a.dat'];

describe('fuzzing the parsers', () => {
  it('never throws on random bytes under any name', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.uint8Array({ maxLength: 400 }), (name, bytes) => {
        const preview = parseImportFile({ name, bytes });
        expect(Array.isArray(preview.findings)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on zips of random entries named like the parts of real files', () => {
    const entry = fc.constantFrom(
      'x.shp',
      'x.dbf',
      'x.prj',
      'x.cpg',
      'doc.kml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    );
    fc.assert(
      fc.property(
        fc.constantFrom('a.zip', 'a.kmz', 'a.xlsx'),
        fc.dictionary(entry, fc.uint8Array({ maxLength: 200 })),
        (name, files) => {
          parseImportFile({ name, bytes: zipSync(files) });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on random tables, and keeps only points inside Zhejiang', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.double({ noNaN: false }).map(String),
      fc.constantFrom(
        '120.1',
        '30.9',
        '—',
        '规上',
        '吴兴区',
        '91330100716105852F',
        '3416565',
        '40509563',
      ),
    );
    const header = fc.constantFrom(
      '企业名称',
      '经度',
      '纬度',
      '用地面积',
      '税收',
      '区县',
      '年份',
      '规模',
      'x',
      '统一社会信用代码',
    );
    fc.assert(
      fc.property(
        fc.array(header, { minLength: 1, maxLength: 6 }),
        fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 }),
        (headers, body) => {
          const text = [headers, ...body]
            .map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))
            .join('\n');
          const preview = parseImportFile({ name: 't.csv', bytes: strToU8(text) });
          for (const record of preview.records) {
            if (record.geometry?.type === 'Point') {
              expect(isInZhejiang(record.geometry.coordinates as [number, number])).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on random JSON shaped like GeoJSON', () => {
    const coords = fc.array(fc.oneof(fc.double(), fc.string(), fc.constant(null)), {
      maxLength: 3,
    });
    const geometry = fc.record({
      type: fc.constantFrom('Point', 'LineString', 'Polygon', 'MultiPolygon', 'Bogus'),
      coordinates: fc.oneof(
        coords,
        fc.array(coords),
        fc.array(fc.array(coords)),
        fc.constant(null),
      ),
    });
    const feature = fc.record({
      type: fc.constant('Feature'),
      properties: fc.oneof(fc.constant(null), fc.dictionary(fc.string(), fc.jsonValue())),
      geometry: fc.oneof(geometry, fc.constant(null)),
    });
    fc.assert(
      fc.property(fc.array(feature, { maxLength: 5 }), (features) => {
        parseImportFile({
          name: 'a.geojson',
          bytes: strToU8(JSON.stringify({ type: 'FeatureCollection', features })),
        });
      }),
      { numRuns: 300 },
    );
  });
});
