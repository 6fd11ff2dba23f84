// Dexie's liveQuery stays silent unless a global indexedDB exists when Dexie loads, so this
// import must come before any module that imports Dexie.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ENTERPRISE_COUNT, DEMO_YEARS } from '../domain/evaluation/demo-dataset.ts';
import { readDistrictOutlines } from '../domain/zones/zone-contents.ts';
import { importedLayerColour } from '../map/imported-layers.layer.ts';
import { ImportedLayersRepo } from '../persistence/imported-layers.repo.ts';
import { SettingsRepo } from '../persistence/settings.repo.ts';
import { freshProfile, type Profile } from '../../tests/persistence/fresh-db.ts';
import { InlineEvaluationWorker } from '../workers/inline-evaluation-worker.test-helper.ts';
import { EvaluationState, type RecordStateTarget } from './evaluation.svelte.ts';
import { workerEvaluationEngine } from './evaluation-worker.ts';

const outlines = readDistrictOutlines(
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../public/data/districts.geojson'), 'utf8'),
  ) as FeatureCollection,
);

let profile: Profile;
let state: EvaluationState | undefined;
afterEach(() => {
  state?.dispose();
  profile.close();
});

async function openEmpty() {
  profile = freshProfile();
  const db = profile.openTab();
  const layers = new ImportedLayersRepo(db);
  state = new EvaluationState(
    layers,
    new SettingsRepo(db),
    workerEvaluationEngine(() => new InlineEvaluationWorker(db)),
  );
  await state.loadSettings();
  await expect.poll(() => state?.layers.loaded).toBe(true);
  return { state, layers };
}

/** A map hook that keeps the last state set per record, as feature state does (merged). */
function recordingTarget() {
  const states = new Map<number, Record<string, string | number | boolean>>();
  const target: RecordStateTarget = {
    setRecordStates: (_layerId, next) => {
      for (const [index, s] of next) states.set(index, { ...states.get(index), ...s });
    },
  };
  return { target, states };
}

describe('EvaluationState demo data', () => {
  it('stores the demo as an enterprise layer marked synthetic, and evaluates it', async () => {
    const { state, layers } = await openEmpty();
    await state.loadDemo(async () => outlines);
    expect(state.demoOutcome).toEqual({ kind: 'loaded' });
    const stored = await layers.listLayers();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.name).toContain('示例数据');
    expect(stored[0]!.sourceFileName).toContain('示例数据');
    expect(stored[0]!.recordCount).toBe(DEMO_ENTERPRISE_COUNT * DEMO_YEARS.length);
    await expect.poll(() => state.layerId).toBe(stored[0]!.id);
    expect(state.isDemo).toBe(true);
    await state.refresh();
    expect(state.rowCount).toBe(DEMO_ENTERPRISE_COUNT);
    const flagged = state.evaluation.counts.flagged;
    expect(flagged).toBeGreaterThan(0);
    expect(state.flaggedGeometries).toHaveLength(flagged);
    // Every flagged enterprise is listed by name for the zones, with the rules that flag it.
    const flaggedIndices = [...state.evaluatedRecords.recordIndex].filter(
      (index) => state.recordClasses.get(index)?.flagged === true,
    );
    expect(flaggedIndices).toHaveLength(flagged);
    for (const index of flaggedIndices) {
      expect(state.listed.get(index)?.flagRules.length).toBeGreaterThan(0);
    }
  });

  it('says why when the outlines cannot be read, storing nothing', async () => {
    const { state, layers } = await openEmpty();
    await state.loadDemo(async () => {
      throw new Error('HTTP 404');
    });
    expect(state.demoOutcome).toEqual({ kind: 'failed', detail: 'Error: HTTP 404' });
    expect(await layers.listLayers()).toEqual([]);
  });

  it('takes the class colours and flags off every record it painted', async () => {
    const { state } = await openEmpty();
    await state.loadDemo(async () => outlines);
    await expect.poll(() => state.isDemo).toBe(true);
    await state.refresh();
    expect(state.rowCount).toBe(DEMO_ENTERPRISE_COUNT);
    const { target, states } = recordingTarget();
    state.paintClasses(target);
    expect([...states.values()].some((s) => s['flagged'] === 1)).toBe(true);
    const layerId = state.layerId!;
    state.clearClasses(target, layerId, state.layer!.recordCount);
    expect(states.size).toBe(DEMO_ENTERPRISE_COUNT * DEMO_YEARS.length);
    for (const s of states.values()) {
      expect(s).toEqual({ colour: importedLayerColour(layerId), evalClass: '', flagged: 0 });
    }
  });
});
