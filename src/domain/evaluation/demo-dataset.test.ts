import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { districtsOfCity } from '../regions.ts';
import { readDistrictOutlines } from '../zones/zone-contents.ts';
import {
  DEMO_ENTERPRISE_COUNT,
  DEMO_YEARS,
  demoImportInfo,
  generateDemoRecords,
  isDemoLayer,
} from './demo-dataset.ts';
import { fromRecord } from './enterprise-inputs.ts';
import { evaluateLayer } from './evaluate-layer.ts';
import { DEFAULT_EVALUATION_SETTINGS } from './evaluation-settings.ts';

const root = resolve(import.meta.dirname, '../../..');
const outlines = readDistrictOutlines(
  JSON.parse(
    readFileSync(resolve(root, 'public/data/districts.geojson'), 'utf8'),
  ) as FeatureCollection,
);
const records = generateDemoRecords(outlines);
const inputs = records.map((r, index) => fromRecord({ ...r, layerId: 'demo', index }));

describe('generateDemoRecords', () => {
  it('makes the same records every time (and from outlines in any order)', () => {
    expect(generateDemoRecords(outlines)).toEqual(records);
    expect(generateDemoRecords([...outlines].reverse())).toEqual(records);
  });

  it('gives every enterprise one record per demo year', () => {
    expect(records).toHaveLength(DEMO_ENTERPRISE_COUNT * DEMO_YEARS.length);
    const years = new Map<string, number[]>();
    for (const i of inputs)
      years.set(i.enterpriseKey, [...(years.get(i.enterpriseKey) ?? []), i.year ?? 0]);
    expect(years.size).toBe(DEMO_ENTERPRISE_COUNT);
    for (const y of years.values()) expect(y).toEqual([...DEMO_YEARS]);
  });

  it('places each enterprise inside the outline of the Huzhou district it names', () => {
    const byCode = new Map(outlines.map((o) => [o.code, o]));
    const huzhou = new Set(districtsOfCity('330500').map((d) => d.code));
    const used = new Set<string>();
    for (const record of records) {
      const code = String(record.fields['districtCode']);
      expect(huzhou.has(code)).toBe(true);
      const outline = byCode.get(code);
      expect(outline).toBeDefined();
      if (record.geometry?.type !== 'Point') throw new Error('demo records are points');
      expect(booleanPointInPolygon(record.geometry.coordinates, outline!.geometry)).toBe(true);
      used.add(code);
    }
    // Every Huzhou district with an outline gets some enterprises.
    expect(used.size).toBe(outlines.filter((o) => o.cityCode === '330500').length);
  });

  it('is evaluable: every record scores, and the classes and flags all occur', () => {
    const result = evaluateLayer(inputs, DEFAULT_EVALUATION_SETTINGS, null);
    expect(result.year).toBe(DEMO_YEARS[1]);
    expect(result.enterprises).toHaveLength(DEMO_ENTERPRISE_COUNT);
    expect(result.enterprises.every((e) => e.score !== null)).toBe(true);
    for (const c of ['A', 'B', 'C', 'D'] as const) {
      expect(result.enterprises.some((e) => e.evaluationClass === c)).toBe(true);
    }
    const flagged = result.enterprises.filter((e) => e.flag.flagged === true).length;
    expect(flagged).toBeGreaterThan(0);
    expect(flagged).toBeLessThan(DEMO_ENTERPRISE_COUNT / 2);
    for (const d of result.districts) expect(d.taxPerMuWanYuan).toBeGreaterThan(0);
  });

  it('names every enterprise as synthetic and never reuses a seed enterprise', () => {
    const seedNames = readFileSync(resolve(root, 'seeds/huzhou-key-enterprises.csv'), 'utf8');
    for (const i of inputs) {
      expect(i.name.startsWith('示例企业')).toBe(true);
      expect(seedNames.includes(i.name)).toBe(false);
      expect(i.creditCode?.startsWith('DEMO')).toBe(true);
    }
  });

  it('refuses outlines without any Huzhou district', () => {
    expect(() => generateDemoRecords(outlines.filter((o) => o.cityCode !== '330500'))).toThrow(
      /Huzhou/,
    );
  });
});

describe('isDemoLayer', () => {
  it('tells the demo layer from an imported file', () => {
    expect(isDemoLayer({ importInfo: demoImportInfo() })).toBe(true);
    expect(isDemoLayer({ importInfo: { encoding: 'utf-8' } })).toBe(false);
  });
});
