import { describe, expect, it } from 'vitest';
import { guessCoordinates, readPrj, toWgs84, type XY } from './crs.ts';

const PRJ_4549_ESRI =
  'PROJCS["CGCS2000_3_Degree_GK_CM_120E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const PRJ_4528_ESRI = PRJ_4549_ESRI.replace('CM_120E', 'Zone_40').replace('500000.0', '40500000.0');
const PRJ_4550_OGC =
  'PROJCS["CGCS2000 / 3-degree Gauss-Kruger CM 123E",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",123],PARAMETER["scale_factor",1],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1],AUTHORITY["EPSG","4550"]]';
const PRJ_XIAN80 =
  'PROJCS["Xian_1980_3_Degree_GK_CM_120E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

/**
 * Length of the meridian arc from the equator to `latDeg` on the GRS80/CGCS2000 ellipsoid, by
 * Simpson's rule — on the central meridian a Gauss-Krüger northing is exactly this.
 */
function meridianArcM(latDeg: number): number {
  const a = 6_378_137;
  const f = 1 / 298.257222101;
  const e2 = f * (2 - f);
  const phi = (latDeg * Math.PI) / 180;
  const n = 2_000;
  const g = (t: number) => (a * (1 - e2)) / Math.pow(1 - e2 * Math.sin(t) ** 2, 1.5);
  let sum = g(0) + g(phi);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * g((phi * i) / n);
  return (sum * phi) / (3 * n);
}

describe('.prj reading', () => {
  it('knows the ArcGIS WKT of CGCS2000 GK CM 120E as EPSG:4549', () => {
    expect(readPrj(PRJ_4549_ESRI)).toEqual({
      kind: 'known',
      crs: 'EPSG:4549',
      name: 'CGCS2000_3_Degree_GK_CM_120E',
    });
  });
  it('tells the zone-prefixed variant by its false easting', () => {
    expect(readPrj(PRJ_4528_ESRI)).toMatchObject({ kind: 'known', crs: 'EPSG:4528' });
  });
  it('reads an EPSG authority code', () => {
    expect(readPrj(PRJ_4550_OGC)).toMatchObject({ kind: 'known', crs: 'EPSG:4550' });
  });
  it('keeps another datum (Xian 1980) as "other", still convertible', () => {
    expect(readPrj(PRJ_XIAN80)).toMatchObject({
      kind: 'other',
      name: 'Xian_1980_3_Degree_GK_CM_120E',
    });
  });
  it('reads geographic CGCS2000 and WGS-84', () => {
    expect(
      readPrj(
        'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
      ),
    ).toMatchObject({ crs: 'cgcs2000' });
    expect(
      readPrj(
        'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
      ),
    ).toMatchObject({ crs: 'wgs84' });
  });
  it('calls text that is no WKT unknown', () => {
    expect(readPrj('hello')).toMatchObject({ kind: 'unknown' });
  });
});

describe('conversion to WGS-84', () => {
  it('puts easting 500 000 m on the central meridian and northing at the meridian arc', () => {
    const lat = 30.87;
    const [lon, back] = toWgs84('EPSG:4549')([500_000, meridianArcM(lat)]);
    expect(lon).toBeCloseTo(120, 9);
    expect(back).toBeCloseTo(lat, 7);
  });
  it('reads the zone-prefixed easting of zone 40 like the unprefixed CM 120 one', () => {
    const plain = toWgs84('EPSG:4549')([512_345, 3_420_000]);
    const prefixed = toWgs84('EPSG:4528')([40_512_345, 3_420_000]);
    expect(prefixed[0]).toBeCloseTo(plain[0], 9);
    expect(prefixed[1]).toBeCloseTo(plain[1], 9);
  });
  it('moves AMap (GCJ-02) points by a few hundred metres, the size of the published offset', () => {
    const gcj: XY = [120.0914, 30.8911];
    const [lon, lat] = toWgs84('gcj02')(gcj);
    const metres = Math.hypot((gcj[0] - lon) * 95_500, (gcj[1] - lat) * 111_000);
    expect(metres).toBeGreaterThan(100);
    expect(metres).toBeLessThan(1_000);
  });
  it('leaves CGCS2000 degrees as they are', () => {
    expect(toWgs84('cgcs2000')([120.1, 30.9])).toEqual([120.1, 30.9]);
  });
});

describe('guessing from the numbers', () => {
  const huzhouM: XY[] = [
    [509_563, 3_416_566],
    [541_200, 3_414_300],
  ];
  it('sees Gauss-Krüger metres without prefix and picks CM 120 for Huzhou', () => {
    expect(guessCoordinates(huzhouM)).toEqual({
      crs: 'EPSG:4549',
      basis: 'magnitude',
      swapped: false,
    });
  });
  it('reads a Huzhou point written in zone CM 117 with CM 117, not at sea under CM 120', () => {
    const anji: XY = [119.68, 30.64];
    const metres117: XY = [757_000, 3_394_000];
    const read117 = toWgs84('EPSG:4548')(metres117);
    expect(Math.abs(read117[0] - anji[0])).toBeLessThan(0.1);
    expect(Math.abs(read117[1] - anji[1])).toBeLessThan(0.1);
    expect(toWgs84('EPSG:4549')(metres117)[0]).toBeGreaterThan(122);
    expect(guessCoordinates([metres117])).toMatchObject({ crs: 'EPSG:4548', basis: 'magnitude' });
  });
  it('falls back to CM 120 when no zone puts the points in the mapped cities', () => {
    expect(guessCoordinates([[423_000, 3_321_000]])).toMatchObject({ crs: 'EPSG:4549' });
  });
  it('reads a zone number in front of the easting', () => {
    expect(guessCoordinates([[40_509_563, 3_416_566]])).toEqual({
      crs: 'EPSG:4528',
      basis: 'zonePrefix',
      swapped: false,
    });
    expect(guessCoordinates([[41_423_000, 3_321_000]])).toMatchObject({ crs: 'EPSG:4529' });
  });
  it('sees Chinese surveying order (X = north, Y = east) as swapped', () => {
    expect(guessCoordinates([[3_416_566, 40_509_563]])).toEqual({
      crs: 'EPSG:4528',
      basis: 'zonePrefix',
      swapped: true,
    });
  });
  it('sees degrees with latitude first as swapped', () => {
    expect(
      guessCoordinates([
        [30.9, 120.1],
        [30.5, 119.9],
      ]),
    ).toEqual({ crs: 'wgs84', basis: 'default', swapped: true });
    expect(guessCoordinates([[120.1, 30.9]])).toEqual({
      crs: 'wgs84',
      basis: 'default',
      swapped: false,
    });
  });
  it('gives up on numbers that are neither', () => {
    expect(guessCoordinates([[12, 13]])).toBeUndefined();
    expect(guessCoordinates([[1_234_567_890, 3]])).toBeUndefined();
    expect(guessCoordinates([])).toBeUndefined();
  });
});
