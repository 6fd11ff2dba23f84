/**
 * One briefing as a file a colleague can import: JSON with a format tag and version. Reading
 * is all-or-nothing: every problem is listed with where it is (`slides[2].title`), and a file
 * with any problem yields no briefing at all.
 */
import type { BoundsLonLat } from '../regions.ts';
import type { Briefing, BriefingSlide } from './briefing.ts';
import { isKpiId } from './briefing-kpis.ts';

/** The tag that marks a MuAtlas briefing file. */
export const BRIEFING_FILE_FORMAT = 'muatlas-briefing';
/** The version this code writes and reads. */
export const BRIEFING_FILE_VERSION = 1;
/** The file name extension offered when saving. */
export const BRIEFING_FILE_EXTENSION = '.muatlas-briefing.json';

/** Limits that keep a hand-edited or hostile file from filling storage. */
export const BRIEFING_LIMITS = {
  slides: 200,
  titleChars: 200,
  notesChars: 20_000,
  queryChars: 4_000,
  kpisPerSlide: 12,
  /** A 256×144 JPEG as a data URL is about 15,000 characters; this leaves room for detail. */
  thumbnailChars: 200_000,
} as const;

/** The pictures a slide thumbnail may be: a base64 data URL of a raster image, nothing else. */
const THUMBNAIL_DATA_URL = /^data:image\/(?:jpeg|png|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

/** What is wrong with a file; the UI words each code, with `path` saying where. */
export type BriefingFileProblemCode =
  | 'notJson'
  | 'notBriefingFile'
  | 'newerVersion'
  | 'missing'
  | 'wrongType'
  | 'tooLong'
  | 'tooMany'
  | 'badTime'
  | 'badQuery'
  | 'badThumbnail'
  | 'badBounds'
  | 'unknownKpi'
  | 'duplicateId';

export interface BriefingFileProblem {
  code: BriefingFileProblemCode;
  /** Where in the file, e.g. `slides[2].title`; empty for the file as a whole. */
  path: string;
}

export type BriefingFileResult =
  { ok: true; briefing: Briefing } | { ok: false; problems: BriefingFileProblem[] };

/** The file's text for one briefing. */
export function writeBriefingFile(briefing: Briefing, exportedAt: string): string {
  const { id, title, createdAt, updatedAt, slides } = briefing;
  return `${JSON.stringify(
    {
      format: BRIEFING_FILE_FORMAT,
      version: BRIEFING_FILE_VERSION,
      exportedAt,
      briefing: { id, title, createdAt, updatedAt, slides },
    },
    null,
    2,
  )}\n`;
}

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects problems while reading fields of one object. */
class Reader {
  readonly problems: BriefingFileProblem[] = [];

  problem(code: BriefingFileProblemCode, path: string): void {
    this.problems.push({ code, path });
  }

  text(obj: Obj, key: string, path: string, maxChars: number): string {
    const value = obj[key];
    const at = path ? `${path}.${key}` : key;
    if (value === undefined) this.problem('missing', at);
    else if (typeof value !== 'string') this.problem('wrongType', at);
    else if (value.length > maxChars) this.problem('tooLong', at);
    else return value;
    return '';
  }

  time(obj: Obj, key: string, path: string): string {
    const value = this.text(obj, key, path, 40);
    if (value !== '' && Number.isNaN(Date.parse(value))) {
      this.problem('badTime', path ? `${path}.${key}` : key);
    }
    return value;
  }
}

function readBounds(value: unknown, path: string, r: Reader): BoundsLonLat | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value) || value.length !== 4 || !value.every((n) => Number.isFinite(n))) {
    r.problem('badBounds', path);
    return null;
  }
  const [west, south, east, north] = value as [number, number, number, number];
  const inRange = Math.abs(west) <= 180 && Math.abs(east) <= 180 && Math.abs(south) <= 90;
  if (!inRange || Math.abs(north) > 90 || west >= east || south >= north) {
    r.problem('badBounds', path);
    return null;
  }
  return [west, south, east, north];
}

