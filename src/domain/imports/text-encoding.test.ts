import { describe, expect, it } from 'vitest';
import { decodeText, encodingOfCpg } from './text-encoding.ts';

/** 企业 in GBK (GB 2312 code points C6F3 and D2B5). */
const GBK_QIYE = new Uint8Array([0xc6, 0xf3, 0xd2, 0xb5]);
const UTF8_QIYE = new TextEncoder().encode('企业');

describe('text encodings', () => {
  it('reads GBK bytes as GB18030, saying they were not UTF-8', () => {
    expect(decodeText(GBK_QIYE)).toEqual({
      text: '企业',
      encoding: 'gb18030',
      basis: 'invalidUtf8',
    });
  });

  it('reads UTF-8 Chinese as UTF-8', () => {
    expect(decodeText(UTF8_QIYE)).toEqual({ text: '企业', encoding: 'utf-8', basis: 'validUtf8' });
  });

  it('drops a UTF-8 byte-order mark and names it as the reason', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...UTF8_QIYE]);
    expect(decodeText(bytes)).toEqual({ text: '企业', encoding: 'utf-8', basis: 'bom' });
  });

  it('reads UTF-16LE with its mark (Excel "Unicode text")', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x01, 0x4f, 0x1a, 0x4e]);
    expect(decodeText(bytes)).toEqual({ text: '企业', encoding: 'utf-16le', basis: 'bom' });
  });

  it('calls plain ASCII ascii, since any encoding reads it alike', () => {
    expect(decodeText(new TextEncoder().encode('name,lon'))).toMatchObject({ basis: 'ascii' });
  });

  it('follows the user when they override, even to a wrong encoding', () => {
    const wrong = decodeText(GBK_QIYE, 'utf-8');
    expect(wrong.basis).toBe('user');
    expect(wrong.text).not.toBe('企业');
  });

  it('reads .cpg names', () => {
    expect(encodingOfCpg('UTF-8\n')).toBe('utf-8');
    expect(encodingOfCpg('GBK')).toBe('gb18030');
    expect(encodingOfCpg('936')).toBe('gb18030');
    expect(encodingOfCpg('ANSI 936')).toBe('gb18030');
    expect(encodingOfCpg('ISO-8859-1')).toBeUndefined();
  });
});
