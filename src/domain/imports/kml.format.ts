/**
 * KML and KMZ (Google Earth, 奥维 Ovi maps exports): WGS-84 by definition. Parsed with
 * @tmcw/togeojson over @xmldom/xmldom, since a Web Worker has no DOMParser.
 */
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import type { RawFeature } from './import-preview.ts';
import { decodeText } from './text-encoding.ts';

export class KmlError extends Error {
  constructor(
    readonly findingId: 'brokenZip' | 'unreadableFile',
    detail: string,
  ) {
    super(detail);
  }
}

/** Reads KML text into features. Throws KmlError when it is not XML. */
export function readKmlText(text: string): RawFeature[] {
  let document;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level === 'fatalError') throw new KmlError('unreadableFile', message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    throw error instanceof KmlError
      ? error
      : new KmlError('unreadableFile', (error as Error).message);
  }
  if (!document.documentElement || !/kml/i.test(document.documentElement.nodeName)) {
    throw new KmlError('unreadableFile', 'no <kml> root');
  }
  // togeojson walks the DOM through the standard interfaces xmldom implements.
  const collection = kml(document as unknown as Document);
  return collection.features.map((f) => ({
    geometry: f.geometry ?? null,
    properties: { ...(f.properties ?? {}) },
  }));
}

/** Reads KML bytes (encoding from the bytes; KML is UTF-8 unless it says otherwise). */
export function readKml(bytes: Uint8Array): RawFeature[] {
  return readKmlText(decodeText(bytes).text);
}

/** Reads a KMZ: the zip's doc.kml, else its first .kml. */
export function readKmz(bytes: Uint8Array): RawFeature[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name.toLowerCase().endsWith('.kml') });
  } catch (error) {
    throw new KmlError('brokenZip', (error as Error).message);
  }
  const names = Object.keys(files).sort();
  const name = names.find((n) => n.toLowerCase() === 'doc.kml') ?? names[0];
  const content = name ? files[name] : undefined;
  if (!content) throw new KmlError('unreadableFile', 'no .kml in the KMZ');
  return readKml(content);
}