function readSlide(value: unknown, path: string, r: Reader): BriefingSlide | null {
  if (!isObject(value)) {
    r.problem('wrongType', path);
    return null;
  }
  const id = r.text(value, 'id', path, 100);
  if (value['id'] !== undefined && id === '') r.problem('missing', `${path}.id`);
  const viewQuery = r.text(value, 'viewQuery', path, BRIEFING_LIMITS.queryChars);
  if (viewQuery !== '' && !viewQuery.startsWith('?')) r.problem('badQuery', `${path}.viewQuery`);
  const kpis = value['kpiIds'];
  let kpiIds: string[] = [];
  if (!Array.isArray(kpis)) {
    r.problem(kpis === undefined ? 'missing' : 'wrongType', `${path}.kpiIds`);
  } else if (kpis.length > BRIEFING_LIMITS.kpisPerSlide) {
    r.problem('tooMany', `${path}.kpiIds`);
  } else {
    kpis.forEach((k: unknown, i) => {
      if (typeof k !== 'string') r.problem('wrongType', `${path}.kpiIds[${i}]`);
      else if (!isKpiId(k)) r.problem('unknownKpi', `${path}.kpiIds[${i}]`);
    });
    kpiIds = kpis.filter((k): k is string => typeof k === 'string');
  }
  const thumbnail = value['thumbnailDataUrl'];
  if (thumbnail !== undefined) {
    if (typeof thumbnail !== 'string') r.problem('wrongType', `${path}.thumbnailDataUrl`);
    else if (thumbnail.length > BRIEFING_LIMITS.thumbnailChars) {
      r.problem('tooLong', `${path}.thumbnailDataUrl`);
    } else if (!THUMBNAIL_DATA_URL.test(thumbnail)) {
      r.problem('badThumbnail', `${path}.thumbnailDataUrl`);
    }
  }
  return {
    id,
    title: r.text(value, 'title', path, BRIEFING_LIMITS.titleChars),
    subtitle: r.text(value, 'subtitle', path, BRIEFING_LIMITS.titleChars),
    speakerNotes: r.text(value, 'speakerNotes', path, BRIEFING_LIMITS.notesChars),
    viewQuery,
    boundsLonLat: readBounds(value['boundsLonLat'], `${path}.boundsLonLat`, r),
    kpiIds,
    ...(typeof thumbnail === 'string' ? { thumbnailDataUrl: thumbnail } : {}),
  };
}

/** Reads a briefing file; the briefing only when the whole file is sound. */
export function readBriefingFile(text: string): BriefingFileResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ code: 'notJson', path: '' }] };
  }
  if (!isObject(parsed) || parsed['format'] !== BRIEFING_FILE_FORMAT) {
    return { ok: false, problems: [{ code: 'notBriefingFile', path: '' }] };
  }
  const version = parsed['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problems: [{ code: 'wrongType', path: 'version' }] };
  }
  if (version > BRIEFING_FILE_VERSION) {
    return { ok: false, problems: [{ code: 'newerVersion', path: 'version' }] };
  }
  return readBriefingValue(parsed['briefing'], 'briefing');
}

/**
 * Checks a briefing as an object (from a file, or a backup's `briefings` section), with problem
 * paths under `root`; the briefing only when every field is sound.
 */
export function readBriefingValue(body: unknown, root: string): BriefingFileResult {
  if (!isObject(body)) {
    return {
      ok: false,
      problems: [{ code: body === undefined ? 'missing' : 'wrongType', path: root }],
    };
  }
  const r = new Reader();
  const at = (field: string) => (root ? `${root}.${field}` : field);
  const id = r.text(body, 'id', root, 100);
  const title = r.text(body, 'title', root, BRIEFING_LIMITS.titleChars);
  const createdAt = r.time(body, 'createdAt', root);
  const updatedAt = r.time(body, 'updatedAt', root);
  const rawSlides = body['slides'];
  const slides: BriefingSlide[] = [];
  if (!Array.isArray(rawSlides)) {
    r.problem(rawSlides === undefined ? 'missing' : 'wrongType', at('slides'));
  } else if (rawSlides.length > BRIEFING_LIMITS.slides) {
    r.problem('tooMany', at('slides'));
  } else {
    const seen = new Set<string>();
    rawSlides.forEach((raw: unknown, i) => {
      const path = at(`slides[${i}]`);
      const slide = readSlide(raw, path, r);
      if (!slide) return;
      if (slide.id !== '' && seen.has(slide.id)) r.problem('duplicateId', `${path}.id`);
      seen.add(slide.id);
      slides.push(slide);
    });
  }
  if (id === '' && body['id'] !== undefined && typeof body['id'] === 'string') {
    r.problem('missing', at('id'));
  }
  if (r.problems.length > 0) return { ok: false, problems: r.problems };
  return { ok: true, briefing: { id, title, slides, createdAt, updatedAt } };
}
