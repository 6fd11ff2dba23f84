/**
 * The importer on files shaped like officials' files (tests/fixtures/imports, made by
 * make-fixtures.ts) and on the ways such files go wrong.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CSV_POINTS,
  encodeGbk,
  GCJ_POINTS_WGS84,
  KML_POINTS,
  PARCELS,
  shapefileZip,
} from '../../../tests/fixtures/imports/make-fixtures.ts';
import { parseImportFile } from './import-file.ts';
import type { ImportOptions, ImportPreview } from './import-preview.ts';

const FIXTURES = new URL('../../../tests/fixtures/imports/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const parse = (name: string, bytes: Uint8Array, options?: ImportOptions) =>
  parseImportFile({ name, bytes }, options);
const csv = (text: string, options?: ImportOptions) => parse('t.csv', strToU8(text), options);
const ids = (p: ImportPreview) => p.findings.map((f) => f.id);
const point = (p: ImportPreview, i: number) => {
  const g = p.records[i]?.geometry;
  if (g?.type !== 'Point') throw new Error(`record ${i} has no point`);
  return g.coordinates as [number, number];
};
/** Ground distance in metres between two WGS-84 points (equirectangular, fine at these sizes). */
const metres = (a: readonly number[], b: readonly number[]) =>
  Math.hypot(
    ((a[0] as number) - (b[0] as number)) * 111_320 * Math.cos(((a[1] as number) * Math.PI) / 180),
    ((a[1] as number) - (b[1] as number)) * 110_574,
  );

describe('GBK CSV with a title row', () => {
  const preview = parse('enterprises-gbk.csv', fixture('enterprises-gbk.csv'));

  it('detects GBK and reads the Chinese text', () => {
    expect(preview.encoding).toEqual({ value: 'gb18030', basis: 'invalidUtf8' });
    expect(preview.records[0]?.fields['name']).toBe('示例织造有限公司');
  });

  it('finds the header under the title and maps the columns with units', () => {
    expect(preview.table?.headerRowIndex).toBe(1);
    const byField = Object.fromEntries(
      preview.table!.columns.filter((c) => c.field).map((c) => [c.field, c.unit]),
    );
    expect(byField).toMatchObject({
      name: null,
      creditCode: null,
      districtCode: null,
      lon: null,
      lat: null,
      landAreaMu: 'mu',
      electricityKwh: 'wanKwh',
      sizeClass: null,
      year: null,
    });
  });

  it('converts to the field units and codes (万千瓦时 → kWh, 1,280.0 → 1280, 吴兴区 → 330502)', () => {
    expect(preview.records[1]?.fields).toMatchObject({
      landAreaMu: 1280,
      taxWanYuan: 5300,
      electricityKwh: 54_000_000,
      districtCode: '330503',
      sizeClass: 'above',
      year: 2024,
    });
    expect(preview.records[2]?.fields).toMatchObject({
      districtCode: '330521',
      sizeClass: 'below',
    });
    expect(preview.records[2]?.fields).not.toHaveProperty('valueAddedWanYuan');
  });

  it('places the records where the file says', () => {
    preview.records.forEach((_, i) => expect(point(preview, i)).toEqual(CSV_POINTS[i]));
  });

  it('refuses the row with a bad credit code and text in the area column, by row, column and value', () => {
    expect(preview.records).toHaveLength(3);
    expect(preview.rejected).toEqual([
      {
        row: 6,
        column: '统一社会信用代码',
        value: '91330522MA2B000040',
        reason: 'creditCodeCheckDigit',
      },
      { row: 6, column: '用地面积（亩）', value: '待核实', reason: 'notANumber' },
    ]);
    expect(preview.findings).toContainEqual({
      id: 'rejectedRows',
      severity: 'warning',
      params: { count: 1 },
    });
    expect(preview.canCommit).toBe(true);
  });

  it('reads garbage when the user forces UTF-8, and says it was their choice', () => {
    const forced = parse('enterprises-gbk.csv', fixture('enterprises-gbk.csv'), {
      encoding: 'utf-8',
    });
    expect(forced.encoding).toEqual({ value: 'utf-8', basis: 'user' });
    expect(forced.records.some((r) => r.fields['name'] === '示例织造有限公司')).toBe(false);
  });

  it('uses a remembered mapping as given, keeping unmapped columns as text', () => {
    const remembered = { '1': 'name', '7': 'landAreaMu@hectare' };
    const again = parse('enterprises-gbk.csv', fixture('enterprises-gbk.csv'), {
      mapping: remembered,
    });
    expect(again.table?.mapping).toEqual(remembered);
    expect(again.records[0]?.fields).toMatchObject({
      name: '示例织造有限公司',
      landAreaMu: 35.5 * 15,
      'col:实缴税金（万元）': '420.6',
    });
    expect(again.table?.layoutKey).toBe(preview.table?.layoutKey);
  });
});

