import type { Messages } from './zh-CN.ts';

export const importsEn: Messages['imports'] = {
  findings: {
    emptyFile: 'The file “{fileName}” is empty.',
    unknownFormat:
      'The format of “{fileName}” is not recognised. Supported: CSV, XLSX, GeoJSON, Shapefile (zip), KML/KMZ.',
    unreadableFile: 'The file could not be read: {detail}',
    brokenZip: 'The zip archive is damaged and cannot be unpacked: {detail}',
    shpMissing: 'The zip holds no .shp file (it holds: {detail}).',
    dbfMissing: 'The .dbf attribute file that goes with {detail} is missing.',
    prjMissing:
      'No .prj projection file: the coordinate system was judged from the numbers; please check.',
    prjUnknown:
      'The coordinate system “{name}” in the .prj is not recognised; it was judged from the numbers; please check.',
    prjOther:
      'The .prj names “{name}”, not a usual CGCS2000/WGS-84 system; converted by its parameters — please check positions.',
    encodingDetected:
      'Text encoding: {encoding} ({basis}). If text looks garbled, choose another encoding.',
    encodingChosen: 'Text encoding: {encoding} (your choice).',
    crsFromPrj: 'Coordinate system: {crs} (stated in the file: {name}).',
    crsChosen: 'Coordinate system: {crs} (your choice).',
    crsDetected: 'Coordinate system judged from the numbers as {crs} ({basis}); please confirm.',
    crsAssumed:
      'No coordinate system stated; read as {crs}. If the points come from AMap, choose GCJ-02.',
    crsMismatch: 'The chosen system {crs} does not fit the numbers, which look like {suggested}.',
    gcj02Converted: 'AMap (GCJ-02) coordinates were converted to WGS-84.',
    swappedColumns:
      'The longitude and latitude (or X and Y) columns were the other way round; swapped.',
    outsideZhejiang: '{count} points lie outside Zhejiang; those rows were not imported.',
    allOutsideZhejiang:
      'All {count} points lie outside Zhejiang: the coordinate system is probably wrong.',
    noHeader: 'No header row found; please say which row holds the headers.',
    noIdentityColumn:
      'No enterprise name or credit code column: records cannot be matched to enterprises.',
    noPlacementColumn: 'No coordinate or district column: records cannot be placed on the map.',
    unmappedColumns:
      '{count} columns are not mapped to a field and are kept as they are: {columns}',
    sheetsIgnored: '{count} more sheets/layers in the file were not imported {names}',
    rejectedRows: '{count} rows have problems and were not imported (listed below).',
    unplacedRecords:
      '{count} records have neither coordinates nor a district and will not show on the map.',
    noRecords: 'There are no records to import.',
    mergedHeader: 'The header has merged cells; group and column names were read together.',
    emptyGeometries: '{count} features have no geometry.',
    encodingBasis: {
      bom: 'the file starts with a byte-order mark',
      ascii: 'only ASCII characters',
      validUtf8: 'the content is valid UTF-8',
      invalidUtf8: 'the content is not UTF-8, so it was read as GBK/GB18030',
      cpg: 'named in the .cpg file',
      user: 'your choice',
    },
    crsBasis: {
      prj: 'stated in the file',
      user: 'your choice',
      zonePrefix: 'the eastings carry a zone number',
      magnitude: 'from the size of the numbers and the zone they fit',
      header: 'named in the column header',
      default: 'default',
    },
    crsNames: {
      wgs84: 'WGS-84 (GPS)',
      gcj02: 'GCJ-02 (AMap)',
      cgcs2000: 'CGCS2000 degrees',
    },
  },
  reasons: {
    notANumber: 'text where a number belongs',
    negativeNumber: 'cannot be negative',
    creditCodeFormat: 'a credit code has 18 digits or capital letters',
    creditCodeCheckDigit: 'the credit code’s check character is wrong',
    badCoordinate: 'the coordinate is not a number',
    halfCoordinate: 'only one of the two coordinates is given',
    outsideZhejiang: 'the position lies outside Zhejiang',
    unknownDistrict: 'not a known district',
    badSizeClass: 'size class must be 规上 or 规下',
    badYear: 'a year is four digits between 1990 and 2100',
    missingIdentity: 'neither an enterprise name nor a credit code',
    badGeometry: 'the geometry cannot be read',
  },
};
