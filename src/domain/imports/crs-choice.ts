/**
 * Deciding which coordinate system a file's points are in, and saying why: the user's choice,
 * then the file's own statement (.prj, GeoJSON `crs`, a column header), then the numbers'
 * magnitudes. Whatever is assumed becomes a finding the user sees before saving.
 */
import {
  crsOfHeader,
  guessCoordinates,
  isInZhejiang,
  isProjected,
  readPrj,
  toWgs84,
  wktToWgs84,
  type XY,
} from './crs.ts';
import type { CrsBasis, CrsId, Finding, ImportPreview } from './import-preview.ts';

export interface CrsChoice {
  crs: NonNullable<ImportPreview['crs']>;
  convert: (xy: XY) => XY;
  /** Each point's two numbers are to be swapped before converting. */
  swapped: boolean;
  findings: Finding[];
}

export interface CrsHints {
  userCrs?: CrsId;
  /** A shapefile's .prj text; null when the zip has none. */
  prj?: string | null;
  /** What the file itself states (GeoJSON `crs`); KML is WGS-84 by definition. */
  stated?: CrsId;
  /** Header texts of the coordinate columns. */
  headers?: readonly string[];
}

function choice(crs: CrsId, basis: CrsBasis, swapped: boolean, findings: Finding[]): CrsChoice {
  return { crs: { value: crs, basis, label: crs }, convert: toWgs84(crs), swapped, findings };
}

/**
 * Chooses the coordinate system for `points` (a sample of the file's raw [x, y] numbers).
 * Returns findings for every assumption, and an error finding when the numbers cannot be in
 * the chosen system.
 */
export function chooseCrs(points: readonly XY[], hints: CrsHints): CrsChoice {
  const findings: Finding[] = [];
  const guess = guessCoordinates(points);
  const swapped = guess?.swapped ?? false;
  if (swapped) findings.push({ id: 'swappedColumns', severity: 'warning', params: {} });

  if (hints.userCrs) {
    if (guess && isProjected(guess.crs) !== isProjected(hints.userCrs)) {
      findings.push({
        id: 'crsMismatch',
        severity: 'error',
        params: { crs: hints.userCrs, suggested: guess.crs },
      });
    } else {
      findings.push({ id: 'crsChosen', severity: 'info', params: { crs: hints.userCrs } });
    }
    return choice(hints.userCrs, 'user', swapped, findings);
  }

  if (typeof hints.prj === 'string') {
    const reading = readPrj(hints.prj);
    if (reading.kind === 'known') {
      findings.push({
        id: 'crsFromPrj',
        severity: 'info',
        params: { crs: reading.crs, name: reading.name },
      });
      return choice(reading.crs, 'prj', swapped, findings);
    }
    if (reading.kind === 'other') {
      findings.push({ id: 'prjOther', severity: 'warning', params: { name: reading.name } });
      const convert = wktToWgs84(reading.wkt) ?? ((xy: XY) => xy);
      return {
        crs: { value: 'prj', basis: 'prj', label: reading.name },
        convert,
        swapped,
        findings,
      };
    }
    findings.push({ id: 'prjUnknown', severity: 'warning', params: { name: reading.name } });
  } else if (hints.prj === null) {
    findings.push({ id: 'prjMissing', severity: 'warning', params: {} });
  }

  if (hints.stated) {
    findings.push({
      id: 'crsFromPrj',
      severity: 'info',
      params: { crs: hints.stated, name: hints.stated },
    });
    return choice(hints.stated, 'prj', swapped, findings);
  }

  if (!guess) {
    if (points.length > 0) {
      findings.push({
        id: 'allOutsideZhejiang',
        severity: 'error',
        params: { count: points.length },
      });
    }
    return choice('wgs84', 'default', false, findings);
  }
  if (isProjected(guess.crs)) {
    findings.push({
      id: 'crsDetected',
      severity: 'warning',
      params: { crs: guess.crs, basis: guess.basis },
    });
    return choice(guess.crs, guess.basis, swapped, findings);
  }
  const fromHeader = hints.headers?.map(crsOfHeader).find((c) => c !== undefined);
  if (fromHeader) {
    findings.push({
      id: 'crsDetected',
      severity: 'info',
      params: { crs: fromHeader, basis: 'header' },
    });
    return choice(fromHeader, 'header', swapped, findings);
  }
  findings.push({ id: 'crsAssumed', severity: 'warning', params: { crs: 'wgs84' } });
  return choice('wgs84', 'default', swapped, findings);
}

/** Findings after conversion: how many points fell outside Zhejiang, or all of them. */
export function regionFindings(converted: readonly XY[], outsideCount: number): Finding[] {
  if (converted.length > 0 && outsideCount === converted.length) {
    return [{ id: 'allOutsideZhejiang', severity: 'error', params: { count: outsideCount } }];
  }
  if (outsideCount > 0) {
    return [{ id: 'outsideZhejiang', severity: 'warning', params: { count: outsideCount } }];
  }
  return [];
}

export { isInZhejiang };