describe('XLSX with merged header cells', () => {
  const preview = parse(
    'enterprises-merged-header.xlsx',
    fixture('enterprises-merged-header.xlsx'),
  );

  it('reads the column row under the group row, joining group and column names', () => {
    expect(preview.table?.headerRowIndex).toBe(2);
    expect(preview.table?.columns.map((c) => c.header)).toContain('经济指标/用地面积（平方米）');
    expect(ids(preview)).toContain('mergedHeader');
  });

  it('converts ㎡ to 亩 and fills the district merged down over two rows', () => {
    expect(preview.records[0]?.fields['landAreaMu']).toBeCloseTo(30, 6);
    expect(preview.records[1]?.fields['districtCode']).toBe('330603');
    expect(preview.records[1]?.fields['landAreaMu']).toBeCloseTo(10, 3);
  });

  it('refuses the tax written in words, at its spreadsheet row', () => {
    expect(preview.rejected).toEqual([
      { row: 6, column: '经济指标/税收（万元）', value: '四百', reason: 'notANumber' },
    ]);
  });

  it('places records without coordinates by their district alone', () => {
    expect(preview.records.every((r) => r.geometry === null)).toBe(true);
    expect(ids(preview)).not.toContain('unplacedRecords');
  });
});

describe('zipped shapefile in EPSG:4549', () => {
  const preview = parse('parcels-epsg4549.zip', fixture('parcels-epsg4549.zip'));

  it('reads the CRS from the .prj and the GBK .dbf without a .cpg', () => {
    expect(preview.crs).toEqual({ value: 'EPSG:4549', basis: 'prj', label: 'EPSG:4549' });
    expect(preview.encoding).toEqual({ value: 'gb18030', basis: 'invalidUtf8' });
    expect(preview.records.map((r) => r.fields['name'])).toEqual(PARCELS.map((p) => p.name));
  });

  it('puts each parcel polygon around its centre in WGS-84', () => {
    expect(preview.suggestedKind).toBe('parcels');
    preview.records.forEach((record, i) => {
      expect(record.geometry?.type).toBe('Polygon');
      const ring = (record.geometry as { coordinates: number[][][] }).coordinates[0] as number[][];
      const centre = [0, 1].map(
        (k) => ring.slice(0, 4).reduce((s, p) => s + (p[k] as number), 0) / 4,
      );
      expect(metres(centre, PARCELS[i]!.centre)).toBeLessThan(1);
    });
  });

  it('with the .prj missing, judges the zone from the numbers and says so', () => {
    const files = { ...unzipSync(fixture('parcels-epsg4549.zip')) };
    delete files['parcels.prj'];
    const noPrj = parse('parcels.zip', zipSync(files));
    expect(ids(noPrj)).toEqual(expect.arrayContaining(['prjMissing', 'crsDetected']));
    expect(noPrj.crs).toMatchObject({ value: 'EPSG:4549', basis: 'magnitude' });
    expect(noPrj.canCommit).toBe(true);
  });

  it('reads the .dbf as the .cpg says', () => {
    const files = { ...unzipSync(shapefileZip()), 'parcels.cpg': strToU8('GBK') };
    expect(parse('p.zip', zipSync(files)).encoding).toEqual({ value: 'gb18030', basis: 'cpg' });
  });

  it('reports a broken zip, a zip without .shp and one without .dbf', () => {
    const bytes = fixture('parcels-epsg4549.zip');
    expect(ids(parse('p.zip', bytes.subarray(0, bytes.length / 2)))).toEqual(['brokenZip']);
    expect(ids(parse('p.zip', zipSync({ 'readme.txt': strToU8('x') })))).toEqual(['shpMissing']);
    const files = unzipSync(bytes);
    delete files['parcels.dbf'];
    expect(ids(parse('p.zip', zipSync(files)))).toEqual(['dbfMissing']);
  });
});

