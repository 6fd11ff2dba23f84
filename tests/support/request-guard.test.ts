import { describe, expect, it } from 'vitest';
import { isLocalUrl } from './request-guard.ts';

describe('isLocalUrl', () => {
  it.each([
    'http://127.0.0.1:4173/tiles/muatlas.pmtiles',
    'http://localhost:5173/',
    'http://[::1]:8080/fonts/a/0-255.pbf',
    'data:image/png;base64,AAAA',
    'blob:http://127.0.0.1:4173/0b6f2c9e',
  ])('accepts %s', (url) => {
    expect(isLocalUrl(url)).toBe(true);
  });

  it.each([
    'https://tiles.example.com/a.pbf',
    'http://127.0.0.1.example.com/',
    'http://10.0.0.1/',
    'ws://127.0.0.1:1234/',
    'not a url',
  ])('rejects %s', (url) => {
    expect(isLocalUrl(url)).toBe(false);
  });
});
