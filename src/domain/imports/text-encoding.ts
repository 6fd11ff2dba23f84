/**
 * Telling UTF-8 from GBK/GB18030 text, as officials' CSV files come in both: Excel on a Chinese
 * Windows saves "CSV" in GBK, WPS and web exports in UTF-8, sometimes with a byte-order mark.
 */
import type { EncodingBasis, TextEncoding } from './import-preview.ts';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  basis: EncodingBasis;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) > 0x7f) return false;
  return true;
}

/** Reads bytes in a given encoding, dropping a byte-order mark. */
export function decodeAs(bytes: Uint8Array, encoding: TextEncoding): string {
  // TextDecoder drops a BOM that matches its own encoding (ignoreBOM defaults to false).
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * Decodes text, detecting the encoding unless `override` is given: a BOM decides; else bytes
 * that are valid UTF-8 are UTF-8 (a run of GBK double bytes is almost never valid UTF-8); else
 * GB18030, which reads GBK and GB2312 alike.
 */
export function decodeText(bytes: Uint8Array, override?: TextEncoding): DecodedText {
  if (override) return { text: decodeAs(bytes, override), encoding: override, basis: 'user' };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: decodeAs(bytes, 'utf-8'), encoding: 'utf-8', basis: 'bom' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: decodeAs(bytes, 'utf-16le'), encoding: 'utf-16le', basis: 'bom' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: decodeAs(bytes, 'utf-16be'), encoding: 'utf-16be', basis: 'bom' };
  }
  if (isAscii(bytes)) return { text: decodeAs(bytes, 'utf-8'), encoding: 'utf-8', basis: 'ascii' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, encoding: 'utf-8', basis: 'validUtf8' };
  } catch {
    return { text: decodeAs(bytes, 'gb18030'), encoding: 'gb18030', basis: 'invalidUtf8' };
  }
}

/**
 * The encoding a shapefile's .cpg names, when it is one the importer reads: `UTF-8`, `GBK`,
 * `GB2312`, `GB18030`, `936` (the Windows code page for GBK), `CP936`.
 */
export function encodingOfCpg(cpg: string): TextEncoding | undefined {
  const name = cpg
    .trim()
    .toLowerCase()
    .replace(/^ansi\s*/, '');
  if (name === 'utf-8' || name === 'utf8' || name === '65001') return 'utf-8';
  if (['gbk', 'gb2312', 'gb18030', '936', 'cp936', 'windows-936'].includes(name)) return 'gb18030';
  return undefined;
}