describe('KMZ', () => {
  const preview = parse('enterprises.kmz', fixture('enterprises.kmz'));
  it('reads placemarks and their extended data as WGS-84', () => {
    expect(preview.crs?.value).toBe('wgs84');
    expect(preview.records).toHaveLength(3);
    KML_POINTS.forEach((p, i) => {
      expect(point(preview, i)).toEqual(p.lonLat);
      expect(preview.records[i]?.fields).toMatchObject({
        name: p.name,
        creditCode: p.code,
        districtCode: '330523',
      });
    });
    expect(preview.records[2]?.geometry?.type).toBe('Polygon');
  });
  it('reports a KMZ that is not a zip, and KML that is not XML', () => {
    expect(ids(parse('a.kmz', strToU8('not a zip')))).toEqual(['brokenZip']);
    expect(ids(parse('a.kml', strToU8('<kml><Placemark>')))).toEqual(['unreadableFile']);
  });
});

describe('GeoJSON in GCJ-02', () => {
  const bytes = fixture('enterprises-gcj02.geojson');
  it('is taken as WGS-84 unless the user says otherwise, with a warning that asks', () => {
    const preview = parse('a.geojson', bytes);
    expect(preview.findings).toContainEqual({
      id: 'crsAssumed',
      severity: 'warning',
      params: { crs: 'wgs84' },
    });
    expect(metres(point(preview, 0), GCJ_POINTS_WGS84[0]!)).toBeGreaterThan(100);
  });
  it('lands on the true points when the user chooses GCJ-02', () => {
    const preview = parse('a.geojson', bytes, { crs: 'gcj02' });
    expect(ids(preview)).toEqual(expect.arrayContaining(['crsChosen', 'gcj02Converted']));
    GCJ_POINTS_WGS84.forEach((p, i) => expect(metres(point(preview, i), p)).toBeLessThan(1));
  });
  it('honours a legacy crs member', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4549' } },
      features: [
        {
          type: 'Feature',
          properties: { name: 'a' },
          geometry: { type: 'Point', coordinates: [509563.36, 3416565.72] },
        },
      ],
    });
    const preview = parse('a.geojson', strToU8(text));
    expect(preview.crs).toMatchObject({ value: 'EPSG:4549', basis: 'prj' });
    expect(metres(point(preview, 0), [120.1, 30.87])).toBeLessThan(1);
  });
  it('reports JSON that is not GeoJSON', () => {
    expect(ids(parse('a.geojson', strToU8('{"type":"Topology"}')))).toEqual(['unreadableFile']);
    expect(ids(parse('a.geojson', strToU8('{"type":')))).toEqual(['unreadableFile']);
  });
});

describe('coordinates gone wrong in tables', () => {
  it('swaps lon/lat columns filled the other way round, and says so', () => {
    const preview = csv('名称,经度,纬度\n甲,30.8931,120.0865\n乙,30.5443,119.9774\n');
    expect(ids(preview)).toContain('swappedColumns');
    expect(point(preview, 0)).toEqual([120.0865, 30.8931]);
  });

  it('reads projected numbers without a CRS: X = north with zone prefix on Y', () => {
    const preview = csv('名称,X坐标,Y坐标\n甲,3416565.72,40509563.36\n');
    expect(preview.crs).toMatchObject({ value: 'EPSG:4528', basis: 'zonePrefix' });
    expect(ids(preview)).toEqual(expect.arrayContaining(['swappedColumns', 'crsDetected']));
    expect(metres(point(preview, 0), [120.1, 30.87])).toBeLessThan(1);
  });

  it('refuses the user choosing degrees for metres, before anything is saved', () => {
    const preview = csv('名称,x,y\n甲,509563.36,3416565.72\n', { crs: 'wgs84' });
    expect(preview.findings).toContainEqual(
      expect.objectContaining({ id: 'crsMismatch', severity: 'error' }),
    );
    expect(preview.canCommit).toBe(false);
  });

  it('refuses points outside Zhejiang row by row, and all of them as an error', () => {
    const some = csv('名称,经度,纬度\n甲,120.1,30.9\n北京,116.4,39.9\n');
    expect(some.rejected).toEqual([
      { row: 3, column: '经度', value: '116.4, 39.9', reason: 'outsideZhejiang' },
    ]);
    expect(some.findings).toContainEqual({
      id: 'outsideZhejiang',
      severity: 'warning',
      params: { count: 1 },
    });
    const all = csv('名称,经度,纬度\n北京,116.4,39.9\n');
    expect(all.canCommit).toBe(false);
    expect(ids(all)).toContain('allOutsideZhejiang');
  });

  it('refuses text and half coordinates', () => {
    const preview = csv('名称,经度,纬度\n甲,120.1,30.9\n乙,东经120度,30.9\n丙,120.2,\n');
    expect(preview.rejected).toEqual([
      { row: 3, column: '经度', value: '东经120度', reason: 'badCoordinate' },
      { row: 4, column: '纬度', value: '', reason: 'halfCoordinate' },
    ]);
  });
});

