import { describe, expect, it } from 'vitest';
import { initialScriptPaths } from './initial-js.bench.ts';

describe('initialScriptPaths', () => {
  it('lists the entry module and its modulepreloaded chunks, not styles or classic scripts', () => {
    const html = `<!doctype html><html><head>
      <script type="module" crossorigin src="./assets/index-AbC.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/maplibre-XyZ.js">
      <link rel="stylesheet" crossorigin href="./assets/index-Q.css">
      <link rel="preload" href="./fonts/x.woff2">
      <script src="./legacy.js"></script>
      <script type="module">console.log('inline')</script>
    </head></html>`;
    expect(initialScriptPaths(html)).toEqual(['./assets/index-AbC.js', './assets/maplibre-XyZ.js']);
  });

  it('accepts single-quoted and unquoted attributes and counts a file once', () => {
    const html = `<script type=module src='/a.js'></script><link rel=modulepreload href=/b.js><link rel="modulepreload" href="/a.js">`;
    expect(initialScriptPaths(html)).toEqual(['/a.js', '/b.js']);
  });
});
