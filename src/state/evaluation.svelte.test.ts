// Dexie's liveQuery stays silent unless a global indexedDB exists when Dexie loads, so this
// import must come before any module that imports Dexie. Databases still use their own factory.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportedLayersRepo } from '../persistence/imported-layers.repo.ts';
import { SettingsRepo } from '../persistence/settings.repo.ts';
import { freshProfile, type Profile } from '../../tests/persistence/fresh-db.ts';
import { EVALUATION_SETTINGS_KEY, EvaluationState } from './evaluation.svelte.ts';

let profile: Profile;
let state: EvaluationState | undefined;
afterEach(() => {
  state?.dispose();
  profile.close();
});

/** Four 规下 enterprises of 2023 in a fictional layer: tax per mu 1, 2, 3, 10; kWh tax equal. */
function belowSize(name: string, taxWanYuan: number, electricityKwh: number) {
  return {
    geometry: null,
    fields: {
      name,
      districtCode: '330502',
      sizeClass: 'below',
      year: 2023,
      landAreaMu: 10,
      taxWanYuan,
      electricityKwh,
    },
  };
}

async function openState() {
  profile = freshProfile();
  const db = profile.openTab();
  const layers = new ImportedLayersRepo(db);
  const committed = await layers.commit(
    {
      name: '示例企业',
      kind: 'enterprises',
      sourceFileName: 'test.csv',
      importInfo: {},
      records: [
        // 甲 is strong per mu, weak per kWh; 乙 the reverse.
        belowSize('甲', 100, 10_000_000),
        belowSize('乙', 10, 10_000),
        belowSize('丙', 20, 200_000),
        belowSize('丁', 30, 300_000),
      ],
    },
    { enteredBy: '' },
  );
  if (!committed.ok) throw new Error('fixture layer not stored');
  const settings = new SettingsRepo(db);
  state = new EvaluationState(layers, settings);
  await state.loadSettings();
  await expect.poll(() => state?.layerId).toBe(committed.layer.id);
  const stop = state.watchRecords();
  await expect.poll(() => state?.records.length).toBe(4);
  return { state, settings, stop };
}

const classOf = (s: EvaluationState, name: string) =>
  s.evaluation.enterprises.find((e) => e.inputs.name === name)?.evaluationClass;

describe('EvaluationState', () => {
  it('evaluates the first enterprise layer, and a weight change moves classes', async () => {
    const { state: s, stop } = await openState();
    s.draft.classSharesPercent = { A: 25, B: 25, C: 25 };
    // Tax per mu: 甲 10, 乙 1, 丙 2, 丁 3; 元/kWh: 甲 0.1, 乙 10, 丙 1, 丁 1.
    s.draft.belowSizeWeights = { taxPerMu: 100, taxPerElectricity: 0 };
    expect(classOf(s, '甲')).toBe('A');
    expect(classOf(s, '乙')).toBe('D');
    s.draft.belowSizeWeights = { taxPerMu: 0, taxPerElectricity: 100 };
    expect(classOf(s, '乙')).toBe('A');
    expect(classOf(s, '甲')).toBe('D');
    stop();
  });

  it('keeps the last valid settings while the form is invalid, and stores only valid ones', async () => {
    const { state: s, settings, stop } = await openState();
    s.draft.belowSizeWeights = { taxPerMu: 100, taxPerElectricity: 0 };
    expect(classOf(s, '甲')).toBe('A');
    s.draft.belowSizeWeights = { taxPerMu: 10, taxPerElectricity: 0 };
    expect(s.validation.valid).toBe(false);
    expect(s.settings.belowSizeWeights).toEqual({ taxPerMu: 100, taxPerElectricity: 0 });
    await s.save();
    expect(await settings.get(EVALUATION_SETTINGS_KEY)).toBeUndefined();
    expect(s.unsaved).toBe(true);

    s.draft.belowSizeWeights = { taxPerMu: 60, taxPerElectricity: 40 };
    await s.save();
    expect(s.saveOutcome).toBe('saved');
    expect(s.unsaved).toBe(false);
    const reopened = new EvaluationState(new ImportedLayersRepo(profile.openTab()), settings);
    await reopened.loadSettings();
    expect(reopened.draft.belowSizeWeights).toEqual({ taxPerMu: 60, taxPerElectricity: 40 });
    reopened.dispose();
    stop();
  });

  it('sorts by a column with missing values last, and a second click flips it', async () => {
    const { state: s, stop } = await openState();
    s.sortBy('taxPerMu');
    expect(s.rows.map((r) => r.inputs.name)).toEqual(['乙', '丙', '丁', '甲']);
    s.sortBy('taxPerMu');
    expect(s.rows.map((r) => r.inputs.name)).toEqual(['甲', '丁', '丙', '乙']);
    stop();
  });
});

describe('EvaluationState.paintClasses', () => {
  it('hands the map one colour and class per record of the evaluated layer', async () => {
    const { state: s, stop } = await openState();
    s.draft.classSharesPercent = { A: 25, B: 25, C: 25 };
    s.draft.belowSizeWeights = { taxPerMu: 100, taxPerElectricity: 0 };
    const painted: { layerId: string; states: ReadonlyMap<number, Record<string, unknown>> }[] = [];
    s.paintClasses({ setRecordStates: (layerId, states) => painted.push({ layerId, states }) });
    expect(painted).toHaveLength(1);
    expect(painted[0]?.layerId).toBe(s.layerId);
    // Record 0 is 甲 (tax per mu 10, the highest): class A, drawn green.
    expect(painted[0]?.states.get(0)).toEqual({ colour: '#1a9850', evalClass: 'A', flagged: 0 });
    expect(painted[0]?.states.get(1)).toMatchObject({ evalClass: 'D', colour: '#d73027' });
    expect(painted[0]?.states.size).toBe(4);
    stop();
  });
});