describe('rows gone wrong', () => {
  it('lists every problem of a row and keeps the good rows', () => {
    const preview = csv(
      [
        '企业名称,统一社会信用代码,区县,用地面积,规模,年份,从业人员',
        '甲,91330100716105852F,吴兴,10,规上,2024,5',
        '乙,9133010071610585,火星区,-3,大型,24,五十',
        ',,吴兴,1,,,',
      ].join('\n'),
    );
    expect(preview.records).toHaveLength(1);
    expect(preview.rejected.filter((r) => r.row === 3).map((r) => [r.column, r.reason])).toEqual([
      ['统一社会信用代码', 'creditCodeFormat'],
      ['区县', 'unknownDistrict'],
      ['用地面积', 'negativeNumber'],
      ['规模', 'badSizeClass'],
      ['年份', 'badYear'],
      ['从业人员', 'notANumber'],
    ]);
    expect(preview.rejected.filter((r) => r.row === 4)).toEqual([
      { row: 4, column: '企业名称', value: '', reason: 'missingIdentity' },
    ]);
  });

  it('takes dashes and 无 as no figure, not as text', () => {
    const preview = csv('企业名称,税收,能耗\n甲,—,无\n');
    expect(preview.rejected).toEqual([]);
    expect(preview.records[0]?.fields).toEqual({ name: '甲' });
  });

  it('reads an empty file, an unknown format and a header-only table as errors', () => {
    expect(ids(parse('a.csv', new Uint8Array()))).toEqual(['emptyFile']);
    expect(ids(parse('a.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])))).toEqual([
      'unknownFormat',
    ]);
    const headerOnly = csv('企业名称,税收\n');
    expect(headerOnly.canCommit).toBe(false);
    expect(ids(headerOnly)).toContain('noRecords');
  });

  it('asks for the header row when no row names any field', () => {
    const preview = csv('a,b\n1,2\n');
    expect(preview.findings).toContainEqual({ id: 'noHeader', severity: 'warning', params: {} });
    expect(csv('企业名称,b\n甲,2\n').findings.map((f) => f.id)).not.toContain('noHeader');
  });

  it('reads a GBK table with the user’s header row', () => {
    const bytes = encodeGbk('甲,1\n企业名称,用地面积\n乙,2\n');
    const preview = parse('a.csv', bytes, { headerRowIndex: 1 });
    expect(preview.records.map((r) => r.fields)).toEqual([{ name: '乙', landAreaMu: 2 }]);
  });
});

describe('one malformed feature', () => {
  it('is refused alone; the rest of the file imports', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: '甲' },
          geometry: { type: 'Point', coordinates: [120.1, 30.9] },
        },
        {
          type: 'Feature',
          properties: { name: '乙' },
          geometry: { type: 'Polygon', coordinates: null },
        },
        {
          type: 'Feature',
          properties: { name: '丙' },
          geometry: { type: 'Point', coordinates: ['a', 'b'] },
        },
      ],
    });
    const preview = parse('a.geojson', strToU8(text));
    expect(preview.records.map((r) => r.fields['name'])).toEqual(['甲']);
    expect(preview.rejected).toEqual([
      { row: 2, column: null, value: '', reason: 'badGeometry' },
      { row: 3, column: null, value: '', reason: 'badGeometry' },
    ]);
  });
});
