// Dexie's liveQuery stays silent unless a global indexedDB exists when Dexie loads, so this
// import must come before any module that imports Dexie. Databases still use their own factory.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportedLayersRepo } from '../persistence/imported-layers.repo.ts';
import { SettingsRepo } from '../persistence/settings.repo.ts';
import { freshProfile, type Profile } from '../../tests/persistence/fresh-db.ts';
import { InlineEvaluationWorker } from '../workers/inline-evaluation-worker.test-helper.ts';
import type { MuAtlasDb } from '../persistence/db.ts';
import { EVALUATION_SETTINGS_KEY, EvaluationState, PAINT_SLICE } from './evaluation.svelte.ts';
import { workerEvaluationEngine } from './evaluation-worker.ts';

/** The state over the real worker handler, run in this thread. */
const engineOver = (db: MuAtlasDb) => workerEvaluationEngine(() => new InlineEvaluationWorker(db));

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
  state = new EvaluationState(layers, settings, engineOver(db));
  await state.loadSettings();
  await expect.poll(() => state?.layerId).toBe(committed.layer.id);
  const stop = state.watchRecords();
  // Effects do not run in Node, so the tests ask for each evaluation the watcher would.
  await state.refresh();
  expect(state.rowCount).toBe(4);
  return { state, settings, stop, db };
}

/** A record's class as the page holds it (the rows of the 4-row table are all there). */
const classOf = (s: EvaluationState, name: string) =>
  s.rows.find((e) => e.inputs.name === name)?.evaluationClass;

describe('EvaluationState', () => {
  it('evaluates the first enterprise layer, and a weight change moves classes', async () => {
    const { state: s, stop } = await openState();
    s.draft.classSharesPercent = { A: 25, B: 25, C: 25 };
    // Tax per mu: 甲 10, 乙 1, 丙 2, 丁 3; 元/kWh: 甲 0.1, 乙 10, 丙 1, 丁 1.
    s.draft.belowSizeWeights = { taxPerMu: 100, taxPerElectricity: 0 };
    await s.refresh();
    expect(classOf(s, '甲')).toBe('A');
    expect(classOf(s, '乙')).toBe('D');
    // The map's per-record classes follow: 乙 is record 1.
    expect(s.recordClasses.get(1)?.evaluationClass).toBe('D');
    s.draft.belowSizeWeights = { taxPerMu: 0, taxPerElectricity: 100 };
    await s.refresh();
    expect(classOf(s, '乙')).toBe('A');
    expect(classOf(s, '甲')).toBe('D');
    expect(s.recordClasses.get(1)?.evaluationClass).toBe('A');
    expect(s.evaluation.counts).toMatchObject({ total: 4, scored: 4 });
    stop();
  });

  it('keeps the last valid settings while the form is invalid, and stores only valid ones', async () => {
    const { state: s, settings, stop, db } = await openState();
    s.draft.belowSizeWeights = { taxPerMu: 100, taxPerElectricity: 0 };
    await s.refresh();
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
    const reopened = new EvaluationState(
      new ImportedLayersRepo(profile.openTab()),
      settings,
      engineOver(db),
    );
    await reopened.loadSettings();
    expect(reopened.draft.belowSizeWeights).toEqual({ taxPerMu: 60, taxPerElectricity: 40 });
    reopened.dispose();
    stop();
  });

  it('sorts by a column with missing values last, and a second click flips it', async () => {
    const { state: s, stop } = await openState();
    s.sortBy('taxPerMu');
    await s.refresh();
    expect(s.rows.map((r) => r.inputs.name)).toEqual(['乙', '丙', '丁', '甲']);
    s.sortBy('taxPerMu');
    await s.refresh();
    expect(s.rows.map((r) => r.inputs.name)).toEqual(['甲', '丁', '丙', '乙']);
    // The CSV's rows come from the worker, in the same order.
    expect((await s.allRows(3)).map((r) => r.inputs.name)).toEqual(['甲', '丁', '丙', '乙']);
    stop();
  });
});

describe('EvaluationState.paintClasses', () => {
  it('hands the map one colour and class per record of the evaluated layer', async () => {
    const { state: s, stop } = await openState();
    s.draft.classSharesPercent = { A: 25, B: 25, C: 25 };
    s.draft.belowSizeWeights = { taxPerMu: 100, taxPerElectricity: 0 };
    await s.refresh();
    expect(classOf(s, '甲')).toBe('A');
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

  it('paints a large layer a slice a task, every record once, and stops when cancelled', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const layers = new ImportedLayersRepo(db);
    const count = PAINT_SLICE * 2 + 10;
    const records = Array.from({ length: count }, (_, i) =>
      belowSize(`企业${i}`, 1 + (i % 50), 10_000 + i),
    );
    const committed = await layers.commit(
      { name: '大表', kind: 'enterprises', sourceFileName: 'big.csv', importInfo: {}, records },
      { enteredBy: '' },
    );
    if (!committed.ok) throw new Error('fixture layer not stored');
    state = new EvaluationState(layers, new SettingsRepo(db), engineOver(db));
    await expect.poll(() => state?.layerId).toBe(committed.layer.id);
    await state.refresh();
    const slices: number[] = [];
    const painted = new Map<number, Record<string, unknown>>();
    state.paintClasses({
      setRecordStates: (_layerId, states) => {
        slices.push(states.size);
        for (const [index, value] of states) painted.set(index, value);
      },
    });
    // The first slice at once, the rest in later tasks.
    expect(slices).toEqual([PAINT_SLICE]);
    await expect.poll(() => painted.size).toBe(count);
    expect(slices).toEqual([PAINT_SLICE, PAINT_SLICE, 10]);
    const classes = new Set([...painted.values()].map((v) => v['evalClass']));
    expect(classes).toEqual(new Set(['A', 'B', 'C', 'D']));

    const cleared: number[] = [];
    const cancel = state.clearClasses(
      { setRecordStates: (_layerId, states) => cleared.push(states.size) },
      committed.layer.id,
      count,
    );
    cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cleared).toEqual([PAINT_SLICE]);
  });
});
