import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZoneTargets, zoneProgress } from '../../domain/zones/zone-progress.ts';
import { zonesZhCN } from '../../i18n/zones.zh-CN.ts';
import {
  lineRangesText,
  PROGRESS_CLASSES,
  progressClassOf,
  progressFillsOf,
  readSourceDocuments,
  targetSourceText,
} from './zone-progress.view.ts';

const seeds = (file: string) =>
  readFileSync(resolve(import.meta.dirname, '../../../seeds', file), 'utf8');
const TARGETS = readZoneTargets(seeds('huzhou-2023-district-targets.csv'), seeds('plan-goals.csv'));
const DOCUMENTS = readSourceDocuments(seeds('sources.csv'));

/** One zone wholly in 吴兴区 planning `landMu` 亩. */
const wuxingZone = (id: string, landMu: number) => ({
  id,
  plannedLandMu: landMu,
  areaMu: 1,
  energySpaceTce: null,
  districts: [{ districtCode: '330502', cityCode: '330500', areaMu: 1, share: 1 }],
});

describe('progress classes', () => {
  it('puts a ratio in the class whose range holds it, and met targets in the last', () => {
    expect(progressClassOf(0)).toBe(PROGRESS_CLASSES[0]);
    expect(progressClassOf(0.2499)).toBe(PROGRESS_CLASSES[0]);
    expect(progressClassOf(0.25)).toBe(PROGRESS_CLASSES[1]);
    expect(progressClassOf(0.99)).toBe(PROGRESS_CLASSES[3]);
    expect(progressClassOf(1)).toBe(PROGRESS_CLASSES.at(-1));
    expect(progressClassOf(3.2)).toBe(PROGRESS_CLASSES.at(-1));
    expect(progressClassOf(null)).toBeNull();
  });

  it('colours 吴兴区 by the share of its 1,500 亩 target its zones plan, and no district without a land target', () => {
    // 750 亩 of 吴兴's 1,500 亩 (seed row 93) is half: the 50–75% class.
    const report = zoneProgress([wuxingZone('a', 500), wuxingZone('b', 250)], TARGETS);
    const fills = progressFillsOf(report);
    expect(fills.get('330502')).toBe(PROGRESS_CLASSES[2]?.colour);
    // Districts with a target and no zones are at 0%, the lightest class.
    expect(fills.get('330503')).toBe(PROGRESS_CLASSES[0]?.colour);
    for (const d of report.districts) {
      expect(fills.has(d.districtCode)).toBe(d.landMu.target !== null);
    }
  });
});

describe('target sources', () => {
  it('cites the seed row and the document number with its lines', () => {
    const land = TARGETS.districtLand.get('330502');
    expect(land).toBeDefined();
    const text = targetSourceText(land!, DOCUMENTS, zonesZhCN.progress.source);
    expect(text).toContain('huzhou-2023-district-targets.csv');
    expect(text).toContain('93');
    expect(text).toContain('湖政办发〔2023〕22号');
    expect(text).toContain('258');
  });

  it('gives line ranges with a dash and a lone line as itself', () => {
    expect(lineRangesText([[31, 33]])).toBe('31–33');
    expect(
      lineRangesText([
        [258, 258],
        [300, 302],
      ]),
    ).toBe('258, 300–302');
    const goal = TARGETS.cityLandGoal.get('330500');
    expect(targetSourceText(goal!, DOCUMENTS, '{file}:{row} {docNumber} {lines}')).toBe(
      'plan-goals.csv:10 湖政办发〔2023〕22号 31–33',
    );
  });

  it('names a document missing from sources.csv by its file', () => {
    const land = TARGETS.districtLand.get('330502')!;
    expect(targetSourceText(land, new Map(), '{docNumber}')).toBe('003_bf8a38d02e4bdcc0.txt');
  });
});
